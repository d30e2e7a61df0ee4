"""The synthetic national data set at a tiny scale: what it writes agrees with what the students'
use cases would derive from the same events, the counts follow the scale, and the same seed gives
the same set."""
from datetime import date

import pytest
from django.db import transaction

from apps.demo import national
from apps.registry.models import Institution, Kwalificatie
from apps.routes.models import Route
from apps.students import models as m
from apps.students import services

TODAY = date(2026, 11, 30)
SUMMARY = ("route_year", "status", "entry_route_year", "zij_instroom", "vmbo_diploma_on", "mbo_diploma_on",
           "mbo_diploma_route_year", "left_on", "left_route_year", "destination", "kwalificatie_id")


def _quiet(line):
    pass


@pytest.fixture
def generated(db):
    return national.generate(scale=0.002, seed=7, today=TODAY, progress=_quiet, batch=300)


def _enrolment_keys(student):
    return sorted((e.institution_id, e.school_year, e.route_year, e.start, e.end, e.funded, e.phase)
                  for e in student.enrolments.all())


def test_counts_follow_the_scale(generated):
    scale = national.Scale.of(0.002)
    assert generated["students"] == scale.students == m.Student.objects.count() == 1000
    assert generated["routes"] == scale.routes == Route.objects.count() == 4
    assert Institution.objects.filter(sector="vo").count() == scale.vo_schools == 1
    assert Institution.objects.filter(sector="mbo").count() == scale.mbo_institutions == 1
    assert generated["events"] == m.Event.objects.count()
    assert generated["enrolments"] == m.Enrolment.objects.count()
    assert generated["exam_parts"] == m.ExamPart.objects.count()
    cohorts = set(m.Student.objects.values_list("cohort", flat=True))
    assert cohorts <= set(range(2017, 2027)) and len(cohorts) > 5
    full = national.Scale.of(1)
    assert (full.regions, full.vo_schools, full.mbo_institutions, full.routes, full.students) == (
        39, 400, 60, 2000, 500_000)


def test_invented_codes_and_names_are_marked(generated):
    for institution in Institution.objects.all():
        assert institution.brin[:2] == ("99" if institution.sector == "vo" else "98")
        assert institution.name.endswith(national.MARK)
        assert institution.bestuur.name.startswith(national.BOARD_PREFIX)
    assert all(code.startswith("99") for code in Kwalificatie.objects.values_list("code", flat=True))
    assert set(Route.objects.values_list("type", flat=True)) <= {"doorlopend", "geintegreerd"}


def test_summary_fields_and_enrolments_agree_with_the_events(generated):
    """Every student's summary fields and enrolments are what services.rederive derives from their
    events (run on each student, then rolled back)."""
    students = list(m.Student.objects.order_by("pk").prefetch_related("enrolments"))
    written = {s.pk: ({f: getattr(s, f) for f in SUMMARY}, _enrolment_keys(s)) for s in students}
    with transaction.atomic():
        for student in students[::10]:
            services.rederive(student)
            fresh = m.Student.objects.prefetch_related("enrolments").get(pk=student.pk)
            assert ({f: getattr(fresh, f) for f in SUMMARY}, _enrolment_keys(fresh)) == written[student.pk], \
                student.pk
        transaction.set_rollback(True)


def test_paths_look_like_a_national_population(generated):
    """Realistic shares in the finished cohorts: mostly diplomas, some uitval, a few doublures."""
    finished = m.Student.objects.filter(cohort__lte=2019)
    total = finished.count()
    left = finished.filter(status=m.Status.UITGESTROOMD).count()
    graduated = finished.filter(status=m.Status.GEDIPLOMEERD).count()
    assert 0.05 < left / total < 0.4
    assert graduated / total > 0.6
    assert m.Event.objects.filter(kind="doublure").exists() and m.Event.objects.filter(kind="uitstroom").exists()
    assert set(m.Event.objects.filter(kind="uitstroom").values_list("destination", flat=True)) - {""}
    assert not m.Event.objects.filter(date__gt=TODAY).exists()
    # every diploma holder passed every planned mbo part
    assert not m.ExamPart.objects.filter(student__status=m.Status.GEDIPLOMEERD, sector="mbo").exclude(
        result="passed").exists()


def test_same_seed_same_data(db):
    national.generate(scale=0.001, seed=3, today=TODAY, progress=_quiet)
    first = _fingerprint()
    m.Student.objects.all().delete()
    Route.objects.all().delete()
    _remove_institutions()
    national.generate(scale=0.001, seed=3, today=TODAY, progress=_quiet)
    assert _fingerprint() == first


def test_a_second_set_is_refused(generated):
    with pytest.raises(national.AlreadyGenerated):
        national.generate(scale=0.001, seed=7, today=TODAY, progress=_quiet)


def _fingerprint():
    students = list(m.Student.objects.order_by("pk").values_list(
        "first_name", "last_name", "cohort", "status", "route_year", "mbo_diploma_on", "left_on", "destination"))
    events = list(m.Event.objects.order_by("student_id", "date", "kind").values_list("kind", "date", "route_year"))
    return students, events


def _remove_institutions():
    from apps.registry.models import Bestuur
    from apps.routes.models import Agreement

    Agreement.objects.all().delete()
    Institution.objects.all().delete()
    Bestuur.objects.all().delete()


@pytest.mark.django_db(transaction=True)
def test_the_benchmark_runs_at_a_tiny_scale():
    """scripts/bench_kpis.py in-process on the test database at scale 0.001 (500 students), two runs:
    a report with every figure, and the hand-written SQL agrees with the KPI engine."""
    pytest.importorskip("apps.results.engine")
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "scripts" / "bench_kpis.py"
    spec = importlib.util.spec_from_file_location("bench_kpis", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    report = bench.run_engine(scale=0.001, seed=5, on=TODAY, runs=2, reuse=False)
    assert report["load"]["written"]["students"] == report["database"]["students"] == 500
    for name in ("regional_dashboard", "national_dashboard"):
        for temperature in ("cold", "warm"):
            stats = report[name][temperature]
            assert stats["runs"] == 2 and 0 < stats["median_ms"] <= stats["p95_ms"]
    reference = report["national_k02_k04_3"]
    assert reference["counts_agree"] is True
    assert sum(c["members"] for c in reference["counts"].values()) > 0
    assert reference["ratio_median_warm"] > 0
    assert set(report["targets"]) == {"regional_p95_under_300_ms", "national_p95_under_2000_ms", "ratio_at_most_2"}
    # the reused set is measured again without writing a second one
    again = bench.run_engine(scale=0.001, seed=5, on=TODAY, runs=1, reuse=True)
    assert again["load"]["reused"] is True and again["database"]["students"] == 500
