"""The school-year calendar: one place that decides a date's school year, the counting day and elapsed
time. A school year is named by its first calendar year (2021 = 2021-2022) and runs from 1 August to
31 July; the teldatum (counting day for funding) is 1 October.

Elapsed time is counted in school years from a cohort's first school year and is never derived from
a route-year label: a doublure repeats the route year, but the clock runs on.

Pure Python: no Django imports.
"""
from __future__ import annotations

from datetime import date

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
SCHOOL_YEAR_START_MONTH = 8     # a school year starts on 1 August
TELDATUM_MONTH, TELDATUM_DAY = 10, 1


def school_year_of(day: date) -> int:
    """The school year a day falls in: 2021 for 1 August 2021 .. 31 July 2022."""
    return day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1


def school_year_label(school_year: int) -> str:
    """2021 -> "2021-2022"."""
    return f"{school_year}-{school_year + 1}"


def year_start(school_year: int) -> date:
    """The first day of a school year: 1 August."""
    return date(school_year, SCHOOL_YEAR_START_MONTH, 1)


def year_end(school_year: int) -> date:
    """The last day of a school year: 31 July of the next calendar year."""
    return date(school_year + 1, SCHOOL_YEAR_START_MONTH - 1, 31)


def teldatum(school_year: int) -> date:
    """The counting day of a school year: 1 October."""
    return date(school_year, TELDATUM_MONTH, TELDATUM_DAY)


def elapsed_school_years(cohort: int, day: date) -> int:
    """How many school years of cohort ``cohort`` have begun on ``day`` (1 in its first school year,
    0 before it started)."""
    return max(0, school_year_of(day) - cohort + 1)


def end_of_year(cohort: int, k: int) -> date:
    """"By the end of year k" for a cohort: 31 July of cohort + k (the end of its k-th school year)."""
    return year_end(cohort + k - 1)


def month_end(school_year: int, month: int) -> date:
    """The last day of ``month`` within a school year (month 1..12; August..December fall in the
    school year's first calendar year, January..July in its second)."""
    year = school_year if month >= SCHOOL_YEAR_START_MONTH else school_year + 1
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def format_date(day: date) -> str:
    """1 augustus 2022"""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"
