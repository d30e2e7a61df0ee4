"""The suppression rule across the regional views (issue 9, points 3 and 9): as a regional user, collect
every count shown on the region dashboard (tables and the charts' JSON data islands), by the KPI API for
the region (``/api/v1/kpis?region=``, every cohort), the regional report's JSON and the coverage API, for
a hand-made region with small routes, and assert that no count from 1 to 4 is shown or can be derived as
the difference of two shown counts.

The test knows whose students each shown count is (the engine's ``students_behind`` and flags, from the
register), so it finds the derivable differences itself: wherever the students of one shown count are a
part of those of another (a route within the region, the diplomas within 3 years within those within 4
years within all holders, the active routes' total within the region's, ...), the difference is a count
of real students and must not be from 1 to 4. A percentage shown with its cohort's intake gives its
numerator away, so a shown percentage counts as its numerator and denominator shown.

The hand-made region (Amsterdam of the test registry; the day is 1 March 2025):
- route A: cohort 2019, 15 students: 9 diplomas within 3 years (6 of them continue at mbo 3 and have a
  diploma there, K-12), 2 late diplomas (2024), 4 still in the route; cohort 2021, 10 students: 6 diplomas,
  2 left to work, 2 still in it; cohort 2024, 7 students;
- route B: cohort 2021, 12 students: 7 left to work, 5 diplomas (all continue at mbo 3, 2 have a diploma
  there: K-12 2 of 5); cohort 2024, 6 students;
- route C (stopped, so not in the routes side by side but in the region's totals): cohort 2024, 2 students.
Before the fixes the region's K-02 of 2021 (9) gave route A's 2 leavers away against route B's 7, the
region's intake of 2024 (15) the stopped route's 2 against the table's total (13), and K-06's holders of
2019 (11) the 2 late diplomas against K-04/4 (9)."""
import json
import re
from datetime import date
from html import unescape
from unittest import mock

import pytest

from apps.regional import coverage as cov
from apps.results import engine, followup
from apps.routes.models import Phase, Route
from apps.routes.tests.payloads import route_payload
from domain.calendar import school_year_label

from .conftest import ON

ISLAND = re.compile(r'<script id="([^"]+)" type="application/json">(.*?)</script>', re.S)
TOTAL_ROW = re.compile(r'<tr class="total">(.*?)</tr>', re.S)
CELL = re.compile(r'<td class="num">([^<]*)</td>')
COHORTS = (2019, 2021, 2024)
INTAKE, RESULT = 2024, 2021          # the side-by-side table's cohorts on ON
IN = ("instroom", date(2024, 8, 20), {})


@pytest.fixture(autouse=True)
def today():
    with mock.patch("django.utils.timezone.localdate", return_value=ON):
        yield


def _in(cohort):
    return ("instroom", date(cohort, 8, 20), {})


@pytest.fixture
def region(route, registry, make_student, api_client):
    """The hand-made region: routes A (the test route), B and C (stopped)."""
    headers = api_client.token_for("calvijn")
    routes = {"A": route}
    for name in ("B", "C"):
        response = api_client.post("/api/v1/routes", route_payload(registry, name=f"Route {name}"),
                                   content_type="application/json", **headers)
        assert response.status_code == 201, response.content
        routes[name] = Route.objects.get(pk=response.json()["id"])
    Route.objects.filter(pk=routes["C"].pk).update(phase=Phase.GESTOPT)
    routes["C"].refresh_from_db()

    def make(name, cohort, n, *more):
        for _ in range(n):
            make_student(cohort, [_in(cohort), *more], target=routes[name])

    for _ in range(6):      # doorstroom to mbo 3 and a diploma there (K-05, K-12)
        make_student(2019, [_in(2019), ("mbo_diploma", date(2022, 6, 30), {}), ("doorstroom", date(2022, 8, 25), {}),
                            ("vervolgdiploma", date(2024, 7, 1), {"level": 3})], doorstroom_level="mbo3", target=route)
    make("A", 2019, 3, ("mbo_diploma", date(2022, 6, 30), {}))
    make("A", 2019, 2, ("mbo_diploma", date(2024, 6, 30), {}))
    make("A", 2019, 4)
    make("A", 2021, 6, ("mbo_diploma", date(2024, 6, 30), {}))
    make("A", 2021, 2, ("uitstroom", date(2022, 3, 1), {"destination": "werk"}))
    make("A", 2021, 2)
    make("A", 2024, 7)
    make("B", 2021, 7, ("uitstroom", date(2022, 3, 1), {"destination": "werk"}))
    for n in range(5):      # all five continue at mbo 3, two of them with a diploma there already (K-12: 2 of 5)
        make_student(2021, [_in(2021), ("mbo_diploma", date(2024, 6, 30), {}), ("doorstroom", date(2024, 8, 20), {}),
                            *([("vervolgdiploma", date(2025, 2, 1), {"level": 3})] if n < 2 else [])],
                     doorstroom_level="mbo3", target=routes["B"])
    make("B", 2024, 6)
    make("C", 2024, 2)
    return registry["ams"], routes


# -- whose students a shown count is ------------------------------------------------------------------

def _ids(queryset) -> frozenset:
    return frozenset(queryset.values_list("pk", flat=True))


def students_of(scope: engine.Scope, figure_id: str, side: str, cohort: int) -> frozenset | None:
    """The students counted by a shown count: a figure's numerator or denominator (None: not a count
    of a cohort's students, such as K-06's value or K-08's denominator)."""
    students = engine.students_in(scope)
    if figure_id.startswith("K-10"):   # bereik: checked against the routes' counts in its own tests below
        return None
    if figure_id == followup.KPI:   # K-12: of the K-05 doorstromers, those with a vervolgdiploma
        return _ids(followup.students_behind(students, cohort, ON) if side == "numerator"
                    else engine.students_behind(students, "K-05", cohort, ON))
    if side == "numerator":
        if figure_id.startswith("K-08/"):
            return _ids(engine.students_behind(students, figure_id, cohort, ON)) if figure_id.count("/") == 1 else None
        return _ids(engine.students_behind(students, figure_id, cohort, ON))
    if figure_id.startswith(("K-01", "K-08", "K-09")):
        return None
    if figure_id == "K-05":
        return _ids(engine.students_with(students, "counted", cohort, ON))
    if figure_id == "K-06":
        return _ids(engine.students_behind(students, "K-06", cohort, ON))
    return _ids(engine.students_behind(students, "K-01", cohort, ON))


class Shown:
    """The counts a reader has seen: (where, value, students)."""

    def __init__(self):
        self.counts: list[tuple[str, int, frozenset]] = []

    def add(self, where: str, value, students: frozenset | None):
        if value is None or students is None:
            return
        assert len(students) == value, (where, value, len(students))   # the test knows what it shows
        self.counts.append((where, value, students))

    def figure(self, where: str, scope: engine.Scope, figure_id: str, cohort: int):
        """A percentage shown: with its cohort's intake it gives its numerator and denominator away."""
        for side in ("numerator", "denominator"):
            students = students_of(scope, figure_id, side, cohort)
            if students is not None:
                self.add(f"{where} {figure_id} {side}", len(students), students)

    def leaks(self) -> list:
        found = [(where, value) for where, value, _s in self.counts if 0 < value < 5]
        for where, value, students in self.counts:
            for other, other_value, part in self.counts:
                if part < students and 0 < value - other_value < 5:
                    found.append((where, "-", other, value - other_value))
        return found


# -- collecting what the regional user sees --------------------------------------------------------

def _islands(html) -> dict:
    return {key: json.loads(body) for key, body in ISLAND.findall(html)}


def collect_dashboard(shown: Shown, html: str, region, routes):
    labels = {school_year_label(c): c for c in range(2015, 2030)}
    scope = engine.Scope(region=region.pk)
    data = _islands(html)
    intake = data["region-intake-data"]
    for series, figure_id in zip(intake["datasets"], ("K-01", "K-01/zij"), strict=True):
        for label, value in zip(intake["labels"], series["data"], strict=True):
            if value is not None:
                shown.add(f"dashboard trend {figure_id} {label}", value,
                          students_of(scope, figure_id, "numerator", labels[label]))
    trend = data["region-trend-data"]
    for series, figure_id in zip(trend["datasets"], ("K-02", "K-04/3"), strict=True):
        for label, value in zip(trend["labels"], series["data"], strict=True):
            if value is not None:
                shown.figure(f"dashboard trend {label}", scope, figure_id, labels[label])
    doorstroom = data["region-doorstroom-data"]
    for series, figure_id in zip(doorstroom["datasets"], ("K-05", "K-12"), strict=True):
        for label, value in zip(doorstroom["labels"], series["data"], strict=True):
            if value is not None:
                shown.figure(f"dashboard doorstroom {label}", scope, figure_id, labels[label])
    by_name = {route.name: route for route in routes.values()}
    for label, value in zip(data["routes-intake-data"]["labels"], data["routes-intake-data"]["datasets"][0]["data"],
                            strict=True):
        if value is not None:
            shown.add(f"dashboard tabel {label} K-01", value,
                      students_of(engine.Scope(route=by_name[label].pk), "K-01", "numerator", INTAKE))
    results = data["routes-results-data"]
    for series, figure_id in zip(results["datasets"], ("K-04/3", "K-02"), strict=True):
        for label, value in zip(results["labels"], series["data"], strict=True):
            if value is not None:
                shown.figure(f"dashboard tabel {label}", engine.Scope(route=by_name[label].pk), figure_id, RESULT)
    total = [unescape(cell) for cell in CELL.findall(TOTAL_ROW.search(html).group(1))]
    active = [r for r in routes.values() if r.phase != Phase.GESTOPT]
    for text, (figure_id, cohort) in zip(total, (("K-01", INTAKE), ("K-02", RESULT), ("K-04/3", RESULT)),
                                         strict=True):
        if text not in ("<5", "–"):
            sides = ("numerator",) if figure_id == "K-01" else ("numerator", "denominator")  # a percentage: both
            for side in sides:
                students = frozenset().union(*(students_of(engine.Scope(route=r.pk), figure_id, side, cohort)
                                               for r in active))
                shown.add(f"dashboard totaal {figure_id} {side}", int(text) if figure_id == "K-01" else len(students),
                          students)


def collect_api(shown: Shown, api_client, region):
    headers = api_client.token_for("regio")
    scope = engine.Scope(region=region.pk)
    for cohort in COHORTS:
        response = api_client.get(f"/api/v1/kpis?region={region.pk}&cohort={cohort}", **headers)
        assert response.status_code == 200, response.content
        for kpi in response.json()["kpis"]:
            for side in ("numerator", "denominator"):
                if kpi[side] is not None:
                    shown.add(f"api {cohort} {kpi['id']} {side}", kpi[side],
                              students_of(scope, kpi["id"], side, cohort))


def collect_report_succes(shown: Shown, api_client, region):
    """The report's K-12 table: per route and cohort the doorstromers and those with a diploma at the
    higher level."""
    response = api_client.get(f"/api/v1/regions/{region.pk}/report?school_year=2024",
                              **api_client.token_for("regio"))
    assert response.status_code == 200, response.content
    for row in response.json()["succes"]:
        scope = engine.Scope(route=row["route_id"])
        for key, side in (("doorstromers", "denominator"), ("followed", "numerator")):
            if isinstance(row[key], int):
                shown.add(f"rapport K-12 {row['route']} {row['cohort']} {key}", row[key],
                          students_of(scope, followup.KPI, side, row["cohort"]))
    return response.json()["succes"]


def test_no_count_from_one_to_four_is_shown_or_derivable_on_the_regional_views(region, users, client, api_client):
    ams, routes = region
    shown = Shown()
    client.force_login(users["regio"])
    response = client.get(f"/regio/{ams.pk}/")
    assert response.status_code == 200
    collect_dashboard(shown, response.content.decode(), ams, routes)
    collect_api(shown, api_client, ams)
    succes = collect_report_succes(shown, api_client, ams)
    assert {(r["route_id"], r["cohort"]) for r in succes} == {(routes["A"].pk, 2019), (routes["B"].pk, 2021)}
    assert any(where.startswith("dashboard doorstroom") and "K-12" in where for where, _v, _s in shown.counts)
    assert any(where.startswith("rapport K-12") for where, _v, _s in shown.counts)
    assert len(shown.counts) > 20            # the views do show counts: the test reads them
    leaks = shown.leaks()
    assert leaks == [], "\n".join(map(str, leaks))


def test_the_report_and_coverage_show_no_count_from_one_to_four(region, users, api_client):
    ams, _routes = region
    headers = api_client.token_for("regio")
    report = api_client.get(f"/api/v1/regions/{ams.pk}/report?school_year=2024", **headers)
    coverage = api_client.get(f"/api/v1/coverage?region={ams.pk}&school_year=2024", **headers)
    assert report.status_code == 200 and coverage.status_code == 200
    text = json.dumps(report.json()["tables"] if "tables" in report.json() else report.json())
    students = re.findall(
        r'"(?:total|vo_fase|mbo_fase|students|in_route|numerator|denominator|doorstromers|followed)": (\d+)', text)
    students += re.findall(r'"(?:students|numerator|denominator)": "?(\d+)"?', json.dumps(coverage.json()))
    assert not [n for n in students if int(n) in (1, 2, 3, 4)]


# -- K-10: the bereik numerators against the routes' own counts ---------------------------------------

def test_a_small_bereik_cannot_be_read_against_the_routes_own_counts():
    """One legal route with 12 BB and 3 KB students in leerjaar 3: the region pages show its 15 students,
    so BB's 12 would give KB's 3 away; and GL's 20 of 22 would give the 2 vmbo students in no route
    away."""
    rows = [cov.Bereik("BB", 12, 40), cov.Bereik("KB", 3, 30), cov.Bereik("GL", 20, 22), cov.Bereik("TL", 0, 50)]
    shown = {b.leerweg: b for b in cov.bereik_shown(rows)}
    assert shown["KB"].numerator == "<5" and shown["KB"].value is None
    assert shown["GL"].numerator == "x" and shown["GL"].value is None          # 22 - 20 = 2 in no route
    assert shown["BB"].numerator == "x" and shown["BB"].value is None          # 35 - 12 - 20 - 0 = 3
    assert shown["TL"].numerator == "0" and shown["TL"].denominator == "50"
    alone = {b.leerweg: b for b in cov.bereik_shown([cov.Bereik("BB", 12, 40), cov.Bereik("KB", 3, 30)])}
    assert alone["KB"].numerator == "<5" and alone["BB"].numerator == "x"      # 15 - 12 = 3
