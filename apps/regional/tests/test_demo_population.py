"""The demo's Amsterdam: 12 of its 41 vmbo schools with some form of route, Centrum and West without
one, over a quarter of the BB students in leerjaar 4 in a route, and every route student counted at
their own school."""

import pytest
from django.db.models import Sum

from apps.regional import coverage as cov
from apps.registry.models import PopulationCount, Region


@pytest.fixture
def demo(demo_2026):
    """The demo data set as of 30 November 2026 (the root conftest's demo_2026: loaded once for every module
    that reads it, rolled back after the last of them)."""
    return demo_2026


@pytest.mark.django_db
def test_amsterdam_12_of_41(demo):
    amsterdam = Region.objects.get(kind="rmc", name="Agglomeratie Amsterdam")
    for year in (2020, demo.school_year):
        c = cov.coverage(amsterdam, year)
        assert (len(c.schools), len(c.schools_with_route)) == (41, 12), year
        synthetic = [s for s in c.schools_without_route if "(fictief)" in s.name]
        assert len(synthetic) == len(c.schools_without_route) == 29
        areas = {m.area: m for m in c.by_area}
        for stadsdeel in ("Amsterdam – Centrum", "Amsterdam – West"):
            assert stadsdeel in areas
            assert all(not cell.routes and not cell.developing for cell in areas[stadsdeel].cells.values())
        assert c.gaps and c.has_population


@pytest.mark.django_db
def test_amsterdam_bereik_and_counts(demo):
    amsterdam = Region.objects.get(kind="rmc", name="Agglomeratie Amsterdam")
    for year in range(2019, demo.school_year + 1):
        bb4 = next(b for b in cov.bereik(amsterdam, year, leerjaar=4) if b.leerweg == "BB")
        if bb4.numerator:
            assert bb4.value > 25, (year, bb4)
    # every route student is counted at their own vo-school, in their leerweg, profiel and leerjaar
    from apps.demo.population import _route_students

    schools = [s.id for s in cov.coverage(amsterdam, 2020).schools]
    counted = {(c.institution_id, c.leerweg.code, c.profiel.code if c.profiel else None, c.leerjaar): c.count
               for c in PopulationCount.objects.filter(school_year=2020).select_related("leerweg", "profiel")}
    route_students = _route_students(schools, 2020)
    assert route_students and all(counted.get(key, 0) >= n for key, n in route_students.items())
    starters = sum(b.numerator for b in cov.bereik(amsterdam, 2020, leerjaar=3))
    print(f"K-10 leerjaar 3, 2020-2021: {starters} students of Amsterdam's legal routes")  # for the report
    assert PopulationCount.objects.filter(school_year=2020).aggregate(n=Sum("count"))["n"] > 41 * 4 * 50
