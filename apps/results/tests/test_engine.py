"""The database engine gives the same figures as the pure reference (``domain.kpi``) on the same
students: hand-made cohorts with known answers and generated ones (hypothesis), on route, region and
national scope."""
import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.results import engine
from apps.results.engine import Scope
from apps.results.records import path_records
from apps.students.models import PLAIN_FIELDS, Student
from domain import kpi as core
from domain.kpi import Step

from .paths import path

ON = date(2022, 10, 15)


def by_id(figures):
    return {f.id: f for f in figures}


def values(figures):
    return {f.id: (f.numerator, f.denominator, f.value) for f in figures}


def reference(scope, cohort, on, length=None):
    records = path_records(engine.students_in(scope))
    return core.reference_cohort(records, cohort, on, length if length is not None else engine.route_length(scope))


def assert_same(scope, cohort, on):
    mine = values(f for f in engine.cohort_figures(scope, cohort, on))
    oracle = values(f for f in reference(scope, cohort, on) if f.id != "K-12")
    assert mine == oracle


def test_the_diploma_s_own_level_decides_doorstroom(make_student, glr_route):
    # entered for a level-3 kwalificatie, graduated at level 2, then on to mbo 3: doorstroom (higher
    # than the diploma), although not higher than the kwalificatie the student entered for
    student = make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25491"),
                                  Step("mbo_diploma", date(2022, 7, 1), kwalificatie="25498", level=2),
                                  Step("doorstroom", date(2022, 9, 1), level=3)], doorstroom_level="mbo3")
    student.refresh_from_db()
    assert (student.kwalificatie.level, student.mbo_diploma_level) == (3, 2)
    f = by_id(engine.cohort_figures(Scope(route=glr_route.pk), 2019, date(2022, 10, 15)))
    assert (f["K-05"].numerator, f["K-05"].denominator) == (1, 1)
    assert_same(Scope(route=glr_route.pk), 2019, date(2022, 10, 15))


def test_a_small_cohort_by_hand(make_student, glr_route):
    # 2019: A diploma in July of the 3rd school year, B in January of the 3rd (K-06 2.5), C a doublure
    # and a diploma in the 4th, D left to Entree (uitval, not VSV), E left to work (VSV), F left and came
    # back (not a leaver), G switched and is still in the route, H zij-instroom in route year 2.
    make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498"),
                        Step("mbo_diploma", date(2022, 7, 1), kwalificatie="25498", level=2),
                        Step("doorstroom", date(2022, 9, 1), level=3)], doorstroom_level="mbo3")
    make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498"),
                        Step("mbo_diploma", date(2022, 1, 20), kwalificatie="25498", level=2),
                        Step("doorstroom", date(2022, 10, 1), level=4)], doorstroom_level="mbo4")
    make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498"),
                        Step("doublure", date(2020, 8, 1)),
                        Step("mbo_diploma", date(2023, 6, 30), kwalificatie="25498", level=2)])
    make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498"),
                        Step("uitstroom", date(2020, 7, 31), destination="entree")])
    make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498"),
                        Step("uitstroom", date(2021, 3, 1), destination="werk")])
    make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498"),
                        Step("uitstroom", date(2020, 2, 1), destination="regulier_vmbo"),
                        Step("terugkeer", date(2020, 8, 20))])
    make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498"),
                        Step("switch", date(2020, 1, 10), kwalificatie="25491")])
    make_student(2019, [Step("zij_instroom", date(2020, 8, 1), kwalificatie="25498")])
    scope = Scope(route=glr_route.pk)
    on = date(2022, 10, 15)
    f = by_id(engine.cohort_figures(scope, 2019, on))
    assert (f["K-01"].numerator, f["K-01/zij"].numerator) == (8, 1)
    assert (f["K-02"].numerator, f["K-02"].denominator, f["K-02"].value) == (2, 8, core.percentage(2, 8))
    assert str(f["K-02"].value) == "25.0"
    assert f["K-03"].numerator == 1                                    # work without diploma; Entree is not VSV
    assert [f[f"K-04/{k}"].numerator for k in (2, 3, 4)] == [0, 2, 2]  # C's diploma is after the peildatum
    assert (f["K-05"].numerator, f["K-05"].denominator) == (2, 2)      # both enrolled higher on 1 October 2022
    assert str(f["K-06"].value) == "2.75"                             # (3 + 2.5) / 2
    assert f["K-07"].numerator == 6                                   # 2 holders + C, F, G, H in the route
    assert f["K-11"].numerator == 1
    assert_same(scope, 2019, on)
    later = by_id(engine.cohort_figures(scope, 2019, date(2024, 1, 1)))
    assert later["K-04/4"].numerator == 3 and str(later["K-06"].value) == "3.17"   # (3 + 2.5 + 4) / 3
    assert_same(scope, 2019, date(2024, 1, 1))
    # before E left: one leaver only
    assert by_id(engine.cohort_figures(scope, 2019, date(2020, 12, 1)))["K-02"].numerator == 1
    assert_same(scope, 2019, date(2020, 12, 1))


def test_denominator_zero_is_none(glr_route, registry):
    figures = by_id(engine.cohort_figures(Scope(route=glr_route.pk), 2015, ON))
    assert figures["K-01"].numerator == 0
    assert figures["K-02"].value is None and figures["K-05"].value is None and figures["K-06"].value is None


# Each example starts from an empty student table (the fixtures' register and route stay).
@settings(max_examples=int(os.environ.get("KPI_EXAMPLES", "25")),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paths=st.lists(path(), min_size=1, max_size=12),
       on=st.dates(min_value=date(2018, 1, 1), max_value=date(2025, 12, 31)))
def test_engine_equals_reference_on_generated_students(make_student, glr_route, paths, on):
    """Once with the plain paths kept beside the events (as the use cases keep them), once without
    (every student read from the events)."""
    Student.objects.all().delete()
    for cohort, steps, level in paths:
        make_student(cohort, list(steps), doorstroom_level=level)
    assert Student.objects.filter(plain_entered_on__isnull=False).count() == sum(plain(s) for _, s, _ in paths)
    for _ in ("plain paths", "events only"):
        for scope in (Scope(route=glr_route.pk), Scope(national=True), Scope(region=glr_route.region_id)):
            for cohort in {c for c, _, _ in paths}:
                assert_same(scope, cohort, on)
            for year in (2018, 2019, 2021):
                records = path_records(engine.students_in(scope))
                expected = values(core.reference_year(records, year))
                mine = values(f for f in engine.year_figures(scope, year) if f.id.startswith("K-08"))
                assert mine == expected
        Student.objects.update(**dict.fromkeys(PLAIN_FIELDS))


def plain(steps) -> bool:
    kinds = [s.kind for s in steps]
    return "terugkeer" not in kinds and kinds.count("uitstroom") <= 1


def test_scopes_trend_and_intake(make_student, glr_route, registry):
    from apps.students.models import Enrolment

    helpende = [make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498")]) for _ in range(3)]
    make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25491")])
    make_student(2020, [Step("instroom", date(2020, 8, 1), kwalificatie="25498"),
                        Step("uitstroom", date(2021, 1, 1), destination="geen")])
    for s in helpende:
        Enrolment.objects.create(student=s, institution=registry["calvijn"], school_year=2019, route_year=1,
                                 start=date(2019, 8, 1), phase="vo")
    on = date(2022, 1, 1)
    k01 = lambda scope, c=2019: by_id(engine.cohort_figures(scope, c, on))["K-01"].numerator  # noqa: E731
    assert k01(Scope(route=glr_route.pk)) == 4
    assert k01(Scope(route=glr_route.pk, kwalificatie=registry["k"]["helpende"].pk)) == 3
    assert k01(Scope(vo_school=registry["calvijn"].pk)) == 4 and k01(Scope(vo_school=registry["vo_ach"].pk)) == 0
    assert k01(Scope(mbo_institution=registry["rocva"].pk)) == 4          # the route's only mbo partner
    assert k01(Scope(region=registry["ach"].pk)) == 0 and k01(Scope(national=True)) == 4
    assert engine.cohorts_in(Scope(route=glr_route.pk)) == [2019, 2020]
    trend = engine.trend(Scope(route=glr_route.pk), "K-02", [2019, 2020], on)
    assert [(f.numerator, f.denominator) for f in trend] == [(0, 4), (1, 1)]
    years = by_id(engine.year_figures(Scope(route=glr_route.pk), 2019))
    assert years["K-09/2019"].numerator == 3 and years["K-09/2019/25498"].numerator == 3
    behind = engine.students_behind(Student.objects.all(), "K-02", 2020, on)
    assert [s.cohort for s in behind] == [2020]
    assert set(engine.students_behind(Student.objects.all(), "K-09/2019", 2019, on)) == set(helpende)
    hidden = by_id(engine.suppressed(engine.cohort_figures(Scope(route=glr_route.pk), 2019, on)))
    assert hidden["K-01"].suppressed and hidden["K-01"].text == "<5"
