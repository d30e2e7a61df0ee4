"""Property tests (hypothesis) for the student rules and the counting day."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from domain.facts import (
    Agreement,
    BpvPeriod,
    Enrolment,
    ExamPart,
    Kwalificatie,
    Partner,
    Route,
    Settings,
    Signature,
    Student,
)
from domain.path import first_mbo_school_year, vmbo_deadline
from domain.phase import first_mbo_route_year
from domain.rules import ACTIONS, CATALOGUE, blocking, evaluate_student, get_rule
from domain.teldatum import check_teldatum, school_year_label, school_year_of, teldatum

VO_BRIN, MBO_BRIN = "20NC", "25LX"
ROLE = {VO_BRIN: "vo", MBO_BRIN: "mbo"}
SIDE = {"vo": VO_BRIN, "mbo": MBO_BRIN}
TYPES = ("doorlopend", "geintegreerd", "gestapeld", "gedeeltelijk", "experiment")
YEARS = range(2019, 2024)

ROUTE = Route(
    name="Route", type="doorlopend", phase="regulier", start_date=date(2019, 8, 1),
    partners=(Partner("Vo-school", VO_BRIN, "vo", "Bestuur A"),
              Partner("Mbo", MBO_BRIN, "mbo", "Bestuur B")),
    agreements=(Agreement("sok", "SOK", date(2019, 1, 1), None,
                          (Signature("Bestuur A", date(2019, 6, 1)),
                           Signature("Bestuur B", date(2019, 6, 1)))),))

days = st.dates(min_value=date(2019, 8, 1), max_value=date(2024, 7, 31))


@st.composite
def enrolment_sets(draw, consistent_phase: bool = True):
    """Enrolments at the route's vo-school and mbo over some school years, one route year per
    school year; start and end dates around 1 October; funded or not at random."""
    route_years = draw(st.dictionaries(st.sampled_from(YEARS), st.integers(1, 5), max_size=5))
    vmbo_year = draw(st.sampled_from((3, 4)))
    enrolments = []
    for year, route_year in sorted(route_years.items()):
        for _ in range(draw(st.integers(0, 3))):
            brin = draw(st.sampled_from((VO_BRIN, MBO_BRIN)))
            start = date(year, 8, 1) + timedelta(days=draw(st.integers(0, 120)))
            end = draw(st.none() | st.integers(0, 360).map(lambda n, s=start: s + timedelta(n)))
            phase = ("vo" if route_year <= max(1, 5 - vmbo_year) else "mbo") if consistent_phase \
                else draw(st.sampled_from(("vo", "mbo")))
            enrolments.append(Enrolment(brin, ROLE[brin], year, route_year, start, end,
                                        draw(st.booleans()), phase))
    return vmbo_year, tuple(draw(st.permutations(enrolments)))


exam_parts = st.builds(ExamPart, name=st.sampled_from(("Nederlands", "Wiskunde", "Kerntaak 1")),
                       sector=st.sampled_from(("vmbo", "mbo")), kind=st.just("SE"),
                       planned_route_year=st.none() | st.integers(1, 5),
                       actual_route_year=st.none() | st.integers(1, 5),
                       result=st.sampled_from(("open", "passed", "failed")))
bpv_periods = st.builds(BpvPeriod, leerbedrijf=st.sampled_from(("Garage", "Zorgcentrum")),
                        recognised=st.booleans(), praktijkovereenkomst=st.booleans(),
                        start=days)


@st.composite
def students(draw, consistent_phase: bool = True):
    vmbo_year, enrolments = draw(enrolment_sets(consistent_phase))
    route = replace(ROUTE, type=draw(st.sampled_from(TYPES)), vmbo_diploma=draw(st.booleans()))
    return Student(
        key="L-1", route=route, leerweg=draw(st.sampled_from(("BB", "KB", "GL", "TL"))),
        vmbo_year_at_start=draw(st.sampled_from((2, 3, 4, 5))) if vmbo_year == 3 else vmbo_year,
        cohort=2019,
        kwalificatie=draw(st.none() | st.builds(Kwalificatie, code=st.just("25498"),
                                                name=st.just("K"), level=st.integers(2, 4))),
        enrolments=enrolments, exam_parts=tuple(draw(st.lists(exam_parts, max_size=3))),
        bpv=tuple(draw(st.lists(bpv_periods, max_size=2))),
        vmbo_diploma_on=draw(st.none() | days), glr_judgment_on=draw(st.none() | days))


def legal(student: Student, route_type: str = "geintegreerd") -> Student:
    return replace(student, route=replace(student.route, type=route_type))


# -- the counting day --------------------------------------------------------------------------

@given(enrolment_sets(), days, st.sampled_from(("doorlopend", "geintegreerd")))
def test_r10_on_a_day_iff_not_exactly_one_funded_enrolment_on_the_right_side(
        generated, day, route_type):
    vmbo_year, enrolments = generated
    student = Student("L-1", replace(ROUTE, type=route_type), "BB", vmbo_year, 2019,
                      enrolments=enrolments)
    result = check_teldatum(student, day, Settings(today=day))
    year = school_year_of(day)
    this_year = [e for e in enrolments if e.school_year == year]
    active = [e for e in this_year if e.active_on(day)]
    funded = [e for e in active if e.funded]
    assert result.funded_actual == tuple(e.brin for e in funded)
    if not this_year:
        assert (result.route_year, result.phase, result.funded_institution) == (None, None, None)
        assert result.violations == () and result.messages == ()
        return
    phase = student.phase_in(this_year[0].route_year)
    assert result.route_year == this_year[0].route_year and result.phase == phase
    # funded_institution depends only on the phase
    assert result.funded_institution == SIDE[phase]
    keeps = student.route.keeps_vmbo_diploma and phase == "mbo"
    extra = any(not e.funded and e.role != phase and not (keeps and e.role == "vo") for e in active)
    wrong = len(funded) != 1 or funded[0].role != phase or extra
    # a student with no enrolment active on the day was not in the route that day
    assert ("R-10" in result.violations) == (bool(active) and wrong)
    assert set(result.violations) <= {"R-10", "R-11"}
    assert bool(result.violations) == bool(result.messages)


@given(enrolment_sets(consistent_phase=False), days)
def test_r10_also_fails_on_an_enrolment_in_the_wrong_phase(generated, day):
    vmbo_year, enrolments = generated
    student = Student("L-1", replace(ROUTE, type="geintegreerd"), "BB", vmbo_year, 2019,
                      enrolments=enrolments)
    result = check_teldatum(student, day)
    this_year = [e for e in enrolments if e.school_year == school_year_of(day)]
    if not this_year:
        return
    phase = student.phase_in(this_year[0].route_year)
    active = [e for e in this_year if e.active_on(day)]
    funded = [e for e in active if e.funded]
    keeps = student.route.keeps_vmbo_diploma and phase == "mbo"
    # an unfunded enrolment on the other side, active on the day, is R-10 too (as in the test above)
    extra = any(not e.funded and e.role != phase and not (keeps and e.role == "vo") for e in active)
    expected = (bool(active) and (len(funded) != 1 or funded[0].role != phase or extra)) or any(
        e.phase != phase for e in this_year)
    assert ("R-10" in result.violations) == expected


@given(students())
def test_the_rules_and_check_teldatum_agree_per_school_year(student):
    student = legal(student, "doorlopend")
    findings = evaluate_student(student, Settings(today=date(2024, 3, 1)))
    for rule_id in ("R-10", "R-11"):
        failed_years = {f.item for f in findings if f.rule == rule_id and f.status == "failed"}
        on_teldatum = {
            school_year_label(year)
            for year in {e.school_year for e in student.enrolments}
            if rule_id in check_teldatum(student, teldatum(year)).violations}
        assert failed_years == on_teldatum


@given(students(), days)
def test_r11_never_reported_in_routes_without_vmbo_diploma(student, day):
    student = legal(student, "geintegreerd")
    student = replace(student, route=replace(student.route, vmbo_diploma=False))
    assert "R-11" not in check_teldatum(student, day).violations
    assert get_rule("R-11").check_student(student, Settings()) is None


@given(enrolment_sets(), days)
def test_r11_a_double_enrolment_after_the_r04_deadline_always_fails(generated, day):
    vmbo_year, enrolments = generated
    student = Student("L-1", ROUTE, "KB", vmbo_year, 2019, enrolments=enrolments)
    year = school_year_of(day)
    active = [e for e in enrolments if e.school_year == year and e.active_on(day)]
    double = (any(e.role == "vo" for e in active)
              and any(e.role == "mbo" and e.funded for e in active))
    route_year = max((e.route_year for e in enrolments if e.school_year == year), default=None)
    deadline_year = first_mbo_school_year(student)
    if double and student.phase_in(route_year) == "mbo" and year > deadline_year:
        assert "R-11" in check_teldatum(student, day).violations


# -- evaluate_student --------------------------------------------------------------------------

@given(students())
def test_evaluate_student_gives_one_passed_or_only_problems_per_applicable_rule(student):
    settings = Settings(today=date(2024, 3, 1))
    findings = evaluate_student(student, settings)
    if not student.route.is_legal_route:
        assert findings == []
        return
    ids = [f.rule for f in findings]
    assert ids == sorted(ids)
    for rule in CATALOGUE:
        own = [f for f in findings if f.rule == rule.id]
        assert bool(own) == (rule.check_student(student, settings) is not None)
        if own:
            assert "student" in rule.subjects
        statuses = [f.status for f in own]
        assert statuses in ([], ["passed"]) or set(statuses) == {"failed"}
    assert {"R-03", "R-04", "R-06", "R-10", "R-19"} <= set(ids)


@given(students(), st.sampled_from(sorted(ACTIONS)))
def test_blocking_student_findings(student, action):
    findings = evaluate_student(legal(student), Settings(today=date(2024, 3, 1)))
    for finding in blocking(findings, action):
        assert action in get_rule(finding.rule).blocks and finding.status == "failed"


@given(students())
def test_one_finding_per_item_that_falls_short(student):
    student = legal(student)
    settings = Settings()
    r04 = get_rule("R-04").check_student(student, settings) or []
    bound, deadline = first_mbo_route_year(student.vmbo_year_at_start), vmbo_deadline(student)
    late = [p for p in student.exam_parts if p.sector == "vmbo" and (any(
        y is not None and y > bound for y in (p.planned_route_year, p.actual_route_year))
        or (deadline is not None and p.result_on is not None and p.result_on > deadline))]
    assert [f.item for f in r04] == [p.name for p in late]
    r19 = get_rule("R-19").check_student(student, settings) or []
    short = [p for p in student.bpv if not (p.recognised and p.praktijkovereenkomst)]
    assert [f.item for f in r19] == [p.leerbedrijf for p in short]
