"""Funding on a counting day (teldatum): R-10 (funding phase by vmbo leerjaar, one funded
enrolment, the route's enrolment pattern) and R-11 (the double enrolment of a student in the
mbo-fase of a route that keeps the vmbo diploma, while the vo part is open).

The rules R-10 and R-11 call the per-day checks here for 1 October of every school year the
student has enrolments in; ``check_teldatum`` runs the same checks on any day and says which
institution should be funded and which enrolments the route's pattern asks for.

Conventions:

* school years and the teldatum come from ``domain.calendar``; the phase from ``domain.phase``;
  the enrolments a student needs from ``domain.path.required_enrolments``;
* an enrolment belongs to one school year: on a day it counts only when it is of that day's
  school year and active on the day;
* a student with enrolments in the school year but none active on the day (joined after the day,
  left before it) was not in the route that day: no R-10/R-11 problems for that day.

Pure Python: no Django imports.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.calendar import school_year_label, school_year_of, teldatum  # noqa: F401 (re-exported)
from domain.facts import Enrolment, Settings, Student
from domain.messages import Message, gettext_noop, join
from domain.path import (
    Period,
    double_enrolment_required,
    first_mbo_school_year,
    funded_side,
    has_vmbo_diploma,
    own_institution,
    required_enrolments,
    vo_part_open,
)
from domain.phase import MBO_PHASE, PHASE_LABELS, SIDE_LABELS, VO_PHASE, describe_message

__all__ = ["TeldatumResult", "check_teldatum", "double_enrolment_problem", "funding_problems",
           "has_vmbo_diploma", "school_year_label", "school_year_of", "teldatum", "vo_part_open"]


@dataclass(frozen=True)
class TeldatumResult:
    student: str                        # Student.key
    route_year: int | None              # None: no enrolment in the day's school year
    phase: str | None                   # "vo" | "mbo"; None when not enrolled or no legal route
    funded_institution: str | None      # BRIN that should be funded on the day
    funded_actual: tuple[str, ...]      # BRINs of the funded enrolments active on the day
    violations: tuple[str, ...]         # "R-10", "R-11" when they fail on the day
    messages: tuple[str, ...]           # the problems, in Dutch (``problems``: as messages)
    expected: tuple[tuple[str, bool], ...] = ()   # (BRIN, funded) the route's pattern asks for
    problems: tuple[Message, ...] = ()  # the problems as messages, for the reader's language

    @property
    def problems_shown(self) -> tuple[Message | str, ...]:
        """The problems as messages when the check made them, else the texts given."""
        return self.problems or self.messages


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
    disagree: R-10 reports that); None when the student has no enrolment that school year."""
    years = [e.route_year for e in enrolments_in(student, school_year)]
    return max(years) if years else None


def _where(phase: str, brin: str | None) -> Message:
    side = Message(SIDE_LABELS[phase])
    return Message.of(gettext_noop("%(side)s (%(brin)s)"), side=side, brin=brin) if brin else side


# -- R-10 ------------------------------------------------------------------------------------

def funding_problems(student: Student, day: date) -> list[Message]:
    """R-10 on a day: the enrolments of the day's school year have the phase of their route year
    (by the student's vmbo leerjaar), and, when the student is enrolled on the day, exactly one is
    funded, on the phase's side, and the unfunded ones are those of the route's enrolment pattern
    (the R-11 enrolment at the vo-school is R-11's business)."""
    year = school_year_of(day)
    enrolments = enrolments_in(student, year)
    if not enrolments:
        return []
    label = school_year_label(year)
    route_year = route_year_in(student, year)
    assert route_year is not None
    phase = funded_side(student, route_year)
    where_funded = _where(phase, own_institution(student, phase))
    problems: list[Message] = []
    active = [e for e in enrolments if e.active_on(day)]
    context = _context(day, label, describe_message(student.vmbo_year_at_start, route_year))
    if active:
        funded = [e for e in active if e.funded]
        if not funded:
            problems.append(Message.of(gettext_noop(
                "%(context)s heeft de leerling geen bekostigde inschrijving. Op de teldatum heeft "
                "een leerling precies één bekostigde inschrijving, in deze fase bij %(where)s."),
                context=context, where=where_funded))
        elif len(funded) > 1:
            problems.append(Message.of(gettext_noop(
                "%(context)s heeft de leerling %(n)s bekostigde inschrijvingen (%(brins)s). Er is "
                "precies één bekostigde inschrijving, in deze fase bij %(where)s; maak de andere "
                "onbekostigd."), context=context, n=len(funded), brins=join([e.brin for e in funded]),
                where=where_funded))
        elif funded[0].role != phase:
            after = Message(gettext_noop("tot en met vmbo-leerjaar 4 is de leerling in de vo-fase")
                            if phase == VO_PHASE else
                            gettext_noop("na vmbo-leerjaar 4 is de leerling in de mbo-fase"))
            problems.append(Message.of(gettext_noop(
                "%(context)s is de leerling bekostigd ingeschreven bij %(brin)s (%(side)s), maar "
                "%(after)s: de bekostigde inschrijving hoort bij %(where)s."),
                context=context, brin=funded[0].brin, side=Message(SIDE_LABELS.get(funded[0].role, funded[0].role)),
                after=after, where=where_funded))
        problems.extend(_pattern_problems(student, day, route_year, active, context))
    named = sorted({e.route_year for e in enrolments})
    if len(named) > 1:
        problems.append(Message.of(gettext_noop(
            "De inschrijvingen in %(year)s noemen verschillende routejaren (%(route_years)s); een "
            "leerling zit per schooljaar in één routejaar."),
            year=label, route_years=join([str(n) for n in named])))
    for e in enrolments:
        should = funded_side(student, e.route_year)
        if e.phase != should:
            problems.append(Message.of(gettext_noop(
                "De inschrijving bij %(brin)s in %(year)s staat in de %(phase)s, maar voor deze "
                "leerling is dat %(should)s. Pas de fase van de inschrijving aan."),
                brin=e.brin, year=label, phase=Message(PHASE_LABELS.get(e.phase, e.phase)),
                should=describe_message(student.vmbo_year_at_start, e.route_year)))
    return problems


def _context(day: date, label: str, where: Message) -> Message:
    """Op 1 oktober 2024 (2024-2025; vmbo-leerjaar 4, routejaar 2, vo-fase)"""
    return Message.of(gettext_noop("Op %(day)s (%(year)s; %(where)s)"), day=day, year=label, where=where)


def _pattern_problems(student: Student, day: date, route_year: int, active: list[Enrolment],
                      context: Message) -> list[Message]:
    """The unfunded enrolments the route's pattern asks for that are missing, and unfunded
    enrolments the pattern does not have (R-11's own enrolment at the vo-school excepted)."""
    if not student.route.is_legal_route:
        return []
    period = Period(school_year_of(day), route_year, day)
    wanted = {r.side for r in required_enrolments(student, period) if not r.funded and r.reason == "patroon"}
    phase = funded_side(student, route_year)
    r11 = student.route.keeps_vmbo_diploma and phase == MBO_PHASE
    enrolled_at = {e.role for e in active}
    extra = {e.role for e in active if not e.funded} - wanted - {phase} - ({VO_PHASE} if r11 else set())
    problems = []
    for side in sorted(wanted - enrolled_at):
        problems.append(Message.of(gettext_noop(
            "%(context)s ontbreekt de onbekostigde inschrijving bij %(where)s: het inschrijvingspatroon "
            "van de route vraagt die in dit routejaar."),
            context=context, where=_where(side, own_institution(student, side))))
    for side in sorted(extra):
        problems.append(Message.of(gettext_noop(
            "%(context)s is de leerling ook onbekostigd ingeschreven bij %(side)s, maar het "
            "inschrijvingspatroon van de route heeft in dit routejaar geen inschrijving daar; schrijf de "
            "leerling daar uit of pas het patroon van de route aan."),
            context=context, side=Message(SIDE_LABELS[side])))
    return problems


# -- R-11 ------------------------------------------------------------------------------------

def double_enrolment_applies(student: Student) -> bool:
    """R-11 is about students of a legal route that keeps the vmbo diploma (a DLR)."""
    return student.route.keeps_vmbo_diploma


def double_enrolment_problem(student: Student, day: date) -> Message | None:
    """R-11 on a day: in the mbo-fase with the vo part open the student keeps an unfunded
    enrolment at the vo-school, up to the R-04 deadline (the end of the first mbo-fase school
    year); beside a funded mbo enrolment an enrolment at the vo-school is allowed only while the vo
    part is open and the deadline has not passed (or where the route's pattern keeps one)."""
    if not double_enrolment_applies(student):
        return None
    year = school_year_of(day)
    route_year = route_year_in(student, year)
    active = active_on(student, day)
    if route_year is None or not active or funded_side(student, route_year) != MBO_PHASE:
        return None
    period = Period(year, route_year, day)
    is_open = vo_part_open(student, day)
    deadline_year = first_mbo_school_year(student)
    past_deadline = deadline_year is not None and year > deadline_year
    vo_active = [e for e in active if e.role == VO_PHASE]
    double = bool(vo_active) and any(e.role == MBO_PHASE and e.funded for e in active)
    in_pattern = VO_PHASE in student.route.unfunded_sides(route_year)
    context = _context(day, school_year_label(year), describe_message(student.vmbo_year_at_start, route_year))
    deadline = (Message.of(gettext_noop("het eind van schooljaar %(year)s"), year=school_year_label(deadline_year))
                if deadline_year is not None else Message(gettext_noop("het eind van het eerste mbo-fase-schooljaar")))
    if is_open and past_deadline:
        return Message.of(gettext_noop(
            "%(context)s heeft de leerling nog geen vmbo-diploma, maar het vmbo-examen moest af zijn op "
            "%(deadline)s, het eerste schooljaar in de mbo-fase (R-04). Zonder vmbo-diploma kan de leerling "
            "niet in de doorlopende leerroute blijven; leg de uitstroom of het vmbo-diploma vast."),
            context=context, deadline=deadline)
    if double and not is_open and not in_pattern:
        return Message.of(gettext_noop(
            "%(context)s staat de leerling naast de bekostigde mbo-inschrijving nog ingeschreven bij de "
            "vo-school (%(brins)s), terwijl het vo-deel is afgerond (vmbo-diploma of alle "
            "vmbo-examenonderdelen behaald). De dubbele inschrijving mag alleen zolang er "
            "vmbo-examenonderdelen openstaan: schrijf de leerling uit bij de vo-school."),
            context=context, brins=join(sorted({e.brin for e in vo_active})))
    if double_enrolment_required(student, period) and not any(not e.funded for e in vo_active):
        return Message.of(gettext_noop(
            "%(context)s is de leerling in de mbo-fase zonder vmbo-diploma, maar niet onbekostigd "
            "ingeschreven bij %(where)s. Een leerling in de mbo-fase van een route die het vmbo-diploma "
            "uitreikt, blijft onbekostigd ingeschreven bij de vo-school tot het vo-deel is afgerond, "
            "uiterlijk tot %(deadline)s."),
            context=context, where=_where(VO_PHASE, own_institution(student, VO_PHASE)), deadline=deadline)
    return None


# -- the counting day ------------------------------------------------------------------------

def check_teldatum(student: Student, day: date,
                   settings: Settings | None = None) -> TeldatumResult:
    """R-10 and R-11 on ``day`` (normally 1 October) for the school year of the day.

    ``funded_institution`` is the student's own institution on the side of the phase their vmbo
    leerjaar gives; ``expected`` every enrolment the route's pattern asks for. Both are empty when
    the student has no enrolment that school year or the route is not a legal route.
    """
    year = school_year_of(day)
    route_year = route_year_in(student, year)
    funded_actual = tuple(e.brin for e in active_on(student, day) if e.funded)
    if route_year is None or not student.route.is_legal_route:
        return TeldatumResult(student.key, route_year, None, None, funded_actual, (), ())
    phase = funded_side(student, route_year)
    violations: list[str] = []
    messages = funding_problems(student, day)
    if messages:
        violations.append("R-10")
    double = double_enrolment_problem(student, day)
    if double:
        violations.append("R-11")
        messages.append(double)
    expected = tuple((r.brin or "", r.funded) for r in required_enrolments(student, Period(year, route_year, day)))
    return TeldatumResult(student.key, route_year, phase, own_institution(student, phase), funded_actual,
                          tuple(violations), tuple(str(m) for m in messages), expected, tuple(messages))
