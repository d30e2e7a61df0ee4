"""The steps of a cohort promotion by vmbo leerjaar and route year (domain.promotion)."""
import pytest

from domain import promotion as p


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
