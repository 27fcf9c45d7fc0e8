"""How the front desk's admin shows values: clinic time, staff names, blanks.

The clinic works in one time zone (``TIME_ZONE``, Europe/Berlin). Requests are
stored in UTC; every time the front desk reads (inbox, detail, history, edit
form, exports) is converted to the clinic's zone explicitly, so that it does not
depend on the admin's per-user time zone preference or on the server's zone.
"""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format

EMPTY = "—"


def clinic_time(value: datetime) -> datetime:
    """``value`` in the clinic's time zone (aware)."""
    return timezone.localtime(value, timezone.get_default_timezone())


def format_clinic_time(value: datetime | None) -> str:
    """Date and time in the clinic's zone, in the admin language's short format."""
    if value is None:
        return EMPTY
    return date_format(clinic_time(value), "SHORT_DATETIME_FORMAT")


def staff_name(user) -> str:
    """A staff member by full name, the username if no name is set, else "—"."""
    if user is None:
        return EMPTY
    return user.get_full_name() or user.get_username()


def or_empty(value) -> object:
    """``value``, or "—" where the admin would print "None" or nothing."""
    if value is None or value == "":
        return EMPTY
    return value
