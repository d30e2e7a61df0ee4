"""The one parser and formatter of the product (domain.numbers): Dutch notation read and written,
format then parse gives the same value (hypothesis), and what is ambiguous is refused, never guessed."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.numbers import (
    NumberError,
    format_eur,
    format_money,
    format_number,
    format_percent,
    parse_cents,
    parse_number,
)


@pytest.mark.parametrize(("text", "value"), [
    ("6000", Decimal("6000")), ("6.000", Decimal("6000")), ("6.000,50", Decimal("6000.5")),
    ("6000,5", Decimal("6000.5")), ("0,07", Decimal("0.07")), ("-12,5", Decimal("-12.5")),
    (" € 6.000,00 ", Decimal("6000")), ("€\u00a06.000,00", Decimal("6000")), ("6.000,00 €", Decimal("6000")),
    ("1.234.567,89", Decimal("1234567.89")), ("0,075", Decimal("0.075")), ("1234,500", Decimal("1234.5")),
    ("1.234,500", Decimal("1234.5")), ("−5", Decimal("-5")), ("€ -5,00", Decimal("-5")), ("- 5", Decimal("-5")),
    ("+5", Decimal("5")), ("-0", Decimal("0")),
    ("20,0", Decimal("20")),
])
def test_dutch_notation_is_read(text, value):
    assert parse_number(text, decimals=None) == value


@pytest.mark.parametrize(("text", "words"), [
    ("6,000", "dubbelzinnig"), ("1,500", "bedoelt u 1,5 of 1.500"),     # English thousands or Dutch decimals?
    ("1.5", "komma voor decimalen"), ("6.00", "schrijf 6,00"), ("6000.50", "komma voor decimalen"),
    ("0.075", "komma voor decimalen"),
    ("6.00.0", "verkeerde plaats"), ("60.00.000", "verkeerde plaats"), ("6000.000", "komma voor decimalen"),
    ("1,2,3", "meer dan één komma"), ("1,234.5", "punt na de komma"),
    ("", "Vul een getal in"), ("   ", "Vul een getal in"), ("€", "Vul een getal in"),
    ("abc", "geen getal"), ("1e5", "geen getal"), ("6,", "geen getal"), (",5", "geen getal"),
    ("6 000", "geen getal"), ("٣", "geen getal"), ("1" * 41, "te veel cijfers"),
])
def test_what_is_not_one_dutch_number_is_refused_with_a_message(text, words):
    with pytest.raises(NumberError, match=words):
        parse_number(text)


def test_in_a_field_of_three_decimals_the_comma_is_the_decimal_comma():
    assert parse_number("1,125", decimals=4) == Decimal("1.125")
    assert parse_number("6,000", decimals=None) == Decimal("6")


def test_more_decimals_than_the_field_allows_is_refused():
    with pytest.raises(NumberError, match="hoogstens 2 decimalen"):
        parse_number("1616,125", decimals=2)
    with pytest.raises(NumberError, match="dubbelzinnig"):
        parse_number("6,125", decimals=2)
    with pytest.raises(NumberError, match="hoogstens 1 decimaal"):
        parse_number("6,55", decimals=1)
    with pytest.raises(NumberError, match="geheel getal"):
        parse_number("6,5", decimals=0)
    assert parse_number("6,50", decimals=1) == Decimal("6.5")   # a trailing zero is no decimal
    assert parse_cents("6.000,5") == 600050


def test_formatting():
    assert format_number(Decimal("6000.5"), 2) == "6.000,50"
    assert format_number(Decimal("0.07")) == "0,07"
    assert format_number(1234567) == "1.234.567"
    assert format_number(Decimal("-1234.565"), 2) == "-1.234,57"     # half up, away from zero
    assert format_number(Decimal("-0.001"), 2) == "0,00"             # no "-0,00"
    assert format_money(600000) == "6.000,00"
    assert format_money(7) == "0,07"
    assert format_eur(-123456) == "€\u00a0-1.234,56"
    assert format_percent(Decimal("11.5")) == "11,5%"


@given(st.decimals(min_value=-10**12, max_value=10**12, places=4, allow_nan=False, allow_infinity=False),
       st.integers(min_value=0, max_value=4))
def test_format_then_parse_gives_the_value(value, decimals):
    shown = format_number(value, decimals)
    assert parse_number(shown, decimals=decimals) == value.quantize(Decimal(1).scaleb(-decimals),
                                                                    rounding="ROUND_HALF_UP")


@given(st.integers(min_value=0, max_value=10).flatmap(
    lambda places: st.decimals(min_value=-10**12, max_value=10**12, places=places)))
def test_format_then_parse_keeps_every_decimal(value):
    assert parse_number(format_number(value), decimals=None) == value


@given(st.integers(min_value=-10**14, max_value=10**14))
def test_amounts_in_cents_survive_the_round_trip(cents):
    assert parse_cents(format_money(cents)) == cents
    assert parse_cents(format_eur(cents)) == cents


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_a_comma_before_three_digits_is_never_guessed(whole, fraction):
    with pytest.raises(NumberError, match="dubbelzinnig"):
        parse_number(f"{whole},{fraction:03d}")


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_a_point_as_decimal_separator_is_never_read_as_thousands(whole, fraction):
    with pytest.raises(NumberError):
        parse_number(f"{whole}.{fraction:02d}")


@given(st.text(max_size=20))
def test_any_text_is_a_number_or_a_message(text):
    try:
        value = parse_number(text)
    except NumberError as error:
        assert str(error)
    else:
        assert value.is_finite()
