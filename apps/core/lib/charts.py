"""Chart descriptions for the pages: the same numbers drawn as a chart and shown in a table.

A page builds a ``Chart`` (labels along one axis, one ``Series`` per coloured set of bars or line),
hands it to ``templates/core/_chart.html``, and that template writes the numbers twice: into a JSON
data island that ``static/js/charts.js`` draws with the vendored Chart.js (no inline script, the
Content-Security-Policy allows none) and into a table under the chart (``<details>`` "Tabel") for
readers who cannot see the canvas and for print. A value the reader may not see (a suppressed count,
"<5" or "x", or a KPI without denominator, "–") is ``None`` in the chart and its text in the table,
so the chart never draws what the table hides. Pure: no Django.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

Number = int | float | Decimal


class Kind(StrEnum):
    """How ``charts.js`` draws a chart (the canvas's ``data-chart``)."""

    FLOW = "flow"      # stacked bars: how a cohort is spread over continue, repeat, leave, diploma
    TREND = "trend"    # lines across cohorts or school years
    BARS = "bars"      # grouped bars side by side (e.g. routes of a region)
    TARGET = "target"  # bars with the target of each bar marked


@dataclass(frozen=True)
class Series:
    """One set of values, one per label. ``shown`` (optional) is the text per value for the table
    when it is not the number itself ("<5", "x", "–", "88.0%"); a value hidden from the reader must
    be ``None`` in ``values``."""

    label: str
    values: list[Number | None]
    shown: list[str] | None = None
    target: bool = False  # drawn as a marker (the target of the bar at the same label), not a bar

    def __post_init__(self):
        if self.shown is not None and len(self.shown) != len(self.values):
            raise ValueError("shown needs one text per value")

    def cell(self, index: int, unit: str = "") -> str:
        """The table's text for one value."""
        if self.shown is not None:
            return self.shown[index]
        value = self.values[index]
        if value is None:
            return "–"
        return f"{value}{unit}"


@dataclass(frozen=True)
class Chart:
    """A chart with its title (also the table's caption and the canvas's accessible name)."""

    id: str
    kind: Kind
    title: str
    labels: list[str]
    series: list[Series] = field(default_factory=list)
    unit: str = ""            # "%" for percentages: the axis and the tooltips show it
    axis_label: str = ""      # what the values count, e.g. "leerlingen" (the value axis's title)
    label_header: str = ""    # what the labels are, e.g. "Cohort" (the table's first column)
    max_value: Number | None = None  # the top of the value axis (100 for percentages), else automatic

    def __post_init__(self):
        for series in self.series:
            if len(series.values) != len(self.labels):
                raise ValueError(f"series {series.label!r} needs one value per label")

    @property
    def source_id(self) -> str:
        """The id of the JSON data island the canvas reads."""
        return f"{self.id}-data"

    @property
    def empty(self) -> bool:
        return not self.labels or not self.series

    def data(self) -> dict:
        """The JSON the canvas is drawn from (numbers as numbers, hidden values as null)."""
        return {
            "kind": str(self.kind),
            "title": self.title,
            "labels": list(self.labels),
            "unit": self.unit,
            "axisLabel": self.axis_label,
            "max": _number(self.max_value),
            "datasets": [
                {"label": s.label, "data": [_number(v) for v in s.values], "target": s.target}
                for s in self.series
            ],
        }

    def rows(self) -> list[tuple[str, list[str]]]:
        """The table under the chart: one row per label, one cell per series."""
        return [(label, [s.cell(i, self.unit) for s in self.series]) for i, label in enumerate(self.labels)]


def _number(value: Number | None) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value)
    return value
