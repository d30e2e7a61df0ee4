"""Continuity signals (issue 11, point 6; R-16 and more): the kinds of signal a route can raise, each
with its id, the rule it belongs to and its threshold, and the small pure decisions behind them. The
app (apps/continuity) finds the records with database queries and asks here what they mean. Pure: no
Django.

A signal says why (its parameters) and where to act (its link); the app renders the text in the user's
language at display time. A signal never holds student data: students are only counted."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from domain.calendar import year_end

# thresholds (issue 11, point 6)
LEAVING_DAYS = 60            # a role holder leaves within this many days without a successor
AGREEMENT_DAYS = 90          # an agreement expires within this many days without a follow-up
FALLING_COHORTS = 3          # intake falling over this many cohorts in a row
MIN_CONTACTS = 2             # a partner needs at least this many active contacts
R04_MONTHS = 6               # open vmbo parts whose R-04 deadline is within this many months
SOON_DAYS = 30               # an expiring agreement or leaving person this close is urgent

HIGH = "high"
MEDIUM = "medium"
SEVERITIES = (HIGH, MEDIUM)


@dataclass(frozen=True)
class SignalKind:
    id: str          # "S-01": part of the product's contract, like the rule ids
    code: str        # the stored kind and the ?kind= filter
    rule: str        # the rule the signal belongs to ("R-16", "R-15", "R-04", "R-06"; "" for none)
    title: str       # Dutch title (the app translates its own copy of it)
    names_person: bool = False   # its text may name a person (hidden outside the route's partners)


KINDS: tuple[SignalKind, ...] = (
    SignalKind("S-01", "single_contact", "R-16", "Partner met één contactpersoon", names_person=True),
    SignalKind("S-02", "leaving_without_successor", "R-16", "Vertrek zonder opvolger", names_person=True),
    SignalKind("S-03", "no_meeting", "R-16", "Geen overleg met beide kanten"),
    SignalKind("S-04", "no_approved_settlement", "R-16", "Geen goedgekeurde afrekening"),
    SignalKind("S-05", "intake_below_minimum", "R-15", "Instroom onder het minimum"),
    SignalKind("S-06", "intake_falling", "R-15", "Dalende instroom"),
    SignalKind("S-07", "agreement_expiring", "R-06", "Overeenkomst loopt af"),
    SignalKind("S-08", "vmbo_parts_at_risk", "R-04", "Vmbo-examenonderdelen in gevaar"),
    SignalKind("S-09", "decisions_overdue", "", "Besluiten over de termijn"),
)
BY_CODE = {k.code: k for k in KINDS}
CODES = tuple(k.code for k in KINDS)


def kind(code: str) -> SignalKind:
    return BY_CODE[code]


# --- the decisions ----------------------------------------------------------------------------------

def too_few_contacts(active_contacts: int) -> bool:
    """S-01: a partner institution depends on one contact person, or has none (R-16, per partner)."""
    return active_contacts < MIN_CONTACTS


def leaving_soon(end: date | None, has_successor: bool, today: date, days: int = LEAVING_DAYS) -> bool:
    """S-02: the role ends today or within ``days`` and nobody takes it over."""
    return end is not None and not has_successor and today <= end <= today + timedelta(days=days)


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the last day of a shorter month)."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def meeting_overdue(last: date | None, today: date, months: int, without_structural_meetings: bool) -> bool:
    """S-03: no meeting with both sides present for longer than ``months`` (the configured interval,
    R-16), unless the route runs without structural meetings."""
    if without_structural_meetings:
        return False
    return last is None or last < months_before(today, months)


def intake_falling(counts: Sequence[int], over: int = FALLING_COHORTS) -> bool:
    """S-06: the last ``over`` cohorts' intake (oldest first) falls every year."""
    if over < 2 or len(counts) < over:
        return False
    last = list(counts)[-over:]
    return all(a > b for a, b in zip(last, last[1:]))


def below_minimum(count: int, minimum: int | None) -> bool:
    """S-05: a group's intake below its minimum group size (R-15)."""
    return minimum is not None and count < minimum


def agreement_expiring(valid_to: date | None, superseded: bool, today: date, days: int = AGREEMENT_DAYS) -> bool:
    """S-07: the agreement ends within ``days`` and no agreement extends or replaces it (R-06: no student
    may be enrolled on a day without one)."""
    return valid_to is not None and not superseded and today <= valid_to <= today + timedelta(days=days)


def overdue(due: date | None, done: date | None, today: date) -> bool:
    """S-09: an open decision past its due date."""
    return done is None and due is not None and due < today


def settlement_year(today: date) -> int:
    """S-04: the school year whose settlement should be approved: the current one."""
    return today.year if today.month >= 8 else today.year - 1


def settlement_due(today: date) -> date:
    return year_end(settlement_year(today))


URGENT_WHEN_CLOSE = frozenset({"agreement_expiring", "leaving_without_successor"})
MANY_OVERDUE = 3             # this many overdue decisions on one route is urgent


def severity(code: str, today: date, day: date | None = None, passed: bool = False, count: int = 0) -> str:
    """High when something has already gone wrong (an R-04 deadline passed; MANY_OVERDUE decisions or more
    past their due date) or an agreement or a role ends within SOON_DAYS; otherwise medium."""
    if passed or (code == "decisions_overdue" and count >= MANY_OVERDUE):
        return HIGH
    if code in URGENT_WHEN_CLOSE and day is not None and day <= today + timedelta(days=SOON_DAYS):
        return HIGH
    return MEDIUM


def is_new(first_seen: date, since: date) -> bool:
    """The digest marks a signal first seen after ``since`` (the day of the last digest, which already held
    what was seen that day) as new."""
    return first_seen > since
