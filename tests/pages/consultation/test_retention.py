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


def request_with(status: str, created_days: int, closed_days: int | None = None):
    """A request in ``status`` that arrived (and was closed) that many days ago."""
    consultation_request = ConsultationRequestFactory(status=status)
    ConsultationRequest.objects.filter(pk=consultation_request.pk).update(
        created_at=days_ago(created_days),
        closed_at=None if closed_days is None else days_ago(closed_days),
    )
    return consultation_request


@pytest.fixture
def requests_of_all_ages():
    return {
        "closed_old": request_with("closed", 200, closed_days=181),
        "closed_recent": request_with("closed", 400, closed_days=10),
        "new_old": request_with("new", 366),
        "new_recent": request_with("new", 200),
        "contacted_old": request_with("contacted", 400),
        "contacted_recent": request_with("contacted", 100),
        "booked_old": request_with("appointment_booked", 500),
        "booked_recent": request_with("appointment_booked", 30),
    }


def run(*args) -> str:
    out = StringIO()
    call_command("delete_old_consultation_requests", *args, stdout=out)
    return out.getvalue()


def remaining_names(requests: dict) -> set[str]:
    left = set(ConsultationRequest.objects.values_list("pk", flat=True))
    return {name for name, request in requests.items() if request.pk in left}


def test_deletes_requests_of_every_status_past_their_period(requests_of_all_ages):
    output = run()

    assert remaining_names(requests_of_all_ages) == {
        "closed_recent",
        "new_recent",
        "contacted_recent",
        "booked_recent",
    }
    assert "deleted 1 closed request(s) older than 180 days since closing" in output
    assert "deleted 1 new request(s) older than 365 days since arrival" in output
    assert "deleted 1 contacted request(s) older than 365 days" in output
    assert "deleted 1 appointment_booked request(s) older than 365 days" in output
    deleted_ids = set(
        ModelLogEntry.objects.filter(action="wagtail.delete").values_list(
            "object_id", flat=True
        )
    )
    assert deleted_ids == {
        str(requests_of_all_ages[name].pk)
        for name in ("closed_old", "new_old", "contacted_old", "booked_old")
    }


@pytest.mark.parametrize("status", ConsultationRequest.Status.values)
def test_no_status_is_kept_for_ever(status):
    request_with(status, 5000, closed_days=5000)

    run()

    assert not ConsultationRequest.objects.exists()


def test_dry_run_only_counts(requests_of_all_ages):
    output = run("--dry-run")

    assert ConsultationRequest.objects.count() == 8
    assert "would delete 1 closed request(s)" in output
    assert "would delete 1 contacted request(s)" in output


def test_periods_come_from_settings(requests_of_all_ages, settings):
    settings.CONSULTATION_RETENTION_CLOSED_DAYS = 5
    settings.CONSULTATION_RETENTION_OPEN_DAYS = 150

    output = run()

    assert "deleted 2 closed request(s) older than 5 days" in output
    assert "deleted 2 new request(s) older than 150 days" in output
    assert remaining_names(requests_of_all_ages) == {
        "contacted_recent",
        "booked_recent",
    }


def test_periods_can_be_given_for_one_run(requests_of_all_ages):
    run("--closed-days", "5", "--open-days", "50")

    assert remaining_names(requests_of_all_ages) == {"booked_recent"}
