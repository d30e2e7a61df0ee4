"""The figures the dashboards show, as each reader may see them.

Headline figures per route: the intake of the current school year's cohort (K-01) and, for the
cohort that has had three full school years (the reference cohort), its uitval (K-02) and diploma
within 3 years (K-04/3); the same cohorts for every route, so routes side by side compare.

Suppression: a route's partners see its figures as they are; everyone else (regional users,
beheerders, a bestuurder for routes of the board where none of their institutions is a partner) sees
them suppressed: a figure revealing a count from 1 to 4 is hidden (``engine.suppressed``), and in a
table of routes with a total, the total is hidden as soon as one row is (the total and the other
rows would give that row away).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count

from apps.results import access, engine, followup
from apps.results.targets import final  # noqa: F401 - the dashboards ask figures.final
from apps.routes.models import Route, Uitstroomrichting
from domain import kpi as core
from domain.calendar import school_year_label, school_year_of

RESULT_K = 3                          # diploma within 3 years: the headline result
INTAKE, UITVAL, DIPLOMA = "K-01", "K-02", f"K-04/{RESULT_K}"
COLUMNS = (INTAKE, UITVAL, DIPLOMA)
TREND_KPIS = (UITVAL, DIPLOMA)        # percentages over cohorts (K-01 is drawn apart: a count)


@dataclass(frozen=True)
class Cohorts:
    """The cohorts the headline figures are about, on a day."""
    intake: int     # the cohort that started this school year
    result: int     # the cohort whose third school year has ended

    @classmethod
    def on(cls, day: date) -> Cohorts:
        current = school_year_of(day)
        return cls(current, current - RESULT_K)

    @property
    def intake_label(self) -> str:
        return school_year_label(self.intake)

    @property
    def result_label(self) -> str:
        return school_year_label(self.result)


def route_reading(user, route: Route) -> access.Reading:
    """Whose students of ``route`` the user's figures count, and whether suppressed
    (``apps.results.access.route_reading``, from ``Route.counted_side``)."""
    return access.route_reading(user, route)


def shown(figures: list, partner: bool) -> list:
    """The figures as the reader sees them: as they are for a partner, else suppressed."""
    return list(figures) if partner else engine.suppressed(list(figures))


def by_id(figures) -> dict:
    return {f.id: f for f in figures}


@dataclass
class RouteRow:
    route: Route
    partner: bool                     # the reader works at a partner: figures unsuppressed
    linked: bool                      # the reader may open the route (Route.objects.visible_to)
    figures: dict = field(default_factory=dict)   # INTAKE, UITVAL, DIPLOMA -> Figure

    @property
    def cells(self) -> list:
        return [self.figures[k] for k in COLUMNS]


@dataclass
class SideBySide:
    """Routes side by side with their headline figures, and the total over them."""
    cohorts: Cohorts
    rows: list[RouteRow]
    total: dict                       # INTAKE, UITVAL, DIPLOMA -> Figure (hidden when it would give a row away)

    @property
    def total_cells(self) -> list:
        return [self.total[k] for k in COLUMNS]

    @property
    def columns(self) -> list[tuple[str, str]]:
        return [(INTAKE, core.label_of(INTAKE) + f" {self.cohorts.intake_label}"),
                (UITVAL, core.label_of(UITVAL) + f" (cohort {self.cohorts.result_label})"),
                (DIPLOMA, core.label_of(DIPLOMA) + f" (cohort {self.cohorts.result_label})")]


def _pick(per_cohort: dict, cohorts: Cohorts) -> dict:
    """The headline figures from a scope's figures per cohort."""
    intake, result = by_id(per_cohort[cohorts.intake]), by_id(per_cohort[cohorts.result])
    return {INTAKE: intake[INTAKE], UITVAL: result[UITVAL], DIPLOMA: result[DIPLOMA]}


def _headline(scope: engine.Scope, cohorts: Cohorts, on: date) -> dict:
    return _pick(engine.cohort_figures_of(scope, {cohorts.intake, cohorts.result}, on), cohorts)


def headline(user, route: Route, cohorts: Cohorts, on: date) -> dict:
    """The route's headline figures as the user may see them (``route_reading``)."""
    reading = route_reading(user, route)
    return by_id(shown(_headline(reading.scope, cohorts, on).values(), not reading.outside))


def _sum(figures: list, kpi_id: str):
    numerator = sum(f.numerator or 0 for f in figures)
    denominator = None if kpi_id == INTAKE else sum(f.denominator or 0 for f in figures)
    return core.figure(kpi_id, numerator, denominator)


def side_by_side(user, routes, on: date, cohorts: Cohorts | None = None) -> SideBySide:
    """``routes`` with their headline figures and a total. The rows outside the user's partnerships
    are suppressed (``engine.suppressed``); when one of them hides a figure, the column's total is
    hidden too, or the total and the other rows would give the hidden figure away."""
    cohorts = cohorts or Cohorts.on(on)
    visible = set(Route.objects.visible_to(user).values_list("pk", flat=True))
    routes = list(routes)
    # a partner's own students (one vo-school of several sees its own); the whole route otherwise
    readings = {route.pk: route_reading(user, route) for route in routes}
    whole = [pk for pk, reading in readings.items() if reading.scope == engine.Scope(route=pk)]
    grouped = engine.cohort_figures_by_route(engine.Scope(national=True), {cohorts.intake, cohorts.result}, on,
                                             routes=whole)      # the whole routes: one query
    rows, raw = [], []
    for route in routes:
        reading = readings[route.pk]
        partner = not reading.outside
        figures = _pick(grouped[route.pk], cohorts) if route.pk in grouped else \
            _headline(reading.scope, cohorts, on)
        raw.append(figures)
        rows.append(RouteRow(route, partner, route.pk in visible, by_id(shown(figures.values(), partner))))
    outside = any(not row.partner for row in rows)
    total = {}
    for kpi_id in COLUMNS:
        figure = _sum([figures[kpi_id] for figures in raw], kpi_id)
        if any(row.figures[kpi_id].suppressed for row in rows) or (outside and shown([figure], False)[0].suppressed):
            figure = core.hide(figure)
        total[kpi_id] = figure
    return SideBySide(cohorts, rows, total)


def trend(scope: engine.Scope, kpi_ids, cohorts: list[int], on: date, partner: bool) -> dict[str, list]:
    """Per KPI its figure for each cohort (None where the cohort has none, or not yet a final one:
    a trend compares finished measurements), as the reader may see it: each cohort's figures are
    suppressed together (nested figures such as K-04/3 within K-04/4); a region's also hidden where
    one of its routes hides them (``domain.kpi.suppress_with_parts``, as ``results.figures.region_shown``).
    Two queries: the scope's cohorts, and (for a region) its routes' cohorts; two more when K-12 (succes
    na doorstroom, ``apps.results.followup``) is asked for."""
    succes = followup.KPI in kpi_ids
    computed = engine.cohort_figures_of(scope, cohorts, on)     # one query for every cohort
    if succes:
        computed = followup.with_succes_of(computed, scope, on)
    if scope.region is not None and scope.route is None:
        grouped = engine.cohort_figures_by_route(scope, cohorts, on)
        if succes:
            grouped = followup.with_succes_by_route(grouped, scope, on)
        by_route = grouped.values()
        per_cohort = [by_id(core.suppress_with_parts(computed[cohort], [routes[cohort] for routes in by_route]))
                      for cohort in cohorts]
    else:
        per_cohort = [by_id(shown(computed[cohort], partner)) for cohort in cohorts]
    return {kpi_id: [figures.get(kpi_id) if final(kpi_id, cohort, on) else None
                     for cohort, figures in zip(cohorts, per_cohort, strict=True)] for kpi_id in kpi_ids}


def inventory(routes) -> dict[str, list[tuple[str, int]]]:
    """The region's inventory: how many routes per mbo level (of their uitstroomrichtingen), per type
    and per phase (counts of routes, not of students: nothing to suppress)."""
    by_level = (Uitstroomrichting.objects.filter(route__in=routes).values("kwalificatie__level")
                .annotate(n=Count("route", distinct=True)).order_by("kwalificatie__level"))
    by_type = routes.values("type").annotate(n=Count("pk")).order_by("type")
    by_phase = routes.values("phase").annotate(n=Count("pk")).order_by("phase")
    types = dict(Route._meta.get_field("type").choices)
    phases = dict(Route._meta.get_field("phase").choices)
    return {
        "level": [(f"niveau {row['kwalificatie__level']}", row["n"]) for row in by_level],
        "type": [(str(types.get(row["type"], row["type"])), row["n"]) for row in by_type],
        "phase": [(str(phases.get(row["phase"], row["phase"])), row["n"]) for row in by_phase],
    }


def hide_like_total(trend: dict, cohorts: list[int], table: SideBySide) -> dict:
    """A region's trend shows the same totals as its routes side by side for the table's cohorts:
    where the table hides a total (it would give a row away), the trend hides it too."""
    for kpi_id, cohort in ((INTAKE, table.cohorts.intake), (UITVAL, table.cohorts.result),
                           (DIPLOMA, table.cohorts.result)):
        if kpi_id in trend and cohort in cohorts and table.total[kpi_id].suppressed:
            index = cohorts.index(cohort)
            if trend[kpi_id][index] is not None:
                trend[kpi_id][index] = core.hide(trend[kpi_id][index])
    return trend
