"""Template filters that show numbers the Dutch way, in every language of the UI (the one formatter,
``domain.numbers``): ``{{ value|nl }}`` → "6.000,5", ``{{ value|nl:2 }}`` → "6.000,50",
``{{ cents|eur }}`` → "€ 6.000,00", ``{{ percent|pct:1 }}`` → "11,5%". A value that is no number
(None, "", a text) is shown as it is ("—" for None)."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template

from domain import numbers

register = template.Library()


def _decimal(value) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value).strip()) if isinstance(value, (int, float, Decimal, str)) else None
    except InvalidOperation:
        return None
    return number if number is not None and number.is_finite() else None


def _decimals(arg) -> int | None:
    return int(arg) if arg not in (None, "") else None


@register.filter
def nl(value, decimals=None):
    """A number in Dutch notation: 6000.5 → "6.000,5"; with an argument that many decimals."""
    number = _decimal(value)
    if number is None:
        return "—" if value is None else value
    return numbers.format_number(number, _decimals(decimals))


@register.filter
def eur(value):
    """Cents (int) or a plain two-decimal amount ("90708.00") as Dutch euros: € 90.708,00."""
    if value in (None, ""):
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        return numbers.format_eur(value)
    number = _decimal(value)
    return value if number is None else numbers.format_eur(int((number * 100).to_integral_value()))


@register.filter
def pct(value, decimals=None):
    """A percentage (already times 100) as "11,5%"; None as "—"."""
    number = _decimal(value)
    if number is None:
        return "—" if value in (None, "") else value
    return numbers.format_percent(number, _decimals(decimals))
