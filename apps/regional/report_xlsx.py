"""The regional report as an Excel workbook (XlsxWriter): one sheet per table, numbers as numbers (a
suppressed count stays its text, "<5" or "x"), a bold header, an autofilter, the header row frozen,
and figures 1-3 as native Excel bar charts drawn from their own sheets' cells."""
from __future__ import annotations

import io
import re

import xlsxwriter
from django.utils.translation import gettext as _

SHEET_NAME_LIMIT = 31
INVALID_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def render(report: dict) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1, "text_wrap": True, "valign": "top"})
    title = book.add_format({"bold": True, "font_size": 14})
    _sheet(book, bold, _("Praktijken"), [
        (_("Route"), "route", 50), (_("Vo-school"), "vo_schools", 40), (_("Bestuur"), "boards", 34),
        (_("Mbo-instelling"), "mbo", 34), (_("Fase"), "phase_label", 22), (_("Type"), "type_label", 20),
        (_("Programmalabel"), "programme_label", 28), (_("Bestaand / in ontwikkeling"), "status", 16)],
        report["practices"], heading=(title, _("Praktijken in %(region)s, schooljaar %(year)s") % {
            "region": report["region"]["name"], "year": report["school_year_label"]}))
    for key in ("by_level", "by_richting", "by_type"):
        _figure_sheet(book, bold, report["figures"][key])
    _sheet(book, bold, _("Leerlingen per route"), [
        (_("Route"), "route", 50), (_("Leerlingen"), "total", 12), (_("Vo-fase (bekostigd)"), "vo_fase", 14),
        (_("Mbo-fase (bekostigd)"), "mbo_fase", 14)], report["students"])
    _sheet(book, bold, _("Resultaten"), [
        (_("Route"), "route", 50), (_("KPI"), "kpi", 8), (_("Parameter"), "parameter", 10),
        (_("Omschrijving"), "label", 40), (_("Van"), "of", 18), (_("Streefcijfer"), "target", 12),
        (_("Resultaat"), "value", 12), (_("Gehaald"), "met_label", 10)],
        [dict(row, met_label=_met(row.get("met"))) for row in report["results"]])
    _sheet(book, bold, _("Succes na doorstroom"), [
        (_("Route"), "route", 50), (_("Cohort"), "cohort_label", 12), (_("Doorstromers"), "doorstromers", 14),
        (_("Met diploma op hoger niveau"), "followed", 16), (_("Succes na doorstroom (%)"), "percent", 14)],
        report.get("succes", []))
    coverage = report.get("coverage") or {}
    for table in coverage.get("tables", []):
        _sheet(book, bold, table["sheet"], [(c["label"], c["key"], 30) for c in table["columns"]], table["rows"],
               heading=(title, table["title"]))
    _sheet(book, bold, _("Continuïteitsrisico's"), [
        (_("Route"), "route", 50), (_("Regel"), "rule", 8), (_("Risico"), "kind", 20),
        (_("Toelichting"), "message", 90)],
        report["risks"])
    book.close()
    return out.getvalue()


def _met(met) -> str:
    return "" if met is None else (_("ja") if met else _("nee"))


def _sheet(book, bold, name: str, columns: list[tuple[str, str, int]], rows: list[dict], heading=None):
    sheet = book.add_worksheet(INVALID_IN_SHEET_NAME.sub("-", name)[:SHEET_NAME_LIMIT])
    first = 0
    if heading:
        sheet.write(0, 0, heading[1], heading[0])
        first = 2
    for col, (label, _key, width) in enumerate(columns):
        sheet.write(first, col, label, bold)
        sheet.set_column(col, col, width)
    for r, row in enumerate(rows, start=first + 1):
        for col, (_label, key, _width) in enumerate(columns):
            _cell(sheet, r, col, row.get(key))
    sheet.freeze_panes(first + 1, 0)
    sheet.autofilter(first, 0, first + max(len(rows), 1), len(columns) - 1)
    return sheet


def _cell(sheet, row: int, col: int, value) -> None:
    if isinstance(value, bool) or value is None:
        sheet.write_string(row, col, "" if value is None else str(value))
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value)
    else:
        sheet.write_string(row, col, str(value))


def _figure_sheet(book, bold, figure: dict) -> None:
    """The figure's table and a native stacked bar chart of it on the same sheet."""
    series = figure["series"]
    columns = [(figure["label_header"], "label", 44)] + [(s["label"], s["key"], 16) for s in series] + [
        (_("Totaal"), "total", 10)]
    rows = [dict({"label": label, "total": figure["totals"][i]}, **{s["key"]: s["values"][i] for s in series})
            for i, label in enumerate(figure["labels"])]
    name = figure["title"].split(". ", 1)[0][:SHEET_NAME_LIMIT]   # "Figuur 1"
    sheet = _sheet(book, bold, name, columns, rows)
    if not rows:
        return
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    last = len(rows)
    for index, s in enumerate(series, start=1):
        chart.add_series({"name": [sheet.name, 0, index], "categories": [sheet.name, 1, 0, last, 0],
                          "values": [sheet.name, 1, index, last, index]})
    chart.set_title({"name": figure["title"]})
    chart.set_x_axis({"name": _("Aantal routes"), "major_unit": 1})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 640, "height": 120 + 26 * last})
    sheet.insert_chart(1, len(columns) + 1, chart)
