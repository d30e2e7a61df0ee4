"""The chart description: what the canvas draws and what the table under it says are the same numbers."""
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from apps.core.lib.charts import Chart, Kind, Series


def _chart():
    return Chart(id="flow", kind=Kind.FLOW, title="Cohort 2023", labels=["2023-2024", "2024-2025"],
                 label_header="Schooljaar",
                 series=[Series("In route", [20, 15]), Series("Uitval", [None, 7], shown=["<5", "7"]),
                         Series("K-02", [Decimal("5.1"), None], target=True)])


def test_data_is_plain_json_with_hidden_values_as_null():
    data = _chart().data()
    assert data["labels"] == ["2023-2024", "2024-2025"]
    assert data["datasets"][1] == {"label": "Uitval", "data": [None, 7], "target": False}
    assert data["datasets"][2]["data"] == [5.1, None] and data["datasets"][2]["target"] is True


def test_table_rows_show_the_suppressed_text_and_a_dash_for_no_value():
    assert _chart().rows() == [("2023-2024", ["20", "<5", "5.1"]), ("2024-2025", ["15", "7", "–"])]


def test_a_series_needs_one_value_per_label():
    with pytest.raises(ValueError):
        Chart(id="x", kind=Kind.BARS, title="x", labels=["a", "b"], series=[Series("s", [1])])
    with pytest.raises(ValueError):
        Series("s", [1, 2], shown=["1"])


def test_template_writes_canvas_data_island_and_table():
    html = render_to_string("core/_chart.html", {"chart": _chart()})
    assert '<canvas data-chart="flow" data-source="flow-data"' in html
    assert '<script id="flow-data" type="application/json">' in html
    assert "<summary>Tabel</summary>" in html and "<td class=\"num\">&lt;5</td>" in html
    assert "style=" not in html
