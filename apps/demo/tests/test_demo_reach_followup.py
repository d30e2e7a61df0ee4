"""The demo's published figures for K-12 and K-10, from the engine: Calvijn's succes na doorstroom over
the cohorts since 2015 (57%, rounded as the source rounds: a whole percent, over 44 programmes), and
Amsterdam's bereik in 2020-21 (over a quarter of the BB students, leerjaar 4 as the inventory measured),
the same on the coverage page and in ``GET /api/v1/kpis?region=``."""
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from apps.demo import followup as demo_followup
from apps.regional.coverage_report import coverage_report
from apps.registry.models import Region
from apps.results import engine, followup, reach
from apps.students.models import Event, EventKind

TODAY = date(2026, 11, 30)


@pytest.fixture
def demo(demo_2026):
    """The demo data set as of 30 November 2026 (the root conftest's demo_2026: loaded once for every module
    that reads it)."""
    assert demo_2026.today == TODAY
    return demo_2026


@pytest.mark.django_db
def test_calvijn_k12_since_2015_is_57_percent_over_44_programmes(demo):
    route = demo.routes[demo_followup.ROUTE]
    scope = engine.Scope(route=route.pk)
    cohorts = [c for c in engine.cohorts_in(scope) if c >= demo_followup.SINCE]
    figures = [followup.succes(scope, cohort, TODAY) for cohort in cohorts]
    numerator, denominator = sum(f.numerator for f in figures), sum(f.denominator for f in figures)
    share = (Decimal(100 * numerator) / Decimal(denominator)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    print(f"K-12 Calvijn, cohorts {cohorts[0]}-{cohorts[-1]}: {numerator}/{denominator} = {share}%")
    assert share == 57 and denominator > 100
    # K-12's denominator is K-05's numerator, cohort by cohort
    for cohort, f in zip(cohorts, figures, strict=True):
        k05 = next(x for x in engine.cohort_figures(scope, cohort, TODAY) if x.id == "K-05")
        assert f.denominator == k05.numerator
    records = Event.objects.filter(kind=EventKind.VERVOLGDIPLOMA, student__route=route)
    assert records.count() == numerator
    assert len({detail.rsplit(" (", 1)[0] for detail in records.values_list("detail", flat=True)}) == 44
    assert not Event.objects.filter(kind=EventKind.VERVOLGDIPLOMA).exclude(student__route=route).exists()
    assert not records.filter(date__gt=TODAY).exists()


@pytest.mark.django_db
def test_amsterdam_k10_bb_leerjaar_4_over_a_quarter(demo):
    amsterdam = Region.objects.get(kind="rmc", name="Agglomeratie Amsterdam")
    shown = {f.id: f for f in reach.shown(amsterdam.pk, 2020, leerjaar=4)}
    bb = shown["K-10/2020/BB"]
    print(f"K-10 Amsterdam 2020-2021 BB leerjaar 4: {bb.numerator}/{bb.denominator} = {bb.value}%")
    assert not bb.suppressed and bb.value > 25
    page = {b["leerweg"]: b for b in coverage_report(amsterdam, 2020, 4)["bereik"]["per_leerweg"]}
    assert page["BB"]["numerator"] == str(bb.numerator) and page["BB"]["value"] == str(bb.value)
    for leerweg, row in page.items():
        f = shown[f"K-10/2020/{leerweg}"]
        assert (row["value"] is None) == (f.suppressed or f.value is None), leerweg
