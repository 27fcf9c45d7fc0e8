"""Spreadsheet exports of consultation requests that are safe to open in Excel.

Wagtail's ``SpreadsheetExportMixin`` writes the CSV comma-separated without a
byte order mark, times as UTC, and cells exactly as the patient typed them.
This mixin changes three things for the front desk:

- **Formula injection** (OWASP "CSV Injection"): a text cell that starts with
  ``= + - @``, a tab or a carriage return gets a leading single quote, in the
  CSV and the XLSX alike, so that no spreadsheet runs what a patient typed as a
  formula. A phone number written "+49 …" therefore reads "'+49 …".
- **Time zone**: times are the clinic's (``pages.consultation.display``); the
  XLSX holds real date cells, the CSV "dd.mm.yyyy hh:mm".
- **German Excel**: the CSV is UTF-8 with a byte order mark and separated by
  semicolons, which a German Excel opens by double-click with umlauts intact.
"""

import codecs
import csv
import datetime

from django.utils import timezone

from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

from pages.consultation.display import clinic_time, staff_name

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_DATETIME_FORMAT = "%d.%m.%Y %H:%M"


def neutralise_formula(value: object) -> object:
    """Prefix text a spreadsheet would evaluate with a single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def xlsx_clinic_time(value: datetime.datetime) -> datetime.datetime:
    """A naive datetime in the clinic's zone: XLSX cells carry no time zone."""
    if timezone.is_naive(value):
        return value
    return clinic_time(value).replace(tzinfo=None)


def csv_clinic_time(value: datetime.datetime) -> str:
    if timezone.is_aware(value):
        value = clinic_time(value)
    return value.strftime(CSV_DATETIME_FORMAT)


def csv_staff_name(user) -> str:
    return "" if user is None else staff_name(user)


class ExcelSafeExportMixin:
    """Override points for ``SpreadsheetExportMixin``; list it before the view."""

    csv_delimiter = ";"

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_XLSX: xlsx_clinic_time,
            SpreadsheetExportMixin.FORMAT_CSV: csv_clinic_time,
        },
    }

    def preprocess_field_value(self, field, value, export_format):
        """Wagtail's preprocessing, then formula neutralising on every cell."""
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value)

    def stream_csv(self, queryset):
        """Wagtail's ``stream_csv`` with a byte order mark and ``csv_delimiter``."""
        writer = csv.DictWriter(
            Echo(), fieldnames=self.list_export, delimiter=self.csv_delimiter
        )
        yield codecs.BOM_UTF8
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
