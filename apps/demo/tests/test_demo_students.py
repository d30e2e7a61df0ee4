"""The demo students: deterministic synthetic paths whose cohort figures, computed from the Student
summary fields as the results pages compute them, are the practices' published results; every
student follows the rules except the few who break one on purpose."""
import hashlib
from datetime import date

import pytest
from django.db import connection, transaction
from django.db.models import Count, F, Q

from apps.demo import dataset
from apps.demo import students as demo_students
from apps.demo.loader import DemoLoader
from apps.routes import compliance
from apps.routes.models import Route
from apps.students import models as m
from apps.students import services
from domain.rules import evaluate_student

ROUTES_WITH_STUDENTS = ("calvijn-vmr", "bindelmeer-vmr", "mlo-glr", "noorderlicht-hzw", "tot-route", "wvo-kwic",
                        "het-element-routes")
STUDENT_RULES = {"R-03", "R-04", "R-05", "R-06", "R-10", "R-11", "R-17", "R-19"}


# -- the KPI definitions, as the results pages compute them --------------------------------------

def cohort(route, year):
    return m.Student.objects.filter(route=route, cohort=year)


def pct(part, whole):
    return round(100 * part / whole, 1)


def k01_instroom(route, year):
    """K-01: the students of cohort ``year`` in the route."""
    return cohort(route, year).aggregate(n=Count("pk"))["n"]


def k02_uitval(route, year):
    """K-02: cohort members who left the route without mbo diploma (a doublure is not uitval):
    (count, % of K-01)."""
    agg = cohort(route, year).aggregate(n=Count("pk"), out=Count("pk", filter=Q(status=m.Status.UITGESTROOMD)))
    return agg["out"], pct(agg["out"], agg["n"])


def k04_diploma_binnen(route, year, k):
    """K-04(k): cohort members with the mbo diploma by the end of route year k: (count, %)."""
    agg = cohort(route, year).aggregate(n=Count("pk"), ok=Count("pk", filter=Q(mbo_diploma_route_year__lte=k)))
    return agg["ok"], pct(agg["ok"], agg["n"])


def k05_doorstroom(route, years):
    """K-05: diploma holders of the cohorts who continue at mbo 3/4 or hbo: (count, holders, %)."""
    agg = m.Student.objects.filter(route=route, cohort__in=years, mbo_diploma_on__isnull=False).aggregate(
        holders=Count("pk"), on=Count("pk", filter=Q(doorstroom_level__in=["mbo3", "mbo4", "hbo"])))
    return agg["on"], agg["holders"], pct(agg["on"], agg["holders"])


# -- fixtures -----------------------------------------------------------------------------------

def route_of(key):
    name = next(spec.name for spec in dataset.load().routes if spec.key == key)
    return Route.objects.get(name=name)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data set, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            loader = DemoLoader()
            loader.load()
            yield loader
            transaction.set_rollback(True)


def deliberate_pks():
    pks = {}
    for key, year, rule, first, last, _what in demo_students.DELIBERATE:
        student = m.Student.objects.get(route=route_of(key), cohort=year, first_name=first, last_name=last)
        pks[student.pk] = rule
    return pks


def digest():
    rows = m.Student.objects.order_by("route__name", "cohort", "last_name", "first_name").values_list(
        "route__name", "cohort", "last_name", "first_name", "leerweg__code", "kwalificatie__code", "status",
        "route_year", "mbo_diploma_route_year", "destination", "doorstroom_level", "date_of_birth")
    counts = [model.objects.count() for model in (m.StudentNumber, m.Enrolment, m.Event, m.ExamPart, m.BpvPeriod)]
    return hashlib.sha256(repr((list(rows), counts)).encode()).hexdigest()


# -- published figures --------------------------------------------------------------------------

@pytest.mark.django_db
def test_bindelmeer_2019_cohort(demo):
    route = route_of("bindelmeer-vmr")
    assert k01_instroom(route, 2019) == 78
    events = m.Event.objects.filter(student__route=route, student__cohort=2019, school_year=2020)
    assert events.filter(kind="overgang", route_year=2).count() == 73            # to their "year 4"
    assert events.filter(kind="doublure", route_year=1).count() == 1
    to_entree = cohort(route, 2019).filter(status="uitgestroomd", left_route_year=1, destination="entree",
                                           left_on=date(2020, 7, 31))
    assert to_entree.count() == 4
    assert k02_uitval(route, 2019) == (4, 5.1)
    repeater = cohort(route, 2019).get(events__kind="doublure")
    assert repeater.status == "gediplomeerd"                                       # a doublure is not uitval


@pytest.mark.django_db
def test_noorderlicht_2019_cohort(demo):
    route = route_of("noorderlicht-hzw")
    assert k01_instroom(route, 2019) == 30
    left = cohort(route, 2019).filter(status="uitgestroomd")
    assert left.count() == 10
    assert all(s.left_route_year == 2 and date(2020, 8, 1) < s.left_on < date(2021, 7, 31) for s in left)
    assert k02_uitval(route, 2019) == (10, 33.3)


@pytest.mark.django_db
def test_calvijn_2017_cohort(demo):
    route = route_of("calvijn-vmr")
    n = k01_instroom(route, 2017)
    assert k04_diploma_binnen(route, 2017, 3)[1] == 88.0                           # target >= 85%
    assert k04_diploma_binnen(route, 2017, 4)[1] >= 95                              # target >= 95%
    assert k02_uitval(route, 2017)[1] == 3.5                                        # target <= 5%
    on, holders, share = k05_doorstroom(route, [2017])
    assert round(share) == 90 and holders == n - k02_uitval(route, 2017)[0]        # published as 90%
    # the diplomas of 2019-2020 are this cohort's route year 3
    assert m.Event.objects.filter(student__route=route, student__cohort=2017, kind="mbo_diploma",
                                  school_year=2019).count() == k04_diploma_binnen(route, 2017, 3)[0]


@pytest.mark.django_db
def test_mlo_results(demo):
    route = route_of("mlo-glr")
    finished = [2019, 2020, 2021, 2022]
    total = sum(k01_instroom(route, y) for y in finished)
    diplomas = sum(k04_diploma_binnen(route, y, 9)[0] for y in finished)
    assert pct(diplomas, total) >= 97
    assert list(route.students.filter(status="uitgestroomd").values_list("destination", flat=True)) == ["entree"]
    assert 94 <= k05_doorstroom(route, finished)[2] <= 96                           # ~95% to mbo 3/4
    assert route.students.filter(mbo_diploma_route_year=3, mbo_diploma_on__month=1).exists()   # 4.5 years
    assert route.students.filter(mbo_diploma_route_year=4).exists()                             # an extra year


@pytest.mark.django_db
def test_every_route_has_plausible_cohorts(demo):
    expected = {"calvijn-vmr": (2014, 120), "bindelmeer-vmr": (2019, 66), "mlo-glr": (2019, 40),
                "noorderlicht-hzw": (2019, 18), "tot-route": (2014, 20), "wvo-kwic": (2015, 10),
                "het-element-routes": (2018, 56)}
    for key, (first, minimum) in expected.items():
        route = route_of(key)
        sizes = dict(route.students.values_list("cohort").annotate(n=Count("pk")).order_by("cohort"))
        assert list(sizes) == list(range(first, 2026)), key
        assert min(sizes.values()) >= minimum, key
        # paths still running are active in their route year of 2025-2026
        active = route.students.filter(status="actief")
        assert active.count() == active.filter(enrolments__school_year=2025,
                                               enrolments__route_year=F("route_year")).distinct().count() > 0
        assert not route.students.filter(cohort=2025, mbo_diploma_on__isnull=False).exists()
        assert not m.Enrolment.objects.filter(student__route=route, school_year__gt=2025).exists()
    assert route_of("tot-route").students.filter(cohort__lte=2020, doorstroom_level="hbo").count() > 50
    assert m.Student.objects.exclude(national_key="").count() == 0                   # never a BSN or key


@pytest.mark.django_db
def test_summary_fields_follow_the_events(demo):
    students = m.Student.objects.filter(route__in=[route_of(k) for k in ROUTES_WITH_STUDENTS])
    diplomas = dict(m.Event.objects.filter(kind="mbo_diploma").values_list("student", "route_year"))
    leaving = dict(m.Event.objects.filter(kind="uitstroom").values_list("student", "destination"))
    years_enrolled = dict(m.Enrolment.objects.values_list("student").annotate(y=Count("school_year", distinct=True)))
    for s in students.only("pk", "status", "mbo_diploma_route_year", "destination", "route_year", "cohort"):
        if s.status == "gediplomeerd":
            assert diplomas[s.pk] == s.mbo_diploma_route_year == s.route_year and s.pk not in leaving
        elif s.status == "uitgestroomd":
            assert leaving[s.pk] == s.destination and s.pk not in diplomas
        else:
            assert s.pk not in diplomas and s.pk not in leaving
            assert years_enrolled[s.pk] == 2025 - s.cohort + 1                      # enrolled every year to now
    assert m.Event.objects.filter(kind="instroom").count() == students.count()
    assert not m.BpvPeriod.objects.filter(recognised=False).exclude(student__in=deliberate_pks()).exists()


# -- determinism --------------------------------------------------------------------------------

@pytest.mark.django_db
def test_two_loads_give_the_same_students(demo):
    first = digest()
    with connection.cursor() as cursor:  # drop the students (rolled back with the test), then load again
        for model in (m.StudentNumber, m.Enrolment, m.Event, m.ExamPart, m.BpvPeriod, m.Student):
            cursor.execute(f"DELETE FROM {model._meta.db_table}")
    demo_students.load(demo)
    assert digest() == first


def test_plans_are_the_same_every_time():
    levels = {spec["code"]: spec["level"] for spec in practices.KWALIFICATIES}

    def flat():
        return [(key, year, p.name, p.kwalificatie, p.years, p.end, p.destination, p.doorstroom)
                for key, (_rng, cohorts) in demo_students.plans(levels).items() for year, ps in cohorts for p in ps]
    assert flat() == flat()


# -- rules --------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_teldatum_2025_clean_except_deliberate(demo):
    deliberate = deliberate_pks()
    for key in ROUTES_WITH_STUDENTS:
        results = services.teldatum_check(route_of(key), date(2025, 10, 1))
        assert len(results) > 10, key
        problems = [(s, r.violations) for s, r in results if r.violations and s.pk not in deliberate]
        assert problems == [], key
        for s, r in results:
            assert r.funded_institution and len(r.funded_actual) == (2 if deliberate.get(s.pk) == "R-10" else 1)


@pytest.mark.django_db
def test_only_the_deliberate_students_break_a_student_rule(demo):
    deliberate = deliberate_pks()
    settings = compliance.rule_settings()
    found = {}
    for key in ROUTES_WITH_STUDENTS:
        route = route_of(key)
        facts = compliance.route_facts(route)
        students = route.students.select_related("route", "leerweg", "kwalificatie").prefetch_related(
            *services.PREFETCH)
        for s in students:
            failed = {f.rule for f in evaluate_student(services.student_facts(s, facts), settings)
                      if f.status == "failed"}
            if failed:
                found[s.pk] = failed
    assert found == {pk: {rule} for pk, rule in deliberate.items()}


@pytest.mark.django_db
def test_deliberate_students_are_reported(demo):
    for pk, rule in deliberate_pks().items():
        student = m.Student.objects.get(pk=pk)
        assert student.status == "actief"
        assert rule in {f.rule for f in services.evaluate(student) if f.status == "failed"}, (student, rule)
    assert {r: [s.pk for s in ss] for r, ss in demo.deliberate_students.items()} == {
        rule: [pk for pk, r in deliberate_pks().items() if r == rule] for rule in set(deliberate_pks().values())}
    assert len(demo_students.DELIBERATE) == 7 and STUDENT_RULES >= set(deliberate_pks().values())
