"""The front desk's CSV and XLSX exports, fetched through the admin."""

import codecs
import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from tests.factories.consultation import ConsultationRequestFactory

pytestmark = pytest.mark.django_db

INDEX_URL = "/admin/consultation_requests/"
HOSTILE_NAME = '=HYPERLINK("http://x";"y")'
BERLIN = ZoneInfo("Europe/Berlin")
# 01:42 UTC: the date differs from UTC only in the clinic's zone at night.
RECEIVED = datetime(2026, 11, 30, 2, 42, tzinfo=BERLIN)


def csv_rows(client) -> list[list[str]]:
    response = client.get(INDEX_URL, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert content.startswith(codecs.BOM_UTF8)
    return list(
        csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";")
    )


def xlsx_rows(client) -> list[tuple]:
    response = client.get(INDEX_URL, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return list(workbook.active.iter_rows(values_only=True))


def column(rows: list, heading: str) -> list:
    index = list(rows[0]).index(heading)
    return [row[index] for row in rows[1:]]


def test_csv_neutralises_a_formula_in_the_name(client, front_desk):
    ConsultationRequestFactory(name=HOSTILE_NAME)

    names = column(csv_rows(client), "Name")

    assert names == ["'" + HOSTILE_NAME]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_trigger_is_neutralised_in_both_formats(
    client, front_desk, start
):
    ConsultationRequestFactory(name="Anna", preferred_times=start + "1+1")

    assert column(csv_rows(client), "Wunschzeiten") == ["'" + start + "1+1"]
    # XML reads a carriage return back as a line feed; the quote comes first.
    [cell] = column(xlsx_rows(client), "Wunschzeiten")
    assert cell.startswith("'") and cell.endswith("1+1")


def test_harmless_text_is_left_alone(client, front_desk):
    ConsultationRequestFactory(name="Anna Müller", preferred_times="vormittags")

    rows = csv_rows(client)

    assert column(rows, "Name") == ["Anna Müller"]
    assert column(rows, "Wunschzeiten") == ["vormittags"]


def test_csv_opens_in_a_german_excel(client, front_desk):
    ConsultationRequestFactory(name="Jörg Weiß")

    response = client.get(INDEX_URL, {"export": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    assert content.startswith(codecs.BOM_UTF8 + b"Anfrage;Eingegangen;")
    assert "Jörg Weiß".encode() in content


def test_times_are_the_clinics_in_both_exports(client, front_desk):
    ConsultationRequestFactory(created_at=RECEIVED)

    assert column(csv_rows(client), "Eingegangen") == ["30.11.2026 02:42"]
    assert column(xlsx_rows(client), "Eingegangen") == [datetime(2026, 11, 30, 2, 42)]


def test_assignee_is_exported_by_full_name(client, front_desk):
    ConsultationRequestFactory()
    ConsultationRequestFactory(assigned_to=front_desk)

    assert column(csv_rows(client), "Zugewiesen an") == ["Eva Empfang", ""]
