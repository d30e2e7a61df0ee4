"""The school-year calendar and the student path in the pure core (plain pytest and hypothesis):
school years and elapsed time, phase by vmbo leerjaar, the R-04 deadline, the route's enrolment
pattern, the student's own institution, and events replayed in date order."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.calendar import (
    elapsed_school_years,
    end_of_year,
    latest_teldatum,
    month_end,
    school_year_label,
    school_year_of,
    teldatum,
    year_end,
    year_start,
)
from domain.facts import Enrolment, ExamPart, Partner, Route, Student
from domain.path import (
    PathError,
    PathEvent,
    Period,
    choice_deadline,
    own_institution,
    replay,
    required_enrolments,
    required_for_path,
    vmbo_deadline,
)
from domain.phase import describe, first_mbo_route_year, phase_of, vmbo_leerjaar

VO, VO2, MBO = "20NC", "21AA", "25LX"
ROUTE = Route(name="Route", type="doorlopend", phase="regulier", start_date=date(2019, 8, 1),
              partners=(Partner("Vo-school", VO, "vo", "A"), Partner("Tweede vo-school", VO2, "vo", "A"),
                        Partner("Mbo", MBO, "mbo", "B")))
CALVIJN = replace(ROUTE, type="geintegreerd", vmbo_diploma=False, enrolment_pattern=((2, "mbo"), (3, "vo")))


def student(route=ROUTE, start=3, **changes) -> Student:
    return replace(Student("L-1", route, "BB", start, 2019), **changes)


# -- calendar ---------------------------------------------------------------------------------

def test_school_years_run_from_1_august_to_31_july():
    assert school_year_of(date(2021, 7, 31)) == 2020 and school_year_of(date(2021, 8, 1)) == 2021
    assert (year_start(2021), year_end(2021), teldatum(2021)) == (date(2021, 8, 1), date(2022, 7, 31),
                                                                  date(2021, 10, 1))
    assert school_year_label(2021) == "2021-2022"
    assert latest_teldatum(date(2021, 9, 30)) == date(2020, 10, 1)
    assert latest_teldatum(date(2021, 10, 1)) == date(2021, 10, 1)


def test_elapsed_time_counts_school_years_from_the_cohort():
    assert elapsed_school_years(2019, date(2019, 9, 1)) == 1
    assert elapsed_school_years(2019, date(2022, 7, 31)) == 3
    assert elapsed_school_years(2019, date(2019, 7, 1)) == 0
    assert end_of_year(2019, 3) == date(2022, 7, 31)        # "within 3 years" for cohort 2019-2020
    assert month_end(2021, 1) == date(2022, 1, 31) and month_end(2021, 12) == date(2021, 12, 31)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_every_day_lies_in_its_school_year(day):
    year = school_year_of(day)
    assert year_start(year) <= day <= year_end(year)
    assert latest_teldatum(day) <= day < latest_teldatum(day).replace(year=latest_teldatum(day).year + 1)


# -- phase by vmbo leerjaar -------------------------------------------------------------------

@pytest.mark.parametrize("start,route_year,phase", [(3, 1, "vo"), (3, 2, "vo"), (3, 3, "mbo"),
                                                    (4, 1, "vo"), (4, 2, "mbo"), (4, 3, "mbo")])
def test_phase_follows_the_vmbo_leerjaar(start, route_year, phase):
    assert phase_of(start, route_year) == phase


def test_first_mbo_year_and_descriptions_name_the_vmbo_leerjaar():
    assert (first_mbo_route_year(3), first_mbo_route_year(4)) == (3, 2)
    assert vmbo_leerjaar(3, 2) == 4
    assert describe(3, 2) == "vmbo-leerjaar 4, routejaar 2, vo-fase"
    assert describe(4, 2) == "routejaar 2, na vmbo-leerjaar 4, mbo-fase"


def test_r04_deadline_is_the_end_of_the_first_mbo_fase_school_year_and_a_doublure_moves_it():
    def enrolled(*pairs):
        return tuple(Enrolment(VO, "vo", sy, ry, year_start(sy)) for sy, ry in pairs)
    assert vmbo_deadline(student(enrolments=enrolled((2019, 1)))) == date(2022, 7, 31)
    assert vmbo_deadline(student(start=4, enrolments=enrolled((2019, 1)))) == date(2021, 7, 31)
    doublure = enrolled((2019, 1), (2020, 2), (2021, 2))
    assert vmbo_deadline(student(enrolments=doublure)) == date(2023, 7, 31)
    # a doublure in the first mbo-fase year does not move it
    late = enrolled((2019, 1), (2020, 2), (2021, 3), (2022, 3))
    assert vmbo_deadline(student(enrolments=late)) == date(2022, 7, 31)


# -- the enrolments a student needs -------------------------------------------------------------

def sides(rows):
    return [(r.side, r.brin, r.funded) for r in rows]


def test_the_law_minimum_without_a_pattern():
    glr = replace(ROUTE, type="geintegreerd", vmbo_diploma=False)
    for route_year, expected in ((1, [("vo", VO, True)]), (2, [("vo", VO, True)]), (3, [("mbo", MBO, True)])):
        assert sides(required_enrolments(student(glr), Period(2018 + route_year, route_year,
                                                              year_start(2018 + route_year)))) == expected


def test_the_calvijn_pattern():
    rows = [sides(required_enrolments(student(CALVIJN), Period(2018 + ry, ry, year_start(2018 + ry))))
            for ry in (1, 2, 3)]
    assert rows == [[("vo", VO, True)], [("vo", VO, True), ("mbo", MBO, False)],
                    [("mbo", MBO, True), ("vo", VO, False)]]


def test_r11_keeps_an_unfunded_vo_enrolment_while_the_vo_part_is_open_until_the_deadline():
    open_part = (ExamPart("Nederlands", "vmbo", "CSPE", planned_route_year=3),)
    dlr = student(exam_parts=open_part, enrolments=(Enrolment(VO, "vo", 2019, 1, year_start(2019)),))
    assert sides(required_enrolments(dlr, Period(2021, 3, year_start(2021)))) == [("mbo", MBO, True),
                                                                                    ("vo", VO, False)]
    # after the deadline (a doublure in the first mbo-fase year) no double enrolment any more
    years = ((2019, 1), (2020, 2), (2021, 3))
    assert sides(required_enrolments(dlr, Period(2022, 3, year_start(2022)), years)) == [("mbo", MBO, True)]
    passed = replace(dlr, exam_parts=(replace(open_part[0], result="passed"),))
    assert sides(required_enrolments(passed, Period(2021, 3, year_start(2021)))) == [("mbo", MBO, True)]


def test_the_student_own_institution_per_side():
    assert own_institution(student(vo_brin=VO2), "vo") == VO2
    assert own_institution(student(vo_brin="99XX"), "vo") == VO     # not a partner: the route's first
    assert own_institution(student(), "mbo") == MBO
    assert sides(required_enrolments(student(vo_brin=VO2), Period(2019, 1, year_start(2019)))) == [
        ("vo", VO2, True)]


def test_the_uitstroomrichting_may_stay_open_until_the_month_the_route_chose():
    route = replace(ROUTE, choice_route_year=3, choice_month=1)
    enrolled = (Enrolment(VO, "vo", 2019, 1, year_start(2019)),)
    assert choice_deadline(student(route, enrolments=enrolled)) == date(2022, 1, 31)
    assert choice_deadline(student(replace(route, choice_month=None), enrolments=enrolled)) == date(2022, 7, 31)
    assert choice_deadline(student(enrolments=enrolled)) is None


# -- replaying events ---------------------------------------------------------------------------

def ev(kind, day, **extra):
    return PathEvent(kind, day, **extra)


def test_a_regular_path_with_a_doublure():
    state = replay([ev("instroom", date(2019, 8, 1)), ev("overgang", date(2020, 8, 1)),
                    ev("doublure", date(2021, 8, 1)), ev("overgang", date(2022, 8, 1)),
                    ev("mbo_diploma", date(2023, 6, 30))])
    assert [(p.school_year, p.route_year) for p in state.periods] == [(2019, 1), (2020, 2), (2021, 2), (2022, 3)]
    assert (state.status, state.mbo_diploma_route_year, state.periods[-1].end) == ("gediplomeerd", 3,
                                                                                   date(2023, 6, 30))


def test_events_are_replayed_in_date_order_whatever_order_they_come_in():
    events = [ev("overgang", date(2020, 8, 1)), ev("instroom", date(2019, 8, 1))]
    assert replay(events).route_year == 2


def test_zij_instroom_terugkeer_and_certificate():
    state = replay([ev("zij_instroom", date(2020, 8, 1), route_year=2), ev("certificaat", date(2021, 1, 15)),
                    ev("uitstroom", date(2021, 3, 1), destination="regulier_vmbo"),
                    ev("terugkeer", date(2021, 8, 20))])
    assert (state.zij_instroom, state.entry_route_year, state.status, state.left_on) == (True, 2, "actief", None)
    assert state.certificates == (date(2021, 1, 15),) and state.returned_on == (date(2021, 8, 20),)
    assert [(p.school_year, p.route_year, p.start, p.end) for p in state.periods] == [
        (2020, 2, date(2020, 8, 1), date(2021, 3, 1)), (2021, 2, date(2021, 8, 20), None)]


@pytest.mark.parametrize("events,words", [
    ([ev("overgang", date(2020, 8, 1))], "gaat vooraf aan de instroom"),
    ([ev("instroom", date(2019, 8, 1)), ev("uitstroom", date(2020, 1, 1)), ev("switch", date(2020, 2, 1))],
     "Leg eerst de terugkeer vast"),
    ([ev("instroom", date(2019, 8, 1)), ev("terugkeer", date(2020, 2, 1))], "niet uit de route gegaan"),
    ([ev("instroom", date(2019, 8, 1)), ev("overgang", date(2020, 8, 1)), ev("doublure", date(2021, 1, 1))],
     "per schooljaar is er één overgang"),
    ([ev("instroom", date(2019, 8, 1)), ev("overgang", date(2021, 8, 1))], "ontbreekt de overgang"),
    ([ev("instroom", date(2019, 8, 1)), ev("mbo_diploma", date(2020, 6, 1)), ev("certificaat", date(2020, 7, 1))],
     "daarna kan alleen de doorstroom"),
    ([ev("instroom", date(2019, 8, 1)), ev("doorstroom", date(2020, 7, 1))], "doorstroom volgt op het mbo-diploma"),
])
def test_a_path_the_events_do_not_allow_is_refused_naming_the_event(events, words):
    with pytest.raises(PathError, match=words):
        replay(events)


# -- property: one funded enrolment on every teldatum, at the phase's own partner -----------------

@st.composite
def paths(draw):
    """A path of events: instroom (or zij-instroom), then per school year an overgang, a doublure,
    or an uitstroom (sometimes followed by a terugkeer), until a diploma or the end of the data."""
    start = draw(st.sampled_from((3, 4)))
    entry = draw(st.integers(1, 2))
    year = 2015
    events = [ev("zij_instroom" if entry > 1 else "instroom", year_start(year), route_year=entry)]
    route_year = entry
    for _ in range(draw(st.integers(0, 6))):
        step = draw(st.sampled_from(("overgang", "overgang", "doublure", "uitstroom", "diploma")))
        if step == "diploma":
            events.append(ev("mbo_diploma", date(year + 1, 6, 30)))
            break
        if step == "uitstroom":
            events.append(ev("uitstroom", date(year + 1, 2, 1), destination="werk"))
            if not draw(st.booleans()):
                break
            year += 1
            events.append(ev("terugkeer", year_start(year) + timedelta(days=draw(st.integers(0, 60)))))
            continue
        year += 1
        route_year += step == "overgang"
        events.append(ev(step, year_start(year)))
    route = draw(st.sampled_from((ROUTE, CALVIJN, replace(ROUTE, type="gestapeld"))))
    exam = draw(st.sampled_from(((), (ExamPart("Nederlands", "vmbo", "SE", result="passed"),))))
    vo = draw(st.sampled_from((VO, VO2)))
    return student(route, start, vo_brin=vo, exam_parts=exam), events


@given(paths())
def test_on_every_teldatum_exactly_one_funded_enrolment_at_the_phase_partner(generated):
    facts, events = generated
    state = replay(events)
    rows = required_for_path(facts, state)
    for period in state.periods:
        day = teldatum(period.school_year)
        active = [r for r in rows if r.school_year == period.school_year and r.start <= day <= r.end]
        if not active:          # not in the route on that 1 October (joined after it, left before it)
            continue
        funded = [r for r in active if r.funded]
        assert len(funded) == 1
        phase = phase_of(facts.vmbo_year_at_start, period.route_year)
        assert funded[0].side == phase
        assert funded[0].brin == (facts.vo_brin if phase == "vo" else MBO)


@given(paths())
def test_the_enrolments_a_path_needs_pass_r10_on_every_teldatum(generated):
    from domain.teldatum import check_teldatum
    facts, events = generated
    state = replay(events)
    enrolments = tuple(Enrolment(r.brin, r.side, r.school_year, r.route_year, r.start, r.end, r.funded, r.phase)
                       for r in required_for_path(facts, state))
    enrolled = replace(facts, enrolments=enrolments)
    for period in state.periods:
        assert "R-10" not in check_teldatum(enrolled, teldatum(period.school_year)).violations


def test_a_vmbo_part_passed_later_is_still_open_on_an_earlier_day_and_the_diploma_ends_r11():
    from domain.path import vo_part_open
    part = ExamPart("Nederlands", "vmbo", "CSPE", result="passed", result_on=date(2022, 6, 10))
    dlr = student(exam_parts=(part,), enrolments=(Enrolment(VO, "vo", 2019, 1, year_start(2019)),))
    assert vo_part_open(dlr, date(2021, 10, 1)) and not vo_part_open(dlr, date(2022, 6, 10))
    diploma = replace(dlr, vmbo_diploma_on=date(2021, 12, 15))
    [_funded, r11] = required_enrolments(diploma, Period(2021, 3, year_start(2021)))
    assert (r11.side, r11.funded, r11.end) == ("vo", False, date(2021, 12, 15))
