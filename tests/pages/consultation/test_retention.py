from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from pages.models import ConsultationRequest
from tests.factories.consultation import ConsultationRequestFactory

pytestmark = pytest.mark.django_db


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def requests_of_all_ages():
    closed_old = ConsultationRequestFactory(status="closed")
    ConsultationRequest.objects.filter(pk=closed_old.pk).update(
        closed_at=days_ago(181), created_at=days_ago(200)
    )
    closed_recent = ConsultationRequestFactory(status="closed")
    ConsultationRequest.objects.filter(pk=closed_recent.pk).update(
        closed_at=days_ago(10), created_at=days_ago(400)
    )
    new_old = ConsultationRequestFactory(created_at=days_ago(366))
    new_recent = ConsultationRequestFactory(created_at=days_ago(200))
    booked_old = ConsultationRequestFactory(
        status="appointment_booked", created_at=days_ago(500)
    )
    return {
        "closed_old": closed_old,
        "closed_recent": closed_recent,
        "new_old": new_old,
        "new_recent": new_recent,
        "booked_old": booked_old,
    }


def run(*args) -> str:
    out = StringIO()
    call_command("delete_old_consultation_requests", *args, stdout=out)
    return out.getvalue()


def test_deletes_old_closed_and_never_worked_requests(requests_of_all_ages):
    output = run()

    remaining = set(ConsultationRequest.objects.values_list("pk", flat=True))
    assert remaining == {
        requests_of_all_ages[name].pk
        for name in ("closed_recent", "new_recent", "booked_old")
    }
    assert "deleted 1 closed request(s) older than 180 days" in output
    assert "deleted 1 never worked request(s) older than 365 days" in output
    deleted_ids = set(
        ModelLogEntry.objects.filter(action="wagtail.delete").values_list(
            "object_id", flat=True
        )
    )
    assert deleted_ids == {
        str(requests_of_all_ages[name].pk) for name in ("closed_old", "new_old")
    }


def test_dry_run_only_counts(requests_of_all_ages):
    output = run("--dry-run")

    assert ConsultationRequest.objects.count() == 5
    assert "would delete 1 closed request(s)" in output
    assert "would delete 1 never worked request(s)" in output


def test_periods_come_from_settings(requests_of_all_ages, settings):
    settings.CONSULTATION_RETENTION_CLOSED_DAYS = 5
    settings.CONSULTATION_RETENTION_UNWORKED_DAYS = 100

    output = run()

    assert "deleted 2 closed request(s) older than 5 days" in output
    assert "deleted 2 never worked request(s) older than 100 days" in output
    assert set(ConsultationRequest.objects.values_list("status", flat=True)) == {
        "appointment_booked"
    }
