"""Reading and writing tables: CSV (any common delimiter and encoding) and Excel (openpyxl); Excel exports
with a bold, filtered, frozen header, numbers as numbers (amounts in euros) and dates as dates."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class TableError(ValueError):
    """The file itself cannot be read (not a row problem)."""


@dataclass
class Table:
    headers: list[str]
    rows: list[dict[str, str]]   # one dict per data row, header -> text; row 1 is the header row


def _cell_text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(name: str, content: bytes) -> Table:
    if name.lower().endswith((".xlsx", ".xlsm")):
        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise TableError(_("Het Excel-bestand kan niet worden gelezen: %s") % exc) from exc
        values = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        if b"\x00" in content[:65536]:
            raise TableError(_("Dit bestand is geen CSV- of Excel-bestand (het bevat binaire gegevens). Kies een "
                               "CSV-bestand (.csv, .txt) of een Excel-bestand (.xlsx)."))
        for encoding in ENCODINGS:
            try:
                text = content.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t|")
        except csv.Error:
            dialect = csv.excel
        try:  # newline="": the csv module itself reads \r\n, \n and \r (old Mac) line endings
            values = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text, newline=""), dialect)]
        except csv.Error as exc:
            raise TableError(_("Het CSV-bestand kan niet worden gelezen: %s") % exc) from exc
    values = [row for row in values if any(row)]
    if not values:
        raise TableError(_("Het bestand is leeg."))
    headers = [h.strip() for h in values[0]]
    rows = [dict(zip(headers, row + [""] * (len(headers) - len(row)))) for row in values[1:]]
    return Table(headers, rows)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Number formats of an Excel export. Excel shows the separators of the reader's locale: a Dutch Excel
# reads "€ 1.234,56" and "31-12-2025" from these.
EURO_FORMAT = '"€" #,##0.00;"€" -#,##0.00'
DATE_FORMAT = "DD-MM-YYYY"
DATETIME_FORMAT = "DD-MM-YYYY HH:MM"
PERCENT_FORMAT = "0.0##%"
_BOLD = Font(bold=True)
_MIN_WIDTH, _MAX_WIDTH = 10, 60


def _plain(value):
    """A value Excel and CSV can take: numbers and dates as they are, anything else as text. Text
    that a spreadsheet would run as a formula gets a leading apostrophe (formula injection)."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal, date)):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _excel_value(value):
    """A value for an Excel cell: a time-zone aware moment as the local wall-clock time (Excel has no
    time zones), None as an empty cell, anything else as for ``_plain``."""
    if value is None:
        return None
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return _plain(value)


def _csv_cell(value):
    """A CSV cell for Dutch Excel (";"-separated): a decimal with a decimal comma and no thousands
    point ("156000,00"), so Excel reads it as the number; anything else as for Excel."""
    if isinstance(value, (Decimal, float)) and not isinstance(value, bool):
        return format(Decimal(str(value)), "f").replace(".", ",")
    return _plain(value)


def _shown_length(value) -> int:
    """About how many characters a cell needs on screen (for the column width)."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return len(f"{value:,.2f}") + 2
    return max((len(line) for line in str(value).splitlines()), default=0)


def _number_formats(headers: list[str], money: Collection[str], formats: Mapping[str, str] | None) -> dict[int, str]:
    """Column index (from 1) -> number format: ``money`` columns get the euro format, ``formats`` any other."""
    chosen = {header: EURO_FORMAT for header in money}
    chosen.update(formats or {})
    unknown = set(chosen) - set(headers)
    if unknown:
        raise ValueError(f"no such column: {', '.join(sorted(unknown))}")
    return {i: chosen[h] for i, h in enumerate(headers, start=1) if h in chosen}


def _write_row(ws, row_number: int, values: list, number_formats: dict[int, str], bold: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        cell = ws.cell(row=row_number, column=column, value=_excel_value(value))
        if isinstance(cell.value, datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(cell.value, date):
            cell.number_format = DATE_FORMAT
        elif column in number_formats and isinstance(cell.value, (int, float, Decimal)):
            cell.number_format = number_formats[column]
        if bold:
            cell.font = _BOLD


def write_table(ws, headers: list[str], rows: list[list], *, start_row: int = 1, money: Collection[str] = (),
                formats: Mapping[str, str] | None = None, totals: list[list] = (), autofilter: bool = True,
                freeze: bool = True, widths: bool = True) -> int:
    """Write a table into the sheet ``ws`` from ``start_row``: a bold header with an autofilter over the
    data (and the pane frozen under the header, so it stays in view), numbers as numbers, dates as
    dates (shown as 31-12-2025), the ``money`` columns (header names) in euros and ``formats``
    (header -> Excel number format) for other columns. ``totals`` are bold rows after the data,
    outside the autofilter (sorting or filtering the data leaves them at the bottom). Returns the
    number of the last row written."""
    number_formats = _number_formats(headers, money, formats)
    _write_row(ws, start_row, headers, {}, bold=True)
    row_number = start_row
    for row in rows:
        row_number += 1
        _write_row(ws, row_number, row, number_formats)
    last_column = get_column_letter(max(len(headers), 1))
    if autofilter:
        ws.auto_filter.ref = f"A{start_row}:{last_column}{row_number}"
    if freeze:
        ws.freeze_panes = f"A{start_row + 1}"
        ws.print_title_rows = f"{start_row}:{start_row}"   # the header on every printed page too
    for total in totals:
        row_number += 1
        _write_row(ws, row_number, total, number_formats, bold=True)
    if widths:
        for column, header in enumerate(headers, start=1):
            longest = max([_shown_length(header)] + [_shown_length(row[column - 1]) for row in [*rows, *totals]
                                                    if column <= len(row)])
            letter = get_column_letter(column)
            ws.column_dimensions[letter].width = max(_MIN_WIDTH, ws.column_dimensions[letter].width or 0,
                                                     min(_MAX_WIDTH, longest + 2))
    return row_number


def sheet_title(text: str) -> str:
    """A valid sheet name: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", "-", text)[:31] or "Blad1"


def xlsx_response(filename: str, workbook: Workbook) -> HttpResponse:
    """A workbook as a download named ``filename``.xlsx."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def table_response(filename: str, headers: list[str], rows: list[list], fmt: str, *, money: Collection[str] = (),
                   formats: Mapping[str, str] | None = None, totals: list[list] = ()) -> HttpResponse:
    """An Excel (fmt "xlsx") or CSV download of a table. Excel: a bold header with an autofilter and
    the pane frozen under it, numbers as numbers, dates as dates, the ``money`` columns (header names)
    in euros ("€ 1.234,56" in a Dutch Excel), ``formats`` (header -> number format) for others, and
    ``totals`` as bold rows after the data. The CSV (";"-separated, for Dutch Excel) writes a decimal
    with a decimal comma; its totals are plain rows at the end."""
    if fmt == "xlsx":
        wb = Workbook()
        ws = wb.active
        ws.title = sheet_title(filename)
        write_table(ws, headers, rows, money=money, formats=formats, totals=totals)
        return xlsx_response(filename, wb)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")  # so Excel opens UTF-8 correctly
    writer = csv.writer(response, delimiter=";")
    writer.writerow(headers)
    writer.writerows([_csv_cell(v) for v in row] for row in [*rows, *totals])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
