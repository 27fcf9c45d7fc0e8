from importlib import import_module

from django.apps import apps as django_apps
from django.db import connection
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

import pytest

from pages.encryption import search_filter
from pages.models import ConsultationRequest
from tests.factories.consultation import ConsultationRequestFactory
from tests.factories.treatments import TreatmentIndexPageFactory, TreatmentPageFactory

pytestmark = pytest.mark.django_db

HEALTH_MESSAGE = "Bandscheibenvorfall L4/L5 seit März"


def raw_row(pk: int) -> dict:
    table = ConsultationRequest._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [pk])  # noqa: S608
        columns = [column[0] for column in cursor.description]
        return dict(zip(columns, cursor.fetchone(), strict=True))


def test_stored_row_holds_no_plain_text_health_or_contact_data():
    consultation_request = ConsultationRequestFactory(
        name="Anna Müller",
        email="anna.mueller@example.org",
        phone="+49 89 1234567",
        message=HEALTH_MESSAGE,
        preferred_times="dienstags vormittags",
        internal_notes="Rückruf vereinbart",
    )

    row = raw_row(consultation_request.pk)
    raw = " ".join(str(value) for value in row.values())

    for plain in (
        HEALTH_MESSAGE,
        "Bandscheibe",
        "Anna",
        "Müller",
        "anna.mueller",
        "1234567",
        "dienstags",
        "Rückruf",
    ):
        assert plain not in raw
    assert row["message"].startswith("gAAAA")  # a Fernet token
    consultation_request.refresh_from_db()
    assert consultation_request.message == HEALTH_MESSAGE


def test_empty_optional_fields_read_back_as_empty_text():
    consultation_request = ConsultationRequestFactory(email="", message="")

    consultation_request.refresh_from_db()

    assert consultation_request.email == ""
    assert consultation_request.message == ""
    assert consultation_request.phone == ""


def test_str_names_the_request_not_the_patient():
    consultation_request = ConsultationRequestFactory(name="Anna Müller")

    assert str(consultation_request) == f"Anfrage {consultation_request.pk}"


def test_closing_sets_and_reopening_clears_closed_at():
    consultation_request = ConsultationRequestFactory()
    assert consultation_request.closed_at is None

    consultation_request.status = ConsultationRequest.Status.CLOSED
    consultation_request.save()
    assert consultation_request.closed_at is not None

    consultation_request.status = ConsultationRequest.Status.CONTACTED
    consultation_request.save(update_fields=["status"])
    consultation_request.refresh_from_db()
    assert consultation_request.closed_at is None


def test_search_index_matches_whole_email_and_name_words():
    anna = ConsultationRequestFactory(name="Anna-Lena Müller", email="Anna@Example.org")
    schmidt = ConsultationRequestFactory(
        name="Anna Schmidt", email="schmidt@example.org"
    )

    def found(query):
        return set(ConsultationRequest.objects.filter(search_filter(query)))

    assert found("anna@example.org") == {anna}
    assert found("MÜLLER") == {anna}
    assert found("anna-lena müller") == {anna}
    assert found("anna") == {schmidt}  # whole words: "Anna-Lena" is one word
    assert found("") == set()
    assert found("example.org") == set()


def test_topic_names_treatment_region_or_unsure(home_page):
    treatment = TreatmentPageFactory(
        parent=TreatmentIndexPageFactory(parent=home_page), title_de="Denervierung"
    )

    assert ConsultationRequestFactory(treatment=treatment).topic == "Denervierung"
    assert ConsultationRequestFactory().topic == "Noch nicht sicher"


def test_deleting_the_treatment_keeps_the_request(home_page):
    treatment = TreatmentPageFactory(parent=TreatmentIndexPageFactory(parent=home_page))
    consultation_request = ConsultationRequestFactory(treatment=treatment)

    treatment.delete()

    consultation_request.refresh_from_db()
    assert consultation_request.treatment is None


def test_url_for_treatment_preselects_it(consultation_page, home_page):
    treatment = TreatmentPageFactory(parent=TreatmentIndexPageFactory(parent=home_page))

    url = consultation_page.url_for_treatment(treatment)

    assert url == f"/de/beratung/?treatment={treatment.pk}"


def test_admin_url_is_absolute(settings):
    consultation_request = ConsultationRequestFactory(consented_at=timezone.now())

    assert consultation_request.admin_url() == (
        "https://www.roc-ortho.example/admin/consultation_requests/inspect/"
        f"{consultation_request.pk}/"
    )


def test_unopened_means_new_and_never_opened():
    unopened = ConsultationRequestFactory()
    ConsultationRequestFactory(opened_at=timezone.now())
    ConsultationRequestFactory(status="contacted")

    assert list(ConsultationRequest.objects.unopened()) == [unopened]


def test_mark_opened_keeps_the_first_opening():
    consultation_request = ConsultationRequestFactory()

    consultation_request.mark_opened()
    first = consultation_request.opened_at
    ConsultationRequest.objects.get().mark_opened()

    consultation_request.refresh_from_db()
    assert consultation_request.opened_at == first


def test_migration_takes_the_first_opening_from_the_log():
    opened = ConsultationRequestFactory()
    unopened = ConsultationRequestFactory()
    log(opened, "pages.consultation_request.view")
    log(opened, "pages.consultation_request.view")
    first = ModelLogEntry.objects.order_by("timestamp").first().timestamp
    migration = import_module("pages.migrations.0005_consultationrequest_opened_at")

    migration.opened_from_the_log(django_apps, None)

    opened.refresh_from_db()
    unopened.refresh_from_db()
    assert opened.opened_at == first
    assert unopened.opened_at is None
