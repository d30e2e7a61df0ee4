"""Shared fixtures: a small register (two regions, a vo-school and an mbo per region) and users of
every role. Tests build routes through the same forms and use cases as the product."""
from datetime import date

import pytest
from hypothesis import HealthCheck, settings

from apps.accounts.models import Role, User
from apps.routes.tests.payloads import route_payload

# Property tests judge behaviour, not the machine's speed: a loaded CI machine must not fail them.
settings.register_profile("leerroute", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("leerroute")


@pytest.fixture
def registry(db):
    from django.apps import apps as django_apps

    from apps.registry import models as reg
    from apps.registry.reference import seed

    seed(django_apps)  # transactional tests flush what the data migration created
    ams = reg.Region.objects.create(kind="rmc", name="Amsterdam")
    ach = reg.Region.objects.create(kind="rmc", name="Achterhoek")
    zaam = reg.Bestuur.objects.create(name="Stichting ZAAM")
    roc = reg.Bestuur.objects.create(name="Stichting ROC van Amsterdam")
    gsg = reg.Bestuur.objects.create(name="Gelderse Scholengroep")
    graafschap = reg.Bestuur.objects.create(name="Stichting Graafschap College")

    def inst(brin, name, sector, bestuur, region):
        i = reg.Institution.objects.create(brin=brin, name=name, sector=sector,
                                           kind="vo-school" if sector == "vo" else "roc", bestuur=bestuur)
        i.regions.add(region)
        return i

    k = {
        "helpende": reg.Kwalificatie.objects.create(code="25498", name="Helpende zorg en welzijn", level=2),
        "entree": reg.Kwalificatie.objects.create(code="25253", name="Assistent dienstverlening en zorg", level=1),
        "verzorgende": reg.Kwalificatie.objects.create(code="25491", name="Verzorgende-IG", level=3),
    }
    zw = reg.Profiel.objects.get(code="Z&W")
    reg.ProfielKwalificatie.objects.create(profiel=zw, kwalificatie=k["helpende"])
    reg.ProfielKwalificatie.objects.create(profiel=zw, kwalificatie=k["verzorgende"])
    return {
        "ams": ams, "ach": ach, "boards": {"zaam": zaam, "roc": roc},
        "calvijn": inst("17XG", "Calvijn College", "vo", zaam, ams),
        "rocva": inst("25LX", "ROC van Amsterdam", "mbo", roc, ams),
        "vo_ach": inst("20DE", "Vo-school Achterhoek", "vo", gsg, ach),
        "mbo_ach": inst("25LF", "Graafschap College", "mbo", graafschap, ach),
        "k": k,
    }


@pytest.fixture
def make_user(db):
    def make(username, role, institutions=(), region=None):
        user = User.objects.create_user(username=username, password="pw-" + username, role=role, region=region)
        user.institutions.set(institutions)
        return user
    return make


@pytest.fixture
def users(registry, make_user):
    r = registry
    return {
        "beheer": make_user("beheer", Role.BEHEERDER),
        "calvijn": make_user("calvijn", Role.ROUTECOORDINATOR, [r["calvijn"]]),
        "rocva": make_user("rocva", Role.ROUTECOORDINATOR, [r["rocva"]]),
        "achterhoek": make_user("achterhoek", Role.ROUTECOORDINATOR, [r["vo_ach"]]),
        "regio": make_user("regio", Role.REGIOCOORDINATOR, region=r["ams"]),
        "examen": make_user("examen", Role.EXAMENCOORDINATOR, [r["rocva"]]),
    }


@pytest.fixture
def api_client(client):
    """A test client with helpers to log in through the token endpoint."""
    def token_for(username):
        from apps.accounts.testing import code_for_token

        body = {"username": username, "password": "pw-" + username}
        code = code_for_token(username)  # a beheerder (and any user with a device) gives the second factor
        if code:
            body["otp"] = code
        response = client.post("/api/v1/auth/token", body, content_type="application/json")
        assert response.status_code == 200, response.content
        return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}
    client.token_for = token_for
    return client


@pytest.fixture
def route(registry, users, api_client):
    """A compliant route created through the API by the Calvijn coordinator."""
    headers = api_client.token_for("calvijn")
    response = api_client.post("/api/v1/routes", route_payload(registry), content_type="application/json",
                               **headers)
    assert response.status_code == 201, response.content
    from apps.routes.models import Route
    return Route.objects.get(pk=response.json()["id"])


@pytest.fixture
def signed_route(route, registry):
    """The test route as it is (a DLR with vmbo diploma) with a samenwerkingsovereenkomst valid from 2019-2020,
    signed by both boards before it and covering the mandatory topics: students can be enrolled (R-06, R-07)."""
    from apps.routes.models import Agreement, Signature

    agreement = Agreement.objects.create(title="SOK", kind="sok", valid_from="2019-08-01")
    agreement.routes.add(route)
    for board in registry["boards"].values():
        Signature.objects.create(agreement=agreement, bestuur=board, signed_on="2019-07-01")
    for topic in ("aansturing", "inrichting", "bekostiging", "overstapoptie"):
        agreement.clauses.create(topic=topic, text="afgesproken")
    return route


@pytest.fixture
def glr_route(signed_route):
    """The signed test route as a GLR without vmbo diploma (the Calvijn pattern)."""
    signed_route.vmbo_diploma = False
    signed_route.vmbo_exam_route_year = None
    signed_route.save()
    return signed_route


# --- the demo data set, loaded once for every module that reads it ---------------------------------------

DEMO_TODAY = date(2026, 11, 30)
_demo = {}   # while loaded: "atomic" (the outer transaction), "loader", "blocker"


@pytest.fixture(scope="module")
def demo_2026(django_db_setup, django_db_blocker):
    """The demo data set as of DEMO_TODAY (its DemoLoader), loaded once for all the modules that ask for it
    (about 40 s a load) inside an outer transaction, the way Django's TestCase.setUpTestData keeps class-level
    data: each test runs in its own savepoint (`django_db`), so what one test changes is undone before the
    next. The tests that ask for it run one after the other (pytest_collection_modifyitems below), and the
    transaction is rolled back after the last of them (pytest_runtest_teardown below): no other test sees
    the demo."""
    if not _demo:
        from django.db import transaction

        from apps.demo.loader import DemoLoader

        with django_db_blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                loader = DemoLoader(today=DEMO_TODAY)
                loader.load()
                _analyze()
            except BaseException:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                raise
        _demo.update(atomic=atomic, loader=loader, blocker=django_db_blocker)
    return _demo["loader"]


def _analyze():
    """PostgreSQL's planner statistics for the rows just written: autovacuum does not see rows of a transaction
    that is still open, and without them the KPI queries over the demo run as if its tables were empty
    (nested loops over thousands of students: minutes instead of milliseconds). ANALYZE in the transaction
    samples what it sees."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _uses_demo(item):
    return item is not None and "demo_2026" in getattr(item, "fixturenames", ())


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The tests on the loaded demo one after the other, where the first of them stands (after pytest-django
    has put the transactional tests last: none of them asks for the demo)."""
    demo = [item for item in items if _uses_demo(item)]
    if demo:
        first = items.index(demo[0])
        rest = [item for item in items if not _uses_demo(item)]
        items[:] = rest[:first] + demo + rest[first:]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the last test on the loaded demo (its savepoint and module fixtures undone), the demo's outer
    transaction is rolled back."""
    result = yield
    if _demo and not _uses_demo(nextitem):
        from django.db import transaction

        with _demo["blocker"].unblock():
            transaction.set_rollback(True)
            _demo["atomic"].__exit__(None, None, None)
        _demo.clear()
    return result
