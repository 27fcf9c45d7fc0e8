"""Background work for consultation requests: the front-desk notification.

Runs through Django's tasks API (django-tasks), queued in the database by
django-tasks-db and worked by ``manage.py db_worker``. That backend does not
retry a failed task, so ``notify_front_desk`` queues its own next attempt, with
a growing delay, up to ``CONSULTATION_NOTIFICATION_MAX_ATTEMPTS``; the attempts
are counted on the request. The mail names no patient and carries no health
data: only that a request arrived and where the admin shows it.

A notification whose task was lost (the enqueue failed right after the request
was stored, or its task row vanished) is queued again by the sweep
``requeue_lost_notifications``, a scheduled job (``pages/ops/scheduler.py``).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from pages.consultation.mail import (
    admin_link_message,
    front_desk_language,
    send_front_desk_mail,
)
from pages.consultation.models import ConsultationRequest
from pages.consultation.reminders import queue_reminder

logger = logging.getLogger(__name__)

# A task "running" longer than this was left behind by a worker that died.
STALE_RUNNING_TASK = timedelta(hours=1)


def queue_front_desk_notification(
    consultation_request: ConsultationRequest, delay: timedelta | None = None
) -> bool:
    """Queue the notification; never raise, the request is stored already.

    Returns whether the task was queued. If not, the request still shows as
    "new" in the front desk's inbox.
    """
    notify = notify_front_desk
    try:
        if delay and notify.get_backend().supports_defer:
            notify = notify.using(run_after=timezone.now() + delay)
        notify.enqueue(consultation_request.pk)
    except Exception:
        logger.exception(
            "Could not queue the notification for consultation request %s",
            consultation_request.pk,
        )
        return False
    return True


def front_desk_message(consultation_request: ConsultationRequest) -> tuple[str, str]:
    """Subject and body of the front-desk mail: no name, contact or health data."""
    return admin_link_message(
        _("New consultation request"),
        _("A new consultation request has arrived on the website."),
        consultation_request.admin_url(),
        front_desk_language(),
    )


@task()
def notify_front_desk(request_id: int) -> str:
    """Mail the front desk about request ``request_id``; retry when sending fails."""
    consultation_request = ConsultationRequest.objects.filter(pk=request_id).first()
    if consultation_request is None:
        return "deleted"
    if consultation_request.notified_at is not None:
        return "already notified"
    ConsultationRequest.objects.filter(pk=request_id).update(
        notification_attempts=F("notification_attempts") + 1
    )
    consultation_request.refresh_from_db(fields=["notification_attempts"])
    attempt = consultation_request.notification_attempts
    subject, body = front_desk_message(consultation_request)
    try:
        send_front_desk_mail(subject, body)
    except Exception:
        if attempt < settings.CONSULTATION_NOTIFICATION_MAX_ATTEMPTS:
            delay = timedelta(
                seconds=settings.CONSULTATION_NOTIFICATION_RETRY_SECONDS * attempt
            )
            queue_front_desk_notification(consultation_request, delay=delay)
            logger.warning(
                "Notification for consultation request %s failed (attempt %s); "
                "retrying in %s",
                request_id,
                attempt,
                delay,
            )
        else:
            logger.error(
                "Notification for consultation request %s failed %s times; giving up",
                request_id,
                attempt,
            )
        # Re-raised so that the queue records this attempt as failed.
        raise
    ConsultationRequest.objects.filter(pk=request_id).update(notified_at=timezone.now())
    queue_reminder(consultation_request)
    return "sent"


def queued_notification_ids() -> set[int]:
    """Requests whose notification task waits or runs in the database queue."""
    if not isinstance(notify_front_desk.get_backend(), DatabaseBackend):
        return set()  # the tests' immediate backend keeps no queue
    waiting = Q(status=TaskResultStatus.READY) | Q(
        status=TaskResultStatus.RUNNING,
        started_at__gte=timezone.now() - STALE_RUNNING_TASK,
    )
    rows = DBTaskResult.objects.filter(
        waiting, task_path=notify_front_desk.module_path
    ).values_list("args_kwargs", flat=True)
    return {row["args"][0] for row in rows if row.get("args")}


def requeue_lost_notifications() -> int:
    """Queue the notification again for every unsent request without a task.

    Only requests older than ``CONSULTATION_NOTIFICATION_LOST_SECONDS`` count:
    a younger one may be between its commit and its enqueue. A notification
    whose retries gave up has no task either, so it is tried again at each
    sweep until the mail goes out. Returns how many were queued.
    """
    cutoff = timezone.now() - timedelta(
        seconds=settings.CONSULTATION_NOTIFICATION_LOST_SECONDS
    )
    lost = (
        ConsultationRequest.objects.unnotified()
        .filter(created_at__lte=cutoff)
        .exclude(pk__in=queued_notification_ids())
        .order_by("created_at")
        .only("pk")
    )
    queued = 0
    for consultation_request in lost:
        logger.warning(
            "Notification for consultation request %s was lost; queued again",
            consultation_request.pk,
        )
        queued += queue_front_desk_notification(consultation_request)
    return queued
