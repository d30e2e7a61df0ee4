"""The figures a reader gets for a cohort: the cohort KPIs and K-08 for each school year the cohort
has been in, suppressed when the reader is outside the route's partners."""
from __future__ import annotations

from datetime import date

from django.db.models import Max, Q

from domain import kpi as core
from domain.calendar import school_year_of
from domain.kpi import YEARLY_UITVAL

from . import engine, followup
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


def _figures(scope: engine.Scope, cohort: int, on: date, years: list[int], yearly: bool) -> list[engine.Figure]:
    """The cohort's figures in ``scope`` (K-12 included) and the yearly figures of ``years`` (K-08 alone,
    or with ``yearly`` also its uitval and K-09), unsuppressed."""
    figures = followup.with_succes(engine.cohort_figures(scope, cohort, on), scope, cohort, on)
    for year in years:
        if yearly:
            figures += [f for f in engine.year_figures(scope, year) if f.id.count("/") == 1
                        or f.id.endswith("/" + YEARLY_UITVAL)]
        else:
            figures.append(engine.jaarresultaat(scope, year))
    return figures


def region_shown(region: engine.Scope, figures_of) -> list[engine.Figure]:
    """A region's figures as every reader sees them (``domain.kpi.suppress_with_parts``): suppressed,
    and hidden where the same figure of any route of the region (``Route.objects.in_region``, stopped
    routes too) is hidden, so that the region minus the routes shown beside it, or minus a partner's
    own route, never gives a small count away. ``figures_of(scope)`` computes the unsuppressed figures
    of a scope: the region's, then each route's, the same figure ids."""
    routes = engine.routes_in(region).values_list("pk", flat=True)
    return core.suppress_with_parts(figures_of(region), [figures_of(engine.Scope(route=pk)) for pk in routes])


def figures_for(reading: Reading, cohort: int, on: date, yearly: bool = False) -> list[engine.Figure]:
    """The cohort's figures on ``on`` and K-08 for each school year it has been in (with ``yearly`` every
    yearly figure of those school years: K-08, its uitval and K-09), suppressed together for a reader
    outside the route's partners (a region's as ``region_shown``)."""
    years = cohort_years(reading.scope, cohort, on)
    if reading.scope.region is not None and reading.scope.route is None:
        return region_shown(reading.scope, lambda scope: _figures(scope, cohort, on, years, yearly))
    figures = _figures(reading.scope, cohort, on, years, yearly)
    return engine.suppressed(figures) if reading.outside else figures
