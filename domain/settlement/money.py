"""Exact money for the settlement models: amounts are ``int`` cents, never floats.

* Parsing: :func:`to_decimal` and :func:`to_cents` accept ``int``, ``Decimal``, plain decimal
  strings (``"156000"``, ``"156000.00"``, ``"-12.5"``; a dot as decimal separator, no thousands
  separators, no exponent) and floats as JSON decoders produce them: a float is read through its
  shortest representation (``repr``), so ``0.07`` is exactly ``Decimal("0.07")``. ``bool``,
  ``NaN``/infinity and anything else raise ``ValueError`` with a Dutch message. An amount must
  be in whole cents (at most two decimals).
* Rounding: :func:`round_half_up` rounds an exact value (``Fraction``, ``Decimal`` or ``int``)
  in cents to whole cents, halves away from zero (``ROUND_HALF_UP``: 0,5 cent → 1 cent,
  -0,5 cent → -1 cent). Intermediate values are ``Fraction`` so nothing is lost before rounding.
* Formatting: :func:`format_amount` gives the API form ``"90708.00"`` / ``"-5.00"``;
  :func:`format_nl` the Dutch form ``"90.708,00"`` / ``"-1.234,56"`` used in step descriptions;
  :func:`format_eur` the Dutch currency form for the UI, following CLDR ``nl``:
  ``"€ 90.708,00"`` and, negative, ``"€ -1.234,56"``, with a non-breaking space (U+00A0) after
  the euro sign so the sign never ends up alone at the end of a line.

The Dutch forms come from :mod:`domain.numbers`, the one formatter of the product.

Pure Python (stdlib only).
"""
from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

from domain import numbers

NBSP = "\u00a0"
MAX_ABS = 10**12          # sanity limit for every number and amount (in euro / units)
MAX_TEXT = 40             # a number typed as text has at most this many characters

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)\Z")


def to_decimal(value: object) -> Decimal:
    """An exact, finite Decimal from an int, Decimal, float (via repr) or decimal string."""
    if isinstance(value, bool):
        raise ValueError("moet een getal zijn, geen ja/nee-waarde")
    if isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, Decimal):
        result = value
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("moet een eindig getal zijn")
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_TEXT:  # before any parsing: a million digits must not cost time or memory
            raise ValueError(f"heeft te veel cijfers (hoogstens {MAX_TEXT} tekens)")
        if not _NUMBER.match(text):
            raise ValueError(f"moet een getal zijn met een punt als decimaalteken (niet '{value}')")
        result = Decimal(text)
    else:
        raise ValueError("moet een getal zijn")
    if not result.is_finite():
        raise ValueError("moet een eindig getal zijn")
    if result.adjusted() >= 13 or abs(result) > MAX_ABS:  # adjusted() first: abs() of a huge exponent overflows
        raise ValueError("is te groot")
    return result + 0 if result == 0 else result   # turn -0 into 0


def to_cents(value: object) -> int:
    """Whole cents from an amount in euro: ``"6000"``, ``"6000.5"``, ``6000.50``, ``Decimal``."""
    exact = Fraction(to_decimal(value)) * 100
    if exact.denominator != 1:
        raise ValueError("moet een bedrag in hele centen zijn (hoogstens twee decimalen)")
    return int(exact)


def round_half_up(value: Fraction | Decimal | int) -> int:
    """The nearest integer to an exact value; halves away from zero (2,5 → 3, -2,5 → -3)."""
    exact = Fraction(value)
    magnitude = math.floor(abs(exact) + Fraction(1, 2))
    return -magnitude if exact < 0 else magnitude


def format_amount(cents: int) -> str:
    """API form: 9070800 → ``"90708.00"``, -500 → ``"-5.00"``."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}{euros}.{rest:02d}"


def format_nl(cents: int) -> str:
    """Dutch form without currency sign: 9070800 → ``"90.708,00"``, -123456 → ``"-1.234,56"``."""
    return numbers.format_money(cents)


def format_eur(cents: int) -> str:
    """Dutch currency form (CLDR nl): ``"€ 90.708,00"``, ``"€ -1.234,56"`` (space is U+00A0)."""
    return numbers.format_eur(cents)


def format_number(value: Decimal | int | Fraction) -> str:
    """A count or quantity in Dutch notation, keeping the given decimals: ``Decimal("20.0")`` →
    ``"20,0"``, 1200 → ``"1.200"``, ``Decimal("0.8")`` → ``"0,8"``. A Fraction that is not a
    whole number is shown as ``"a/b"``."""
    if isinstance(value, Fraction):
        if value.denominator != 1:
            return f"{_group(value.numerator)}/{_group(value.denominator)}"
        value = value.numerator
    return numbers.format_number(value)


def format_percent(share: Decimal) -> str:
    """A share as a Dutch percentage: 0.07 → ``"7%"``, 0.075 → ``"7,5%"``, 1 → ``"100%"``."""
    percent = share * 100
    if percent == percent.to_integral_value():
        percent = percent.quantize(Decimal(1))
    else:
        percent = percent.normalize()
    return f"{format_number(percent)}%"


def plain_decimal(value: Decimal) -> str:
    """A Decimal as a plain string without exponent, as it was given: ``"0.07"``, ``"20.0"``."""
    return format(value, "f")


def _group(number: int) -> str:
    return numbers.group(number)
