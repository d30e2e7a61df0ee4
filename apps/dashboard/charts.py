"""The dashboards' charts: figures and flows turned into ``apps.core.lib.charts.Chart`` (drawn by
static/js/charts.js, with the same numbers in a table under each chart). A value the reader may not
see is None in the chart and "<5", "x" or "–" in the table."""
from __future__ import annotations

from django.utils.translation import gettext as _

from apps.core.lib.charts import Chart, Kind, Series
from apps.core.lib.suppression import suppress
from apps.results.flow import categories
from domain import kpi as core
from domain.calendar import school_year_label

PERCENT_AXIS = 100


def _value(figure):
    return None if figure is None or figure.suppressed else figure.value


def _text(figure) -> str:
    return core.DASH if figure is None else figure.text


def figure_series(label: str, figures: list, target: bool = False) -> Series:
    """A series of KPI figures (None for a cohort without the figure)."""
    return Series(label, [_value(f) for f in figures], [_text(f) for f in figures], target=target)


def flow_chart(flow, outside: bool, chart_id: str = "flow") -> Chart:
    """The cohort's flow, one stacked bar per elapsed school year; for a reader outside the route's
    partners each year's counts are suppressed with that year's total (no count from 1 to 4 readable
    or derivable within a bar). Categories that are empty in every year are left out."""
    labels = [_("jaar %(k)d (%(year)s)") % {"k": y.elapsed, "year": school_year_label(y.school_year)} for y in flow]
    shown = [suppress(y.counts, y.total) if outside else {k: str(v) for k, v in y.counts.items()} for y in flow]
    series = []
    for key, label in categories():
        counts = [y.counts[key] for y in flow]
        if not any(counts):
            continue
        texts = [s[key] for s in shown]
        series.append(Series(str(label), [c if t == str(c) else None for c, t in zip(counts, texts, strict=True)],
                             texts))
    cohort = school_year_label(flow[0].school_year) if flow else ""
    return Chart(chart_id, Kind.FLOW, _("Verloop van cohort %(cohort)s per schooljaar") % {"cohort": cohort},
                 labels, series, axis_label=_("leerlingen"), label_header=_("Schooljaar"))


def intake_chart(cohorts: list[int], trend: dict, chart_id: str = "intake") -> Chart:
    """K-01 per cohort, with the zij-instroom beside it."""
    return Chart(chart_id, Kind.BARS, _("Instroom per cohort"), [school_year_label(c) for c in cohorts],
                 [figure_series(core.label_of("K-01"), trend["K-01"]),
                  figure_series(core.label_of(core.ZIJ_INSTROOM), trend[core.ZIJ_INSTROOM])],
                 axis_label=_("leerlingen"), label_header=_("Cohort"))


def percent_trend_chart(cohorts: list[int], trend: dict, kpi_ids, chart_id: str = "trend", title: str = "") -> Chart:
    """Percentages (uitval, diploma within k years; or doorstroom and succes na doorstroom) across
    cohorts, one line each."""
    return Chart(chart_id, Kind.TREND, title or _("Uitval en diploma per cohort"),
                 [school_year_label(c) for c in cohorts],
                 [figure_series(core.label_of(k), trend[k]) for k in kpi_ids], unit="%", max_value=PERCENT_AXIS,
                 label_header=_("Cohort"))


def target_chart(rows, chart_id: str = "targets") -> Chart:
    """The route's percentage targets: the result as a bar, the target marked over it."""
    rows = [r for r in rows if r.unit == core.PERCENT]
    return Chart(chart_id, Kind.TARGET, _("Resultaten tegen de streefcijfers"), [r.label for r in rows], [
        Series(_("Resultaat"), [_value(r.figure) for r in rows], [_text(r.figure) for r in rows]),
        Series(_("Streefcijfer"), [r.target.value for r in rows], [r.norm for r in rows], target=True),
    ], unit="%", max_value=PERCENT_AXIS, label_header=_("KPI"))


def side_by_side_charts(table) -> list[Chart]:
    """Routes side by side: their results (%) and their intake."""
    labels = [row.route.name for row in table.rows]
    columns = dict(table.columns)
    percent = Chart("routes-results", Kind.BARS, _("Resultaten per route (cohort %(cohort)s)")
                    % {"cohort": table.cohorts.result_label}, labels,
                    [figure_series(columns[k], [row.figures[k] for row in table.rows]) for k in ("K-04/3", "K-02")],
                    unit="%", max_value=PERCENT_AXIS, label_header=_("Route"), horizontal=True)
    intake = Chart("routes-intake", Kind.BARS, _("Instroom per route (cohort %(cohort)s)")
                   % {"cohort": table.cohorts.intake_label}, labels,
                   [figure_series(columns["K-01"], [row.figures["K-01"] for row in table.rows])],
                   axis_label=_("leerlingen"), label_header=_("Route"), horizontal=True)
    return [percent, intake]


def count_chart(chart_id: str, title: str, label_header: str, rows: list[tuple[str, int]]) -> Chart:
    """Counts that need no suppression (numbers of routes)."""
    return Chart(chart_id, Kind.BARS, title, [label for label, _n in rows],
                 [Series(_("routes"), [n for _label, n in rows])], axis_label=_("routes"), label_header=label_header)
