"""M2 Aandeel bekostiging naar dagen (TOT route).

The funded party (the vo-school) pays the mbo a fraction of its per-student funding, per
leerjaar, by the days per week taught at the mbo. Per line:
students × funding per student × days at partner / days per week, rounded half up to cents.
The mbo invoices the sum to the vo-school (transfer vo → mbo).

``parties``: each party's share of the funding F = funding per student × all students of the
lines, as in M1: {"vo": F − invoiced total (what the vo-school keeps), "mbo": invoiced total};
they add up to F exactly. Example: 25 × 9.000 × 1/5 + 22 × 9.000 × 4/5 = 203.400 (mbo);
F = 47 × 9.000 = 423.000, so vo 219.600.

Several vo-schools (TOT: De Uilenhof and Insula each receive invoices from Da Vinci): every line
names its ``vo_school``, and each vo-school gets its own invoice for its own students. Then
``parties`` holds each vo-school by name (F of its students − its invoice) and "mbo" (the sum of
the invoices); ``transfers`` one payment and ``invoices`` one invoice per vo-school, in the order
the schools first appear. Either every line names its vo-school or none does.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from domain.settlement.base import Invoice, Reader, Statement, Step, Transfer, aggregate, check_limit, error, sum_text
from domain.settlement.money import format_nl as nl
from domain.settlement.money import format_number as num
from domain.settlement.money import round_half_up

NAME = "Aandeel bekostiging naar dagen"
RECEIVER = "mbo"


def calculate_m2(parameters: Any) -> Statement:
    p = Reader(parameters)
    funding = p.money("funding_per_student")
    days_per_week = p.number("days_per_week", default=5, positive=True)
    lines = []
    for line in p.items("lines", min_items=1):
        students = line.count("students")
        days = line.number("days_at_partner", maximum=days_per_week)
        school = line.optional_text("vo_school")
        line.finish()
        lines.append((line.path, students, days, school))
    p.finish()
    named = [school for *_rest, school in lines if school]
    if named and len(named) != len(lines):
        path = next(path for path, *_rest, school in lines if not school)
        raise error(f"{path}.vo_school", "ontbreekt; noem bij elke regel de vo-school (of bij geen enkele).")
    if named and RECEIVER in named:
        raise error("lines", f"'{RECEIVER}' is de factuurstellende mbo-instelling; geef de vo-school haar naam.")

    students_total = sum(students for _, students, _, _ in lines)
    F = funding * students_total
    check_limit("funding_per_student", F)
    amounts = [round_half_up(funding * students * Fraction(days) / Fraction(days_per_week))
               for _, students, days, _ in lines]
    if named:
        return _per_school(p, funding, days_per_week, lines, amounts, F, students_total)

    steps = [Step("F", f"Bekostiging vo-school F = bekostiging per student × studenten = "
                       f"{nl(funding)} × {num(students_total)} = {nl(F)}", F)]
    for i, ((path, students, days, _), amount) in enumerate(zip(lines, amounts)):
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


def _per_school(p, funding, days_per_week, lines, amounts, F, students_total) -> Statement:
    """One invoice per vo-school for its own lines; the schools' funding adds up to F."""
    schools = list(dict.fromkeys(school for *_rest, school in lines))
    steps = [Step("F", f"Bekostiging vo-scholen F = bekostiging per student × studenten = "
                       f"{nl(funding)} × {num(students_total)} = {nl(F)}", F)]
    parties: dict[str, int] = {}
    transfers, invoices = [], []
    for school in schools:
        own = [(i, line, amount) for i, (line, amount) in enumerate(zip(lines, amounts)) if line[3] == school]
        students = sum(line[1] for _i, line, _a in own)
        funded = funding * students
        steps.append(Step(f"F.{school}", f"Bekostiging {school} = bekostiging per student × studenten = "
                                         f"{nl(funding)} × {num(students)} = {nl(funded)}", funded))
        for i, (path, count, days, _school), amount in own:
            steps.append(Step(path, f"Regel {i + 1}, {school}: studenten × bekostiging per student × dagen "
                                    f"bij het mbo / dagen per week = {num(count)} × {nl(funding)} × "
                                    f"{num(days)}/{num(days_per_week)} = {nl(amount)}", amount, RECEIVER))
        invoiced = sum(amount for _i, _line, amount in own)
        steps.append(Step(f"factuur.{school}", f"Factuur van het mbo aan {school} = som van de regels = "
                                               f"{sum_text([a for _i, _l, a in own])} = {nl(invoiced)}",
                          invoiced, RECEIVER))
        kept = funded - invoiced
        steps.append(Step(f"totaal.{school}", f"Totaal {school} = bekostiging − factuur = {nl(funded)} − "
                                              f"{nl(invoiced)} = {nl(kept)}", kept, school))
        parties[school] = kept
        transfers.append(Transfer(school, RECEIVER, invoiced))
        invoices.append(Invoice(school, RECEIVER, tuple(line[0] for _i, line, _a in own), invoiced))
    mbo_total = sum(t.amount_cents for t in transfers)
    parties[RECEIVER] = mbo_total
    steps.append(Step("totaal.mbo", f"Totaal mbo = som van de facturen = "
                                    f"{sum_text([t.amount_cents for t in transfers])} = {nl(mbo_total)}",
                      mbo_total, RECEIVER))
    payments = "; ".join(f"{t.from_party} {nl(t.amount_cents)}" for t in transfers)
    steps.append(Step("overdracht", f"Overdracht: het mbo factureert elke vo-school apart: {payments}",
                      mbo_total, RECEIVER))
    return Statement(model="M2", name=NAME, inputs=p.inputs, steps=tuple(steps), parties=parties,
                     transfer=aggregate(transfers), transfers=tuple(transfers), invoices=tuple(invoices))
