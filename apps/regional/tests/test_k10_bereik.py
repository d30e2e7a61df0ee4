"""K-10 bereik, computed in ``apps.results.reach``, on the small hand-made region of conftest.py: known
answers per leerweg and in total, the leerjaar as a parameter, the suppression of the total with its
parts, ``GET /api/v1/kpis?region=`` (and national), and the coverage page, its API and the regional
report showing the same numbers."""
from datetime import date
from decimal import Decimal

import pytest

from apps.accounts.models import Role
from apps.regional import coverage as cov
from apps.regional import report as regional_report
from apps.regional.coverage_report import coverage_report
from apps.results import reach
from apps.students import models as sm
from domain.kpi import hide, suppress_figures


def by_id(figures):
    return {f.id: f for f in figures}


def counts(f):
    return f.numerator, f.denominator, f.value


@pytest.fixture
def more_students(region, route_students):
    """Seven more BB students of the GLR in leerjaar 3 (ten in all) and two KB students of the DLR in
    development at School B (a legal route: it counts whatever its phase), enrolled on 1 October 2020."""
    def student(n, route, school, leerweg):
        s = sm.Student.objects.create(route=route, first_name=f"M{n}", last_name="Test", leerweg=leerweg,
                                      vo_school=school, cohort=2020, route_year=1)
        sm.Enrolment.objects.create(student=s, institution=school, school_year=2020, route_year=1,
                                    start=date(2020, 8, 1), funded=True, phase="vo")
    for n in range(7):
        student(n, region["glr"], region["a"], region["bb"])
    for n in range(2):
        student(10 + n, region["dlr"], region["b"], region["kb"])


def test_known_answers_per_leerweg_and_in_total(region, route_students):
    figures = by_id(reach.bereik(region["region"].pk, 2020))
    assert counts(figures["K-10/2020/BB"]) == (3, 33, Decimal("9.1"))      # 30 at A + 3 at C; one left before 1-10
    assert counts(figures["K-10/2020/KB"]) == (0, 12, Decimal("0.0"))
    assert counts(figures["K-10/2020/GL"]) == (0, 0, None)                 # no students: "–", not 0
    assert counts(figures["K-10/2020"]) == (3, 45, Decimal("6.7"))
    assert list(figures)[0] == "K-10/2020" and figures["K-10/2020/BB"].label == "Bereik 2020-2021 (BB)"
    four = by_id(reach.bereik(region["region"].pk, 2020, leerjaar=4))
    assert counts(four["K-10/2020/BB"]) == (1, 25, Decimal("4.0"))
    assert four["K-10/2020/BB"].label == "Bereik 2020-2021 (BB), leerjaar 4"
    # the other region's school and route stay out; nationally they count
    national = by_id(reach.bereik(None, 2020))
    assert counts(national["K-10/2020/BB"])[:2] == (3, 33 + 50) and national["K-10/2020"].denominator == 45 + 50
    assert counts(by_id(reach.bereik(region["region"].pk, 2019))["K-10/2019"]) == (0, 0, None)   # no counts


def test_the_coverage_functions_give_the_same_counts(region, route_students):
    for leerjaar in (3, 4):
        figures = by_id(reach.bereik(region["region"].pk, 2020, leerjaar))
        for row in cov.bereik(region["region"], 2020, leerjaar):
            assert (row.numerator, row.denominator, row.value) == counts(figures[f"K-10/2020/{row.leerweg}"])


def test_suppression_of_the_total_and_its_parts(region, more_students):
    raw = by_id(reach.bereik(region["region"].pk, 2020))
    assert counts(raw["K-10/2020/BB"])[:2] == (10, 33) and counts(raw["K-10/2020/KB"])[:2] == (2, 12)
    shown = by_id(reach.shown(region["region"].pk, 2020))
    assert shown["K-10/2020/KB"].suppressed                   # 2: a count below 5
    assert shown["K-10/2020/BB"].suppressed                   # else 12 - 10 = 2 beside the total
    assert counts(shown["K-10/2020"]) == (12, 45, Decimal("26.7"))
    assert not shown["K-10/2020/GL"].suppressed              # 0 of 0 gives nothing away


def test_suppression_rule_by_hand():
    from domain.kpi import figure

    parts = [figure("K-10/2020", 20, 100), figure("K-10/2020/BB", 10, 40), figure("K-10/2020/KB", 7, 30),
             figure("K-10/2020/GL", 3, 30)]
    shown = by_id(suppress_figures(parts))
    # GL (3) is hidden, and with the total shown so is KB, the smallest part left (GL = 20 - 10 - KB)
    assert [i for i, f in shown.items() if f.suppressed] == ["K-10/2020/KB", "K-10/2020/GL"]
    # hidden parts that together are 1 to 4 (here 3 + 1) hide one more
    parts = [figure("K-10/2020", 24, 100), figure("K-10/2020/BB", 10, 40), figure("K-10/2020/KB", 10, 30),
             figure("K-10/2020/GL", 3, 20), figure("K-10/2020/TL", 1, 10)]
    shown = by_id(suppress_figures(parts))
    assert {i for i, f in shown.items() if f.suppressed} == {"K-10/2020/GL", "K-10/2020/TL", "K-10/2020/BB"}
    # a total with a single part: hidden with it
    assert all(f.suppressed for f in suppress_figures([figure("K-10/2020", 3, 40), figure("K-10/2020/BB", 3, 40)]))
    assert hide(parts[0]).text == "<5"


@pytest.fixture
def reader(region, make_user):
    return make_user("regio-k10", Role.REGIOCOORDINATOR, region=region["region"])


def kpis(api_client, user, **params):
    response = api_client.get("/api/v1/kpis", params, **api_client.token_for(user))
    assert response.status_code == 200, response.content
    return {k["id"]: k for k in response.json()["kpis"]}


def test_the_api_per_region_and_nationally(api_client, region, more_students, reader, users):
    found = kpis(api_client, "regio-k10", region=region["region"].pk, cohort=2020)
    assert found["K-10/2020"] | {"numerator": 12, "denominator": 45, "value": "26.7", "unit": "%"} == found["K-10/2020"]
    for leerweg in ("BB", "KB"):
        assert found[f"K-10/2020/{leerweg}"] | {"numerator": None, "denominator": None, "value": None,
                                                "display": "<5"} == found[f"K-10/2020/{leerweg}"]
    assert found["K-10/2020/GL"]["value"] is None and found["K-10/2020/GL"]["display"] == "–"
    four = kpis(api_client, "regio-k10", region=region["region"].pk, cohort=2020, leerjaar=4)
    assert four["K-10/2020/BB"]["display"] == "<5" and four["K-10/2020"]["display"] == "<5"   # 1 of 25
    national = kpis(api_client, "beheer", national="true", cohort=2020)
    assert national["K-10/2020"]["denominator"] == 95
    route = kpis(api_client, "beheer", route=region["glr"].pk, cohort=2020)
    assert not [k for k in route if k.startswith("K-10")]       # a regional figure, not a route's
    for bad in (0, 5, "drie"):
        response = api_client.get("/api/v1/kpis", {"region": region["region"].pk, "cohort": 2020, "leerjaar": bad},
                                  **api_client.token_for("regio-k10"))
        assert response.status_code == 422 and "leerjaar" in [e["field"] for e in response.json()["errors"]]


def test_openapi_documents_the_school_year_and_leerjaar(api_client):
    operation = api_client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/kpis"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert "leerjaar" in parameters and "K-10" in parameters["cohort"]["description"]


def _report_bereik(region, year):
    ctx = regional_report._Context(region, year, date(2026, 11, 30))
    table = next(t for t in regional_report._coverage(ctx)["tables"] if t["key"] == "bereik")
    return {row["leerweg"]: (row["in_route"], row["students"]) for row in table["rows"]}


def test_coverage_page_api_and_report_show_the_same(client, api_client, region, more_students, reader):
    per_leerweg = {b["leerweg"]: b for b in coverage_report(region["region"], 2020)["bereik"]["per_leerweg"]}
    assert per_leerweg["BB"] == {"leerweg": "BB", "numerator": "x", "denominator": "33", "value": None}
    assert per_leerweg["KB"] == {"leerweg": "KB", "numerator": "<5", "denominator": "12", "value": None}
    body = api_client.get(f"/api/v1/coverage?region={region['region'].pk}&school_year=2020",
                          **api_client.token_for("regio-k10")).json()
    assert {b["leerweg"]: b for b in body["bereik"]["per_leerweg"]} == per_leerweg
    client.force_login(reader)
    page = client.get(f"/regio/{region['region'].pk}/dekking/", {"schooljaar": 2020}).content.decode()
    assert "<td>BB</td><td class=\"num\">x</td><td class=\"num\">33</td>" in page
    assert _report_bereik(region["region"], 2020) == {"BB": ("x", 33), "KB": ("<5", 12)}


def test_shown_plainly_when_nothing_is_small(region, route_students, reader):
    """Twenty more BB students in a route: BB and the total shown, the same everywhere."""
    for n in range(20):
        s = sm.Student.objects.create(route=region["glr"], first_name=f"N{n}", last_name="Test",
                                      leerweg=region["bb"], vo_school=region["a"], cohort=2020, route_year=1)
        sm.Enrolment.objects.create(student=s, institution=region["a"], school_year=2020, route_year=1,
                                    start=date(2020, 8, 1), funded=True, phase="vo")
    shown = by_id(reach.shown(region["region"].pk, 2020))
    assert counts(shown["K-10/2020/BB"]) == (23, 33, Decimal("69.7")) and not shown["K-10/2020"].suppressed
    bb = next(b for b in coverage_report(region["region"], 2020)["bereik"]["per_leerweg"] if b["leerweg"] == "BB")
    assert bb == {"leerweg": "BB", "numerator": "23", "denominator": "33", "value": "69.7"}
    assert _report_bereik(region["region"], 2020)["BB"] == (23, 33)
