"""The Excel export (``table_response``) read back with openpyxl: a bold header with an autofilter over
the data and the pane frozen under it, numbers and amounts as numbers (money columns in euros), dates
as dates, totals after the filtered data; the CSV keeps its decimal comma."""
import io
from datetime import UTC, date, datetime
from decimal import Decimal

from django.utils import timezone
from openpyxl import load_workbook

from apps.core.lib.tabular import DATE_FORMAT, DATETIME_FORMAT, EURO_FORMAT, table_response

HEADERS = ["route", "datum", "bedrag", "leerlingen", "moment"]
ROWS = [["TOT", date(2025, 10, 1), Decimal("90708.00"), 20, datetime(2025, 10, 1, 12, 30, tzinfo=UTC)],
        ["=HYPERLINK(\"x\")", date(2026, 7, 31), Decimal("-12.50"), 0, None]]


def _sheet(response):
    return load_workbook(io.BytesIO(response.content)).active


def test_excel_header_types_and_formats():
    response = table_response("afrekeningen", HEADERS, ROWS, "xlsx", money=["bedrag"],
                              totals=[["Totaal", None, Decimal("90695.50"), 20, None]])
    assert response["Content-Disposition"] == 'attachment; filename="afrekeningen.xlsx"'
    ws = _sheet(response)
    assert [c.value for c in ws[1]] == HEADERS and all(c.font.b for c in ws[1])
    assert ws.auto_filter.ref == "A1:E3"            # the data, not the total row
    assert ws.freeze_panes == "A2"
    amount = ws["C2"]
    assert amount.data_type == "n" and amount.value == 90708 and amount.number_format == EURO_FORMAT
    assert ws["C3"].value == -12.5 and ws["C3"].number_format == EURO_FORMAT
    assert ws["D2"].value == 20 and ws["D2"].number_format == "General"   # a count is a plain number
    assert isinstance(ws["B2"].value, datetime) and ws["B2"].value.date() == date(2025, 10, 1)
    assert ws["B2"].number_format == DATE_FORMAT
    local = timezone.localtime(ROWS[0][4]).replace(tzinfo=None)                         # Excel has no zones
    assert ws["E2"].number_format == DATETIME_FORMAT and ws["E2"].value == local
    assert ws["A3"].value.startswith("'=")                                             # no formula
    assert ws["A4"].value == "Totaal" and ws["A4"].font.b and ws["C4"].number_format == EURO_FORMAT


def test_unknown_money_column_is_a_programming_error():
    try:
        table_response("x", HEADERS, ROWS, "xlsx", money=["bedrgA"])
    except ValueError as error:
        assert "bedrgA" in str(error)
    else:
        raise AssertionError("an unknown money column must be refused")


def test_csv_keeps_the_decimal_comma_and_appends_totals():
    response = table_response("x", HEADERS, ROWS, "csv", money=["bedrag"], totals=[["Totaal", "", Decimal("1.50")]])
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == ";".join(HEADERS)
    assert lines[1].split(";")[:4] == ["TOT", "2025-10-01", "90708,00", "20"]
    assert lines[-1] == "Totaal;;1,50"
