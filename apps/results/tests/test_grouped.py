"""The grouped engine functions (figures per route and per cohort in one query) give what the per-route,
per-cohort ``cohort_figures`` gives; K-02 by destination on a hand-made cohort with known answers, in
the engine, the API (suppressed outside the partners) and the results page; the students behind a
destination."""
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.results import engine
from apps.results.engine import Scope
from apps.students.models import Student
from domain.kpi import Step

ON = date(2022, 10, 15)


def values(figures):
    return [(f.id, f.numerator, f.denominator, f.value) for f in figures]


def start(day=date(2019, 8, 1)):
    return Step("instroom", day, kwalificatie="25498")


@pytest.fixture
def destinations(make_student):
    """Cohort 2019 of the test route: 2 left to Entree, 1 to work, 1 left and came back, 4 in the route."""
    for _ in range(2):
        make_student(2019, [start(), Step("uitstroom", date(2020, 7, 31), destination="entree")])
    make_student(2019, [start(), Step("uitstroom", date(2021, 3, 1), destination="werk")])
    make_student(2019, [start(), Step("uitstroom", date(2020, 2, 1), destination="regulier_vmbo"),
                        Step("terugkeer", date(2020, 8, 20))])
    for _ in range(4):
        make_student(2019, [start()])


@pytest.fixture
def second_route(glr_route, make_student):
    """A second route of the same region, with its own cohorts 2019 and 2020 (a diploma, a leaver)."""
    from apps.routes.models import Route

    other = Route.objects.get(pk=glr_route.pk)
    other.pk, other.name = None, "Tweede route"
    other.save()
    make_student(2019, [start(), Step("mbo_diploma", date(2022, 6, 30), kwalificatie="25498", level=2)], route=other)
    make_student(2020, [start(date(2020, 8, 1)), Step("uitstroom", date(2021, 5, 1), destination="geen")],
                 route=other)
    make_student(2020, [start(date(2020, 8, 1))], route=other)
    return other


def test_k02_by_destination_by_hand(glr_route, destinations):
    f = {f.id: f for f in engine.cohort_figures(Scope(route=glr_route.pk), 2019, ON)}
    assert (f["K-02"].numerator, f["K-02"].denominator, str(f["K-02"].value)) == (3, 8, "37.5")
    assert (f["K-02/entree"].numerator, str(f["K-02/entree"].value)) == (2, "25.0")
    assert (f["K-02/werk"].numerator, f["K-02/werk"].denominator) == (1, 8)
    assert f["K-02/regulier_vmbo"].numerator == 0          # came back: not a leaver
    assert [f[f"K-02/{d}"].numerator for d in ("ander_mbo", "havo", "geen")] == [0, 0, 0]
    assert f["K-02/entree"].label == "Waarvan naar Entree (mbo 1)"
    assert f["K-03"].numerator == 1                        # work is VSV, Entree is not
    before = {f.id: f for f in engine.cohort_figures(Scope(route=glr_route.pk), 2019, date(2020, 12, 1))}
    assert (before["K-02/entree"].numerator, before["K-02/werk"].numerator) == (2, 0)
    assert sorted(s.pk for s in engine.students_behind(Student.objects.all(), "K-02/entree", 2019, ON)) == \
        sorted(Student.objects.filter(events__destination="entree").values_list("pk", flat=True))
    assert engine.students_behind(Student.objects.all(), "K-02/havo", 2019, ON).count() == 0


def test_k02_by_destination_suppressed_as_total_and_parts(glr_route, destinations):
    figures = {f.id: f for f in engine.suppressed(engine.cohort_figures(Scope(route=glr_route.pk), 2019, ON))}
    assert figures["K-02"].suppressed and figures["K-02/entree"].suppressed and figures["K-02/werk"].suppressed
    assert figures["K-02/havo"].numerator == 0 and not figures["K-02/havo"].suppressed     # 0 gives nothing away


def test_k02_by_destination_in_the_api_and_on_the_page(api_client, client, glr_route, destinations):
    from apps.results.tests.test_api import get

    partner = {k["id"]: k for k in get(api_client, "calvijn", route=glr_route.pk, cohort=2019,
                                       on=ON.isoformat()).json()["kpis"]}
    assert partner["K-02/entree"] | {"numerator": 2, "denominator": 8, "value": "25.0"} == partner["K-02/entree"]
    assert partner["K-02/werk"]["numerator"] == 1 and partner["K-02/geen"]["value"] == "0.0"
    region = {k["id"]: k for k in get(api_client, "regio", region=glr_route.region_id, cohort=2019,
                                      on=ON.isoformat()).json()["kpis"]}
    assert region["K-02/entree"]["display"] == "<5" and region["K-02/entree"]["numerator"] is None
    client.login(username="calvijn", password="pw-calvijn")
    html = client.get(f"/routes/{glr_route.pk}/resultaten/", {"cohort": 2019, "on": ON.isoformat()}).content.decode()
    assert 'data-kpi="K-02/entree" data-value="25,0%"' in html
    assert html.index('data-kpi="K-02"') < html.index('data-kpi="K-02/entree"') < html.index('data-kpi="K-03"')
    link = f"/routes/{glr_route.pk}/resultaten/K-02/entree/leerlingen/?cohort=2019&amp;on=2022-10-15"
    assert link in html
    behind = client.get(link.replace("&amp;", "&"))
    assert behind.status_code == 200 and behind.content.decode().count("Leerling") >= 2


def test_figures_by_route_equal_per_route_figures(glr_route, destinations, second_route):
    region = Scope(region=glr_route.region_id)
    with CaptureQueriesContext(connection) as queries:
        grouped = engine.cohort_figures_by_route(region, [2019, 2020], ON)
    assert set(grouped) == {glr_route.pk, second_route.pk}
    assert sum("GROUP BY grp" in q["sql"] for q in queries.captured_queries) == 1     # one query for all
    for route, per_cohort in grouped.items():
        for cohort, figures in per_cohort.items():
            assert values(figures) == values(engine.cohort_figures(Scope(route=route), cohort, ON))
    assert grouped[second_route.pk][2020][2].id == "K-02" and grouped[second_route.pk][2020][2].numerator == 1
    single = engine.cohort_figures_by_route(region, 2019, ON, routes=[second_route.pk])
    assert list(single) == [second_route.pk] and set(single[second_route.pk]) == {2019}


def test_figures_of_several_cohorts_and_trend_equal_one_cohort_at_a_time(glr_route, destinations, second_route):
    for scope in (Scope(region=glr_route.region_id), Scope(national=True), Scope(route=second_route.pk)):
        several = engine.cohort_figures_of(scope, [2018, 2019, 2020], ON)
        for cohort in (2018, 2019, 2020):
            assert values(several[cohort]) == values(engine.cohort_figures(scope, cohort, ON))
        assert values(engine.trend(scope, "K-02", [2019, 2020], ON)) == \
            [values(engine.cohort_figures(scope, c, ON))[2] for c in (2019, 2020)]


# -- a region's figures: the routes' figures in grouped queries ------------------------------------------

def _copy_route(route, name):
    from apps.routes.models import Route, RoutePartner

    other = Route.objects.get(pk=route.pk)
    other.pk, other.name = None, name
    other.save()
    for partner in RoutePartner.objects.filter(route=route):
        partner.pk, partner.route = None, other
        partner.save()
    return other


def _students_of(route, make_student, registry):
    """Cohort 2019 of ``route``: a diploma in 2022 with doorstroom and a level-3 diploma after it, a late
    diploma, a leaver to work, one still in the route; each enrolled in route year 1 in 2019."""
    from apps.students.models import Enrolment

    made = [
        make_student(2019, [start(), Step("mbo_diploma", date(2022, 6, 30), kwalificatie="25498", level=2),
                            Step("doorstroom", date(2022, 8, 25), level=3),
                            Step("vervolgdiploma", date(2024, 7, 1), level=3)], doorstroom_level="mbo3", route=route),
        make_student(2019, [start(), Step("mbo_diploma", date(2023, 6, 30), kwalificatie="25498", level=2)],
                     route=route),
        make_student(2019, [start(), Step("uitstroom", date(2021, 3, 1), destination="werk")], route=route),
        make_student(2019, [start()], route=route),
    ]
    for student in made:
        Enrolment.objects.create(student=student, institution=registry["calvijn"], school_year=2019, route_year=1,
                                 start=date(2019, 8, 1), funded=True, phase="vo")


def _region_figures(region_id, yearly):
    from apps.results import figures
    from apps.results.access import Reading

    reading = Reading(Scope(region=region_id), outside=True)
    with CaptureQueriesContext(connection) as queries:
        shown = figures.figures_for(reading, 2019, ON, yearly=yearly)
    return shown, len(queries.captured_queries)


@pytest.mark.parametrize("yearly", [False, True])
def test_region_figures_queries_do_not_grow_with_routes(glr_route, make_student, registry, yearly):
    """The region's figures (the KPI API and the results of a region) take as many queries for two routes
    as for five, and the routes' grouped figures are each route's own figures."""
    from apps.results import figures

    _students_of(glr_route, make_student, registry)
    _students_of(_copy_route(glr_route, "Tweede route"), make_student, registry)
    _shown, two = _region_figures(glr_route.region_id, yearly)
    routes = [_copy_route(glr_route, f"Route {n}") for n in range(3)]
    for route in routes:
        _students_of(route, make_student, registry)
    _shown, five = _region_figures(glr_route.region_id, yearly)
    assert five == two
    region = Scope(region=glr_route.region_id)
    years = figures.cohort_years(region, 2019, ON)
    grouped = figures._figures_by_route(region, 2019, ON, years, yearly)
    assert len(grouped) == 5 and years == [2019, 2020, 2021, 2022]
    for route, route_figures in grouped.items():
        assert values(route_figures) == values(figures._figures(Scope(route=route), 2019, ON, years, yearly))
    k12 = {f.id: f for f in grouped[routes[0].pk]}["K-12"]
    assert (k12.numerator, k12.denominator) == (0, 1)      # the vervolgdiploma of 2024 is after ON


def test_region_figures_through_the_api_take_as_many_queries_for_more_routes(api_client, users, glr_route,
                                                                               make_student, registry):
    from apps.accounts.models import User

    User.objects.filter(username="regio").update(region=glr_route.region_id)
    headers = api_client.token_for("regio")
    url = f"/api/v1/kpis?region={glr_route.region_id}&cohort=2019&on={ON.isoformat()}"
    _students_of(glr_route, make_student, registry)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert api_client.get(url, **headers).status_code == 200
        return len(queries.captured_queries)

    one = count()
    for n in range(4):
        _students_of(_copy_route(glr_route, f"Route {n}"), make_student, registry)
    assert count() == one
