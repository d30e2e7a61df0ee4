"""M2 Aandeel bekostiging naar dagen (TOT route).

The funded party (the vo-school) pays the mbo a fraction of its per-student funding, per
leerjaar, by the days per week taught at the mbo. Per line:
students × funding per student × days at partner / days per week, rounded half up to cents.
The mbo invoices the sum to the vo-school (transfer vo → mbo).

``parties``: each party's share of the funding F = funding per student × all students of the
lines, as in M1: {"vo": F − invoiced total (what the vo-school keeps), "mbo": invoiced total};
they add up to F exactly. Example: 25 × 9.000 × 1/5 + 22 × 9.000 × 4/5 = 203.400 (mbo);
F = 47 × 9.000 = 423.000, so vo 219.600.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from domain.settlement.base import Reader, Statement, Step, Transfer, check_limit, sum_text
from domain.settlement.money import (
    format_nl as nl, format_number as num, round_half_up,
)

NAME = "Aandeel bekostiging naar dagen"


def calculate_m2(parameters: Any) -> Statement:
    p = Reader(parameters)
    funding = p.money("funding_per_student")
    days_per_week = p.number("days_per_week", default=5, positive=True)
    lines = []
    for line in p.items("lines", min_items=1):
        students = line.count("students")
        days = line.number("days_at_partner", maximum=days_per_week)
        line.finish()
        lines.append((line.path, students, days))
    p.finish()

    students_total = sum(students for _, students, _ in lines)
    F = funding * students_total
    check_limit("funding_per_student", F)
    steps = [Step("F", f"Bekostiging vo-school F = bekostiging per student × studenten = "
                       f"{nl(funding)} × {num(students_total)} = {nl(F)}", F)]
    amounts = []
    for i, (path, students, days) in enumerate(lines):
        amount = round_half_up(funding * students * Fraction(days) / Fraction(days_per_week))
        amounts.append(amount)
        steps.append(Step(path, f"Regel {i + 1}: studenten × bekostiging per student × dagen bij "
                                f"het mbo / dagen per week = {num(students)} × {nl(funding)} × "
                                f"{num(days)}/{num(days_per_week)} = {nl(amount)}",
                          amount, "mbo"))
    mbo_total = sum(amounts)
    vo_total = F - mbo_total
    transfer = Transfer("vo", "mbo", mbo_total)
    steps += [
        Step("totaal.mbo", f"Totaal mbo = som van de regels = {sum_text(amounts)} = "
                           f"{nl(mbo_total)}", mbo_total, "mbo"),
        Step("totaal.vo", f"Totaal vo-school = F − totaal mbo = {nl(F)} − {nl(mbo_total)} = "
                          f"{nl(vo_total)}", vo_total, "vo"),
        Step("overdracht", f"Overdracht: het mbo factureert de vo-school {nl(mbo_total)}",
             mbo_total, "mbo"),
    ]
    return Statement(model="M2", name=NAME, inputs=p.inputs, steps=tuple(steps),
                     parties={"vo": vo_total, "mbo": mbo_total}, transfer=transfer,
                     transfers=(transfer,))
