"""Settlement models M1..M5 and break-even: the worked examples of domain.md section 6 to the
cent, the statement's JSON shape, validation with parameter paths and the money helpers."""
from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest

from domain.settlement import MODELS, ParameterError, Transfer, break_even, calculate
from domain.settlement.m4 import largest_remainder
from domain.settlement.money import (
    NBSP,
    format_amount,
    format_eur,
    format_nl,
    format_number,
    format_percent,
    round_half_up,
    to_cents,
    to_decimal,
)

M1 = {
    "student_count": 20, "weight_sum": "20.0", "input_tariff": "6000", "diplomas": 18,
    "output_tariff": "2000.00", "overhead_rate": "0.07", "exam_cost_per_student": 400,
    "admin_cost_per_student": 150, "bpv_hours_per_student": 10, "bpv_hourly_rate": 60,
    "bpv_party": "vo", "hours_vo": 600, "hours_mbo": 400,
}
M2 = {"funding_per_student": 9000,
      "lines": [{"students": 25, "days_at_partner": 1}, {"students": 22, "days_at_partner": 4}]}
M3 = {"lines": [{"partner": "ROC Aventus", "hours": 240, "hourly_rate": 50},
                {"partner": "Graafschap College", "hours": "12.5", "hourly_rate": "50.00"}],
      "fixed_items": [{"description": "Lesmateriaal", "amount": "1250"},
                      {"description": "Busvervoer", "amount": 800,
                       "partner": "Graafschap College"}]}
M4 = {"total_cost": 120000, "mbo_share": "0.5",
      "vo_schools": [{"name": "A", "students": 200, "share_to_partners": "0.8"},
                     {"name": "B", "students": 100, "share_to_partners": "0.5"},
                     {"name": "C", "students": 150, "share_to_partners": "0.6"}]}
EXAMPLES = {"M1": M1, "M2": M2, "M3": M3, "M4": M4, "M5": {}}


def amounts(statement):
    return {step.code: step.amount_cents for step in statement.steps}


def with_(params, **changes):
    return {**params, **changes}


# -- worked examples ------------------------------------------------------------------------

def test_m1_worked_example():
    s = calculate("M1", M1)
    steps = amounts(s)
    assert steps["F"] == 156_000_00
    assert (steps["O"], steps["O.vo"], steps["O.mbo"]) == (10_920_00, 5_460_00, 5_460_00)
    assert (steps["E"], steps["A"], steps["B"]) == (8_000_00, 3_000_00, 12_000_00)
    assert (steps["R"], steps["R.vo"], steps["R.mbo"]) == (122_080_00, 73_248_00, 48_832_00)
    assert steps["afronding"] == 0
    assert s.parties == {"vo": 90_708_00, "mbo": 65_292_00}
    assert s.transfer == Transfer("mbo", "vo", 90_708_00)
    assert s.cost_covering and not s.warnings
    f = next(step for step in s.steps if step.code == "F")
    assert f.description.endswith("= 6.000,00 × 20,0 + 2.000,00 × 18 = 156.000,00")


def test_m1_to_json_is_the_api_shape():
    data = calculate("M1", M1).to_json()
    assert set(data) == {"parties", "transfer", "steps"}
    assert data["parties"] == {"vo": "90708.00", "mbo": "65292.00"}
    assert data["transfer"] == {"from": "mbo", "to": "vo", "amount": "90708.00"}
    assert data["steps"][0] == {
        "code": "F", "amount": "156000.00", "party": None,
        "description": "Bekostiging F = inputtarief × som gewichten + outputtarief × diploma's "
                       "= 6.000,00 × 20,0 + 2.000,00 × 18 = 156.000,00"}
    assert [step["code"] for step in data["steps"]] == [
        "F", "O", "O.vo", "O.mbo", "E", "A", "B", "R", "R.vo", "R.mbo", "afronding",
        "totaal.vo", "totaal.mbo", "overdracht"]
    assert all(set(step) == {"code", "description", "amount", "party"} for step in data["steps"])
    json.dumps(calculate("M1", M1).to_json(full=True))


def test_m1_bpv_to_mbo_and_default_overhead_share():
    s = calculate("M1", with_(M1, bpv_party="mbo", overhead_share_vo="0.25"))
    steps = amounts(s)
    assert (steps["O.vo"], steps["O.mbo"]) == (2_730_00, 8_190_00)
    assert s.parties["vo"] == 2_730_00 + 73_248_00
    assert s.parties["mbo"] == 156_000_00 - s.parties["vo"]
    assert calculate("M1", M1).inputs["overhead_share_vo"] == "0.5"


def test_m1_rounding_remainder_goes_to_the_funded_mbo():
    # R = 0,03 split 1:1 → 0,015 each → both round half up to 0,02; the -0,01 goes to the mbo
    params = with_(M1, student_count=0, weight_sum=0, diplomas=1, output_tariff="0.03",
                   overhead_rate=0, hours_vo=1, hours_mbo=1)
    s = calculate("M1", params)
    steps = amounts(s)
    assert (steps["F"], steps["R"], steps["R.vo"], steps["R.mbo"]) == (3, 3, 2, 2)
    assert steps["afronding"] == -1
    assert s.parties == {"vo": 2, "mbo": 1}
    assert "− 0,01" in next(st.description for st in s.steps if st.code == "totaal.mbo")


def test_m1_costs_above_funding_are_computed_and_flagged():
    s = calculate("M1", with_(M1, exam_cost_per_student=8000))
    steps = amounts(s)
    assert steps["R"] == 156_000_00 - 10_920_00 - 160_000_00 - 3_000_00 - 12_000_00 < 0
    assert not s.cost_covering
    assert any("Niet kostendekkend" in w for w in s.warnings)
    assert sum(s.parties.values()) == steps["F"]
    assert s.parties["vo"] < 0
    assert s.transfer == Transfer("vo", "mbo", -s.parties["vo"])
    assert s.to_json(full=True)["cost_covering"] is False


def test_m2_worked_example():
    s = calculate("M2", M2)
    assert [amounts(s)[c] for c in ("lines[0]", "lines[1]")] == [45_000_00, 158_400_00]
    assert amounts(s)["F"] == 423_000_00
    assert s.parties == {"vo": 219_600_00, "mbo": 203_400_00}
    assert s.transfer == Transfer("vo", "mbo", 203_400_00)
    assert s.to_json()["transfer"] == {"from": "vo", "to": "mbo", "amount": "203400.00"}
    assert s.inputs["days_per_week"] == "5"


def test_m2_rounds_each_line_half_up():
    s = calculate("M2", {"funding_per_student": "0.05", "days_per_week": 2,
                         "lines": [{"students": 1, "days_at_partner": 1}]})
    assert s.parties["mbo"] == 3     # 5 cents × 1/2 = 2,5 cents → 3
    assert s.parties["vo"] == 2


def test_m3_hourly_rate_with_fixed_items():
    s = calculate("M3", M3)
    steps = amounts(s)
    assert steps["lines[0]"] == 12_000_00 and steps["lines[1]"] == 625_00
    assert s.parties == {"ROC Aventus": 13_250_00, "Graafschap College": 1_425_00,
                         "vo": -14_675_00}
    assert s.transfers == (Transfer("vo", "ROC Aventus", 13_250_00),
                           Transfer("vo", "Graafschap College", 1_425_00))
    assert s.transfer == Transfer("vo", "ROC Aventus, Graafschap College", 14_675_00)
    assert s.inputs["fixed_items"][0]["partner"] == "ROC Aventus"   # first line's partner


def test_m3_single_partner_het_element():
    s = calculate("M3", {"lines": [{"partner": "Rijn IJssel", "hours": 320, "hourly_rate": 50}]})
    assert s.parties == {"Rijn IJssel": 16_000_00, "vo": -16_000_00}
    assert s.to_json()["transfer"] == {"from": "vo", "to": "Rijn IJssel", "amount": "16000.00"}


def test_m4_worked_example():
    s = calculate("M4", M4)
    assert s.parties == {"mbo": 60_000_00, "A": 32_000_00, "B": 10_000_00, "C": 18_000_00}
    assert s.transfers == (Transfer("A", "mbo", 32_000_00), Transfer("B", "mbo", 10_000_00),
                           Transfer("C", "mbo", 18_000_00))
    assert s.transfer == Transfer("A, B, C", "mbo", 60_000_00)
    assert "200 × 80% = 160; bijdrage = 160/300 × 60.000,00 = 32.000,00" in \
        next(step.description for step in s.steps if step.code == "vo_schools[0]")


def test_m4_largest_remainder_adds_up_exactly():
    s = calculate("M4", {"total_cost": 100, "mbo_share": 0, "vo_schools": [
        {"name": n, "students": 1, "share_to_partners": 1} for n in ("X", "Y", "Z")]})
    assert s.parties == {"mbo": 0, "X": 33_34, "Y": 33_33, "Z": 33_33}
    assert largest_remainder(5, [Fraction(1), Fraction(1), Fraction(2)]) == [1, 1, 3]
    assert largest_remainder(7, [Fraction(0), Fraction(0)]) == [0, 0]


def test_m4_all_to_mbo_needs_no_weights():
    s = calculate("M4", {"total_cost": 500, "mbo_share": 1,
                         "vo_schools": [{"name": "A", "students": 0, "share_to_partners": 0}]})
    assert s.parties == {"mbo": 500_00, "A": 0}
    assert s.transfer.amount_cents == 0


def test_m5_closed_purses():
    s = calculate("M5", {})
    assert s.to_json() == {
        "parties": {"vo": "0.00", "mbo": "0.00"},
        "transfer": {"from": None, "to": None, "amount": "0.00"},
        "steps": [{"code": "M5", "amount": "0.00", "party": None,
                   "description": "Gesloten beurzen: geen overdracht. Elke partij draagt en "
                                  "registreert haar eigen kosten."}]}
    assert calculate("M5", None).parties == {"vo": 0, "mbo": 0}


@pytest.mark.parametrize("model", sorted(EXAMPLES))
def test_inputs_are_normalized_and_reproduce_the_statement(model):
    s = calculate(model, EXAMPLES[model])
    assert calculate(model, json.loads(json.dumps(s.inputs))) == s
    assert s.name == MODELS[model]


def test_floats_from_json_are_exact():
    s = calculate("M1", json.loads(json.dumps(with_(M1, overhead_rate=0.07, weight_sum=20.0,
                                                    input_tariff=6000.0))))
    assert s.parties == calculate("M1", M1).parties


# -- break-even -----------------------------------------------------------------------------

def test_break_even_worked_example():
    assert break_even(90000, 7000, 1000) == 15
    assert break_even("90000.01", "7000", "1000") == 16
    assert break_even(0, 1, 0) == 0
    assert break_even("100", "0.03", "0.00") == 3334


@pytest.mark.parametrize("args, parameter", [
    ((90000, 1000, 1000), "income_per_student"),
    ((90000, 900, 1000), "income_per_student"),
    ((-1, 7000, 1000), "group_cost"),
    ((90000, 7000, -5), "variable_cost_per_student"),
    ((None, 7000, 1000), "group_cost"),
    (("veel", 7000, 1000), "group_cost"),
])
def test_break_even_errors(args, parameter):
    with pytest.raises(ParameterError) as exc:
        break_even(*args)
    assert exc.value.parameter == parameter


# -- validation -----------------------------------------------------------------------------

@pytest.mark.parametrize("model, params, parameter", [
    ("M1", with_(M1, overhead_rate="1.5"), "overhead_rate"),
    ("M1", with_(M1, overhead_share_vo="-0.1"), "overhead_share_vo"),
    ("M1", with_(M1, hours_vo=-1), "hours_vo"),
    ("M1", with_(M1, hours_vo=0, hours_mbo=0), "hours_vo"),
    ("M1", with_(M1, student_count="20.5"), "student_count"),
    ("M1", with_(M1, student_count=True), "student_count"),
    ("M1", with_(M1, input_tariff="6000.001"), "input_tariff"),
    ("M1", with_(M1, input_tariff="6.000,00"), "input_tariff"),
    ("M1", with_(M1, output_tariff=-2000), "output_tariff"),
    ("M1", with_(M1, bpv_party="leerbedrijf"), "bpv_party"),
    ("M1", {k: v for k, v in M1.items() if k != "diplomas"}, "diplomas"),
    ("M1", with_(M1, diplomas=None), "diplomas"),
    ("M1", with_(M1, overhead_share=0.5), "overhead_share"),
    ("M1", with_(M1, weight_sum=float("nan")), "weight_sum"),
    ("M1", [], "parameters"),
    ("M2", with_(M2, lines=[{"students": 25, "days_at_partner": 6}]), "lines[0].days_at_partner"),
    ("M2", with_(M2, lines=[{"students": 1, "days_at_partner": 1},
                            {"students": -2, "days_at_partner": 1}]), "lines[1].students"),
    ("M2", with_(M2, lines=[]), "lines"),
    ("M2", with_(M2, lines=[5]), "lines[0]"),
    ("M2", with_(M2, days_per_week=0), "days_per_week"),
    ("M2", with_(M2, lines=[{"students": 1, "days": 1}]), "lines[0].days_at_partner"),
    ("M3", {"lines": [{"partner": "P", "hours": 1, "hourly_rate": 50},
                      {"partner": "Q", "hours": -3, "hourly_rate": 50}]}, "lines[1].hours"),
    ("M3", {"lines": [{"partner": "vo", "hours": 1, "hourly_rate": 50}]}, "lines[0].partner"),
    ("M3", {"lines": [{"partner": " ", "hours": 1, "hourly_rate": 50}]}, "lines[0].partner"),
    ("M3", {"lines": [{"partner": "P", "hours": 1, "hourly_rate": 50}],
            "fixed_items": [{"description": "Bus", "amount": 10, "partner": "Q"}]},
     "fixed_items[0].partner"),
    ("M3", {"lines": [{"partner": "P", "hours": 1, "hourly_rate": 50}],
            "fixed_items": [{"description": "Bus", "amount": -10}]}, "fixed_items[0].amount"),
    ("M4", with_(M4, mbo_share="1.01"), "mbo_share"),
    ("M4", with_(M4, vo_schools=[{"name": "A", "students": 10, "share_to_partners": 2}]),
     "vo_schools[0].share_to_partners"),
    ("M4", with_(M4, vo_schools=[{"name": "A", "students": 0, "share_to_partners": 0.5}]),
     "vo_schools"),
    ("M4", with_(M4, vo_schools=[{"name": "A", "students": 1, "share_to_partners": 0.5},
                                 {"name": "A", "students": 1, "share_to_partners": 0.5}]),
     "vo_schools[1].name"),
    ("M4", with_(M4, vo_schools=[{"name": "mbo", "students": 1, "share_to_partners": 0.5}]),
     "vo_schools[0].name"),
    ("M5", {"total_cost": 1}, "total_cost"),
    ("M6", {}, "model"),
])
def test_invalid_parameters_name_the_parameter(model, params, parameter):
    with pytest.raises(ParameterError) as exc:
        calculate(model, params)
    assert exc.value.parameter == parameter
    assert str(exc.value) == exc.value.message and exc.value.message
    if model != "M6":
        assert f"({parameter})" in exc.value.message


def test_error_messages_are_dutch_and_count_lines_from_one():
    with pytest.raises(ParameterError) as exc:
        calculate("M2", with_(M2, lines=[{"students": 1, "days_at_partner": 1},
                                         {"students": 1, "days_at_partner": 9}]))
    assert exc.value.message == ("Dagen per week bij de partner (lines[1].days_at_partner), "
                                 "regel 2: mag niet groter zijn dan 5.")
    with pytest.raises(ParameterError) as exc:
        calculate("M1", with_(M1, overhead_rate=7))
    assert exc.value.message.startswith("Overheadpercentage (overhead_rate): moet tussen 0 en 1")


# -- money ----------------------------------------------------------------------------------

def test_money_parsing():
    assert to_cents("156000") == to_cents("156000.00") == to_cents(156000) == 15_600_000
    assert to_cents(Decimal("0.1")) == to_cents(0.1) == to_cents(".1") == 10
    assert to_cents(" -12.5 ") == -1250
    assert to_decimal(0.07) == Decimal("0.07")
    for bad in ("1,5", "1e3", "", "abc", True, None, float("inf"), [1], "1" * 20, "0.001"):
        with pytest.raises(ValueError):
            to_cents(bad)


def test_round_half_up():
    assert [round_half_up(Fraction(n, 2)) for n in (-3, -1, 1, 3, 5)] == [-2, -1, 1, 2, 3]
    assert round_half_up(Decimal("2.4999")) == 2 and round_half_up(7) == 7


def test_formatting():
    assert format_amount(9_070_800) == "90708.00"
    assert format_amount(-5) == "-0.05" and format_amount(0) == "0.00"
    assert format_nl(9_070_800) == "90.708,00" and format_nl(-123_456) == "-1.234,56"
    assert format_eur(9_070_800) == f"€{NBSP}90.708,00"
    assert format_eur(-123_456) == f"€{NBSP}-1.234,56"
    assert format_number(Decimal("20.0")) == "20,0" and format_number(1200) == "1.200"
    assert format_number(Decimal("1234.5")) == "1.234,5"
    assert format_percent(Decimal("0.07")) == "7%" and format_percent(Decimal("0.075")) == "7,5%"
    assert format_percent(Decimal("1")) == "100%" and format_percent(Decimal("0.50")) == "50%"
