"""M3 Uurtarief (Het Element).

Hours taught by a partner's teachers × its hourly rate, one line per partner (a partner may have
several lines, e.g. at different rates), plus agreed fixed items. A fixed item belongs to the
partner it names (``"partner"``, optional) or else to the partner of the first line. Each line is
rounded half up to cents. The vo-school pays every partner its total.

``parties``: net receipts of the settlement: each partner name → what it receives (≥ 0), and
``"vo"`` → minus the total the vo-school pays; they add up to 0. ``transfers`` holds one payment
per partner (vo → partner); ``transfer`` is that payment when there is one partner, else the
aggregate (``to`` = the partner names joined with ", ").

The school's own hour budgets (stage supervision, leerlijn contacts, ...) are recorded elsewhere;
they are not invoiced and are no parameter of this model.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from domain.settlement.base import Reader, Statement, Step, Transfer, aggregate, check_limit, error, sum_text
from domain.settlement.money import format_nl as nl
from domain.settlement.money import format_number as num
from domain.settlement.money import round_half_up

NAME = "Uurtarief"
PAYER = "vo"


def calculate_m3(parameters: Any) -> Statement:
    p = Reader(parameters)
    lines = []
    for line in p.items("lines", min_items=1):
        partner = _partner(line)
        hours = line.number("hours")
        rate = line.money("hourly_rate")
        line.finish()
        lines.append((line.path, partner, hours, rate))
    items = []
    for item in p.items("fixed_items", default=[]):
        description = item.text("description")
        amount = item.money("amount")
        partner = _partner(item, default=lines[0][1])
        item.finish()
        items.append((item.path, description, amount, partner))
    p.finish()
    partners = list(dict.fromkeys(partner for _, partner, _, _ in lines))
    for path, _, _, partner in items:
        if partner not in partners:
            raise error(f"{path}.partner", f"'{partner}' heeft geen regel met uren; noem een "
                                           f"partner uit 'lines'.")

    steps = []
    received: dict[str, list[int]] = {partner: [] for partner in partners}
    for i, (path, partner, hours, rate) in enumerate(lines):
        amount = round_half_up(Fraction(hours) * rate)
        check_limit(f"{path}.hourly_rate", amount)
        received[partner].append(amount)
        steps.append(Step(path, f"Regel {i + 1}, {partner}: uren × uurtarief = {num(hours)} × "
                                f"{nl(rate)} = {nl(amount)}", amount, partner))
    for i, (path, description, amount, partner) in enumerate(items):
        received[partner].append(amount)
        steps.append(Step(path, f"Vaste post {i + 1}, {partner}: {description} = {nl(amount)}",
                          amount, partner))

    parties: dict[str, int] = {}
    transfers = []
    for partner in partners:
        total = sum(received[partner])
        parties[partner] = total
        transfers.append(Transfer(PAYER, partner, total))
        terms = f"{sum_text(received[partner])} = " if len(received[partner]) > 1 else ""
        steps.append(Step(f"totaal.{partner}", f"Totaal {partner} = {terms}{nl(total)}", total,
                          partner))
    paid = sum(parties.values())
    check_limit("lines", paid)
    parties[PAYER] = -paid
    steps.append(Step("totaal.vo", "Totaal vo-school = −(" + sum_text(
        [parties[partner] for partner in partners]) + f") = {nl(-paid)} (de vo-school betaalt)",
        -paid, PAYER))
    payments = "; ".join(f"{t.to_party} {nl(t.amount_cents)}" for t in transfers)
    steps.append(Step("overdracht", f"Overdracht: de vo-school betaalt {payments}",
                      paid, partners[0] if len(partners) == 1 else None))
    return Statement(model="M3", name=NAME, inputs=p.inputs, steps=tuple(steps), parties=parties,
                     transfer=aggregate(transfers), transfers=tuple(transfers))


def _partner(reader: Reader, default: Any = None) -> str:
    kwargs = {} if default is None else {"default": default}
    partner = reader.text("partner", **kwargs)
    if partner == PAYER:
        raise error(reader.name("partner"), f"'{PAYER}' is de betalende vo-school; geef de "
                                             f"partner een eigen naam.")
    return partner
