"""A route's numeric targets (``RouteTarget``: a KPI id, a parameter, a norm) against its figures: each with
the KPI's label from the catalogue (``domain.kpi``) and its current value from the engine, never a bare
code. The route dashboard (apps.dashboard) shows them for a chosen cohort; the route's own page shows
them for the reference cohort through the template tag ``{% route_targets route %}``
(``templatetags/route_targets.py``)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from apps.routes.models import RouteTarget
from domain import kpi as core
from domain.calendar import end_of_year, school_year_of
from domain.numbers import format_number

from . import access, engine, followup

RESULT_K = 3      # the reference cohort has had three full school years (the dashboards' headline cohort)


@dataclass
class TargetRow:
    target: RouteTarget
    label: str
    unit: str
    figure: object       # the Figure (or None: not computed for this route)
    norm: str            # "≥ 85%"
    signal: str | None   # core.MEETS, core.MISSES or None (no value)


def final(figure_id: str, cohort: int | None, on: date) -> bool:
    """Whether a cohort figure is final on ``on``: "diploma within k years" only once the cohort's
    k-th school year has ended (before that it can still grow); the others are states on ``on``."""
    kpi, _, parameter = figure_id.partition("/")
    return not (kpi == "K-04" and parameter.isdigit() and cohort is not None
                and end_of_year(cohort, int(parameter)) > on)


def _by_id(figures, partner: bool) -> dict:
    return {f.id: f for f in (figures if partner else engine.suppressed(list(figures)))}


def target_rows(route, scope, cohort: int | None, cohort_figures: dict, partner: bool, on) -> list[TargetRow]:
    """The route's numeric targets against the chosen cohort's figures (yearly KPIs: the current
    school year), with the above/below signal; none yet for a figure that is not final (diploma
    within 4 years of a cohort in its third year)."""
    school_year = school_year_of(on)
    targets = [(t, kpi) for t in route.targets.all()
               if (kpi := core.CATALOGUE.get(t.kpi.strip().upper()))]   # a KPI the catalogue does not know: left out
    yearly = {}
    if any(kpi.per == "schooljaar" for _t, kpi in targets):
        yearly = _by_id(engine.year_figures(scope, school_year), partner)
    rows = []
    for target, kpi in targets:
        pool = yearly if kpi.per == "schooljaar" else cohort_figures
        figure = next((f for f in pool.values() if core.matches(f.id, target.kpi, target.parameter)), None)
        figure_id = figure.id if figure else kpi.id
        judged = figure is not None and not figure.suppressed and final(figure_id, cohort, on)
        value = figure.value if judged else None
        unit = "%" if kpi.unit == core.PERCENT else ""
        rows.append(TargetRow(target, core.label_of(figure_id), kpi.unit, figure,
                              f"{target.get_operator_display()} {format_number(target.value.normalize())}{unit}",
                              core.signal(value, target.operator, target.value)))
    return rows


def current(user, route, on: date) -> tuple[int, list[TargetRow]]:
    """The route's targets against the reference cohort's figures as ``user`` may see them (suppressed
    outside the route's partners, ``access.route_reading``): (cohort, rows)."""
    reading = access.route_reading(user, route)
    partner = not reading.outside
    cohort = school_year_of(on) - RESULT_K
    figures = _by_id(followup.with_succes(engine.cohort_figures(reading.scope, cohort, on), reading.scope, cohort, on),
                     partner)
    return cohort, target_rows(route, reading.scope, cohort, figures, partner, on)
