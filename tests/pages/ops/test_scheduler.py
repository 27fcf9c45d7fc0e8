"""The periodic jobs (pages.ops.scheduler) run by ``run_scheduled_jobs``."""

import io
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest

from pages.models import ConsultationRequest, StandardPage
from pages.ops.scheduler import Job, Scheduler
from tests.factories.consultation import ConsultationRequestFactory

pytestmark = pytest.mark.django_db


def run_jobs_once() -> str:
    out = io.StringIO()
    call_command("run_scheduled_jobs", "--once", stdout=out)
    return out.getvalue()


def test_a_page_scheduled_for_the_past_goes_live(client, site, home_page):
    page = home_page.add_child(
        instance=StandardPage(
            title_de="Sprechzeiten", slug_de="sprechzeiten", live=False
        )
    )
    page.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    assert client.get("/de/sprechzeiten/").status_code == 404

    output = run_jobs_once()

    assert "ran publish_scheduled" in output
    page.refresh_from_db()
    assert page.live
    assert client.get("/de/sprechzeiten/").status_code == 200


def test_the_retention_job_deletes_expired_requests(settings):
    settings.CONSULTATION_RETENTION_CLOSED_DAYS = 30
    expired = ConsultationRequestFactory(status=ConsultationRequest.Status.CLOSED)
    ConsultationRequest.objects.filter(pk=expired.pk).update(
        closed_at=timezone.now() - timedelta(days=31)
    )
    kept = ConsultationRequestFactory()

    run_jobs_once()

    assert list(ConsultationRequest.objects.values_list("pk", flat=True)) == [kept.pk]


def test_a_failing_job_does_not_stop_the_others(caplog):
    scheduler = Scheduler(
        jobs=(
            Job("no_such_command", timedelta(minutes=1)),
            Job("publish_scheduled", timedelta(minutes=1)),
        )
    )

    ran = scheduler.run_due()

    assert ran == ["no_such_command", "publish_scheduled"]
    assert "Scheduled job no_such_command failed" in caplog.text


def test_each_job_runs_again_when_its_interval_is_over():
    now = [1000.0]
    scheduler = Scheduler(
        jobs=(
            Job("publish_scheduled", timedelta(minutes=1)),
            Job("prune_db_task_results", timedelta(hours=24)),
        ),
        clock=lambda: now[0],
    )

    first = scheduler.run_due()
    at_once = scheduler.run_due()
    now[0] += 61
    a_minute_later = scheduler.run_due()

    assert first == ["publish_scheduled", "prune_db_task_results"]
    assert at_once == []
    assert a_minute_later == ["publish_scheduled"]
    assert scheduler.seconds_to_next() == pytest.approx(60)
