"""M1 Verdeelmodel lessentabel (Calvijn/ROCvA rekenmodel; also MLO and Bindelmeer).

For years in which the mbo is funded (the funded party is the mbo):

1. F = input tariff × Σ student weights + output tariff × diplomas.
2. O = overhead rate × F, split vo/mbo by ``overhead_share_vo`` (default 0.5).
3. E = exam costs per student × students → mbo.
4. A = administration costs per student × students → mbo.
5. B = BPV guidance hours per student × hourly rate × students → ``bpv_party``.
6. R = F − O − E − A − B, split by ``hours_vo`` / (``hours_vo`` + ``hours_mbo``).
7. Each party's total; the rounding remainder (F minus the sum of the rounded parts, at most a
   few cents) goes to the funded party, so vo + mbo = F exactly; the transfer is from the funded
   party (mbo) to the vo-school of the vo total (reversed if that total is negative).

Every amount is rounded half up to cents where it is computed. If R < 0 (costs above funding)
the statement is still computed, with ``cost_covering`` False and a Dutch warning.

``parties``: {"vo": vo's share of F, "mbo": mbo's share of F}; they add up to F.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from domain.settlement.base import Reader, Statement, Step, Transfer, check_limit, error, sum_text
from domain.settlement.money import format_nl as nl
from domain.settlement.money import format_number as num
from domain.settlement.money import format_percent as pct
from domain.settlement.money import round_half_up

NAME = "Verdeelmodel lessentabel"
FUNDED = "mbo"
OTHER = "vo"


def calculate_m1(parameters: Any) -> Statement:
    p = Reader(parameters)
    n = p.count("student_count")
    weights = p.number("weight_sum")
    input_tariff = p.money("input_tariff")
    diplomas = p.count("diplomas")
    output_tariff = p.money("output_tariff")
    rate = p.share("overhead_rate")
    share_vo = p.share("overhead_share_vo", default="0.5")
    exam = p.money("exam_cost_per_student")
    admin = p.money("admin_cost_per_student")
    bpv_hours = p.number("bpv_hours_per_student")
    bpv_rate = p.money("bpv_hourly_rate")
    bpv_party = p.choice("bpv_party", ("vo", "mbo"))
    hours_vo = p.number("hours_vo")
    hours_mbo = p.number("hours_mbo")
    p.finish()
    hours = hours_vo + hours_mbo
    if hours == 0:
        raise error("hours_vo", "lesuren vo en lesuren mbo mogen niet samen 0 zijn.")

    F = round_half_up(input_tariff * Fraction(weights) + output_tariff * diplomas)
    check_limit("input_tariff", F)
    O = round_half_up(Fraction(rate) * F)  # noqa: E741 - the model's own letter (step O in the docstring)
    O_vo = round_half_up(Fraction(share_vo) * O)
    O_mbo = round_half_up((1 - Fraction(share_vo)) * O)
    E = exam * n
    A = admin * n
    B = round_half_up(Fraction(bpv_hours) * bpv_rate * n)
    check_limit("bpv_hourly_rate", B)
    R = F - O - E - A - B
    R_vo = round_half_up(Fraction(R) * Fraction(hours_vo) / Fraction(hours))
    R_mbo = round_half_up(Fraction(R) * Fraction(hours_mbo) / Fraction(hours))
    remainder = F - (O_vo + O_mbo + E + A + B + R_vo + R_mbo)

    vo_parts = [("overhead vo", O_vo), ("restant vo", R_vo)]
    mbo_parts = [("overhead mbo", O_mbo), ("examenkosten", E), ("administratiekosten", A)]
    (vo_parts if bpv_party == "vo" else mbo_parts).insert(1, ("BPV-begeleiding", B))
    mbo_parts += [("restant mbo", R_mbo), ("afrondingsverschil", remainder)]
    vo_total = sum(amount for _, amount in vo_parts)
    mbo_total = sum(amount for _, amount in mbo_parts)
    assert vo_total + mbo_total == F

    if vo_total >= 0:
        transfer = Transfer(FUNDED, OTHER, vo_total)
        transfer_text = (f"Overdracht: het bekostigde mbo betaalt de vo-school haar totaal: "
                         f"{nl(vo_total)}")
    else:
        transfer = Transfer(OTHER, FUNDED, -vo_total)
        transfer_text = (f"Overdracht: het totaal van de vo-school is negatief, dus de vo-school "
                         f"betaalt het mbo {nl(-vo_total)}")

    steps = (
        Step("F", f"Bekostiging F = inputtarief × som gewichten + outputtarief × diploma's = "
                  f"{nl(input_tariff)} × {num(weights)} + {nl(output_tariff)} × {num(diplomas)} "
                  f"= {nl(F)}", F),
        Step("O", f"Overhead O = overheadpercentage × F = {pct(rate)} × {nl(F)} = {nl(O)}", O),
        Step("O.vo", f"Overhead vo = aandeel vo × O = {pct(share_vo)} × {nl(O)} = {nl(O_vo)}",
             O_vo, "vo"),
        Step("O.mbo", f"Overhead mbo = (1 − aandeel vo) × O = {pct(1 - share_vo)} × {nl(O)} "
                      f"= {nl(O_mbo)}", O_mbo, "mbo"),
        Step("E", f"Examenkosten E = examenkosten per student × studenten = {nl(exam)} × {num(n)} "
                  f"= {nl(E)} (naar het mbo)", E, "mbo"),
        Step("A", f"Administratiekosten A = administratiekosten per student × studenten = "
                  f"{nl(admin)} × {num(n)} = {nl(A)} (naar het mbo)", A, "mbo"),
        Step("B", f"BPV-begeleiding B = uren per student × uurtarief × studenten = "
                  f"{num(bpv_hours)} × {nl(bpv_rate)} × {num(n)} = {nl(B)} "
                  f"(naar {'de vo-school' if bpv_party == 'vo' else 'het mbo'})", B, bpv_party),
        Step("R", f"Restant R = F − O − E − A − B = {nl(F)} − {nl(O)} − {nl(E)} − {nl(A)} − "
                  f"{nl(B)} = {nl(R)}", R),
        Step("R.vo", f"Restant vo = R × lesuren vo / (lesuren vo + lesuren mbo) = {nl(R)} × "
                     f"{num(hours_vo)} / {num(hours)} = {nl(R_vo)}", R_vo, "vo"),
        Step("R.mbo", f"Restant mbo = R × lesuren mbo / (lesuren vo + lesuren mbo) = {nl(R)} × "
                      f"{num(hours_mbo)} / {num(hours)} = {nl(R_mbo)}", R_mbo, "mbo"),
        Step("afronding", f"Afrondingsverschil = F − som van de afgeronde delen = {nl(remainder)} "
                          f"(naar de bekostigde partij, het mbo)", remainder, "mbo"),
        Step("totaal.vo", _total_text("vo", vo_parts, vo_total), vo_total, "vo"),
        Step("totaal.mbo", _total_text("mbo", mbo_parts, mbo_total), mbo_total, "mbo"),
        Step("overdracht", transfer_text, transfer.amount_cents, transfer.to_party),
    )

    warnings = []
    if R < 0:
        warnings.append(
            f"Niet kostendekkend: de kosten O + E + A + B ({nl(O + E + A + B)}) zijn hoger dan "
            f"de bekostiging F ({nl(F)}); het restant R is negatief ({nl(R)}).")
    if vo_total < 0:
        warnings.append(f"Het totaal van de vo-school is negatief ({nl(vo_total)}): de "
                        f"vo-school betaalt het mbo.")
    return Statement(
        model="M1", name=NAME, inputs=p.inputs, steps=steps,
        parties={"vo": vo_total, "mbo": mbo_total}, transfer=transfer, transfers=(transfer,),
        cost_covering=R >= 0, warnings=tuple(warnings))


def _total_text(party: str, parts: list[tuple[str, int]], total: int) -> str:
    terms = " + ".join(label for label, _ in parts)
    amounts = sum_text([amount for _, amount in parts])
    return f"Totaal {party} = {terms} = {amounts} = {nl(total)}"
