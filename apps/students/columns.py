"""The database's versions of the date rules the KPIs use (``domain.calendar.school_year_of``,
``domain.kpi.half_years``, the teldatum of a doorstroom), as expressions: stored on the student's row
as generated columns (``Student.diploma_school_year`` ...), so that the KPI engine reads numbers instead
of taking dates apart for every student, and used by the engine on the events."""
from django.db.models import Case, Func, IntegerField, Q, Value, When
from django.db.models.lookups import Exact, GreaterThan, GreaterThanOrEqual, LessThan

from domain import kpi as core


def flag(condition) -> Case:
    """1 where ``condition`` holds, else 0."""
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


class DatePart(Func):
    """The year, month or day of a date as an integer, written natively for each database (Django's
    ExtractYear calls a Python function for every row on SQLite, which costs seconds at national scale)."""
    output_field = IntegerField()
    SQLITE = {"year": (1, 4), "month": (6, 2), "day": (9, 2)}     # dates are stored as YYYY-MM-DD text

    def __init__(self, expression, part: str):
        if part not in self.SQLITE:
            raise ValueError(part)
        self.part = part
        super().__init__(expression)

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template=f"CAST(EXTRACT({self.part.upper()} FROM %(expressions)s)"
                                                              " AS INTEGER)", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        first, length = self.SQLITE[self.part]
        return super().as_sql(compiler, connection,
                              template=f"CAST(SUBSTR(%(expressions)s, {first}, {length}) AS INTEGER)", **extra)


def school_year(field: str):
    """The school year of a date field (August starts it)."""
    return DatePart(field, "year") - flag(LessThan(DatePart(field, "month"), 8))


def half_years(field: str):
    """K-06 per holder in half years, before subtracting the cohort: 2 x the diploma's school year,
    minus 1 for a diploma dated 1 August - 31 January (see ``domain.kpi.half_years``)."""
    month = DatePart(field, "month")
    return 2 * school_year(field) - flag(Q(GreaterThanOrEqual(month, 8)) | Q(Exact(month, 1)))


def teldatum_year_after(field: str):
    """The year of the first 1 October after a date (a diploma counts for doorstroom at that teldatum):
    its calendar year, or the next for one from 1 October on."""
    return DatePart(field, "year") + flag(GreaterThanOrEqual(DatePart(field, "month"), 10))


def teldatum_year_from(field: str):
    """The year of the first 1 October on or after a date (a doorstroom counts at that teldatum)."""
    month, day = DatePart(field, "month"), DatePart(field, "day")
    return DatePart(field, "year") + flag(Q(GreaterThan(month, 10)) | Q(Exact(month, 10), GreaterThan(day, 1)))


def doorstroom_rank(field: str):
    """The level a doorstroom continued at (``domain.kpi.DOORSTROOM_LEVELS``), 0 for none."""
    return Case(*(When(**{field: level}, then=Value(rank)) for level, rank in core.DOORSTROOM_LEVELS.items()),
                default=Value(0), output_field=IntegerField())
