"""Cohort promotion: which step a student may take at the end of a school year, by their vmbo
leerjaar and route year.

A route's years are counted from the route's own vmbo leerjaar at the start; a student who started
in another vmbo leerjaar has the same years under other numbers. So the student's last route year is
the route year in which the student reaches the route's last leerjaar (vmbo leerjaar 3, 4 and then
the mbo years as 5, 6, ...). A student in their last route year cannot go over to a route year that
does not exist: they get the diploma, an uitloopjaar (the last route year once more) or leave the
route. Every student may be set aside (apart): they stay where they are and nothing is recorded.

The diploma and uitstroom happen on a day the user gives (``default_date`` when not given: the end of the
school year for the diploma, today for uitstroom, within the school year); ``date_problem`` refuses a day
after the end of the school year or before the cohort's start.

Pure Python: no Django imports.
"""
from __future__ import annotations

from datetime import date

from domain.calendar import year_end, year_start
from domain.messages import Message, gettext_noop
from domain.phase import MBO_PHASE, phase_of, vmbo_leerjaar

OVERGANG, DOUBLURE, UITSTROOM = "overgang", "doublure", "uitstroom"
DIPLOMA, UITLOOPJAAR, APART = "diploma", "uitloopjaar", "apart"
ACTIONS = (OVERGANG, DOUBLURE, UITLOOPJAAR, DIPLOMA, UITSTROOM, APART)
# Steps that move the student into the next school year (the others end or leave the path there).
MOVES = (OVERGANG, DOUBLURE, UITLOOPJAAR)

LABELS = {OVERGANG: "overgang", DOUBLURE: "doublure", UITLOOPJAAR: "uitloopjaar", DIPLOMA: "mbo-diploma",
          UITSTROOM: "uitstroom", APART: "apart zetten (blijft staan)"}


def last_route_year(route_length: int | None, route_start_vmbo_year: int | None,
                    vmbo_year_at_start: int) -> int | None:
    """The student's last route year: the route year in which the student reaches the route's last
    leerjaar. ``route_length``: the route's number of route years (None or 0: not known, no limit)."""
    if not route_length:
        return None
    last_leerjaar = vmbo_leerjaar(route_start_vmbo_year or vmbo_year_at_start, route_length)
    return max(1, last_leerjaar - vmbo_year_at_start + 1)


def in_last_year(route_year: int, last: int | None) -> bool:
    return last is not None and route_year >= last


def choices(route_year: int, last: int | None, vmbo_year_at_start: int) -> tuple[str, ...]:
    """The steps a student may take: overgang and doublure before the last route year; diploma,
    uitloopjaar or uitstroom in it; the mbo diploma in any mbo-fase year (a route may go faster);
    uitstroom and apart always."""
    mbo = phase_of(vmbo_year_at_start, route_year) == MBO_PHASE
    if in_last_year(route_year, last):
        return (DIPLOMA, UITLOOPJAAR, UITSTROOM, APART)
    return (OVERGANG, DOUBLURE, *((DIPLOMA,) if mbo else ()), UITSTROOM, APART)


def default_choice(route_year: int, last: int | None) -> str:
    """What a student not named in the input does: overgang; in the last route year nothing is
    assumed (the student is set aside until the user chooses)."""
    return APART if in_last_year(route_year, last) else OVERGANG


def choice_problem(action: str, route_year: int, last: int | None, vmbo_year_at_start: int) -> str | None:
    """Why ``action`` is not a step this student may take (None: it is)."""
    allowed = choices(route_year, last, vmbo_year_at_start)
    if action in allowed:
        return None
    offered = ", ".join(LABELS[a] for a in allowed if a != APART)
    if action == OVERGANG:
        return (f"routejaar {route_year} is het laatste routejaar van de route; routejaar {route_year + 1} bestaat "
                f"niet. Kies {offered}.")
    if action == DOUBLURE:
        return f"in het laatste routejaar heet een extra jaar een uitloopjaar. Kies {offered}."
    if action == UITLOOPJAAR:
        return f"een uitloopjaar is er alleen in het laatste routejaar ({last or '?'}). Kies {offered}."
    if action == DIPLOMA:
        return f"het mbo-diploma volgt in de mbo-fase; routejaar {route_year} is de vo-fase. Kies {offered}."
    return f"kies {offered}."


def last_year_reason(route_year: int) -> str:
    """Why a student in the last route year is set aside until the user chooses."""
    return (f"routejaar {route_year} is het laatste routejaar van de route: kies mbo-diploma, uitloopjaar of "
            "uitstroom.")


DATED = (DIPLOMA, UITSTROOM)    # the steps recorded on a day the user gives


def default_date(action: str, school_year: int, today: date) -> date:
    """The day a diploma or uitstroom is recorded when none is given, in the student's current school
    year: its last day for the diploma; today for uitstroom (within the school year)."""
    end = year_end(school_year)
    if action == UITSTROOM:
        return max(year_start(school_year), min(today, end))
    return end


def date_problem(day: date, school_year: int, cohort: int) -> Message | None:
    """Why ``day`` cannot be the day of a diploma or uitstroom of a student of ``cohort`` now in
    ``school_year`` (None: it can): not after the end of the school year, not before the cohort's start."""
    end, start = year_end(school_year), year_start(cohort)
    if day > end:
        return Message.of(gettext_noop("de datum %(day)s ligt na het eind van schooljaar %(year)s (%(end)s)."),
                          day=day, year=f"{school_year}-{school_year + 1}", end=end)
    if day < start:
        return Message.of(gettext_noop("de datum %(day)s ligt voor de start van cohort %(cohort)s (%(start)s)."),
                          day=day, cohort=f"{cohort}-{cohort + 1}", start=start)
    return None
