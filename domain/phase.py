"""The funding phase of a route year (R-10): it follows the student's vmbo leerjaar, not a fixed
route-year number. vmbo leerjaar 3 and 4 are the vo-fase; after vmbo leerjaar 4 the student is in
the mbo-fase. A route that starts in vmbo 3 has route years 1-2 in the vo-fase, one that starts in
vmbo 4 only route year 1. A doublure repeats the route year, so it stays in the same phase.

Pure Python: no Django imports.
"""
from __future__ import annotations

from domain.messages import Message, gettext_noop

VO_PHASE, MBO_PHASE = "vo", "mbo"
LAST_VMBO_LEERJAAR = 4

PHASE_LABELS = {VO_PHASE: gettext_noop("vo-fase"), MBO_PHASE: gettext_noop("mbo-fase")}
SIDE_LABELS = {VO_PHASE: gettext_noop("de vo-school"), MBO_PHASE: gettext_noop("het mbo")}


def vmbo_leerjaar(vmbo_year_at_start: int, route_year: int) -> int:
    """The vmbo leerjaar a route year corresponds to (past 4: the years after the vmbo)."""
    return vmbo_year_at_start + route_year - 1


def phase_of(vmbo_year_at_start: int, route_year: int) -> str:
    """vo-fase up to and including vmbo leerjaar 4, mbo-fase after it."""
    return VO_PHASE if vmbo_leerjaar(vmbo_year_at_start, route_year) <= LAST_VMBO_LEERJAAR else MBO_PHASE


def first_mbo_route_year(vmbo_year_at_start: int) -> int:
    """The route year of the first mbo-fase year: 3 for a route that starts in vmbo 3, 2 for vmbo 4."""
    return max(2, LAST_VMBO_LEERJAAR - vmbo_year_at_start + 2)


def describe(vmbo_year_at_start: int, route_year: int) -> str:
    """Where a route year stands, in Dutch: "vmbo-leerjaar 4, routejaar 2, vo-fase" or
    "routejaar 3, na vmbo-leerjaar 4, mbo-fase"."""
    return str(describe_message(vmbo_year_at_start, route_year))


def describe_message(vmbo_year_at_start: int, route_year: int) -> Message:
    """``describe`` as a message, for the reader's language."""
    leerjaar = vmbo_leerjaar(vmbo_year_at_start, route_year)
    if leerjaar <= LAST_VMBO_LEERJAAR:
        return Message.of(gettext_noop("vmbo-leerjaar %(leerjaar)s, routejaar %(route_year)s, vo-fase"),
                          leerjaar=leerjaar, route_year=route_year)
    return Message.of(gettext_noop("routejaar %(route_year)s, na vmbo-leerjaar %(leerjaar)s, mbo-fase"),
                      route_year=route_year, leerjaar=LAST_VMBO_LEERJAAR)
