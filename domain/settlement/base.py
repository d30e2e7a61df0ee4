"""Building blocks of the settlement models: errors, steps, statements and parameter reading.

A model turns a dict of parameters (as posted to the API: numbers or decimal strings) into a
:class:`Statement`: the normalized inputs, every step with its amount, each party's total and
the transfer (who pays whom how much). Amounts are ``int`` cents throughout (see ``money``).

Parameter paths name a parameter the way it appears in the JSON: ``"overhead_rate"``,
``"lines[1].hours"`` (list positions count from 0, as in the JSON array; the Dutch message counts
from 1: "regel 2").

Pure Python (stdlib only).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from domain.settlement.money import MAX_ABS, format_amount, format_nl, plain_decimal, to_cents, to_decimal

# Dutch labels of the parameters, for messages.
LABELS = {
    "model": "Model",
    "parameters": "Parameters",
    # M1
    "student_count": "Aantal studenten",
    "weight_sum": "Som van de studentgewichten",
    "input_tariff": "Inputtarief",
    "diplomas": "Aantal diploma's",
    "output_tariff": "Outputtarief",
    "overhead_rate": "Overheadpercentage",
    "overhead_share_vo": "Aandeel vo in de overhead",
    "exam_cost_per_student": "Examenkosten per student",
    "admin_cost_per_student": "Administratiekosten per student",
    "bpv_hours_per_student": "BPV-begeleidingsuren per student",
    "bpv_hourly_rate": "Uurtarief BPV-begeleiding",
    "bpv_party": "Partij die de BPV begeleidt",
    "hours_vo": "Lesuren vo",
    "hours_mbo": "Lesuren mbo",
    # M2
    "funding_per_student": "Bekostiging per student",
    "days_per_week": "Lesdagen per week",
    "lines": "Regels",
    "students": "Aantal studenten",
    "days_at_partner": "Dagen per week bij de partner",
    "vo_school": "Vo-school",
    # M3
    "partner": "Partner",
    "hours": "Aantal uren",
    "hourly_rate": "Uurtarief",
    "fixed_items": "Vaste posten",
    "description": "Omschrijving",
    "amount": "Bedrag",
    # M4
    "total_cost": "Totale kosten",
    "mbo_share": "Aandeel mbo",
    "vo_schools": "Vo-scholen",
    "name": "Naam",
    "share_to_partners": "Aandeel leerlingen dat naar de partner-mbo's gaat",
    # break-even
    "group_cost": "Vaste kosten per groep",
    "income_per_student": "Opbrengst per student",
    "variable_cost_per_student": "Variabele kosten per student",
}


class ParameterError(ValueError):
    """An invalid or missing parameter. ``parameter`` is its path (``"lines[1].hours"``),
    ``message`` a plain Dutch sentence naming it; ``str(error)`` is the message."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def describe(path: str) -> str:
    """``"lines[1].hours"`` → ``"Aantal uren (lines[1].hours), regel 2"``: label, path, position."""
    key = path.rsplit(".", 1)[-1].split("[", 1)[0]
    text = f"{LABELS.get(key, key)} ({path})"
    positions = re.findall(r"\[(\d+)\]", path)
    return f"{text}, regel {int(positions[-1]) + 1}" if positions else text


def error(path: str, problem: str) -> ParameterError:
    """A ParameterError for ``path`` whose message is "<label> (<path>) <problem>"."""
    return ParameterError(path, f"{describe(path)}: {problem}")


@dataclass(frozen=True)
class Step:
    """One line of a statement: a code (``"F"``, ``"R.vo"``, ``"lines[0]"``), a Dutch description
    with the formula and the numbers, the amount in cents and the party the amount is attributed
    to (for the transfer step: the receiver), or None for intermediate amounts."""

    code: str
    description: str
    amount_cents: int
    party: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "description": self.description,
                "amount": format_amount(self.amount_cents), "party": self.party}


@dataclass(frozen=True)
class Transfer:
    """A payment: ``from_party`` pays ``to_party`` ``amount_cents`` (never negative). For M5,
    and when nothing is paid, both parties may be None and the amount 0."""

    from_party: str | None
    to_party: str | None
    amount_cents: int

    def to_json(self) -> dict[str, Any]:
        return {"from": self.from_party, "to": self.to_party,
                "amount": format_amount(self.amount_cents)}


NO_TRANSFER = Transfer(None, None, 0)


@dataclass(frozen=True)
class Invoice:
    """One invoice of a statement that bills several parties apart (M2 with several vo-schools:
    each vo-school its own invoice for its own students): who pays whom, the codes of its lines
    (steps of the statement) and its total in cents."""

    debtor: str
    creditor: str
    lines: tuple[str, ...]
    total_cents: int

    def to_json(self) -> dict[str, Any]:
        return {"debtor": self.debtor, "creditor": self.creditor, "lines": list(self.lines),
                "total": format_amount(self.total_cents)}


@dataclass(frozen=True)
class Statement:
    """The outcome of one settlement model.

    * ``model``: "M1".."M5"; ``name``: the Dutch name of the model.
    * ``inputs``: the normalized parameters, JSON-ready and valid input again (amounts as
      ``"6000.00"``, rates and quantities as decimal strings, counts as ints, defaults filled in):
      ``calculate(s.model, s.inputs)`` gives the same statement.
    * ``steps``: every step in order, including each party's total and the transfer.
    * ``parties``: party → total in cents (meaning per model: see the package docstring).
    * ``transfer``: the single payment, or for several payments the aggregate (from/to joined
      with ", " when they differ); ``transfers``: every individual payment.
    * ``cost_covering``: False when costs exceed the money available (M1: R < 0); such a
      statement is still complete, with a Dutch warning in ``warnings``.
    """

    model: str
    name: str
    inputs: dict[str, Any]
    steps: tuple[Step, ...]
    parties: dict[str, int]
    transfer: Transfer
    transfers: tuple[Transfer, ...] = ()
    cost_covering: bool = True
    warnings: tuple[str, ...] = ()
    invoices: tuple[Invoice, ...] = ()   # separate invoices (M2 with several vo-schools), else ()

    def to_json(self, full: bool = False) -> dict[str, Any]:
        """The API shape ``{"parties", "transfer", "steps"}`` with amounts as two-decimal strings;
        ``full=True`` adds ``model``, ``name``, ``inputs``, ``transfers``, ``cost_covering`` and
        ``warnings``."""
        result: dict[str, Any] = {
            "parties": {party: format_amount(cents) for party, cents in self.parties.items()},
            "transfer": self.transfer.to_json(),
            "steps": [step.to_json() for step in self.steps],
        }
        if full:
            result.update({
                "model": self.model, "name": self.name, "inputs": self.inputs,
                "transfers": [t.to_json() for t in self.transfers],
                "cost_covering": self.cost_covering, "warnings": list(self.warnings),
            })
            if self.invoices:
                result["invoices"] = [invoice.to_json() for invoice in self.invoices]
        return result


def aggregate(transfers: list[Transfer]) -> Transfer:
    """One transfer summing several (payments of 0 left out unless all are 0): the common
    payer/receiver, or the differing names joined with ", "."""
    if not transfers:
        return NO_TRANSFER
    paying = [t for t in transfers if t.amount_cents] or transfers
    if len(paying) == 1:
        return paying[0]
    froms = list(dict.fromkeys(t.from_party or "" for t in paying))
    tos = list(dict.fromkeys(t.to_party or "" for t in paying))
    return Transfer(", ".join(froms), ", ".join(tos), sum(t.amount_cents for t in paying))


_MISSING: Any = object()


class Reader:
    """Reads and validates one parameter object, recording the normalized values in ``inputs``.

    Every read names the parameter by its path; ``finish()`` rejects parameters no read asked
    for (a misspelt optional parameter must not silently fall back to its default). JSON ``null``
    counts as missing.
    """

    def __init__(self, data: Any, path: str = "") -> None:
        if not isinstance(data, Mapping):
            raise error(path or "parameters", "moet een object met parameters zijn.")
        for key in data:
            if not isinstance(key, str):
                raise error(path or "parameters", f"onbekende parameter {key!r}.")
        self.data = data
        self.path = path
        self.inputs: dict[str, Any] = {}
        self._known: set[str] = set()

    def name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, default: Any) -> tuple[Any, bool]:
        self._known.add(key)
        value = self.data.get(key)
        if value is None:
            if default is _MISSING:
                raise error(self.name(key), "ontbreekt.")
            return default, True
        return value, False

    def money(self, key: str, default: Any = _MISSING, allow_negative: bool = False) -> int:
        """An amount in euro → cents, not negative unless allowed."""
        value, _ = self._get(key, default)
        try:
            cents = to_cents(value)
        except ValueError as exc:
            raise error(self.name(key), f"{exc}.") from None
        if cents < 0 and not allow_negative:
            raise error(self.name(key), "mag niet negatief zijn.")
        self.inputs[key] = format_amount(cents)
        return cents

    def count(self, key: str, default: Any = _MISSING) -> int:
        """A whole number, not negative (``20``, ``"20"``, ``20.0``)."""
        value, _ = self._get(key, default)
        number = self._decimal(key, value)
        if number != number.to_integral_value():
            raise error(self.name(key), "moet een geheel getal zijn.")
        if number < 0:
            raise error(self.name(key), "mag niet negatief zijn.")
        self.inputs[key] = int(number)
        return int(number)

    def number(self, key: str, default: Any = _MISSING, positive: bool = False,
               maximum: Decimal | None = None) -> Decimal:
        """A decimal quantity, not negative (``positive``: above 0), at most ``maximum``."""
        value, _ = self._get(key, default)
        number = self._decimal(key, value)
        if number < 0:
            raise error(self.name(key), "mag niet negatief zijn.")
        if positive and number == 0:
            raise error(self.name(key), "moet groter dan 0 zijn.")
        if maximum is not None and number > maximum:
            raise error(self.name(key), f"mag niet groter zijn dan {plain_decimal(maximum)}.")
        self.inputs[key] = plain_decimal(number)
        return number

    def share(self, key: str, default: Any = _MISSING) -> Decimal:
        """A share or rate as a fraction between 0 and 1 (``"0.07"`` for 7%)."""
        value, _ = self._get(key, default)
        number = self._decimal(key, value)
        if not 0 <= number <= 1:
            raise error(self.name(key), "moet tussen 0 en 1 liggen (bijvoorbeeld 0.07 voor 7%).")
        self.inputs[key] = plain_decimal(number)
        return number

    def choice(self, key: str, options: tuple[str, ...], default: Any = _MISSING) -> str:
        value, _ = self._get(key, default)
        if value not in options:
            raise error(self.name(key), "moet een van deze waarden zijn: "
                        + ", ".join(f'"{o}"' for o in options) + ".")
        self.inputs[key] = value
        return value

    def text(self, key: str, default: Any = _MISSING) -> str:
        value, _ = self._get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise error(self.name(key), "moet een niet-lege tekst zijn.")
        self.inputs[key] = value.strip()
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        """A text that may be left out (absent, null or empty: None, and not recorded)."""
        self._known.add(key)
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return self.text(key)

    def items(self, key: str, default: Any = _MISSING, min_items: int = 0) -> list[Reader]:
        """A list of parameter objects, each read through its own Reader (path ``key[i]``)."""
        value, _ = self._get(key, default)
        if not isinstance(value, (list, tuple)):
            raise error(self.name(key), "moet een lijst zijn.")
        if len(value) < min_items:
            raise error(self.name(key), f"moet minstens {min_items} regel(s) bevatten.")
        readers = [Reader(item, f"{self.name(key)}[{i}]") for i, item in enumerate(value)]
        self.inputs[key] = [r.inputs for r in readers]
        return readers

    def finish(self) -> None:
        """Reject parameters that no read asked for."""
        for key in self.data:
            if key not in self._known:
                raise error(self.name(key), "is geen parameter van dit model.")

    def _decimal(self, key: str, value: Any) -> Decimal:
        try:
            return to_decimal(value)
        except ValueError as exc:
            raise error(self.name(key), f"{exc}.") from None


def sum_text(amounts: list[int]) -> str:
    """``"5.460,00 + 12.000,00 − 3,00"``: amounts joined as a sum, negatives as subtraction."""
    text = ""
    for i, cents in enumerate(amounts):
        if i == 0:
            text = format_nl(cents)
        else:
            text += f" − {format_nl(-cents)}" if cents < 0 else f" + {format_nl(cents)}"
    return text


def check_limit(path: str, cents: int) -> None:
    """Guard against absurd results of products of large inputs."""
    if abs(cents) > MAX_ABS * 100:
        raise error(path, "levert een te groot bedrag op.")


__all__ = ["LABELS", "NO_TRANSFER", "Invoice", "ParameterError", "Reader", "Statement", "Step", "Transfer",
           "aggregate", "check_limit", "describe", "error", "sum_text"]
