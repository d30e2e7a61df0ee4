"""to_decimal refuses absurd numbers quickly with a ValueError (never decimal.Overflow or minutes of work)."""
from decimal import Decimal

import pytest

from domain.settlement import to_decimal


@pytest.mark.parametrize("value", ["9" * 1_000_000, "0." + "0" * 1_000_000 + "1", 10**4000, Decimal("1e999999"),
                                   Decimal("-1e999999"), "1" + "0" * 13])
def test_absurd_numbers_are_a_value_error(value):
    with pytest.raises(ValueError):
        to_decimal(value)


def test_the_limit_itself_is_accepted():
    assert to_decimal("1000000000000") == Decimal(10**12)
    assert to_decimal("-1000000000000.00") == Decimal(-10**12)
