"""The flow of a hand-made cohort through its route, per elapsed school year (apps/results/flow.py)."""
from apps.results.engine import Scope
from apps.results.flow import DIPLOMA, DOORSTROOM, IN_ROUTE, LEFT, REPEATED, cohort_flow

from .conftest import COHORT, ON


def _nonzero(year):
    return {key: n for key, n in year.counts.items() if n}


def test_flow_of_a_hand_made_cohort(route, cohort):
    flow = cohort_flow(Scope(route=route.pk), COHORT, ON)
    assert [(y.elapsed, y.school_year, y.on.isoformat()) for y in flow] == [
        (1, 2021, "2022-07-31"), (2, 2022, "2023-07-31"), (3, 2023, "2024-07-31"), (4, 2024, "2025-03-01")]
    # year 1: A, B, E, G in the route; C left to Entree, D to work (F enters only in year 2)
    assert _nonzero(flow[0]) == {IN_ROUTE: 4, LEFT + "entree": 1, LEFT + "werk": 1}
    # year 2: D came back, F entered (zij-instroom), B repeated, G left without a destination
    assert _nonzero(flow[1]) == {IN_ROUTE: 4, REPEATED: 1, LEFT + "entree": 1, LEFT + "geen": 1}
    # year 3: A and E hold the diploma (E's doorstroom is after 31 July 2024)
    assert _nonzero(flow[2]) == {IN_ROUTE: 3, DIPLOMA: 2, LEFT + "entree": 1, LEFT + "geen": 1}
    # year 4 (on 1 March 2025): E continued to level 3
    assert _nonzero(flow[3]) == {IN_ROUTE: 3, DIPLOMA: 1, DOORSTROOM: 1, LEFT + "entree": 1, LEFT + "geen": 1}
    assert [y.total for y in flow] == [6, 7, 7, 7]


def test_flow_stops_after_everyone_is_out(route, make_student):
    from datetime import date

    make_student(2015, [("instroom", date(2015, 8, 20), {}), ("mbo_diploma", date(2018, 6, 1), {})])
    flow = cohort_flow(Scope(route=route.pk), 2015, ON)
    assert [y.school_year for y in flow] == [2015, 2016, 2017]   # the diploma in year 3 ends it
    assert flow[-1].counts[DIPLOMA] == 1


def test_no_students_no_counts(route):
    flow = cohort_flow(Scope(route=route.pk), 2023, ON)
    assert flow and all(y.total == 0 for y in flow)
