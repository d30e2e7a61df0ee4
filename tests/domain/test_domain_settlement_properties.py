"""Property tests (hypothesis) for the settlement invariants: M1 sums to the funding exactly, a
negative remainder is computed and flagged, M4 charges add up to the total cost exactly and are
proportional within a cent, break-even is the least sufficient intake."""
from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from domain.settlement import break_even, calculate
from domain.settlement.money import format_amount

cents = st.integers(min_value=0, max_value=10_000_000)          # up to € 100.000


def money(strategy=cents):
    return strategy.map(lambda c: format_amount(c))


def decimals(max_value=1000, places=2):
    return st.decimals(min_value=0, max_value=max_value, places=places,
                       allow_nan=False, allow_infinity=False).map(str)


shares = st.decimals(min_value=0, max_value=1, places=4).map(str)

m1_params = st.fixed_dictionaries({
    "student_count": st.integers(0, 500),
    "weight_sum": decimals(500, 3),
    "input_tariff": money(),
    "diplomas": st.integers(0, 500),
    "output_tariff": money(),
    "overhead_rate": shares,
    "overhead_share_vo": shares,
    "exam_cost_per_student": money(st.integers(0, 100_000)),
    "admin_cost_per_student": money(st.integers(0, 100_000)),
    "bpv_hours_per_student": decimals(100, 1),
    "bpv_hourly_rate": money(st.integers(0, 20_000)),
    "bpv_party": st.sampled_from(("vo", "mbo")),
    "hours_vo": decimals(2000, 1),
    "hours_mbo": decimals(2000, 1),
}).filter(lambda p: Decimal(p["hours_vo"]) + Decimal(p["hours_mbo"]) > 0)

AMOUNT = re.compile(r"-?\d+\.\d\d\Z")


def steps(statement):
    return {step.code: step.amount_cents for step in statement.steps}


@given(m1_params)
def test_m1_parties_add_up_to_the_funding_exactly(params):
    s = calculate("M1", params)
    a = steps(s)
    assert s.parties["vo"] + s.parties["mbo"] == a["F"]
    assert a["R"] == a["F"] - a["O"] - a["E"] - a["A"] - a["B"]
    assert abs(a["afronding"]) <= 2
    assert s.cost_covering == (a["R"] >= 0)
    assert bool(s.warnings) == (a["R"] < 0 or s.parties["vo"] < 0)
    t = s.transfer
    assert t.amount_cents == abs(s.parties["vo"]) and t.amount_cents >= 0
    assert (t.from_party, t.to_party) == (("mbo", "vo") if s.parties["vo"] >= 0 else ("vo", "mbo"))
    data = s.to_json()
    assert all(AMOUNT.match(v) for v in data["parties"].values())
    assert all(AMOUNT.match(step["amount"]) for step in data["steps"])


@given(m1_params, st.integers(1, 100_000_000))
def test_m1_negative_remainder_is_flagged_not_hidden(params, excess):
    params = {**params, "student_count": max(params["student_count"], 1)}
    a = steps(calculate("M1", params))
    # raise the admin costs so that O + E + A + B exceeds F by at least `excess` cents
    n = params["student_count"]
    admin = max(-(-(a["F"] - a["O"] - a["E"] - a["B"] + excess) // n), 0)
    s = calculate("M1", {**params, "admin_cost_per_student": format_amount(admin)})
    b = steps(s)
    assert b["R"] <= -excess < 0
    assert not s.cost_covering
    assert any("Niet kostendekkend" in w for w in s.warnings)
    assert s.parties["vo"] + s.parties["mbo"] == b["F"]
    assert b["R.vo"] + b["R.mbo"] + b["afronding"] - (b["O"] - b["O.vo"] - b["O.mbo"]) == b["R"]


m4_params = st.fixed_dictionaries({
    "total_cost": money(st.integers(0, 100_000_000)),
    "mbo_share": shares,
    "vo_schools": st.lists(st.fixed_dictionaries({
        "students": st.integers(0, 2000), "share_to_partners": shares}), min_size=1, max_size=8),
}).map(lambda p: {**p, "vo_schools": [{"name": f"School {i}", **s}
                                      for i, s in enumerate(p["vo_schools"])]}
       ).filter(lambda p: any(s["students"] and Decimal(s["share_to_partners"])
                              for s in p["vo_schools"]))


@given(m4_params)
def test_m4_charges_add_up_to_the_total_cost_and_are_proportional(params):
    s = calculate("M4", params)
    total = int(Decimal(params["total_cost"]) * 100)
    assert sum(s.parties.values()) == total
    rest = total - s.parties["mbo"]
    weights = {school["name"]: school["students"] * Fraction(Decimal(school["share_to_partners"]))
               for school in params["vo_schools"]}
    weight_sum = sum(weights.values())
    for name, weight in weights.items():
        assert abs(s.parties[name] - Fraction(rest) * weight / weight_sum) < 1
    assert sum(t.amount_cents for t in s.transfers) == rest == s.transfer.amount_cents


@given(money(), st.lists(st.fixed_dictionaries({
    "students": st.integers(0, 200), "days_at_partner": st.sampled_from(["0", "1", "2.5", "5"])}),
    min_size=1, max_size=5))
def test_m2_parties_add_up_to_the_funding(funding, lines):
    s = calculate("M2", {"funding_per_student": funding, "lines": lines})
    assert s.parties["vo"] + s.parties["mbo"] == steps(s)["F"]
    assert s.transfer.amount_cents == s.parties["mbo"] >= 0


@given(st.lists(st.fixed_dictionaries({
    "partner": st.sampled_from(["P", "Q", "R"]), "hours": decimals(500, 2),
    "hourly_rate": money(st.integers(0, 20_000))}), min_size=1, max_size=5))
def test_m3_net_receipts_add_up_to_zero(lines):
    s = calculate("M3", {"lines": lines})
    assert sum(s.parties.values()) == 0
    assert sum(t.amount_cents for t in s.transfers) == -s.parties["vo"]


@given(st.integers(0, 10**9), st.integers(0, 10**7), st.integers(1, 10**7))
def test_break_even_is_the_least_sufficient_intake(group, variable, margin):
    n = break_even(format_amount(group), format_amount(variable + margin),
                   format_amount(variable))
    assert n * margin >= group
    assert n == 0 or (n - 1) * margin < group
