"""Numbers as Dutch users type and read them: one parser and one formatter for the whole product.

Notation (the Dutch one, in every language of the UI, because the numbers come from and go to
Dutch administrations and Dutch Excel):

* a comma is the decimal separator, a point groups thousands: ``"6.000"`` is six thousand,
  ``"6.000,50"`` six thousand and a half, ``"0,07"`` seven hundredths;
* :func:`format_number` writes exactly that (``Decimal("6000.5"), 2`` → ``"6.000,50"``), and
  :func:`parse_number` reads it back: ``parse_number(format_number(x, d), d) == x`` for every
  value in range (the hypothesis tests check this).

What :func:`parse_number` accepts: optional spaces (also non-breaking), an optional euro sign
before or after, an optional sign (``-``, ``+`` or the typographic minus ``−``), digits grouped
by points in threes or not grouped at all (``"6000"``, ``"6.000"``, ``"1.234.567"``), and an
optional comma with decimals (``"6000,5"``, ``"6.000,50"``, ``"-12,5"``, ``" € 6.000,00 "``).

What it refuses, never guessing, each with a Dutch message naming the problem
(:class:`NumberError`, a ``ValueError``):

* a point used as decimal separator: ``"1.5"``, ``"6.00"``, ``"6000.50"`` (a point followed by
  other than three digits, or after more than three digits, cannot be a thousands point);
* in a field of at most two decimals (amounts, hours, grades, counts: the default), a comma
  followed by exactly three digits after one to three digits, without thousands points:
  ``"6,000"`` or ``"1,500"`` is six thousand in English and six in Dutch — ambiguous, so refused
  (``"0,075"``, ``"1234,500"`` and ``"1.234,500"`` are not ambiguous and are accepted; in a field
  of three or more decimals, such as a share ``"0,125"``, the comma is always the decimal comma);
* wrong grouping (``"6.00.0"``, ``"60.00.000"``), several commas, a point after the comma;
* more decimals than the field allows (``decimals``; trailing zeros do not count: ``"20,0"`` is
  a fine whole number), letters, exponents, empty text, more than :data:`MAX_TEXT` characters.

Pure Python (stdlib only): used by the settlement core, the Django form fields
(``apps.core.lib.numbers``) and the template filters.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
MAX_TEXT = 40   # a number typed as text has at most this many characters (a million digits costs nothing)

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_SHAPE = re.compile(r"(?P<sign>[+-]?)(?P<whole>[0-9][0-9.]*)(?:,(?P<decimals>[0-9]+))?")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")


class NumberError(ValueError):
    """A typed number the parser refuses; ``str()`` is the Dutch message for the user."""


def parse_number(text: str, decimals: int | None = 2) -> Decimal:
    """The Decimal a Dutch user means by ``text``; :class:`NumberError` when it is not one number
    in Dutch notation or has more than ``decimals`` decimals (None: any number of decimals).
    The ambiguity check (``"6,000"``) applies to fields of at most two decimals (amounts, hours,
    grades, counts): in a field of three or more decimals (a share such as ``0,125``) or of any
    number of decimals the comma is the decimal comma, so the formatter's own output reads back.
    The result keeps the typed decimals: ``"6.000,50"`` → ``Decimal("6000.50")``."""
    if not isinstance(text, str):
        raise NumberError("Vul een getal in.")
    if len(text) > MAX_TEXT:  # before any parsing
        raise NumberError(f"Dit getal heeft te veel cijfers (hoogstens {MAX_TEXT} tekens).")
    compact = _SPACES.sub(" ", text).replace("−", "-").strip()
    sign = compact[0] if compact.startswith(("+", "-")) else ""
    compact = compact[len(sign):].strip()
    if compact.startswith("€"):        # "€ 6.000,00", "-€ 5,00"
        compact = compact[1:].strip()
    elif compact.endswith("€"):        # "6.000,00 €"
        compact = compact[:-1].strip()
    if not sign and compact.startswith(("+", "-")):   # "€ -5,00"
        sign, compact = compact[0], compact[1:].strip()
    compact = sign + compact
    if not compact:
        raise NumberError("Vul een getal in.")
    match = _SHAPE.fullmatch(compact)
    if match is None:
        raise NumberError(_shape_message(compact, text))
    whole, fraction = match["whole"], match["decimals"] or ""
    if "." in whole:
        whole = _ungroup(whole, has_comma=match["decimals"] is not None, text=text)
    elif (decimals is not None and decimals < 3 and len(fraction) == 3 and len(whole) <= 3
          and not whole.startswith("0")):
        dutch = format_number(Decimal(f"{whole}.{fraction}").normalize())
        raise NumberError(f"'{text.strip()}' is dubbelzinnig: bedoelt u {dutch} of "
                          f"{whole}.{fraction}? Schrijf duizendtallen met een punt (6.000) en decimalen met "
                          "een komma (6,5).")
    if decimals is not None and len(fraction.rstrip("0")) > decimals:
        if decimals == 0:
            raise NumberError("Vul een geheel getal in (zonder decimalen).")
        raise NumberError(f"Gebruik hoogstens {decimals} {'decimaal' if decimals == 1 else 'decimalen'} "
                          "na de komma.")
    value = Decimal(f"{match['sign']}{whole}.{fraction}" if fraction else f"{match['sign']}{whole}")
    return value + 0 if value == 0 else value   # no -0


def _ungroup(whole: str, has_comma: bool, text: str) -> str:
    """The digits of an integer part written with thousands points; refuses a point that is a
    decimal point or groups that are not threes."""
    if _GROUPED.fullmatch(whole):
        return whole.replace(".", "")
    if whole.count(".") == 1 and not has_comma:
        before, after = whole.split(".")
        if after:
            raise NumberError(f"Gebruik een komma voor decimalen: schrijf {before},{after} "
                              f"(een punt staat alleen tussen duizendtallen, zoals in 6.000).")
    raise NumberError(f"'{text.strip()}': de punten staan op de verkeerde plaats. Zet een punt na elke drie "
                      "cijfers (1.234.567) of laat de punten weg.")


def _shape_message(compact: str, text: str) -> str:
    if compact.count(",") > 1:
        return f"'{text.strip()}' heeft meer dan één komma; gebruik een komma alleen voor decimalen."
    if "," in compact and "." in compact.split(",", 1)[1]:
        return (f"'{text.strip()}': een punt na de komma kan niet. Schrijf duizendtallen met een punt en "
                "decimalen met een komma, zoals 6.000,50.")
    return f"'{text.strip()}' is geen getal. Schrijf bijvoorbeeld 6000, 6.000 of 6.000,50."


def format_number(value: Decimal | int, decimals: int | None = None) -> str:
    """``value`` in Dutch notation with a thousands point: ``Decimal("6000.5"), 2`` →
    ``"6.000,50"``, ``1200`` → ``"1.200"``, ``Decimal("0.07")`` → ``"0,07"``. ``decimals``
    rounds (half up) to that many decimals; None keeps the value's own decimals."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        value = Decimal(str(value))
    number = Decimal(value)
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = format(number, "f")
    sign = "-" if text.startswith("-") and number != 0 else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    result = sign + group(int(whole))
    return f"{result},{fraction}" if fraction else result


def format_money(cents: int) -> str:
    """Whole cents as Dutch euros without the sign: 600000 → ``"6.000,00"``, 7 → ``"0,07"``."""
    return format_number(Decimal(cents).scaleb(-2), 2)


def format_eur(cents: int) -> str:
    """Dutch currency form (CLDR nl): ``"€ 6.000,00"``, ``"€ -1.234,56"`` (the space is U+00A0,
    so the sign never ends up alone at the end of a line)."""
    return f"€{NBSP}{format_money(cents)}"


def format_percent(value: Decimal | int, decimals: int | None = None) -> str:
    """A percentage (already times 100) in Dutch notation: ``Decimal("11.5")`` → ``"11,5%"``."""
    return f"{format_number(value, decimals)}%"


def parse_cents(text: str) -> int:
    """An amount in euro as typed (``"6.000,50"``, ``"€ 0,07"``) to whole cents (at most two decimals)."""
    return int(parse_number(text, decimals=2).scaleb(2))


def group(number: int) -> str:
    """A whole number with Dutch thousands points: 1234567 → ``"1.234.567"``."""
    return ("-" if number < 0 else "") + f"{abs(number):,}".replace(",", ".")
