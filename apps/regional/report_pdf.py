"""The regional report as a PDF, made by WeasyPrint from the same tables and template parts as the
page (templates/regional/report_pdf.html). Its figures are SVG drawn on the server (report_svg.py).
WeasyPrint fetches nothing: the stylesheet is read from the static files and put in the document,
and every other address is refused (no network access while a PDF is made)."""
from __future__ import annotations

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

STYLESHEET = "css/report-pdf.css"


def _no_fetching(url: str, *args, **kwargs):
    raise ValueError(f"Het PDF-rapport haalt geen bestanden op ({url}).")


def render(report: dict, context: dict | None = None) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which only the PDF needs

    path = finders.find(STYLESHEET)
    with open(path, encoding="utf-8") as handle:
        css = handle.read()
    html = render_to_string("regional/report_pdf.html", {"report": report, "stylesheet": css, **(context or {})})
    return HTML(string=html, url_fetcher=_no_fetching).write_pdf()
