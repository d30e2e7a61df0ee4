"""The regional report as a PDF, made by WeasyPrint from the same tables and template parts as the
page (templates/regional/report_pdf.html). Its figures are SVG drawn on the server (report_svg.py).
WeasyPrint fetches nothing: the stylesheet is read from the static files and handed to it, and
every address is refused (no network access while a PDF is made)."""
from __future__ import annotations

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

STYLESHEET = "css/report-pdf.css"


def _no_fetching(url: str, *args, **kwargs):
    raise ValueError(f"Het PDF-rapport haalt geen bestanden op ({url}).")


def render(report: dict, context: dict | None = None) -> bytes:
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which only the PDF needs

    with open(finders.find(STYLESHEET), encoding="utf-8") as handle:
        stylesheet = CSS(string=handle.read(), url_fetcher=_no_fetching)
    html = render_to_string("regional/report_pdf.html", {"report": report, **(context or {})})
    return HTML(string=html, url_fetcher=_no_fetching).write_pdf(stylesheets=[stylesheet])
