"""Reading and writing tables: CSV (any common delimiter and encoding) and Excel (openpyxl)."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
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


def _plain(value):
    """A value Excel and CSV can take: numbers and dates as they are, anything else as text. Text
    that a spreadsheet would run as a formula gets a leading apostrophe (formula injection)."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal, date)):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv_cell(value):
    """A CSV cell for Dutch Excel (";"-separated): a decimal with a decimal comma and no thousands
    point ("156000,00"), so Excel reads it as the number; anything else as for Excel."""
    if isinstance(value, (Decimal, float)) and not isinstance(value, bool):
        return format(Decimal(str(value)), "f").replace(".", ",")
    return _plain(value)


def table_response(filename: str, headers: list[str], rows: list[list], fmt: str) -> HttpResponse:
    """An Excel (fmt "xlsx") or CSV download of a table. Numbers stay numbers in Excel; in the CSV
    (";"-separated, for Dutch Excel) a decimal is written with a decimal comma."""
    if fmt == "xlsx":
        wb = Workbook()
        ws = wb.active
        ws.title = filename[:31]
        ws.append(headers)
        for row in rows:
            ws.append([_plain(v) for v in row])
        for i, header in enumerate(headers, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(12, min(50, len(header) + 4))
        ws.freeze_panes = "A2"
        buffer = io.BytesIO()
        wb.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # so Excel opens UTF-8 correctly
        writer = csv.writer(response, delimiter=";")
        writer.writerow(headers)
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
