"""The front-desk notification through the real database queue and its worker.

These tests use django-tasks-db's backend and run ``manage.py db_worker``. The
worker checks and closes database connections between tasks, which only works
outside a test transaction: hence transactional tests, restoring the data of the
migrations afterwards.
"""

from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from pages.consultation.reminders import reminder_due_at
from pages.models import ConsultationRequest
from tests.pages.consultation.utils import FORM_URLS, valid_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FAILING_MAIL = "tests.pages.consultation.failing_mail.FailingEmailBackend"
WORKING_MAIL = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default"],
        }
    }
    settings.CONSULTATION_NOTIFICATION_RETRY_SECONDS = 0  # retry on the next run


def run_worker(*args: str) -> None:
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", *args, verbosity=0
    )


def statuses(task: str = "notify_front_desk") -> list[str]:
    """The states of the queued runs of ``task`` (the notification by default)."""
    return sorted(
        DBTaskResult.objects.filter(task_path__endswith=f".{task}").values_list(
            "status", flat=True
        )
    )


def test_request_is_stored_before_the_mail_is_even_tried(
    client, consultation_page, database_queue
):
    response = client.post(FORM_URLS["de"], valid_data())

    assert response.status_code == 303
    stored = ConsultationRequest.objects.get()
    assert stored.notification_attempts == 0
    assert statuses() == ["READY"]
    assert mail.outbox == []


def test_failing_mail_server_retries_then_sends(
    client, consultation_page, database_queue, settings
):
    settings.EMAIL_BACKEND = FAILING_MAIL
    client.post(FORM_URLS["de"], valid_data())

    run_worker("--max-tasks", "1")

    stored = ConsultationRequest.objects.get()
    assert stored.notification_attempts == 1
    assert stored.notified_at is None
    assert statuses() == ["FAILED", "READY"]
    failed = DBTaskResult.objects.get(status="FAILED")
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"

    settings.EMAIL_BACKEND = WORKING_MAIL
    run_worker()

    stored.refresh_from_db()
    assert stored.notification_attempts == 2
    assert stored.notified_at is not None
    assert statuses() == ["FAILED", "SUCCESSFUL"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Neue Beratungsanfrage"
    assert_no_patient_data(mail.outbox[0])


def assert_no_patient_data(message) -> None:
    """The mail leaves the clinic's systems: only an admin link, nothing else."""
    patient = valid_data()
    text = f"{message.subject}\n{message.body}"
    for field in ("name", "email", "message", "preferred_times"):
        assert patient[field] not in text, field
    for word in ("Anna", "Müller", "Rücken", "Schmerzen"):
        assert word not in text
    assert "/admin/consultation_requests/inspect/" in message.body


def test_mail_server_down_for_hours_still_sends_exactly_one_mail(
    client, consultation_page, database_queue, settings
):
    settings.EMAIL_BACKEND = FAILING_MAIL
    response = client.post(FORM_URLS["en"], valid_data())
    assert response.status_code == 303  # the patient never notices

    for _attempt in range(3):  # the worker runs on while the server is down
        run_worker("--max-tasks", "1")
    assert mail.outbox == []
    settings.EMAIL_BACKEND = WORKING_MAIL
    run_worker()
    run_worker()  # nothing left to send twice

    stored = ConsultationRequest.objects.get()
    assert stored.notification_attempts == 4
    assert stored.notified_at is not None
    assert statuses() == ["FAILED", "FAILED", "FAILED", "SUCCESSFUL"]
    assert len(mail.outbox) == 1
    assert_no_patient_data(mail.outbox[0])


def test_retries_stop_after_the_configured_attempts(
    client, consultation_page, database_queue, settings
):
    settings.EMAIL_BACKEND = FAILING_MAIL
    settings.CONSULTATION_NOTIFICATION_MAX_ATTEMPTS = 3
    client.post(FORM_URLS["en"], valid_data())

    run_worker()

    stored = ConsultationRequest.objects.get()
    assert stored.notification_attempts == 3
    assert stored.notified_at is None
    assert statuses() == ["FAILED", "FAILED", "FAILED"]


def test_retry_waits_longer_after_each_failure(
    client, consultation_page, database_queue, settings
):
    settings.EMAIL_BACKEND = FAILING_MAIL
    settings.CONSULTATION_NOTIFICATION_RETRY_SECONDS = 300
    client.post(FORM_URLS["de"], valid_data())

    run_worker()

    retry = DBTaskResult.objects.get(status="READY")
    failed = DBTaskResult.objects.get(status="FAILED")
    assert (retry.run_after - failed.finished_at).total_seconds() >= 299
    # Not due yet: another worker run leaves it alone.
    run_worker()
    assert statuses() == ["FAILED", "READY"]


def test_the_notification_queues_the_reminder_for_when_it_is_due(
    client, consultation_page, database_queue
):
    client.post(FORM_URLS["de"], valid_data())

    run_worker()

    stored = ConsultationRequest.objects.get()
    reminder = DBTaskResult.objects.get(task_path__endswith=".remind_front_desk")
    assert reminder.status == "READY"
    assert reminder.run_after == reminder_due_at(stored)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(("opened", "mails"), [(False, 2), (True, 1)])
def test_the_worker_reminds_once_of_an_unopened_request(
    client, consultation_page, database_queue, opened, mails
):
    client.post(FORM_URLS["de"], valid_data())
    ConsultationRequest.objects.update(
        created_at=timezone.now() - timedelta(days=7),
        opened_at=timezone.now() if opened else None,
    )

    run_worker()
    run_worker()

    assert statuses("remind_front_desk") == ["SUCCESSFUL"]
    assert len(mail.outbox) == mails
    assert mail.outbox[-1].subject == (
        "Neue Beratungsanfrage" if opened else "Beratungsanfrage noch nicht geöffnet"
    )
    for message in mail.outbox:
        assert_no_patient_data(message)


def backdate_requests(minutes: int) -> None:
    """Make every stored request arrive ``minutes`` ago."""
    ConsultationRequest.objects.update(
        created_at=timezone.now() - timedelta(minutes=minutes)
    )


def test_sweep_resends_a_notification_whose_enqueue_failed(
    client, consultation_page, database_queue, settings
):
    # A queue the backend does not serve: the enqueue right after saving fails.
    settings.TASKS = {"default": {**settings.TASKS["default"], "QUEUES": ["elsewhere"]}}
    response = client.post(FORM_URLS["de"], valid_data())
    assert response.status_code == 303
    assert statuses() == []
    settings.TASKS = {"default": {**settings.TASKS["default"], "QUEUES": ["default"]}}
    backdate_requests(minutes=10)

    call_command("requeue_consultation_notifications", verbosity=0)
    run_worker()

    stored = ConsultationRequest.objects.get()
    assert stored.notified_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Neue Beratungsanfrage"
    assert statuses() == ["SUCCESSFUL"]


def test_sweep_resends_a_notification_whose_task_row_vanished(
    client, consultation_page, database_queue
):
    client.post(FORM_URLS["en"], valid_data())
    DBTaskResult.objects.all().delete()
    backdate_requests(minutes=10)

    call_command("run_scheduled_jobs", "--once", verbosity=0)
    run_worker()

    assert ConsultationRequest.objects.get().notified_at is not None
    assert len(mail.outbox) == 1


def test_sweep_leaves_queued_recent_and_sent_notifications_alone(
    client, consultation_page, database_queue
):
    client.post(FORM_URLS["de"], valid_data())  # its task waits in the queue
    backdate_requests(minutes=10)
    client.post(FORM_URLS["de"], valid_data())
    recent = ConsultationRequest.objects.order_by("-pk").first()
    # The recent one may be between its commit and its enqueue: not lost yet.
    DBTaskResult.objects.filter(args_kwargs__args=[recent.pk]).delete()

    call_command("requeue_consultation_notifications", verbosity=0)

    assert statuses() == ["READY"]
    run_worker()
    call_command("requeue_consultation_notifications", verbosity=0)
    assert statuses() == ["SUCCESSFUL"]
    assert len(mail.outbox) == 1
