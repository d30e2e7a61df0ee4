"""K-12 succes na doorstroom: the follow-up record (a ``vervolgdiploma`` event through the students' use
case, the API and the student page, audited), the figure on hand-made cohorts with known answers, the
engine equal to the reference (``domain.kpi.reference_cohort``) also on generated paths, the API, the
results page and the students behind the figure."""
import os
from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.registry.models import Kwalificatie
from apps.results import engine, followup
from apps.results.engine import Scope
from apps.results.records import path_records
from apps.students.models import Event, Student
from domain import kpi as core
from domain.kpi import Step

from .paths import path

ON = date(2024, 10, 15)
JSON = "application/json"


def k12(scope, cohort, on):
    return followup.succes(scope, cohort, on)


def reference_k12(scope, cohort, on):
    records = path_records(engine.students_in(scope))
    figures = core.reference_cohort(records, cohort, on, engine.route_length(scope))
    return next(f for f in figures if f.id == "K-12")


def counts(f):
    return f.numerator, f.denominator, f.value


def graduate(make_student, diploma=date(2022, 7, 1), doorstroom=date(2022, 9, 1), level=3, more=()):
    """A cohort-2019 student with a level-2 diploma, doorstroom at ``level`` (None: no doorstroom), and
    the ``more`` steps after it."""
    steps = [Step("instroom", date(2019, 8, 1), kwalificatie="25498"),
             Step("mbo_diploma", diploma, kwalificatie="25498", level=2)]
    if level:
        steps.append(Step("doorstroom", doorstroom, level=level))
    return make_student(2019, [*steps, *more], doorstroom_level={3: "mbo3", 4: "mbo4", 5: "hbo"}.get(level, ""))


@pytest.fixture
def cohort(make_student, glr_route):
    """Cohort 2019, five doorstromers (diploma level 2 in July 2022, enrolled higher on 1 October 2022):
    A a level-3 diploma in 2024, B an hbo diploma after the peildatum, C a record at level 2 (not higher:
    written straight into the register, which the use case refuses), D no record; E with a diploma but
    enrolled only in November (no doorstroom) and a level-3 diploma later: outside K-12. F doorstroom
    late (after 1 October). G without a diploma."""
    made = {
        "A": graduate(make_student, more=[Step("vervolgdiploma", date(2024, 7, 5), level=3)]),
        "B": graduate(make_student, level=5, more=[Step("vervolgdiploma", date(2026, 6, 30), level=5)]),
        "C": graduate(make_student, more=[Step("vervolgdiploma", date(2024, 7, 5), level=2)]),
        "D": graduate(make_student, level=4),
        "E": graduate(make_student, doorstroom=date(2022, 11, 1), more=[Step("vervolgdiploma", date(2024, 7, 5),
                                                                             level=3)]),
        "G": make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498")]),
    }
    return made


def test_k12_on_a_hand_made_cohort(cohort, glr_route):
    scope = Scope(route=glr_route.pk)
    figures = {f.id: f for f in engine.cohort_figures(scope, 2019, ON)}
    assert figures["K-05"].numerator == 4                         # A, B, C, D
    assert counts(k12(scope, 2019, ON)) == (1, 4, core.percentage(1, 4))    # A only: 25.0
    assert str(k12(scope, 2019, ON).value) == "25.0"
    assert counts(k12(scope, 2019, date(2026, 7, 1))) == (2, 4, core.percentage(2, 4))   # and B's hbo diploma
    assert counts(k12(scope, 2019, date(2022, 9, 15))) == (0, 0, None)      # no 1 October after the diplomas yet
    for on in (ON, date(2026, 7, 1), date(2022, 9, 15), date(2023, 1, 1)):
        assert counts(k12(scope, 2019, on)) == counts(reference_k12(scope, 2019, on)), on
    for other in (Scope(national=True), Scope(region=glr_route.region_id)):
        assert counts(k12(other, 2019, ON)) == (1, 4, core.percentage(1, 4))


def test_the_callers_get_k12_after_k11_once(cohort, glr_route):
    scope = Scope(route=glr_route.pk)
    figures = followup.with_succes(engine.cohort_figures(scope, 2019, ON), scope, 2019, ON)
    ids = [f.id for f in figures]
    assert ids.count("K-12") == 1 and ids.index("K-12") == ids.index("K-11") + 1
    assert followup.with_succes(figures, scope, 2019, ON) == figures


def test_the_students_behind_k12(cohort, glr_route):
    behind = followup.students_behind(Student.objects.all(), 2019, ON)
    assert list(behind) == [cohort["A"]]


@st.composite
def followed_path(draw):
    """A generated path (``paths.path``) with, after a doorstroom, sometimes a vervolgdiploma at any
    level (also one not above the diploma), on any day up to four years later."""
    cohort, steps, level = draw(path())
    if level and draw(st.booleans()):
        after = steps[-1].date + timedelta(days=draw(st.integers(1, 1500)))
        steps = (*steps, Step("vervolgdiploma", after, level=draw(st.sampled_from((2, 3, 4, 5)))))
    return cohort, steps, level


@settings(max_examples=int(os.environ.get("KPI_EXAMPLES", "25")),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paths=st.lists(followed_path(), min_size=1, max_size=10),
       on=st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31)))
def test_engine_equals_reference_on_generated_students(make_student, glr_route, paths, on):
    Student.objects.all().delete()
    for cohort, steps, level in paths:
        make_student(cohort, list(steps), doorstroom_level=level)
    for scope in (Scope(route=glr_route.pk), Scope(national=True)):
        for cohort in {c for c, _, _ in paths}:
            mine, oracle = k12(scope, cohort, on), reference_k12(scope, cohort, on)
            assert counts(mine) == counts(oracle)
            k05 = next(f for f in engine.cohort_figures(scope, cohort, on) if f.id == "K-05")
            assert mine.denominator == k05.numerator


# -- the follow-up record through the use case -------------------------------------------------------

@pytest.fixture
def mbo4(registry):
    return Kwalificatie.objects.create(code="25655", name="Medewerker maatschappelijke zorg", level=4)


def post_event(api_client, user, student, **body):
    return api_client.post(f"/api/v1/students/{student.pk}/events", body, content_type=JSON,
                           **api_client.token_for(user))


def test_mbo_staff_record_a_vervolgdiploma_over_the_api(api_client, make_student, users, mbo4):
    student = graduate(make_student, level=4)
    response = post_event(api_client, "rocva", student, kind="vervolgdiploma", date="2024-07-01",
                          doorstroom_level="mbo4", kwalificatie="25655", source="instelling",
                          detail="MZ niveau 4, ROC van Amsterdam")
    assert response.status_code == 201, response.content
    event = Event.objects.get(student=student, kind="vervolgdiploma")
    assert (event.level, event.source, event.kwalificatie, event.date) == (4, "instelling", mbo4, date(2024, 7, 1))
    assert LogEntry.objects.get_for_object(event).exists()                        # audited like every event
    body = api_client.get(f"/api/v1/students/{student.pk}", **api_client.token_for("rocva")).json()
    shown = next(e for e in body["events"] if e["kind"] == "vervolgdiploma")
    assert shown | {"level": 4, "source": "instelling", "kwalificatie": "25655"} == shown
    student.refresh_from_db()
    assert student.status == "gediplomeerd" and student.mbo_diploma_on == date(2022, 7, 1)   # the path stays


@pytest.mark.parametrize("body, field", [
    ({"date": "2024-07-01", "source": "duo"}, "doorstroom_level"),                       # no level
    ({"date": "2024-07-01", "doorstroom_level": "mbo4"}, "source"),                      # no source
    ({"date": "2024-07-01", "doorstroom_level": "mbo4", "source": "duo", "kwalificatie": "25491"},
     "kwalificatie"),                                                                    # a level-3 kwalificatie
    ({"date": "2024-07-01", "doorstroom_level": "mbo4", "source": "duo", "kwalificatie": "99999"}, "kwalificatie"),
    ({"date": "2024-07-01", "doorstroom_level": "hbo", "source": "elders"}, "source"),    # not a source
    ({"date": "2024-07-01", "doorstroom_level": "mbo9", "source": "duo"}, "doorstroom_level"),
])
def test_a_bad_vervolgdiploma_is_a_422_naming_the_field(api_client, make_student, users, mbo4, body, field):
    student = graduate(make_student, level=4)
    response = post_event(api_client, "rocva", student, kind="vervolgdiploma", **body)
    assert response.status_code == 422, response.content
    assert field in [e["field"] for e in response.json()["errors"]], response.json()
    assert not Event.objects.filter(kind="vervolgdiploma").exists()


def test_a_vervolgdiploma_needs_the_diploma_and_a_higher_level(api_client, make_student, users):
    in_route = make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498")])
    response = post_event(api_client, "rocva", in_route, kind="vervolgdiploma", date="2022-07-01",
                          doorstroom_level="mbo3", source="duo")
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "kind"
    student = graduate(make_student)
    before = post_event(api_client, "rocva", student, kind="vervolgdiploma", date="2022-06-01",
                        doorstroom_level="mbo3", source="duo")
    assert before.status_code == 422 and before.json()["errors"][0]["field"] == "kind"   # before the diploma
    response = post_event(api_client, "rocva", student, kind="vervolgdiploma", date="2024-07-01",
                          doorstroom_level="mbo3", source="duo")
    assert response.status_code == 201
    same = graduate(make_student)
    Event.objects.filter(student=same, kind="mbo_diploma").update(kwalificatie=Kwalificatie.objects.get(code="25491"))
    response = post_event(api_client, "rocva", same, kind="vervolgdiploma", date="2024-07-01",
                          doorstroom_level="mbo3", source="duo")    # a level-3 route diploma: mbo 3 is not higher
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "doorstroom_level"


def test_who_may_not_change_the_student_may_not_record_it(api_client, make_student, users):
    student = graduate(make_student)
    for user in ("regio", "achterhoek"):
        response = post_event(api_client, user, student, kind="vervolgdiploma", date="2024-07-01",
                              doorstroom_level="mbo3", source="duo")
        assert response.status_code in (403, 404), user
    assert not Event.objects.filter(kind="vervolgdiploma").exists()


def test_the_form_on_the_student_page(client, make_student, users, mbo4):
    student = graduate(make_student, level=4)
    client.login(username="rocva", password="pw-rocva")
    page = client.get(f"/leerlingen/{student.pk}/").content.decode()
    assert 'value="vervolgdiploma"' in page and 'name="followup_kwalificatie"' in page and 'name="source"' in page
    response = client.post(f"/leerlingen/{student.pk}/gebeurtenis/", {
        "kind": "vervolgdiploma", "date": "2024-07-01", "doorstroom_level": "mbo4",
        "followup_kwalificatie": mbo4.pk, "source": "leerling", "detail": ""})
    assert response.status_code in (200, 302), response.content
    event = Event.objects.get(student=student, kind="vervolgdiploma")
    assert (event.level, event.kwalificatie, event.source) == (4, mbo4, "leerling")
    page = client.get(f"/leerlingen/{student.pk}/").content.decode()
    assert "Medewerker maatschappelijke zorg" in page and "mbo 4" in page
    bad = client.post(f"/leerlingen/{student.pk}/gebeurtenis/", {
        "kind": "vervolgdiploma", "date": "2024-08-01", "doorstroom_level": "", "source": "leerling"}, follow=True)
    assert "Kies het niveau van het vervolgdiploma" in bad.content.decode()     # the problem as a message
    assert Event.objects.filter(kind="vervolgdiploma").count() == 1


# -- the figure in the API and on the pages -----------------------------------------------------------

def test_k12_in_the_api_page_and_students_behind(api_client, client, cohort, glr_route, users):
    kpis = {k["id"]: k for k in api_client.get("/api/v1/kpis", {"route": glr_route.pk, "cohort": 2019,
                                                                  "on": ON.isoformat()},
                                                 **api_client.token_for("calvijn")).json()["kpis"]}
    assert kpis["K-12"] | {"numerator": 1, "denominator": 4, "value": "25.0"} == kpis["K-12"]
    regional = {k["id"]: k for k in api_client.get("/api/v1/kpis", {"region": glr_route.region_id, "cohort": 2019,
                                                                     "on": ON.isoformat()},
                                                    **api_client.token_for("regio")).json()["kpis"]}
    assert regional["K-12"]["display"] == "<5" and regional["K-12"]["numerator"] is None
    client.login(username="calvijn", password="pw-calvijn")
    html = client.get(f"/routes/{glr_route.pk}/resultaten/", {"cohort": 2019, "on": ON.isoformat()}).content.decode()
    link = f"/routes/{glr_route.pk}/resultaten/K-12/leerlingen/?cohort=2019&amp;on={ON.isoformat()}"
    assert 'data-kpi="K-12"' in html and link in html
    behind = client.get(f"/routes/{glr_route.pk}/resultaten/K-12/leerlingen/",
                        {"cohort": 2019, "on": ON.isoformat()}).content.decode()
    assert cohort["A"].last_name in behind and cohort["D"].last_name not in behind
    dashboard = client.get(f"/routes/{glr_route.pk}/dashboard/", {"cohort": 2019}).content.decode()
    assert 'data-kpi="K-12"' in dashboard
