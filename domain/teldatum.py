"""Funding on a counting day (teldatum): R-10 (funding phase, one funded enrolment) and R-11 (the
double enrolment of a DLR student in the mbo-fase without vmbo diploma).

The rules R-10 and R-11 call the per-day checks here for 1 October of every school year the
student has enrolments in; ``check_teldatum`` runs the same checks on any day and says which
institution should be funded.

Conventions:

* a school year is named by its first calendar year (2021 = 2021-2022) and runs from 1 August;
* an enrolment belongs to one school year: on a day it counts only when it is of that day's
  school year and active on the day (so an enrolment of 2020-2021 without end date does not
  count on 1 October 2021);
* a student with enrolments in the school year but none active on the day (joined after the day,
  left before it) was not in the route that day: no R-10/R-11 problems for that day.

Pure Python: no Django imports.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.facts import MBO_PHASE, VO_PHASE, Enrolment, Settings, Student
from domain.rules.base import format_date, join_nl

SCHOOL_YEAR_START_MONTH = 8     # a school year starts on 1 August
LAST_DOUBLE_ENROLMENT_ROUTE_YEAR = 3   # at most until the end of route year 3

PHASE_LABELS = {VO_PHASE: "vo-fase", MBO_PHASE: "mbo-fase"}
SIDE_LABELS = {VO_PHASE: "de vo-school", MBO_PHASE: "het mbo"}


@dataclass(frozen=True)
class TeldatumResult:
    student: str                        # Student.key
    route_year: int | None              # None: no enrolment in the day's school year
    phase: str | None                   # "vo" | "mbo"; None when not enrolled or no legal route
    funded_institution: str | None      # BRIN that should be funded on the day
    funded_actual: tuple[str, ...]      # BRINs of the funded enrolments active on the day
    violations: tuple[str, ...]         # "R-10", "R-11" when they fail on the day
    messages: tuple[str, ...]           # the problems, in Dutch


# -- school years ----------------------------------------------------------------------------

def school_year_of(day: date) -> int:
    """The school year a day falls in: 2021 for 1 August 2021 .. 31 July 2022."""
    return day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1


def school_year_label(school_year: int) -> str:
    """2021 -> "2021-2022"."""
    return f"{school_year}-{school_year + 1}"


def teldatum(school_year: int) -> date:
    """The counting day of a school year: 1 October."""
    return date(school_year, 10, 1)


def school_years(student: Student) -> list[int]:
    """The school years the student has enrolments in, in order."""
    return sorted({e.school_year for e in student.enrolments})


def enrolments_in(student: Student, school_year: int) -> list[Enrolment]:
    return [e for e in student.enrolments if e.school_year == school_year]


def active_on(student: Student, day: date) -> list[Enrolment]:
    """The enrolments of the day's school year that are active on the day."""
    return [e for e in enrolments_in(student, school_year_of(day)) if e.active_on(day)]


def route_year_in(student: Student, school_year: int) -> int | None:
    """The student's route year in a school year (the highest one named, should enrolments
    disagree: R-10 reports that); None when the student has no enrolment that year."""
    years = [e.route_year for e in enrolments_in(student, school_year)]
    return max(years) if years else None


def expected_funded_brin(student: Student, school_year: int, phase: str) -> str | None:
    """The institution that should hold the funded enrolment in this phase: the route's partner
    of that side (vo-school in the vo-fase, mbo in the mbo-fase) where the student is enrolled that
    school year, else where the student is enrolled in any year, else the route's first partner of
    that side; without such a partner, an institution of that side the student is enrolled at."""
    partners = [p.brin for p in student.route.partners if p.role == phase]
    this_year = {e.brin for e in enrolments_in(student, school_year) if e.role == phase}
    any_year = {e.brin for e in student.enrolments if e.role == phase}
    for enrolled in (this_year, any_year):
        for brin in partners:
            if brin in enrolled:
                return brin
    if partners:
        return partners[0]
    return min(this_year or any_year, default=None)


# -- R-10 ------------------------------------------------------------------------------------

def funding_problems(student: Student, day: date) -> list[str]:
    """R-10 on a day: the enrolments of the day's school year have the phase of their route year,
    and, when the student is enrolled on the day, exactly one of them is funded, on the side of
    the phase (the vo-school in the vo-fase, the mbo in the mbo-fase)."""
    year = school_year_of(day)
    enrolments = enrolments_in(student, year)
    if not enrolments:
        return []
    label = school_year_label(year)
    route_year = route_year_in(student, year)
    assert route_year is not None
    phase = student.phase_in(route_year)
    problems: list[str] = []
    active = [e for e in enrolments if e.active_on(day)]
    if active:
        funded = [e for e in active if e.funded]
        expected = expected_funded_brin(student, year, phase)
        where = SIDE_LABELS[phase] + (f" ({expected})" if expected else "")
        context = f"Op {format_date(day)} ({label}, routejaar {route_year}, {PHASE_LABELS[phase]})"
        if not funded:
            problems.append(
                f"{context} heeft de leerling geen bekostigde inschrijving. Op de teldatum heeft "
                f"een leerling precies één bekostigde inschrijving, in deze fase bij {where}.")
        elif len(funded) > 1:
            problems.append(
                f"{context} heeft de leerling {len(funded)} bekostigde inschrijvingen "
                f"({join_nl([e.brin for e in funded])}). Er is precies één bekostigde "
                f"inschrijving, in deze fase bij {where}; maak de andere onbekostigd.")
        elif funded[0].role != phase:
            problems.append(
                f"{context} is de leerling bekostigd ingeschreven bij {funded[0].brin} "
                f"({SIDE_LABELS.get(funded[0].role, funded[0].role)}), maar in de "
                f"{PHASE_LABELS[phase]} hoort de bekostigde inschrijving bij {where}. Routejaar 1 "
                "en 2 zijn vo-fase, vanaf routejaar 3 is de leerling in de mbo-fase.")
    named = sorted({e.route_year for e in enrolments})
    if len(named) > 1:
        problems.append(
            f"De inschrijvingen in {label} noemen verschillende routejaren "
            f"({join_nl([str(n) for n in named])}); een leerling zit per schooljaar in één "
            "routejaar.")
    for e in enrolments:
        should = student.phase_in(e.route_year)
        if e.phase != should:
            problems.append(
                f"De inschrijving bij {e.brin} in {label} staat in de "
                f"{PHASE_LABELS.get(e.phase, e.phase)}, maar routejaar {e.route_year} is "
                f"{PHASE_LABELS[should]} voor deze leerling (gestart in vmbo-leerjaar "
                f"{student.vmbo_year_at_start}). Pas de fase van de inschrijving aan.")
    return problems


# -- R-11 ------------------------------------------------------------------------------------

def double_enrolment_applies(student: Student) -> bool:
    """R-11 is about students of a doorlopende leerroute (which leads to the vmbo diploma)."""
    return student.route.is_legal_route and student.route.type == "doorlopend"


def has_vmbo_diploma(student: Student, day: date) -> bool:
    return student.vmbo_diploma_on is not None and student.vmbo_diploma_on <= day


def vo_part_open(student: Student, day: date) -> bool:
    """The vo part is not finished on the day: no vmbo diploma yet, and a vmbo exam part is not
    passed (or no vmbo exam part is recorded at all)."""
    if has_vmbo_diploma(student, day):
        return False
    parts = [p for p in student.exam_parts if p.sector == "vmbo"]
    return not parts or any(p.result != "passed" for p in parts)


def double_enrolment_problem(student: Student, day: date) -> str | None:
    """R-11 on a day, for a student of a doorlopende leerroute: in the mbo-fase without finished
    vo part the student keeps an unfunded enrolment at the vo-school; an enrolment at the
    vo-school next to a funded mbo enrolment is allowed only while the vo part is open and at
    most until the end of route year 3."""
    if not double_enrolment_applies(student):
        return None
    year = school_year_of(day)
    route_year = route_year_in(student, year)
    active = active_on(student, day)
    if route_year is None or not active:
        return None
    is_open = vo_part_open(student, day)
    vo_active = [e for e in active if e.role == VO_PHASE]
    double = bool(vo_active) and any(e.role == MBO_PHASE and e.funded for e in active)
    needs_vo = student.phase_in(route_year) == MBO_PHASE and is_open
    missing_vo = needs_vo and not any(not e.funded for e in vo_active)
    double_invalid = double and (not is_open or route_year > LAST_DOUBLE_ENROLMENT_ROUTE_YEAR)
    if not (missing_vo or double_invalid):
        return None
    context = f"Op {format_date(day)} ({school_year_label(year)}, routejaar {route_year})"
    vo_brins = join_nl(sorted({e.brin for e in vo_active}))
    if double_invalid and not is_open:
        return (
            f"{context} staat de leerling naast de bekostigde mbo-inschrijving nog ingeschreven "
            f"bij de vo-school ({vo_brins}), terwijl het vo-deel is afgerond (vmbo-diploma of "
            "alle vmbo-examenonderdelen behaald). De dubbele inschrijving mag alleen zolang er "
            "vmbo-examenonderdelen openstaan: schrijf de leerling uit bij de vo-school.")
    if route_year > LAST_DOUBLE_ENROLMENT_ROUTE_YEAR:
        now = (f"staat de leerling nog ingeschreven bij de vo-school ({vo_brins})" if double
               else "heeft de leerling nog geen vmbo-diploma")
        return (
            f"{context} {now}, maar een dubbele inschrijving bij de vo-school mag uiterlijk tot "
            "het eind van routejaar 3: het vmbo-examen is dan afgerond (R-04). Zonder "
            "vmbo-diploma kan de leerling niet in de doorlopende leerroute blijven; leg de "
            "uitstroom of het vmbo-diploma vast.")
    return (
        f"{context} is de leerling in de mbo-fase zonder vmbo-diploma, maar niet onbekostigd "
        "ingeschreven bij de vo-school. Een leerling in de mbo-fase van een doorlopende "
        "leerroute blijft onbekostigd ingeschreven bij de vo-school tot het vo-deel is afgerond.")


# -- the counting day ------------------------------------------------------------------------

def check_teldatum(student: Student, day: date,
                   settings: Settings | None = None) -> TeldatumResult:
    """R-10 and R-11 on ``day`` (normally 1 October) for the school year of the day.

    ``funded_institution`` depends only on the phase of the student's route year that school
    year (see ``expected_funded_brin``); it is None when the student has no enrolment that school
    year or the route is not a doorlopende/geïntegreerde leerroute (then R-10/R-11 do not apply).
    """
    year = school_year_of(day)
    route_year = route_year_in(student, year)
    funded_actual = tuple(e.brin for e in active_on(student, day) if e.funded)
    if route_year is None or not student.route.is_legal_route:
        return TeldatumResult(student.key, route_year, None, None, funded_actual, (), ())
    phase = student.phase_in(route_year)
    violations: list[str] = []
    messages = funding_problems(student, day)
    if messages:
        violations.append("R-10")
    double = double_enrolment_problem(student, day)
    if double:
        violations.append("R-11")
        messages.append(double)
    return TeldatumResult(student.key, route_year, phase,
                          expected_funded_brin(student, year, phase), funded_actual,
                          tuple(violations), tuple(messages))
