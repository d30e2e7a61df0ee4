"""The figures a reader gets for a cohort: the cohort KPIs and K-08 for each school year the cohort
has been in, suppressed when the reader is outside the route's partners."""
from __future__ import annotations

from datetime import date

from django.db.models import Max, Q

from domain.calendar import school_year_of
from domain.kpi import YEARLY_UITVAL

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


def figures_for(reading: Reading, cohort: int, on: date, yearly: bool = False) -> list[engine.Figure]:
    """The cohort's figures on ``on`` and K-08 for each school year it has been in (with ``yearly`` every
    yearly figure of those school years: K-08, its uitval and K-09), suppressed together for a reader
    outside the route's partners."""
    figures = engine.cohort_figures(reading.scope, cohort, on)
    for year in cohort_years(reading.scope, cohort, on):
        if yearly:
            figures += [f for f in engine.year_figures(reading.scope, year) if f.id.count("/") == 1
                        or f.id.endswith("/" + YEARLY_UITVAL)]
        else:
            figures.append(engine.jaarresultaat(reading.scope, year))
    if not reading.outside:
        return figures
    hidden = set()
    if reading.scope.region is not None and reading.scope.route is None:
        # A region's figure would give a route's hidden count away by subtraction (region minus the routes
        # the reader sees): a figure hidden for one of the region's routes is hidden for the region too
        # (and the rules then keep it from being derived from the region's other figures).
        hidden = {f.id for route in engine.routes_in(reading.scope).values_list("pk", flat=True)
                  for f in engine.suppressed(_unsuppressed(engine.Scope(route=route), cohort, on, yearly))
                  if f.suppressed}
    return engine.suppressed(figures, hidden)


def _unsuppressed(scope: engine.Scope, cohort: int, on: date, yearly: bool) -> list[engine.Figure]:
    return figures_for(Reading(scope=scope, outside=False), cohort, on, yearly)
