"""Fuzzing of the API against its own OpenAPI description (schemathesis, in-process WSGI): for every
operation a fixed, derandomized set of generated requests, authenticated as a route coordinator with a
small register (a route, a GLR route with an agreement, a student, a settlement). No answer may be a
server error, use a status code the operation does not declare, or contradict the declared schema.

Bounded: MAX_EXAMPLES per operation, a few minutes in all. Marked `fuzz`: part of `make test` (CI);
deselect locally with `-m "not fuzz"`."""
from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

pytestmark = [pytest.mark.fuzz]

MAX_EXAMPLES = 15
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]

# Operations excluded until the finding named next to them is fixed (owned by another part of the work;
# the lead removes an exclusion once its fix is merged).
EXCLUDED: dict[str, str] = {}


def _root_fixtures(config):
    """The root conftest's fixtures as plain functions: a module-scoped fixture cannot request the
    function-scoped ones (as tests/access/conftest.py's _Root; every conftest.py is imported as "conftest",
    so the module is taken from pytest's plugin manager)."""
    path = str(config.rootpath / "conftest.py")
    module = next(p for p in config.pluginmanager.get_plugins() if getattr(p, "__file__", None) == path)
    return {name: getattr(module, name).__wrapped__
            for name in ("registry", "make_user", "users", "api_client", "route", "signed_route", "glr_route")}


def _small_register(root):
    """A route coordinator's small register; ids to aim some generated requests at real records."""
    from apps.finance.models import Settlement
    from apps.routes.models import Agreement
    from apps.students.models import Student

    registry = root["registry"](None)
    make_user = root["make_user"](None)
    api_client = root["api_client"](Client())
    route = root["route"](registry, root["users"](registry, make_user), api_client)
    glr_route = root["glr_route"](root["signed_route"](route, registry))
    make_user("fin-calvijn", "financieel", [registry["calvijn"]])
    headers = api_client.token_for("calvijn")
    body = {"first_name": "Fenna", "last_name": "Fuzz", "leerweg": "BB", "cohort": 2021, "kwalificatie": "25498",
            "glr_judgment_on": "2021-06-01", "date_of_birth": "2008-05-01"}
    created = api_client.post(f"/api/v1/routes/{glr_route.pk}/students", body, content_type="application/json",
                              **headers)
    assert created.status_code == 201, created.content
    student = Student.objects.get(pk=created.json()["id"])
    settlement = Settlement.objects.create(route=glr_route, school_year=2025, model="M5", parameters={})
    token = headers["HTTP_AUTHORIZATION"]
    return {"headers": {"Authorization": token},
            "ids": {"route_id": glr_route.pk, "student_id": student.pk, "settlement_id": settlement.pk,
                    "agreement_id": Agreement.objects.get().pk, "cohort": 2021}}


@pytest.fixture(scope="module")
def fuzz_world(request, django_db_setup, django_db_blocker):
    """The small register, made once for the module (not once per operation) inside an outer transaction
    that is rolled back when the module ends, the way Django's TestCase.setUpTestData keeps class-level data.
    Each operation's test runs in its own savepoint (pytest-django's `db`, see fuzz_data), so whatever the
    generated requests of one operation change (a deleted route, a revoked token) is undone before the next."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _small_register(_root_fixtures(request.config))
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def fuzz_data(fuzz_world, db):
    """The module's small register, inside this test's own savepoint."""
    return fuzz_world


@contextmanager
def _connection_kept():
    """As Django's test client: a request must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_description(case, fuzz_data):
    label = f"{case.method} {case.path}"
    if label in EXCLUDED:
        pytest.skip(EXCLUDED[label])
    # Half of the generated ids (the odd ones) point at a real record, so the operations run past the lookup.
    for name, value in (case.path_parameters or {}).items():
        if name in fuzz_data["ids"] and isinstance(value, int) and value % 2:
            case.path_parameters[name] = fuzz_data["ids"][name]
    with _connection_kept():
        case.call_and_validate(headers=fuzz_data["headers"], checks=CHECKS)
