"""The world of the shared access test: one route with every kind of object, and one user per persona.

It is built once per module (about 2,000 requests run against it) inside an outer transaction that is
rolled back when the module ends, the way Django's TestCase.setUpTestData keeps class-level data: each
test's own transaction (pytest-django's `db`) is a savepoint inside it, so a change a test makes (an
allowed POST stops the route, an allowed DELETE erases the student) is undone before the next test.
The world is made with the root conftest's fixtures (their bodies are called directly, because a
module-scoped fixture cannot request the function-scoped ones) and with the apps' own use cases."""
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from apps.accounts.models import ApiToken, Role, User
from apps.accounts.testing import login_with_second_factor
from apps.registry.models import Institution

# Persona -> username. The root `users` fixture makes beheer, calvijn, rocva, achterhoek, regio, examen.
USERNAMES = {
    "anonymous": None,
    "coord_vo": "calvijn",           # routecoördinator of the route's vo-school (made the route, owns the import)
    "coord_mbo": "rocva",            # routecoördinator of the route's mbo institution
    "examen": "examen",              # examencoördinator of the mbo partner
    "financieel": "fin-calvijn",     # financieel medewerker of the vo partner
    "bestuurder": "bestuur-zaam",    # bestuurder of the vo partner's board
    "coord_other": "achterhoek",     # routecoördinator of a vo-school that is no partner (other region too)
    "regio": "regio",                # regiocoördinator of the route's region (Amsterdam)
    "regio_other": "regio-ach",      # regiocoördinator of another region (Achterhoek)
    "beheer": "beheer",              # beheerder, logged in with the second factor
}
PERSONAS = tuple(USERNAMES)


class _Root:
    """The root conftest's fixtures as plain functions (see the module docstring). The module is taken from
    pytest's plugin manager: every conftest.py is imported under the name "conftest", so an import would
    find this one."""

    def __init__(self, config):
        path = str(config.rootpath / "conftest.py")
        module = next(p for p in config.pluginmanager.get_plugins() if getattr(p, "__file__", None) == path)
        for name in ("registry", "make_user", "users", "api_client", "route", "signed_route", "glr_route"):
            setattr(self, name, getattr(module, name).__wrapped__)


@dataclass
class World:
    objects: dict = field(default_factory=dict)   # name -> model instance (route, student, event, ...)
    sessions: dict = field(default_factory=dict)  # persona -> session cookie (logged in once, for every page test)
    bodies: dict = field(default_factory=dict)    # name -> a valid request body (table entries' `body`)
    tokens: dict = field(default_factory=dict)    # persona -> Authorization header for the API

    def pk(self, name):
        return self.objects[name].pk


def _users(root, registry, make_user):
    users = root.users(registry, make_user)
    users["fin-calvijn"] = make_user("fin-calvijn", Role.FINANCIEEL, [registry["calvijn"]])
    users["bestuur-zaam"] = make_user("bestuur-zaam", Role.BESTUURDER, [registry["calvijn"]])
    users["regio-ach"] = make_user("regio-ach", Role.REGIOCOORDINATOR, region=registry["ach"])
    return users


def _student_with_parts(route, registry, users):
    """A student enrolled as the interface enrols one (instroom event, enrolments), with an exam part and a
    BPV period."""
    from apps.registry.models import Leerweg
    from apps.students import services
    from apps.students.models import BpvPeriod, Student

    student = Student(route=route, first_name="Sanne", last_name="Toegang", leerweg=Leerweg.objects.get(code="BB"),
                      cohort=2019, kwalificatie=registry["k"]["helpende"], glr_judgment_on="2019-06-15")
    student = services.enrol(student, {registry["calvijn"]: "C0001"}, users["calvijn"])[0]
    part = student.exam_parts.create(sector="vmbo", kind="SE", name="Nederlands", planned_route_year=1)
    bpv = BpvPeriod.objects.create(student=student, leerbedrijf="Zorgcentrum", start=date(2020, 2, 1))
    return {"student": student, "event": student.events.order_by("pk").first(), "exam_part": part, "bpv": bpv}


def _agreement_document(agreement, user):
    from apps.routes.models import AgreementDocument

    document = AgreementDocument(agreement=agreement, description="SOK getekend", uploaded_by=user)
    document.file.save("sok.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return document


def _settlement(route, users):
    from apps.finance import services
    from apps.finance.schemas import SettlementIn
    from apps.finance.tests.test_write_path import M1

    reasons = {key: "raming" for key in ("student_count", "weight_sum", "diplomas")}   # the register has none in 2025
    return services.save(users["fin-calvijn"], route,
                         SettlementIn(school_year=2025, model="M1", parameters=M1, reasons=reasons))


def _proposal(route, registry, api):
    """An open partner proposal of the mbo coordinator: a second vo-school (Over-Y College) joins."""
    from apps.routes.models import PartnerProposal

    school = Institution.objects.create(brin="21OY", name="Over-Y College", sector="vo", kind="vo-school",
                                        bestuur=registry["boards"]["zaam"])
    school.regions.add(registry["ams"])
    response = api.post(f"/api/v1/routes/{route.pk}/partner-proposals",
                        {"institution": "21OY", "role": "vo", "rio_registered_on": "2024-09-01"},
                        content_type="application/json", **api.token_for("rocva"))
    assert response.status_code == 201, response.content
    return PartnerProposal.objects.get(pk=response.json()["id"])


def _import_job(route, registry, users):
    from apps.students.models import ImportJob

    return ImportJob.objects.create(route=route, institution=registry["calvijn"], user=users["calvijn"],
                                    kind="students", filename="leerlingen.csv", headers=["nr", "naam"],
                                    rows=[["C0002", "Piet"]], row_count=1,
                                    errors=[{"row": 1, "column": "nr", "value": "C0002", "rule": "", "message": "x"}])


def _bodies(registry, objects):
    """Valid bodies for the changes whose input is checked before the access (table.py, `body`): a
    refused persona must be refused for who they are, not for an empty body."""
    from apps.finance.tests.test_write_path import M1
    from apps.routes.schemas import AgreementIn
    from apps.routes.tests.payloads import route_payload, whole

    route, over_y = objects["route"], objects["over_y"]
    reasons = {key: "raming" for key in ("student_count", "weight_sum", "diplomas")}
    part = {"sector": "vmbo", "kind": "SE", "name": "Engels", "planned_route_year": 1}
    return {
        "route": route_payload(registry, name="Nieuwe route"),
        "route_whole": whole(route_payload(registry)),
        "agreement": {"title": "Nieuwe SOK", "routes": [route.pk]},
        "agreement_whole": AgreementIn(title="SOK", routes=[route.pk], valid_from="2019-08-01").model_dump(mode="json"),
        "proposal": {"institution": "21OY", "role": "mbo", "rio_registered_on": "2024-09-01"},
        "proposal_form": {"action": "add", "institution": over_y.pk, "role": "mbo"},
        "reason": {"reason": "Geen plaats"},
        "exam_template": {"keuzedelen": 0, "bpv_hours": 0, "note": "", "parts": []},
        "student": {"first_name": "Nieuwe", "last_name": "Leerling", "leerweg": "BB", "cohort": 2019,
                    "kwalificatie": "25498", "glr_judgment_on": "2019-06-15", "numbers": {"17XG": "C0009"}},
        "student_whole": {"first_name": "Sanne", "last_name": "Toegang", "date_of_birth": None, "leerweg": "BB",
                          "profiel": None, "vmbo_year_at_start": 3, "glr_judgment_on": "2019-06-15",
                          "glr_judgment_note": "", "vo_school": "17XG", "mbo_institution": None},
        "event": {"kind": "overgang", "date": "2020-08-01"},
        "exam_part": part,
        "exam_part_whole": {**part, "actual_route_year": None, "examiner": None, "location": "", "integrated": False,
                            "result": "open", "grade": None, "result_on": None},
        "bpv": {"leerbedrijf": "Zorgcentrum", "start": "2020-03-01"},
        "group_results": {"sector": "vmbo", "kind": "SE", "name": "Nederlands", "result_on": "2020-06-01",
                          "rows": [{"student": objects["student"].pk, "grade": "7.0"}]},
        "settlement": {"school_year": 2024, "model": "M1", "parameters": M1, "reasons": reasons},
        "settlement_whole": {"model": "M1", "parameters": M1, "reasons": reasons},
        "approval": {"confirm": "1"},
        "goal": {"text": "Ouders zijn betrokken"},
        "role": {"institution": "17XG", "role": "mentor", "name": "Mila Mentor"},
        "departure": {"end": "2026-07-31", "handover_note": "Map staat op de gedeelde schijf."},
        "judgement": {"school_year": 2021, "judgement": "deels"},
        "survey": {"school_year": 2021, "cohorts": [2019]},
        "statement": {"text": "Mijn mentor helpt me goed"},
        "codes": {"cohort": 2019, "count": 2},
        "reflection_round": {"title": "Najaar", "opens_on": str(date.today()), "closes_on": "2099-12-31",
                             "participants": ["calvijn", "rocva"]},
        "reflection_invite": {"participants": ["examen"]},
        "reflection_response": {"answers": {"V1": {"score": 3, "note": "concept"}}},
        "series": {"kind": "werkgroep", "profiel": "Z&W"},
        "meeting": {"kind": "stuurgroep", "held_on": "2020-02-01"},
        "cancel": {"reason": "De mbo-partners konden niet"},
        "decision": {"text": "Ouderavond plannen"},
        "knelpunt": {"category": "ouders", "title": "Ouders twijfelen"},
        "population": lambda: {"school_year": 2019, "file": SimpleUploadedFile(
            "duo.csv", b"BRIN NUMMER;VESTIGINGSNUMMER\n", content_type="text/csv")},
    }


def _build(root, api):
    registry = root.registry(None)
    make_user = root.make_user(None)
    users = _users(root, registry, make_user)
    route = root.glr_route(root.signed_route(root.route(registry, users, api), registry))
    objects = {"route": route, "kwalificatie": registry["k"]["helpende"], "institution": registry["calvijn"],
               "bestuur": registry["boards"]["zaam"]}
    objects.update(_student_with_parts(route, registry, users))
    objects["agreement"] = route.agreements.get()
    objects["document"] = _agreement_document(objects["agreement"], users["calvijn"])
    objects["settlement"] = _settlement(route, users)
    objects["proposal"] = _proposal(route, registry, api)
    objects["over_y"] = Institution.objects.get(brin="21OY")
    objects["import_job"] = _import_job(route, registry, users)
    from apps.registry.exam_templates import create_own_template
    objects["exam_template"] = create_own_template(registry["k"]["helpende"])
    objects["region"] = route.region
    objects["goal"] = _goal(route, users)
    objects["survey"], objects["statement"] = _survey(route, users)
    objects["reflection_round"] = _reflection_round(route, users)
    objects.update(_cooperation(route, registry, users))
    objects["role"] = _role(route, users)
    objects["person"] = objects["role"].person
    world = World(objects=objects, bodies=_bodies(registry, objects))
    for persona, username in USERNAMES.items():
        if username:
            world.tokens[persona] = api.token_for(username)
    for persona, username in USERNAMES.items():
        if username:
            world.sessions[persona] = _session(username)
    # DELETE /auth/tokens/{token_id} is tried on the vo coordinator's token.
    objects["token"] = ApiToken.objects.filter(user__username="calvijn").latest("pk")
    return world


def _goal(route, users):
    """A qualitative target of the route, judged for one school year."""
    from apps.routes import services as route_services
    from apps.routes.schemas import GoalIn, JudgementIn

    goal = route_services.add_goal(users["calvijn"], route, GoalIn(text="Elke leerling heeft een mentor"))
    route_services.judge_goal(users["calvijn"], goal, JudgementIn(school_year=2021, judgement="ja"))
    return goal


def _survey(route, users):
    """A closed student survey of the route with five anonymous answers."""
    from apps.survey import services as survey_services
    from apps.survey.schemas import CodesIn, SubmissionIn, SurveyIn

    survey = survey_services.create_survey(users["calvijn"], route, SurveyIn(school_year=2021, cohorts=[2019]))
    codes = survey_services.generate_codes(users["calvijn"], survey, CodesIn(cohort=2019, count=6))
    survey_services.open_survey(users["calvijn"], survey)
    statements = list(survey.statements.all())
    for code in codes[:5]:
        survey_services.submit(SubmissionIn(code=code.code, answers=[{"statement": s.pk, "value": 4}
                                                                     for s in statements]))
    survey_services.close_survey(users["calvijn"], survey)
    return survey, statements[0]


def _reflection_round(route, users):
    """An open reflection round of the route: the two coordinators invited (INVITEES in table.py)."""
    from apps.reflection import services as reflection_services
    from apps.reflection.schemas import RoundIn

    return reflection_services.open_round(users["calvijn"], route, RoundIn(
        title="Reflectie", opens_on=date.today(), closes_on=date(2099, 12, 31), participants=["calvijn", "rocva"]))


def _cooperation(route, registry, users):
    """The route's overleg: an overlegvorm, a meeting of both sides, an open decision of a Calvijn person, a
    knelpunt of the route and one of the region."""
    from datetime import date

    from apps.cooperation import services
    from apps.cooperation.schemas import DecisionIn, KnelpuntIn, MeetingIn, SeriesIn
    from apps.routes.models import Person

    vo = Person.objects.create(institution=registry["calvijn"], name="Vera Toegang")
    mbo = Person.objects.create(institution=registry["rocva"], name="Mark Toegang")
    user = users["calvijn"]
    series = services.add_series(user, route, SeriesIn(kind="stuurgroep"))
    meeting = services.record_meeting(user, route, MeetingIn(series=series.pk, held_on=date(2020, 1, 15), attendance=[
        {"person": vo.pk}, {"person": mbo.pk}]))
    decision = services.add_decision(user, route, DecisionIn(text="Rooster afstemmen", owner=vo.pk, meeting=meeting.pk))
    knelpunt = services.add_knelpunt(user, KnelpuntIn(category="ov_kaart", title="Geen OV-kaart"), route=route)
    services.add_knelpunt(users["regio"], KnelpuntIn(category="docenttijd", title="Docenttijd"), region=registry["ams"])
    return {"series": series, "meeting": meeting, "decision": decision, "knelpunt": knelpunt, "person": vo}
def _role(route, users):
    """A role at the route's vo-school (Calvijn): its coordinator and the beheerder change it."""
    from apps.routes import services as route_services
    from apps.routes.schemas import RoleIn

    return route_services.add_role(users["calvijn"], route, RoleIn(institution="17XG", role="decaan",
                                                                   name="Dirk Decaan", email="decaan@calvijn.nl"))


def _session(username):
    """A browser session of the user (the beheerder's passed the second factor), made once: each test's
    changes to it (a logout) are rolled back with the test."""
    client = Client()
    if username == "beheer":
        login_with_second_factor(client, username)
    else:
        client.force_login(User.objects.get(username=username))
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture(scope="module")
def world(request, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            root = _Root(request.config)
            yield _build(root, root.api_client(Client()))
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def page_client(world, db):
    """A browser client logged in as a persona (the beheerder with a session that passed the second factor)."""
    def as_persona(persona):
        client = Client(raise_request_exception=False)
        if persona in world.sessions:
            client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[persona]
        return client
    return as_persona
