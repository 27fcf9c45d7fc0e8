"""Checks of single form values that the consultation form applies."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

import phonenumbers

PHONE_REGION = "DE"  # numbers without +49 are read as German
MULTILINE_CONTROLS = {"\n", "\r", "\t"}


class TelInput(forms.TextInput):
    input_type = "tel"


def control_characters(value: str, allowed: set[str] = frozenset()) -> bool:
    """Whether ``value`` holds control characters other than ``allowed``."""
    return any(
        unicodedata.category(char) == "Cc" and char not in allowed for char in value
    )


def international_phone(value: str) -> str:
    """``value`` as an international phone number; a ValidationError if it is none."""
    error = forms.ValidationError(
        _("Enter a phone number, like 089 1234567 or +49 89 1234567"),
        code="invalid",
    )
    try:
        number = phonenumbers.parse(value, PHONE_REGION)
    except phonenumbers.NumberParseException as parse_error:
        raise error from parse_error
    if not phonenumbers.is_valid_number(number):
        raise error
    return phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
