"""The practices' published figures (practices.md, "Published results": the Amsterdam inventory
"Doorlopende leerroutes in Amsterdam", 2021) as the product's own KPI engine computes them from the demo
and as a partner of the route reads them from ``GET /api/v1/kpis``: percentages with one decimal, half
up, as the engine gives them; where the source gives a whole percentage ("88%", "90%", "5%") the
engine's figure rounds to it.

The demo is the one loaded for every module that reads it (as of 30 November 2026): the figures are those
of cohorts that had finished by 2022-2023, whose students are the same on whatever day the demo is loaded,
and each figure is asked on a pinned date (the source's date where it gives one) as well as today. The route
headcounts of 2020-2021 are checked by ``checks.check_as_of``."""
from datetime import date
from decimal import Decimal

import pytest

from apps.accounts.testing import code_for_token
from apps.demo import dataset
from apps.registry.models import Region
from apps.results import engine
from apps.routes.models import Route
from apps.students.models import Event, EventKind, Student

INVENTORY_DATE = date(2021, 4, 19)   # the date of "Doorlopende leerroutes in Amsterdam"
INTEGRATED = ("calvijn-vmr", "bindelmeer-vmr", "mlo-glr", "noorderlicht-hzw")   # the inventory's §4.1


@pytest.fixture
def demo(demo_2026):
    """The demo's Amsterdam practices (the root conftest's demo_2026: loaded once for every module that reads
    it) and the demo accounts."""
    names = {spec.key: spec.name for spec in dataset.load().routes}
    return {"region": Region.objects.get(kind="rmc", name="Agglomeratie Amsterdam"),
            **{key: Route.objects.get(name=names[key]) for key in INTEGRATED}}


def figures(route, cohort, on):
    return {f.id: f for f in engine.cohort_figures(engine.Scope(route=route.pk), cohort, on)}


def kpis(client, username, route, cohort, on=None):
    """The API's figures for a partner of the route, by id."""
    body = {"username": username, "password": "demo"}
    if code := code_for_token(username):
        body["otp"] = code
    token = client.post("/api/v1/auth/token", body, content_type="application/json").json()["token"]
    params = {"route": route.pk, "cohort": cohort, **({"on": on.isoformat()} if on else {})}
    response = client.get("/api/v1/kpis", params, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200, response.content
    return {k["id"]: k for k in response.json()["kpis"]}


def first_of_months(start, end):
    day = start
    while day <= end:
        yield day
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)


# -- Calvijn College, cohort 2017-2018 (the results of 2019-2020) -------------------------------------

@pytest.mark.django_db
def test_calvijn_2017_diploma_in_3_years_uitval_and_doorstroom(demo):
    """"88%" in 3 years, uitval "3,5%", "90%" doorstroom to mbo 3/4 (Bijlage 1, Calvijn College)."""
    route = demo["calvijn-vmr"]
    for on in (date(2020, 7, 31), date(2020, 10, 1), date(2021, 3, 1), date(2021, 10, 1), engine.today()):
        f = figures(route, 2017, on)
        assert f["K-04/3"].value == Decimal("88.0"), (on, f["K-04/3"])
        assert f["K-02"].value == Decimal("3.5"), (on, f["K-02"])
        assert f["K-03"].numerator == 0                            # the leavers went on in education
    assert figures(route, 2017, date(2021, 7, 31))["K-04/4"].value >= 95   # the route's target: 95% in 4 years
    # doorstroom: about 90% on every date from the first 1 October after the diplomas, also once the
    # diplomas of the fourth year count (each holder's doorstroom is decided)
    for on in [*first_of_months(date(2020, 10, 1), date(2023, 10, 1)), engine.today()]:
        k05 = figures(route, 2017, on)["K-05"]
        assert round(k05.value) == 90 and abs(k05.value - 90) <= 1, (on, k05)
    assert figures(route, 2017, date(2021, 10, 1))["K-05"].denominator == figures(route, 2017, engine.today())[
        "K-04/4"].numerator                                         # every holder counted, none left undecided


@pytest.mark.django_db
def test_calvijn_2017_through_the_api(demo, client):
    route = demo["calvijn-vmr"]
    for on in (date(2021, 3, 1), None):                            # None: today, the endpoint's default
        k = kpis(client, "calvijn", route, 2017, on)
        assert (k["K-04/3"]["value"], k["K-02"]["value"]) == ("88.0", "3.5"), on
        assert round(Decimal(k["K-05"]["value"])) == 90, (on, k["K-05"])
        assert k["K-01"]["numerator"] == k["K-04/3"]["denominator"] == k["K-02"]["denominator"]


# -- Bindelmeer College, cohort 2019-2020 ------------------------------------------------------------

@pytest.mark.django_db
def test_bindelmeer_2019_four_to_entree_one_doublure(demo, client):
    """78 start, 73 to leerjaar 4, 4 to Entree, 1 doublure: uitval 5% (Bijlage 1, Bindelmeer College)."""
    route = demo["bindelmeer-vmr"]
    cohort = Student.objects.filter(route=route)
    doublure = Event.objects.get(kind=EventKind.DOUBLURE, student__route=route, student__cohort=2019).student
    for on in (date(2020, 7, 31), date(2020, 10, 1), INVENTORY_DATE, engine.today()):
        f = figures(route, 2019, on)
        assert f["K-01"].value == 78 and (f["K-02"].numerator, f["K-02"].value) == (4, Decimal("5.1")), on
        assert round(f["K-02"].value) == 5 and f["K-03"].numerator == 0
        gone = engine.students_behind(cohort, "K-02", 2019, on)
        assert set(gone.values_list("destination", flat=True)) == {"entree"}
        assert doublure not in gone                                 # a doublure is not uitval
    assert Event.objects.filter(kind=EventKind.OVERGANG, route_year=2, school_year=2020, student__route=route,
                                student__cohort=2019).count() == 73
    k = kpis(client, "rocva", route, 2019, date(2020, 10, 1))
    assert (k["K-01"]["value"], k["K-02"]["numerator"], k["K-02"]["value"]) == ("78", 4, "5.1")


# -- Noorderlicht, the cohort in leerjaar 4 in 2020-2021 ---------------------------------------------

@pytest.mark.django_db
def test_noorderlicht_a_third_of_the_cohort_in_year_4_left(demo, client):
    """"Grofweg een derde tussentijds uit de doorlopende leerroute gestroomd (10 van de 30 leerlingen)",
    of the cohort in leerjaar 4 on the inventory's date (Bijlage 1, Beroepscollege Noorderlicht)."""
    route = demo["noorderlicht-hzw"]
    assert figures(route, 2019, date(2020, 7, 31))["K-02"].numerator == 0       # all 30 went on to leerjaar 4
    for on in (INVENTORY_DATE, date(2021, 7, 31), engine.today()):
        f = figures(route, 2019, on)
        assert (f["K-01"].value, f["K-02"].numerator, f["K-02"].value) == (30, 10, Decimal("33.3")), on
    k = kpis(client, "rocva", route, 2019, INVENTORY_DATE)
    assert (k["K-02"]["numerator"], k["K-02"]["denominator"], k["K-02"]["value"]) == (10, 30, "33.3")


# -- Montessori Lyceum Oostpoort -----------------------------------------------------------------------

MLO_COHORTS = (2019, 2020, 2021, 2022)   # finished cohorts, whatever today is
MLO_ON = date(2026, 10, 1)                # the first 1 October after the last of their diplomas


@pytest.mark.django_db
def test_mlo_diploma_near_100_and_95_doorstroom(demo, client):
    """Pass rate "constant tegen de 100%", "slechts 1 leerling ... naar een entreeopleiding", "ongeveer
    95%" continue at mbo 3/4 (Bijlage 1, Montessori Lyceum Oostpoort); 40-60 students a year (Tabel 1)."""
    route = demo["mlo-glr"]
    length = engine.route_length(engine.Scope(route=route.pk))
    to_entree = 0
    for cohort in MLO_COHORTS:
        f = figures(route, cohort, MLO_ON)
        last = f[f"K-04/{max(length, 4)}"]
        assert last.value >= 97, (cohort, last)
        assert 93 <= f["K-05"].value <= 97, (cohort, f["K-05"])
        to_entree += f["K-02"].numerator
        assert f["K-03"].numerator == 0
    assert to_entree == 1
    for year in (2019, 2020, 2021):
        intake = next(f for f in engine.year_figures(engine.Scope(route=route.pk), year) if f.id == f"K-09/{year}")
        assert 40 <= intake.numerator <= 60, (year, intake)
    k = kpis(client, "rocva", route, 2020, MLO_ON)
    assert Decimal(k["K-04/4"]["value"]) >= 97 and round(Decimal(k["K-05"]["value"])) == 95


# -- Amsterdam, 2020-2021 ------------------------------------------------------------------------------

@pytest.mark.django_db
def test_amsterdam_more_than_200_start_an_integrated_route(demo):
    """"Momenteel starten jaarlijks ruim 200 leerlingen met een geïntegreerde leerroute" (§4.1, from the
    numbers of Calvijn, Bindelmeer, MLO and Noorderlicht): their intake in route year 1 in 2020-2021."""
    intake = {key: next(f.numerator for f in engine.year_figures(engine.Scope(route=demo[key].pk), 2020)
                        if f.id == "K-09/2020") for key in INTEGRATED}
    assert sum(intake.values()) > 200, intake
    region = next(f.numerator for f in engine.year_figures(engine.Scope(region=demo["region"].pk), 2020)
                  if f.id == "K-09/2020")
    assert region == sum(intake.values())             # no other route of the region starts students then
