"""Contact details are masked in a comment before it is stored.

The form asks for no health data or contact details and says so; a reader who
types an email address or a phone number anyway leaves neither in the database.
A run of six or more digits counts as a phone number, so a date written with
digits is masked too: masking too much is the safe side.
"""

import re

from django.utils.translation import gettext

EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"[+(]?\d(?:[\s/().-]{0,2}\d){5,}")


def mask_contact_details(text: str) -> str:
    """``text`` with email addresses and phone numbers replaced by a note."""
    text = EMAIL.sub(gettext("[email address removed]"), text)
    return PHONE.sub(gettext("[phone number removed]"), text)
