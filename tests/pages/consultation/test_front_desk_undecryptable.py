"""The front desk never sees, exports or re-saves a value that the configured
field keys cannot decrypt (pages.encryption)."""

import io

from django.db import connection
from django.test import override_settings

import openpyxl
import pytest
from cryptography.fernet import Fernet

from pages.models import ConsultationRequest
from tests.factories.consultation import ConsultationRequestFactory

pytestmark = pytest.mark.django_db

INDEX_URL = "/admin/consultation_requests/"

UNDECRYPTABLE_DE = "kann mit den konfigurierten Schlüsseln nicht entschlüsselt werden"


def undecryptable_request(**fields) -> ConsultationRequest:
    """A request stored under a key the site no longer has."""
    with override_settings(FIELD_ENCRYPTION_KEYS=[Fernet.generate_key().decode()]):
        return ConsultationRequestFactory(**fields)


def stored_row(pk: int) -> tuple:
    return ConsultationRequest.objects.filter(pk=pk).values_list(
        "status", "name_index", "email_index"
    )[0], raw_name(pk)


def raw_name(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pages_consultationrequest WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def test_inbox_and_detail_say_a_value_cannot_be_decrypted(client, front_desk):
    consultation_request = undecryptable_request(name="Anna Müller")
    token = raw_name(consultation_request.pk)

    inbox = client.get(INDEX_URL).content.decode()
    detail = client.get(
        f"{INDEX_URL}inspect/{consultation_request.pk}/"
    ).content.decode()
    edit = client.get(f"{INDEX_URL}edit/{consultation_request.pk}/").content.decode()

    for html in (inbox, detail, edit):
        assert UNDECRYPTABLE_DE in html
        assert token not in html
        assert token[:20] not in html


def test_exports_say_a_value_cannot_be_decrypted(client, front_desk):
    consultation_request = undecryptable_request(name="Anna Müller")
    ConsultationRequestFactory(name="Berta Alt")

    csv_response = client.get(f"{INDEX_URL}?export=csv")
    xlsx_response = client.get(f"{INDEX_URL}?export=xlsx")

    content = b"".join(csv_response.streaming_content).decode()
    assert csv_response.status_code == 200
    assert UNDECRYPTABLE_DE in content
    assert "Berta Alt" in content
    assert raw_name(consultation_request.pk)[:20] not in content
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(xlsx_response.streaming_content))
    ).active
    names = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted(["Berta Alt", UNDECRYPTABLE_DE])


def test_a_request_that_cannot_be_decrypted_is_not_saved(client, front_desk):
    consultation_request = undecryptable_request(name="Anna Müller")
    before = stored_row(consultation_request.pk)

    response = client.post(
        f"{INDEX_URL}edit/{consultation_request.pk}/",
        {"status": "contacted", "assigned_to": "", "internal_notes": "Notiz"},
    )

    assert response.status_code == 200
    assert (
        "Diese Anfrage kann nicht gespeichert werden: Ein Teil ihrer Daten kann mit "
        "den konfigurierten Schlüsseln nicht entschlüsselt werden."
    ) in response.content.decode()
    assert stored_row(consultation_request.pk) == before
