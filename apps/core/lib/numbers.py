"""Numbers in Django forms the Dutch way: one form field for every decimal a user types.

:class:`DutchDecimalField` reads what a Dutch user types with ``domain.numbers.parse_number``
("6.000" is six thousand, "6.000,50", "0,07"; "6,000" and "1.5" are refused with a message at
the field, never guessed) and shows a value back in Dutch notation ("6,5", "6.000,00"). A bound
form shows the text as typed, so a refused entry can be corrected, not retyped. Use it for a
model's DecimalField with ``field_classes = {"days_at_mbo": DutchDecimalField}``: it takes the
model field's ``max_digits`` and ``decimal_places``.
"""
from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core import validators
from django.utils.translation import gettext as _

from domain.numbers import NumberError, format_number, parse_number


class DutchNumberInput(forms.TextInput):
    """A text input (not type=number, whose notation follows the browser, not the user) that shows a
    Decimal in Dutch notation and a typed text as typed."""

    def __init__(self, decimals: int | None = 2, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})
        self.decimals = decimals

    def format_value(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
            return format_number(Decimal(str(value)))
        return str(value)   # what the user typed, kept


class DutchDecimalField(forms.Field):
    """A decimal typed in Dutch notation → ``Decimal``; the message of a refused entry at the field."""

    widget = DutchNumberInput

    def __init__(self, *, decimal_places: int | None = 2, max_digits: int | None = None, min_value=None,
                 max_value=None, **kwargs):
        self.decimal_places, self.max_digits = decimal_places, max_digits
        kwargs.setdefault("widget", DutchNumberInput(decimal_places))
        kwargs.pop("max_length", None)
        super().__init__(**kwargs)
        if min_value is not None:
            self.validators.append(validators.MinValueValidator(min_value))
        if max_value is not None:
            self.validators.append(validators.MaxValueValidator(max_value))

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            number = parse_number(str(value), decimals=self.decimal_places)
        except NumberError as error:
            raise forms.ValidationError(str(error), code="invalid") from None
        if self.max_digits is not None and self.decimal_places is not None:
            whole = len(str(abs(int(number)))) if abs(number) >= 1 else 0
            if whole > self.max_digits - self.decimal_places:
                raise forms.ValidationError(_("Dit getal is te groot (hoogstens %(n)d cijfers voor de komma).")
                                            % {"n": self.max_digits - self.decimal_places}, code="max_digits")
        return number
