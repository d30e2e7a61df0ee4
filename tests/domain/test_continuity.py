"""The pure parts of the continuity signals (domain/continuity.py): the kinds and their thresholds."""
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from domain import continuity as c

TODAY = date(2026, 11, 30)
days = st.integers(min_value=-400, max_value=400)


def test_kinds_have_unique_ids_codes_and_known_rules():
    assert [k.id for k in c.KINDS] == [f"S-{n:02d}" for n in range(1, 10)]
    assert len(set(c.CODES)) == len(c.KINDS)
    assert {k.rule for k in c.KINDS} <= {"R-16", "R-15", "R-04", "R-06", ""}
    assert {k.code for k in c.KINDS if k.names_person} == {"single_contact", "leaving_without_successor"}


def test_too_few_contacts():
    assert c.too_few_contacts(0) and c.too_few_contacts(1)
    assert not c.too_few_contacts(2)


@given(days, st.booleans())
def test_leaving_soon_only_within_sixty_days_without_successor(offset, successor):
    end = TODAY + timedelta(days=offset)
    assert c.leaving_soon(end, successor, TODAY) == (not successor and 0 <= offset <= c.LEAVING_DAYS)


def test_leaving_without_an_end_is_not_leaving():
    assert not c.leaving_soon(None, False, TODAY)


@given(days, st.booleans())
def test_agreement_expiring_within_ninety_days_unless_superseded(offset, superseded):
    valid_to = TODAY + timedelta(days=offset)
    assert c.agreement_expiring(valid_to, superseded, TODAY) == (not superseded and 0 <= offset <= c.AGREEMENT_DAYS)


def test_meeting_overdue_after_the_interval():
    assert not c.meeting_overdue(date(2026, 5, 30), TODAY, 6, False)
    assert c.meeting_overdue(date(2026, 5, 29), TODAY, 6, False)
    assert c.meeting_overdue(None, TODAY, 6, False)
    assert not c.meeting_overdue(None, TODAY, 6, True)        # runs without structural meetings


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.integers(min_value=0, max_value=36))
def test_months_before_is_earlier_by_whole_months(day, months):
    earlier = c.months_before(day, months)
    assert (day.year * 12 + day.month) - (earlier.year * 12 + earlier.month) == months
    assert earlier.day <= day.day


@given(st.lists(st.integers(min_value=0, max_value=100), min_size=0, max_size=8))
def test_intake_falling_means_each_of_the_last_three_below_the_one_before(counts):
    last = counts[-3:]
    expected = len(counts) >= 3 and last[0] > last[1] > last[2]
    assert c.intake_falling(counts) == expected


def test_intake_falling_examples():
    assert c.intake_falling([30, 28, 23, 21])
    assert not c.intake_falling([28, 28, 21])
    assert not c.intake_falling([20, 10])


def test_below_minimum():
    assert c.below_minimum(14, 15) and not c.below_minimum(15, 15) and not c.below_minimum(0, None)


def test_overdue_decision():
    assert c.overdue(TODAY - timedelta(days=1), None, TODAY)
    assert not c.overdue(TODAY, None, TODAY)
    assert not c.overdue(TODAY - timedelta(days=1), TODAY, TODAY)
    assert not c.overdue(None, None, TODAY)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_settlement_year_is_the_school_year_of_the_day(day):
    year = c.settlement_year(day)
    assert date(year, 8, 1) <= day <= date(year + 1, 7, 31)
    assert c.settlement_due(day) == date(year + 1, 7, 31)


def test_severity():
    assert c.severity("vmbo_parts_at_risk", TODAY, TODAY, passed=True) == c.HIGH
    assert c.severity("agreement_expiring", TODAY, TODAY + timedelta(days=c.SOON_DAYS)) == c.HIGH
    assert c.severity("agreement_expiring", TODAY, TODAY + timedelta(days=c.SOON_DAYS + 1)) == c.MEDIUM
    assert c.severity("no_meeting", TODAY) == c.MEDIUM
    assert c.severity("decisions_overdue", TODAY, count=c.MANY_OVERDUE) == c.HIGH
    assert c.severity("decisions_overdue", TODAY, count=c.MANY_OVERDUE - 1) == c.MEDIUM


def test_is_new():
    assert c.is_new(TODAY, TODAY - timedelta(days=1)) and not c.is_new(TODAY, TODAY)
