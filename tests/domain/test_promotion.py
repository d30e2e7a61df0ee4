"""The steps of a cohort promotion by vmbo leerjaar and route year (domain.promotion)."""
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain import promotion as p
from domain.calendar import year_end, year_start
from domain.promotion import DIPLOMA, UITSTROOM, date_problem, default_date


@pytest.mark.parametrize(("length", "route_start", "student_start", "last"), [
    (3, 3, 3, 3),       # vmbo 3, vmbo 4, mbo 1
    (3, 3, 4, 2),       # the same route for a student who started in vmbo 4: vmbo 4, mbo 1
    (4, 4, 4, 4),
    (5, 3, 3, 5),
    (None, 3, 3, None),  # the route's length is not known: no limit
    (0, 3, 3, None),
])
def test_the_last_route_year_follows_the_students_vmbo_leerjaar(length, route_start, student_start, last):
    assert p.last_route_year(length, route_start, student_start) == last


def test_the_steps_before_and_in_the_last_route_year():
    assert p.choices(1, 3, 3) == ("overgang", "doublure", "uitstroom", "apart")          # vo-fase: no diploma
    assert p.choices(3, 4, 3) == ("overgang", "doublure", "diploma", "uitstroom", "apart")  # mbo-fase
    assert p.choices(3, 3, 3) == ("diploma", "uitloopjaar", "uitstroom", "apart")
    assert p.choices(5, None, 3)[0] == "overgang"                                          # no known end
    assert (p.default_choice(2, 3), p.default_choice(3, 3)) == ("overgang", "apart")


def test_a_step_the_student_may_not_take_says_why_and_what_is_offered():
    assert p.choice_problem("overgang", 2, 3, 3) is None
    assert p.choice_problem("overgang", 3, 3, 3) == (
        "routejaar 3 is het laatste routejaar van de route; routejaar 4 bestaat niet. Kies mbo-diploma, "
        "uitloopjaar, uitstroom.")
    assert "uitloopjaar" in p.choice_problem("doublure", 3, 3, 3)
    assert "alleen in het laatste routejaar (3)" in p.choice_problem("uitloopjaar", 1, 3, 3)
    assert "vo-fase" in p.choice_problem("diploma", 1, 3, 3)


# -- the day of a diploma or uitstroom ---------------------------------------------------------------


@given(st.integers(2015, 2030), st.dates(date(2014, 1, 1), date(2032, 12, 31)))
def test_the_default_day_lies_in_the_school_year_and_is_never_refused(school_year, today):
    for action in (DIPLOMA, UITSTROOM):
        day = default_date(action, school_year, today)
        assert year_start(school_year) <= day <= year_end(school_year)
        assert date_problem(day, school_year, school_year - 2) is None
    assert default_date(DIPLOMA, school_year, today) == year_end(school_year)
    if year_start(school_year) <= today <= year_end(school_year):
        assert default_date(UITSTROOM, school_year, today) == today


def test_a_day_after_the_school_year_or_before_the_cohort_is_a_problem():
    assert str(date_problem(date(2022, 8, 1), 2021, 2019)) == (
        "de datum 1 augustus 2022 ligt na het eind van schooljaar 2021-2022 (31 juli 2022).")
    assert str(date_problem(date(2019, 7, 31), 2021, 2019)) == (
        "de datum 31 juli 2019 ligt voor de start van cohort 2019-2020 (1 augustus 2019).")
    assert date_problem(date(2019, 8, 1), 2021, 2019) is None and date_problem(date(2022, 7, 31), 2021, 2019) is None
