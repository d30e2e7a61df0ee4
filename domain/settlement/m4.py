"""M4 Kostendeling netwerk (Profijt).

Total cost C of the shared activities; the mbo side pays ``mbo_share`` × C (rounded half up to
cents); the vo-schools pay the rest in proportion to their weights nᵢ × pᵢ (nᵢ students, pᵢ
share of the school's students going to the partner mbo's). The rest is divided by the
largest-remainder method: each school gets the whole cents of its exact share, and the cents
left over go one each to the schools with the largest fractional remainders (ties: the school
listed first), so the charges add up to C exactly and each differs less than one cent from its
exact proportional share.

``parties``: each party's charge, i.e. its part of C: {"mbo": ..., "<school name>": ...}; they
add up to C. Assumption (not fixed by the sources): the mbo carries the shared costs and invoices
each school its charge, so ``transfers`` holds one payment per school with a charge
(school → mbo) and ``transfer`` is their aggregate (``from`` = the paying schools joined with
", ", ``to`` = "mbo").
"""
from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import Any

from domain.settlement.base import Reader, Statement, Step, Transfer, aggregate, error, sum_text
from domain.settlement.money import format_nl as nl
from domain.settlement.money import format_number as num
from domain.settlement.money import format_percent as pct
from domain.settlement.money import round_half_up

NAME = "Kostendeling netwerk"
MBO = "mbo"


def calculate_m4(parameters: Any) -> Statement:
    p = Reader(parameters)
    C = p.money("total_cost")
    mbo_share = p.share("mbo_share")
    schools = []
    for school in p.items("vo_schools", min_items=1):
        name = school.text("name")
        if name == MBO or name in (s[1] for s in schools):
            raise error(school.name("name"), f"'{name}' komt al voor; geef elke school een "
                                             f"eigen naam (en niet '{MBO}').")
        students = school.count("students")
        share = school.share("share_to_partners")
        school.finish()
        schools.append((school.path, name, students, share))
    p.finish()

    mbo = round_half_up(Fraction(mbo_share) * C)
    rest = C - mbo
    weights = [students * Fraction(share) for _, _, students, share in schools]
    total_weight = sum(weights)
    if rest and not total_weight:
        raise error("vo_schools", "de gewichten (leerlingen × aandeel naar de partner-mbo's) zijn "
                                  "samen 0, dus het deel van de vo-scholen kan niet verdeeld "
                                  "worden.")
    charges = largest_remainder(rest, weights)

    steps = [
        Step("C", f"Totale kosten gedeelde activiteiten C = {nl(C)}", C),
        Step(MBO, f"Aandeel mbo = aandeel mbo × C = {pct(mbo_share)} × {nl(C)} = {nl(mbo)}",
             mbo, MBO),
        Step("rest", f"Deel vo-scholen = C − aandeel mbo = {nl(C)} − {nl(mbo)} = {nl(rest)}",
             rest),
    ]
    parties = {MBO: mbo}
    transfers = []
    shown_total = sum((students * share for _, _, students, share in schools), Decimal(0))
    for (path, name, students, share), weight, charge in zip(schools, weights, charges):
        parties[name] = charge
        shown = num((students * share).normalize())   # the weight as a decimal, for the text
        exact = rest * weight / total_weight if total_weight else Fraction(0)
        note = "" if exact.denominator == 1 else (
            " (afgerond met de grootste-restmethode, zodat de bijdragen samen precies C zijn)")
        steps.append(Step(path, f"{name}: gewicht = leerlingen × aandeel naar de partner-mbo's = "
                                f"{num(students)} × {pct(share)} = {shown}; bijdrage = "
                                f"{shown}/{num(shown_total.normalize())} × {nl(rest)} = "
                                f"{nl(charge)}{note}", charge, name))
        if charge:
            transfers.append(Transfer(name, MBO, charge))
    steps.append(Step("totaal", f"Som van de bijdragen = {sum_text(list(parties.values()))} = "
                                f"{nl(C)} = C", C))
    payments = "; ".join(f"{t.from_party} {nl(t.amount_cents)}" for t in transfers) or "niets"
    steps.append(Step("overdracht", f"Overdracht: de vo-scholen betalen het mbo, dat de gedeelde "
                                    f"kosten draagt: {payments}", rest, MBO))
    transfer = aggregate(transfers) if transfers else Transfer(None, MBO, 0)
    return Statement(model="M4", name=NAME, inputs=p.inputs, steps=tuple(steps),
                     parties=parties, transfer=transfer, transfers=tuple(transfers))


def largest_remainder(total: int, weights: list[Fraction]) -> list[int]:
    """Divide ``total`` cents (≥ 0) in proportion to ``weights`` into whole cents that add up to
    ``total`` exactly; all 0 when the weights add up to 0."""
    weight_sum = sum(weights)
    if not weight_sum:
        return [0] * len(weights)
    exact = [Fraction(total) * w / weight_sum for w in weights]
    shares = [math.floor(e) for e in exact]
    left = total - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[:left]:
        shares[i] += 1
    return shares
