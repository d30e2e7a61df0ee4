"""The figures a reader gets for a cohort: the cohort KPIs and K-08 for each school year the cohort
has been in, suppressed when the reader is outside the route's partners."""
from __future__ import annotations

from datetime import date

from django.db.models import Max, Q

from domain.calendar import school_year_of

from . import engine
from .access import Reading


def cohort_years(scope: engine.Scope, cohort: int, on: date) -> list[int]:
    """The school years the cohort has been in the route up to ``on``: from its first to the school year
    of ``on``, or to the last school year in which one of its students got a diploma or left when none
    is in the route any more."""
    students = engine.students_in(scope).filter(cohort=cohort)
    row = students.aggregate(diploma=Max("mbo_diploma_on", filter=Q(mbo_diploma_on__lte=on)),
                             left=Max("left_on", filter=Q(left_on__lte=on)))
    last = school_year_of(on)
    ends = [school_year_of(d) for d in (row["diploma"], row["left"]) if d]
    if ends and not students.filter(Q(status="actief") | Q(mbo_diploma_on__gt=on) | Q(left_on__gt=on)).exists():
        last = min(last, max(ends))
    return list(range(cohort, last + 1)) if students.exists() else []


def figures_for(reading: Reading, cohort: int, on: date) -> list[engine.Figure]:
    figures = engine.cohort_figures(reading.scope, cohort, on)
    for year in cohort_years(reading.scope, cohort, on):
        figures += [f for f in engine.year_figures(reading.scope, year) if f.id == f"K-08/{year}"]
    return engine.suppressed(figures) if reading.outside else figures
