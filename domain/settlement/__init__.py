"""Settlement between route partners (domain.md section 6): models M1..M5 and break-even.

Pure Python (stdlib only), amounts exact in ``int`` cents (never floats): every step is rounded
half up (halves away from zero) to cents where it is computed.

Public API::

    calculate(model: str, parameters: Mapping) -> Statement      # model "M1".."M5"
    break_even(group_cost, income_per_student, variable_cost_per_student) -> int
    Statement(model, name, inputs, steps, parties, transfer, transfers, cost_covering, warnings)
        .to_json(full=False) -> {"parties": {party: "90708.00"}, "transfer": {"from", "to",
        "amount"}, "steps": [{"code", "description", "amount", "party"}]}
    Step(code, description, amount_cents, party), Transfer(from_party, to_party, amount_cents)
    ParameterError(ValueError): .parameter (path such as "lines[1].hours"), .message (Dutch)
    MODELS: {"M1": "Verdeelmodel lessentabel", ...}

What ``Statement.parties`` holds, per model (cents; the transfer is always separate and ≥ 0):

* M1 Verdeelmodel lessentabel: each party's share of the funding F, {"vo", "mbo"}; vo + mbo = F
  exactly (rounding remainder on the funded mbo). Transfer mbo → vo of vo's share.
* M2 Aandeel bekostiging naar dagen: each party's share of the vo-school's funding
  F = funding per student × students, {"vo": what the vo-school keeps, "mbo": what it invoices};
  vo + mbo = F. Transfer vo → mbo of the invoiced total.
* M3 Uurtarief: net receipts, {partner: what it receives, ..., "vo": −total paid}; sum 0.
  Transfers vo → each partner.
* M4 Kostendeling netwerk: each party's charge, its part of the total cost C,
  {"mbo": ..., school name: ...}; sum C exactly. Transfers school → mbo (the mbo carries the
  shared costs).
* M5 Gesloten beurzen: {"vo": 0, "mbo": 0}; transfer from/to None, amount 0.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from domain.settlement.base import ParameterError, Statement, Step, Transfer, error
from domain.settlement.m1 import calculate_m1
from domain.settlement.m2 import calculate_m2
from domain.settlement.m3 import calculate_m3
from domain.settlement.m4 import calculate_m4
from domain.settlement.m5 import calculate_m5
from domain.settlement.money import format_amount, format_eur, format_nl, round_half_up, to_cents, to_decimal

MODELS = {
    "M1": "Verdeelmodel lessentabel",
    "M2": "Aandeel bekostiging naar dagen",
    "M3": "Uurtarief",
    "M4": "Kostendeling netwerk",
    "M5": "Gesloten beurzen",
}

_CALCULATORS: dict[str, Callable[[Any], Statement]] = {
    "M1": calculate_m1, "M2": calculate_m2, "M3": calculate_m3, "M4": calculate_m4,
    "M5": calculate_m5,
}


def calculate(model: str, parameters: Mapping[str, Any] | None) -> Statement:
    """The statement of ``model`` ("M1".."M5") for ``parameters`` (numbers or decimal strings).
    Raises ParameterError naming the parameter ("model" for an unknown model)."""
    if not isinstance(model, str) or model not in _CALCULATORS:
        raise ParameterError("model", f"Model (model): onbekend model {model!r}; kies uit "
                                      f"{', '.join(MODELS)}.")
    if parameters is None:
        parameters = {}
    return _CALCULATORS[model](parameters)


def break_even(group_cost: Any, income_per_student: Any, variable_cost_per_student: Any) -> int:
    """The minimum intake at which a route covers its costs: the least n with
    n × (i − v) ≥ G, i.e. ceil(G / (i − v)), computed exactly on cents. Amounts in euro as for
    the models (``90000``, ``"7000.00"``); ParameterError when one is missing, invalid or
    negative, or when the income per student is not above the variable cost per student."""
    values = {}
    for name, value in (("group_cost", group_cost), ("income_per_student", income_per_student),
                        ("variable_cost_per_student", variable_cost_per_student)):
        if value is None:
            raise error(name, "ontbreekt.")
        try:
            values[name] = to_cents(value)
        except ValueError as exc:
            raise error(name, f"{exc}.") from None
        if values[name] < 0:
            raise error(name, "mag niet negatief zijn.")
    margin = values["income_per_student"] - values["variable_cost_per_student"]
    if margin <= 0:
        raise error("income_per_student", "moet hoger zijn dan de variabele kosten per student, "
                                          "anders dekt geen enkele groepsgrootte de kosten.")
    return -(-values["group_cost"] // margin)


__all__ = [
    "MODELS", "ParameterError", "Statement", "Step", "Transfer", "break_even", "calculate",
    "format_amount", "format_eur", "format_nl", "round_half_up", "to_cents", "to_decimal",
]
