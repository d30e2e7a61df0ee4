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


def _figures_by_route(region: engine.Scope, cohort: int, on: date, years: list[int], yearly: bool) \
        -> dict[int, list[engine.Figure]]:
    """``_figures`` of every route of the region (``Route.objects.in_region``, stopped routes too), the
    same figure ids, unsuppressed: route id -> figures. Grouped queries (the cohort figures, K-12, and per
    school year the yearly figures), so their number does not grow with the routes."""
    routes = list(engine.route_lengths(region))
    cohorts = followup.with_succes_by_route(engine.cohort_figures_by_route(region, [cohort], on, routes=routes),
                                            region, on)
    per_year = engine.year_figures_by_route(region, years, routes=routes)
    wanted = (lambda f: True) if yearly else (lambda f: f.kpi == "K-08" and f.id.count("/") == 1)
    return {route: cohorts[route][cohort] + [f for f in per_year[route] if wanted(f)] for route in routes}


def region_shown(region: engine.Scope, cohort: int, on: date, years: list[int], yearly: bool = False) \
        -> list[engine.Figure]:
    """A region's figures of ``cohort`` on ``on`` (as ``_figures``) as every reader sees them
    (``domain.kpi.suppress_with_parts``): suppressed, and hidden where the same figure of any route of
    the region (``Route.objects.in_region``, stopped routes too) is hidden, so that the region minus the
    routes shown beside it, or minus a partner's own route, never gives a small count away. The routes'
    figures come from grouped queries: the number of queries does not grow with the routes."""
    whole = _figures(region, cohort, on, years, yearly)
    return core.suppress_with_parts(whole, list(_figures_by_route(region, cohort, on, years, yearly).values()))


def figures_for(reading: Reading, cohort: int, on: date, yearly: bool = False) -> list[engine.Figure]:
    """The cohort's figures on ``on`` and K-08 for each school year it has been in (with ``yearly`` every
    yearly figure of those school years: K-08, its uitval and K-09), suppressed together for a reader
    outside the route's partners (a region's as ``region_shown``)."""
    years = cohort_years(reading.scope, cohort, on)
    if reading.scope.region is not None and reading.scope.route is None:
        return region_shown(reading.scope, cohort, on, years, yearly)
    figures = _figures(reading.scope, cohort, on, years, yearly)
    return engine.suppressed(figures) if reading.outside else figures
