"""The regional report's tables on the small hand-made region of conftest.py (three vmbo schools, a
running GLR with five students, a DLR in development, a gestapelde route)."""
from datetime import date
from decimal import Decimal

import pytest

from apps.core.lib.suppression import SMALL
from apps.regional import report
from apps.routes import models as rm
from apps.students import models as sm

TODAY = date(2026, 11, 30)


def _by_route(rows):
    return {row["route"]: row for row in rows}


@pytest.fixture
def more_students(region, route_students):
    """Seven more students in the GLR (twelve in 2020: six of cohort 2020 in vo-fase ...)."""
    glr, a = region["glr"], region["a"]
    for n in range(7):
        s = sm.Student.objects.create(route=glr, first_name=f"M{n}", last_name="Test", leerweg=region["bb"],
                                      profiel=region["zw"], vo_school=a, cohort=2018, route_year=3)
        sm.Enrolment.objects.create(student=s, institution=region["mbo"], school_year=2020, route_year=3,
                                    start=date(2020, 8, 1), funded=True, phase="mbo")
    return route_students


def test_practices_table_lists_the_regions_routes_with_phase_and_type(region):
    tables = report.build(region["region"], 2020, today=TODAY)
    rows = _by_route(tables["practices"])
    assert set(rows) == {"GLR A", "DLR B in ontwikkeling", "Gestapeld B"}   # not the other region's route
    glr = rows["GLR A"]
    assert (glr["vo_schools"], glr["mbo"], glr["phase"], glr["type"], glr["status"]) == (
        "School A", "Mbo Test", "regulier", "geintegreerd", "bestaand")
    assert glr["boards"] == region["a"].bestuur.name
    assert rows["DLR B in ontwikkeling"]["status"] == "in_ontwikkeling"
    assert [r["status"] for r in tables["practices"]] == ["bestaand", "bestaand", "in_ontwikkeling"]


def test_phase_of_the_school_year_from_the_history(region):
    glr = region["glr"]
    rm.PhaseChange.objects.create(route=glr, phase="gestopt", since=date(2022, 8, 1))
    assert "GLR A" in _by_route(report.build(region["region"], 2021, today=TODAY)["practices"])
    assert "GLR A" not in _by_route(report.build(region["region"], 2023, today=TODAY)["practices"])
    later = report.build(region["region"], 2022, today=TODAY)   # stopped during the year: shown as stopped
    assert _by_route(later["practices"])["GLR A"]["phase"] == "gestopt"
    # a route whose history begins after the year is not in that year's report
    assert "GLR A" not in _by_route(report.build(region["region"], 2017, today=TODAY)["practices"])


def test_figures_count_routes_by_level_richting_and_type(region):
    figures = report.build(region["region"], 2020, today=TODAY)["figures"]
    level = figures["by_level"]
    assert level["labels"] == ["mbo 2", "mbo 3"]
    assert [s["values"] for s in level["series"]] == [[2, 0], [0, 1]]   # GLR + gestapeld at 2; the DLR at 3
    types = dict(zip(figures["by_type"]["labels"], figures["by_type"]["totals"], strict=True))
    assert types == {"doorlopend (DLR)": 1, "geïntegreerd (GLR)": 1, "gestapeld": 1}
    richting = dict(zip(figures["by_richting"]["labels"], figures["by_richting"]["totals"], strict=True))
    assert richting["Medewerker horeca"] == 1


def test_students_per_route_suppressed(region, route_students):
    rows = _by_route(report.build(region["region"], 2020, today=TODAY)["students"])
    glr = rows["GLR A"]
    # five students enrolled in 2020, all funded in the vo-fase (0 in the mbo-fase gives nothing away)
    assert glr["total"] == 5 and glr["vo_fase"] == 5 and glr["mbo_fase"] == 0
    assert rows["Gestapeld B"]["total"] == 0


def test_no_count_from_1_to_4_readable_or_derivable(region, more_students):
    rows = _by_route(report.build(region["region"], 2020, today=TODAY)["students"])
    glr = rows["GLR A"]
    assert glr["total"] == 12 and glr["mbo_fase"] == 7 and glr["vo_fase"] == 5
    for row in rows.values():
        for key in ("total", "vo_fase", "mbo_fase"):
            assert not (isinstance(row[key], int) and 0 < row[key] < 5), (row, key)


def test_continuity_risks_from_the_rule_check_without_contact_names(region):
    from apps.routes import compliance

    glr = region["glr"]
    jan = rm.Person.objects.create(institution=region["a"], name="Jan Jansen")
    rm.Contact.objects.create(route=glr, institution=region["a"], role="kartrekker", person=jan)
    compliance.refresh(glr)
    risks = [r for r in report.build(region["region"], 2020, today=TODAY)["risks"] if r["route"] == "GLR A"]
    kinds = {r["kind"] for r in risks}
    assert {"contactpersonen", "financiële afspraak", "partneroverleg"} <= kinds
    assert all(r["rule"] in ("R-16", "R-15") for r in risks)
    one = next(r for r in risks if "School A" in r["message"])
    assert "afhankelijk van één contactpersoon" in one["message"] and "Jan Jansen" not in one["message"]


def test_results_per_route_against_its_targets(region, route_students):
    glr, a = region["glr"], region["a"]
    for n in range(6):   # ten students in route year 1 in 2020
        s = sm.Student.objects.create(route=glr, first_name=f"N{n}", last_name="Test", leerweg=region["bb"],
                                      profiel=region["zw"], vo_school=a, cohort=2020, route_year=1)
        sm.Enrolment.objects.create(student=s, institution=a, school_year=2020, route_year=1,
                                    start=date(2020, 8, 1), funded=True, phase="vo")
    rm.RouteTarget.objects.create(route=glr, kpi="K-09", operator=">=", value=Decimal("15"))
    rm.RouteTarget.objects.create(route=glr, kpi="K-02", operator="<=", value=Decimal("5"))
    rows = {r["kpi"]: r for r in report.build(region["region"], 2020, today=TODAY)["results"]}
    intake = rows["K-09"]
    assert (intake["value"], intake["target"], intake["met"], intake["of"]) == (10, "≥ 15", False, "2020-2021")
    assert rows["K-02"]["value"] == "–" and rows["K-02"]["met"] is None   # no cohort that ends in 2020-21


def test_results_small_counts_are_not_shown(region, route_students):
    rm.RouteTarget.objects.create(route=region["glr"], kpi="K-09", operator=">=", value=Decimal("15"))
    [row] = report.build(region["region"], 2020, today=TODAY)["results"]
    assert row["value"] == SMALL and row["met"] is None     # an intake of four


# -- K-12 succes na doorstroom per route and cohort ------------------------------------------------

def _graduates(region, n, cohort=2016, doorstroom=True, followed=None, route=None):
    """``n`` students of ``cohort`` in the GLR (or ``route``) with a level-2 diploma on 30 June of their
    third school year, enrolled at mbo 3 on the next 1 October (``doorstroom``) and a level-3 diploma on
    ``followed`` (None: none recorded)."""
    from apps.students import services
    from domain.calendar import school_year_of

    route = route or region["glr"]
    helpende = rm.Uitstroomrichting.objects.filter(route=region["glr"]).first().kwalificatie
    steps = [("instroom", date(cohort, 8, 20), {}), ("mbo_diploma", date(cohort + 3, 6, 30), {})]
    if doorstroom:
        steps.append(("doorstroom", date(cohort + 3, 8, 25), {}))
    if followed:
        steps.append(("vervolgdiploma", followed, {"level": 3}))
    for i in range(n):
        s = sm.Student.objects.create(route=route, first_name=f"D{i}", last_name="Test", leerweg=region["bb"],
                                      profiel=region["zw"], vo_school=region["a"], cohort=cohort,
                                      kwalificatie=helpende, doorstroom_level="mbo3" if doorstroom else "")
        sm.Event.objects.bulk_create(
            sm.Event(student=s, kind=kind, date=day, school_year=school_year_of(day),
                     route_year=1 + school_year_of(day) - cohort,
                     kwalificatie=helpende if kind in ("instroom", "mbo_diploma") else None, **extra)
            for kind, day, extra in steps)
        services.rederive(s, enrolments=False)


def test_succes_na_doorstroom_per_route_and_cohort(region):
    """GLR cohort 2016: 11 doorstromers, 6 with a level-3 diploma by the end of 2020-21 (5 more in
    September 2021), 2 without a doorstroom (outside K-12); cohort 2017: 6 doorstromers, 1 with a level-3
    diploma (a count of 1: the figure is hidden, "<5" and "x"); cohort 2018: only a diploma without
    doorstroom (no row)."""
    _graduates(region, 6, followed=date(2021, 6, 30))
    _graduates(region, 5, followed=date(2021, 9, 1))             # after the school year: not yet counted
    _graduates(region, 2, doorstroom=False)
    _graduates(region, 5, cohort=2017)
    _graduates(region, 1, cohort=2017, followed=date(2021, 6, 30))
    _graduates(region, 5, cohort=2018, doorstroom=False)
    rows = report.build(region["region"], 2020, today=TODAY)["succes"]
    assert [(r["route"], r["cohort"], r["cohort_label"]) for r in rows] == [("GLR A", 2016, "2016-2017"),
                                                                             ("GLR A", 2017, "2017-2018")]
    first, second = rows
    assert (first["doorstromers"], first["followed"], first["percent"]) == (11, 6, 54.5)
    assert (second["doorstromers"], second["followed"], second["percent"]) == ("x", SMALL, "x")
    later = {r["cohort"]: r for r in report.build(region["region"], 2021, today=TODAY)["succes"]}
    assert (later[2016]["followed"], later[2016]["percent"]) == (11, 100.0)   # the five of September 2021 too


def test_succes_hidden_when_the_rest_is_small(region):
    """8 doorstromers, 5 with a diploma at the higher level: the 3 without one would be the rest."""
    _graduates(region, 5, followed=date(2021, 6, 30))
    _graduates(region, 3)
    [row] = report.build(region["region"], 2020, today=TODAY)["succes"]
    assert (row["doorstromers"], row["followed"], row["percent"]) == ("x", "x", "x")


def test_succes_in_the_api_page_and_workbook(region, make_user, api_client):
    import io

    import openpyxl

    from apps.accounts.models import Role

    _graduates(region, 8, followed=date(2021, 6, 30))
    _graduates(region, 5)
    make_user("regio-test", Role.REGIOCOORDINATOR, region=region["region"])
    answer = api_client.get(f"/api/v1/regions/{region['region'].pk}/report?school_year=2020",
                            **api_client.token_for("regio-test"))
    assert answer.status_code == 200
    [row] = answer.json()["succes"]
    assert (row["doorstromers"], row["followed"], row["percent"]) == (13, 8, 61.5)
    built = report.build(region["region"], 2020, today=TODAY)
    from apps.regional import report_xlsx

    book = openpyxl.load_workbook(io.BytesIO(report_xlsx.render(built)))
    sheet = book["Succes na doorstroom"]
    assert [c.value for c in sheet[2]] == ["GLR A", "2016-2017", 13, 8, 61.5]
    from django.template.loader import render_to_string

    html = render_to_string("regional/report_body.html", {"report": built, "charts": [], "coverage": []})
    assert 'id="report-succes"' in html and 'data-cohort="2016"' in html
