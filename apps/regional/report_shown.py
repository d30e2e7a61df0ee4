"""What the report's templates need beside its tables (the page and the PDF alike)."""
from __future__ import annotations

from django.utils.translation import gettext as _

from apps.core.lib.charts import Chart, Kind, Series

from . import report_svg


def shown(report: dict) -> dict:
    """What the templates need beside the report's tables: figures 1-3 with their SVG drawing and
    their rows, and the coverage tables as rows of cells."""
    charts = [dict(figure, svg=report_svg.bar_chart(figure), chart=_chart(figure),
                   rows=[(label, [s["values"][i] for s in figure["series"]], figure["totals"][i])
                         for i, label in enumerate(figure["labels"])])
              for figure in (report["figures"][key] for key in ("by_level", "by_richting", "by_type"))]
    coverage = [dict(table, cells=[[row.get(c["key"], "") for c in table["columns"]] for row in table["rows"]])
                for table in (report.get("coverage") or {}).get("tables", [])]
    return {"charts": charts, "coverage": coverage}


def _chart(figure: dict) -> Chart:
    """The figure as the page draws it (Chart.js, with the numbers in a table beside it)."""
    return Chart(id=figure["id"], kind=Kind.BARS, title=figure["title"], labels=list(figure["labels"]),
                 series=[Series(s["label"], list(s["values"])) for s in figure["series"]],
                 axis_label=_("routes"), label_header=figure["label_header"])
