"""The periodic jobs (pages.ops.scheduler) run by ``run_scheduled_jobs``."""

import io
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

import pytest

from pages.models import ConsultationRequest, PageFeedback, StandardPage
from pages.ops.scheduler import JOBS, Job, Scheduler
from tests.factories.consultation import ConsultationRequestFactory
from tests.staff import sign_in_staff
from tests.treatments.utils import approve, submit_for_review
from treatments.models import TreatmentPage
from treatments.workflow import REVIEWER_GROUP_NAME

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


def test_the_retention_job_blanks_expired_feedback_comments(settings, home_page):
    settings.PAGE_FEEDBACK_COMMENT_RETENTION_DAYS = 30
    today = timezone.localdate()
    expired = PageFeedback.objects.create(
        page=home_page,
        language="de",
        helpful=False,
        comment="Alt",
        received_on=today - timedelta(days=31),
    )
    kept = PageFeedback.objects.create(
        page=home_page, language="en", helpful=True, comment="New"
    )

    output = run_jobs_once()

    assert "ran delete_old_feedback_comments" in output
    expired.refresh_from_db()
    kept.refresh_from_db()
    assert (expired.comment, expired.helpful) == ("", False)
    assert kept.comment == "New"


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


def test_publishing_runs_at_least_every_five_minutes():
    """A page scheduled for a time goes live at the next run after it."""
    [job] = [job for job in JOBS if job.command == "publish_scheduled"]

    assert job.every <= timedelta(minutes=5)


def test_a_treatment_page_approved_for_later_goes_live_when_its_time_comes(
    client, django_user_model, monkeypatch
):
    """Scheduled through the medical review: the editor sets the time, the
    reviewer approves, the scheduler publishes once the time has come (the
    clock Django and Wagtail read is moved there, so no load can make the
    approval late)."""
    page = TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")
    editor = django_user_model.objects.create_user("editor", password="x" * 16)
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer = django_user_model.objects.create_user("reviewer", password="x" * 16)
    reviewer.groups.add(Group.objects.get(name=REVIEWER_GROUP_NAME))
    go_live_at = timezone.localtime() + timedelta(hours=1)
    sign_in_staff(client, editor)
    submit_for_review(
        client,
        page,
        subtitle_de="Ab gleich",
        go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M:%S"),
    )
    sign_in_staff(client, reviewer)
    approve(client, page)
    approved_on = timezone.localdate()
    run_jobs_once()  # before its time: publishes nothing
    waiting = TreatmentPage.objects.get(pk=page.pk)
    monkeypatch.setattr(timezone, "now", lambda: go_live_at + timedelta(seconds=1))

    output = run_jobs_once()

    assert waiting.subtitle_de != "Ab gleich"
    assert "ran publish_scheduled" in output
    live = TreatmentPage.objects.get(pk=page.pk)
    assert live.subtitle_de == "Ab gleich"
    assert live.last_reviewed == approved_on
