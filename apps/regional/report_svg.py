"""The report's figures 1-3 as server-drawn SVG bar charts, for the PDF (and the page's print view).

Why SVG made here: WeasyPrint runs no JavaScript, so the page's Chart.js canvases cannot be in the
PDF; an inline SVG is vector (sharp in print), needs no image library (no matplotlib), no style
attribute (the CSP forbids inline styles: SVG presentation attributes are not styles), and WeasyPrint
draws it itself. Horizontal stacked bars, one row per category, one colour per series, the total at
the end of the bar; the table beside each figure holds the same numbers."""
from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

COLOURS = ("#1f5f8b", "#e3a32b", "#5a9e6f", "#9b4f96")   # series colours (print-safe, colour-blind distinct)
LABEL_WIDTH = 260
BAR_WIDTH = 300
ROW = 22
BAR = 14
TOP = 26


def bar_chart(figure: dict) -> SafeString:
    """``figure`` as report._figure makes it: labels, series (label, values), totals."""
    labels, series, totals = figure["labels"], figure["series"], figure["totals"]
    top = max(totals, default=0) or 1
    scale = BAR_WIDTH / top
    height = TOP + ROW * max(len(labels), 1) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'aria-label="{escape(figure["title"])}">']
    x = LABEL_WIDTH
    for index, s in enumerate(series):   # legend
        colour = COLOURS[index % len(COLOURS)]
        parts.append(f'<rect x="{x}" y="4" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14}" y="13" font-size="10" font-family="DejaVu Sans, sans-serif">'
                     f'{escape(s["label"])}</text>')
        x += 20 + 7 * len(s["label"])
    for row, label in enumerate(labels):
        y = TOP + row * ROW
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR - 3}" font-size="10" text-anchor="end" '
                     f'font-family="DejaVu Sans, sans-serif">{escape(_short(label))}</text>')
        x = LABEL_WIDTH
        for index, s in enumerate(series):
            value = s["values"][row]
            if value:
                w = value * scale
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR}" '
                             f'fill="{COLOURS[index % len(COLOURS)]}"/>')
                x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + BAR - 3}" font-size="10" '
                     f'font-family="DejaVu Sans, sans-serif">{totals[row]}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))   # every text in it is escaped above


def _short(label: str, limit: int = 44) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
