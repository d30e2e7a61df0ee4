"""The demo students, built as of 30 November 2026: deterministic synthetic paths from the
parameters in the data files, whose cohort figures, computed from the register in elapsed time,
are the practices' published results; every student follows the student rules on the teldatum of
every school year, except the few the data marks as breaking one rule on purpose (on illustrative
routes, or where the sources state the problem: MLO's KB students, R-05)."""
import hashlib
from datetime import date

import pytest
from django.db import connection
from django.db.models import F

from apps.demo import followup as demo_followup
from apps.demo import students as demo_students
from apps.routes import compliance
from apps.students import models as m
from apps.students import services
from domain.rules import evaluate_student

from .checks import ROUTES_WITH_STUDENTS, check_as_of, check_published_figures, cohort_sizes, deliberate_pks, route_of

TODAY = date(2026, 11, 30)
STUDENT_RULES = {"R-03", "R-04", "R-05", "R-06", "R-10", "R-11", "R-17", "R-19"}


@pytest.fixture
def demo(demo_2026):
    """The demo data set as of 30 November 2026 (the root conftest's demo_2026: loaded once for every module
    that reads it, rolled back after the last of them)."""
    return demo_2026


def digest():
    rows = m.Student.objects.order_by("route__name", "cohort", "last_name", "first_name").values_list(
        "route__name", "cohort", "last_name", "first_name", "leerweg__code", "kwalificatie__code", "status",
        "route_year", "mbo_diploma_route_year", "destination", "doorstroom_level", "date_of_birth", "klas")
    counts = [model.objects.count() for model in (m.StudentNumber, m.Enrolment, m.Event, m.ExamPart, m.BpvPeriod)]
    return hashlib.sha256(repr((list(rows), counts)).encode()).hexdigest()


@pytest.mark.django_db
def test_published_figures(demo):
    check_published_figures()


@pytest.mark.django_db
def test_current_school_year_filled_in(demo):
    assert demo.school_year == 2026
    check_as_of(demo)


@pytest.mark.django_db
def test_every_route_has_plausible_cohorts(demo):
    expected = {"calvijn-vmr": (2014, 35), "bindelmeer-vmr": (2019, 60), "mlo-glr": (2019, 40),
                "noorderlicht-hzw": (2019, 18), "tot-route": (2014, 20), "wvo-kwic": (2015, 10),
                "het-element-routes": (2018, 200)}
    for key, (first, minimum) in expected.items():
        sizes = cohort_sizes(route_of(key))
        assert list(sizes) == list(range(first, 2027)), key
        assert min(sizes.values()) >= minimum, (key, sizes)
    # TOT students are at Insula College only from when Insula joined (2016)
    tot = route_of("tot-route")
    assert not tot.students.filter(vo_school__name__icontains="Insula", cohort__lt=2016).exists()
    assert tot.students.filter(vo_school__name__icontains="Insula").exists()
    assert tot.students.filter(cohort__lte=2020, doorstroom_level="hbo").count() > 50
    # zij-instroom (Calvijn under 18, MLO havo drop-outs) and terugkeer (WvO-KWIC) are in the register
    for key in ("calvijn-vmr", "mlo-glr"):
        zij = route_of(key).students.filter(zij_instroom=True)
        assert zij.exists() and all(e.kind == "zij_instroom" for s in zij for e in s.events.filter(kind__in=[
            "instroom", "zij_instroom"])), key
    assert m.Event.objects.filter(kind="terugkeer", student__route=route_of("wvo-kwic")).exists()
    assert m.Event.objects.filter(kind="certificaat").exclude(student__route=route_of("voorbeeld-dlr")).count() == 0
    assert m.Event.objects.filter(kind="certificaat", student__route=route_of("voorbeeld-dlr")).exists()
    assert m.Student.objects.exclude(national_key="").count() == 0                   # never a BSN or key


@pytest.mark.django_db
def test_summary_fields_follow_the_events(demo):
    students = m.Student.objects.filter(route__in=[route_of(k) for k in ROUTES_WITH_STUDENTS])
    diplomas = dict(m.Event.objects.filter(kind="mbo_diploma").values_list("student", "route_year"))
    leaving = {}
    for student, kind, destination in m.Event.objects.filter(kind__in=["uitstroom", "terugkeer"]).order_by(
            "date", "pk").values_list("student", "kind", "destination"):
        leaving[student] = destination if kind == "uitstroom" else None
    for s in students.only("pk", "status", "mbo_diploma_route_year", "destination", "route_year", "cohort"):
        if s.status == "gediplomeerd":
            assert diplomas[s.pk] == s.mbo_diploma_route_year == s.route_year and leaving.get(s.pk) is None
        elif s.status == "uitgestroomd":
            assert leaving[s.pk] == s.destination and s.pk not in diplomas
        else:
            assert s.pk not in diplomas and leaving.get(s.pk) is None
            assert s.enrolments.filter(school_year=2026, route_year=F("student__route_year")).exists()
    assert m.Event.objects.filter(kind__in=["instroom", "zij_instroom"]).count() == students.count()
    assert not m.BpvPeriod.objects.filter(recognised=False).exclude(student__in=deliberate_pks()).exists()


@pytest.mark.django_db
def test_two_loads_give_the_same_students(demo):
    first = digest()
    with connection.cursor() as cursor:  # drop the students (rolled back with the test), then load again
        for model in (m.StudentNumber, m.Enrolment, m.Event, m.ExamPart, m.BpvPeriod, m.Student):
            cursor.execute(f"DELETE FROM {model._meta.db_table}")
    demo_students.load(demo)
    demo_followup.load(demo)        # the follow-up records (K-12), written from the students as the loader does
    assert digest() == first


# -- rules --------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_teldatum_of_every_school_year_clean_except_deliberate(demo):
    """R-10 and R-11 on 1 October of every school year with students: only the deliberate students
    fail, and only in the current school year."""
    deliberate = deliberate_pks()
    for key in ROUTES_WITH_STUDENTS:
        route = route_of(key)
        for year in range(min(cohort_sizes(route)), 2027):
            results = services.teldatum_check(route, date(year, 10, 1))
            problems = [(s.pk, r.violations) for s, r in results
                        if r.violations and not (s.pk in deliberate and year == 2026)]
            assert problems == [], (key, year)
            for s, r in results:
                if route.is_legal_route and not (deliberate.get(s.pk) in ("R-10", "R-06") and year == 2026):
                    assert r.funded_institution and len(r.funded_actual) == 1, (key, year, s.pk)


@pytest.mark.django_db
def test_only_the_deliberate_students_break_a_student_rule(demo):
    """Every student rule on the teldatum of every school year of the student's path; the deliberate
    students fail exactly their rule (on today's evaluation), nobody else fails any."""
    deliberate = deliberate_pks()
    found = {}
    for key in ROUTES_WITH_STUDENTS:
        route = route_of(key)
        facts = compliance.route_facts(route, TODAY)
        students = route.students.select_related("route", "leerweg", "kwalificatie", "vo_school",
                                                 "mbo_institution").prefetch_related(*services.PREFETCH)
        for s in students:
            student_facts = services.student_facts(s, facts)
            days = sorted({date(e.school_year, 10, 1) for e in s.enrolments.all()} | {TODAY})
            for day in days:
                failed = {f.rule for f in evaluate_student(student_facts, compliance.rule_settings(min(day, TODAY)))
                          if f.status == "failed"}
                if failed:
                    found.setdefault(s.pk, set()).update(failed)
    assert found == {pk: {rule} for pk, rule in deliberate.items()}


@pytest.mark.django_db
def test_deliberate_students_are_reported(demo):
    deliberate = deliberate_pks()
    for pk, rule in deliberate.items():
        student = m.Student.objects.get(pk=pk)
        assert student.status == "actief"
        assert rule in {f.rule for f in services.evaluate(student) if f.status == "failed"}, (student, rule)
    assert {r: sorted(s.pk for s in ss) for r, ss in demo.deliberate_students.items()} == {
        rule: sorted(pk for pk, r in deliberate.items() if r == rule) for rule in set(deliberate.values())}
    # one per student rule the illustrative routes show, plus MLO's KB students (R-05, from the sources)
    assert set(deliberate.values()) == {"R-04", "R-05", "R-06", "R-10", "R-11", "R-17", "R-19"} <= STUDENT_RULES
    illustrative = {pk for pk, rule in deliberate.items() if rule != "R-05"}
    names = set(m.Student.objects.filter(pk__in=illustrative).values_list("route__name", flat=True))
    assert names and all("illustratief" in n for n in names)


@pytest.mark.django_db
def test_diploma_holders_passed_every_required_part(demo):
    """The demo's exam plans come from the product's exam plan templates: every mbo diploma holder has
    passed what the diploma check requires; an active student still has something missing."""
    cache = {}
    for key in ROUTES_WITH_STUDENTS:
        route = route_of(key)
        for student in route.students.filter(status="gediplomeerd").prefetch_related("exam_parts")[:25]:
            status = services.diploma_status(student, cache)
            assert status["mbo_diploma"], (key, student.pk, status["mbo_missing"])
        active = route.students.filter(status="actief", route_year=1).first()
        if active:
            assert not services.diploma_status(active, cache)["mbo_diploma"], key


@pytest.mark.django_db
def test_a_vo_school_sees_only_its_own_students_of_a_route_with_two_vo_schools(demo, client):
    tot = route_of("tot-route")
    insula = tot.students.filter(vo_school__name__startswith="Insula").first()
    uilenhof = tot.students.filter(vo_school__name__startswith="De Uilenhof").first()
    client.login(username="uilenhof", password="demo")
    assert client.get(f"/leerlingen/{uilenhof.pk}/").status_code == 200
    assert client.get(f"/leerlingen/{insula.pk}/").status_code == 404
    client.login(username="davinci", password="demo")
    assert client.get(f"/leerlingen/{insula.pk}/").status_code == 200


# Last in the module: it saves routes (unchanged) in the module's demo.
@pytest.mark.django_db
def test_demo_routes_with_several_schools_save_unchanged(demo, client):
    """TOT, WvO-KWIC, Profijt (several vo-schools) and Het Element (several mbo's): an unchanged
    save through the API is accepted, or refused only for a rule the route already failed (the
    demo's deliberate problems), never for its partners; TOT, WvO and STERA also through the form."""
    from apps.accounts.models import User
    from apps.accounts.testing import current_code, enrol_device, login_with_second_factor
    from apps.routes.models import Route
    from apps.routes.tests.test_several_vo_schools import editable_body, form_post_data

    beheer = User.objects.get(username="beheer")
    token = client.post("/api/v1/auth/token", {"username": "beheer", "password": "demo",
                                               "otp": current_code(enrol_device(beheer))},
                        content_type="application/json").json()["token"]
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    several = [r for r in Route.objects.all()
               if r.partners.filter(role="vo").count() > 1 or r.partners.filter(role="mbo").count() > 1]
    assert {"TOT", "Willem van Oranje", "STERA", "Het Element"} <= {
        part for r in several for part in ("TOT", "Willem van Oranje", "STERA", "Het Element") if part in r.name}
    for route in several:
        failed = set(route.findings.filter(status="failed").values_list("rule", flat=True))
        body = editable_body(client.get(f"/api/v1/routes/{route.pk}", **headers))
        response = client.put(f"/api/v1/routes/{route.pk}", body, content_type="application/json", **headers)
        if response.status_code != 200:
            assert response.status_code == 422, (route.name, response.content)
            assert {e["rule"] for e in response.json()["errors"]} <= failed, (route.name, response.content)
    login_with_second_factor(client, beheer)
    for part in ("TOT", "Willem van Oranje", "STERA"):
        route = next(r for r in several if part in r.name)
        page = client.get(f"/routes/{route.pk}/bewerken/")
        response = client.post(f"/routes/{route.pk}/bewerken/", form_post_data(page))
        assert response.status_code == 302, (part, response.context and [
            (fs.non_form_errors(), [f.errors for f in fs.forms]) for fs, _t in response.context["formsets"]])
