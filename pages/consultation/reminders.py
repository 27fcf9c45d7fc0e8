"""The overdue reminder: a request nobody opened is mailed to the front desk again.

A request is overdue when it is still "new", nobody has opened it and
``CONSULTATION_REMINDER_WORKING_HOURS`` working hours have passed since it
arrived (working days and hours from ``CONSULTATION_WORKING_DAYS`` and
``CONSULTATION_WORKING_HOURS``, in the clinic's time zone). The reminder goes
out once per request (``reminded_at``) and, like the first notification, names
no patient: only the admin link.

Two ways run it, both through ``send_reminder``, which claims the request
before mailing so that it can never be sent twice:

- ``remind_front_desk``, a task the first notification queues for the moment
  the request becomes overdue; the task worker (``manage.py db_worker``, which
  ``make run`` and production start) runs it then.
- ``manage.py send_consultation_reminders``, a sweep over all requests that
  ``run_scheduled_jobs`` runs every 15 minutes (``pages/ops/scheduler.py``): it
  catches requests whose task was lost.
"""

import logging
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_tasks import task

from pages.consultation.display import clinic_time
from pages.consultation.mail import (
    admin_link_message,
    front_desk_language,
    send_front_desk_mail,
)
from pages.consultation.models import ConsultationRequest

logger = logging.getLogger(__name__)


def add_working_hours(start: datetime, hours: float) -> datetime:
    """The moment ``hours`` working hours after ``start``, in the clinic's zone."""
    zone = timezone.get_default_timezone()
    opens, closes = settings.CONSULTATION_WORKING_HOURS
    remaining = timedelta(hours=hours)
    current = clinic_time(start)
    # Long enough for any setting; stops on a configuration with no working time.
    for _day in range(3660):
        day = current.date()
        day_opens = datetime.combine(day, time(opens), tzinfo=zone)
        day_closes = datetime.combine(day, time(closes), tzinfo=zone)
        if day.weekday() in settings.CONSULTATION_WORKING_DAYS and current < day_closes:
            current = max(current, day_opens)
            if current + remaining <= day_closes:
                return current + remaining
            remaining -= day_closes - current
        current = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    raise ValueError("CONSULTATION_WORKING_DAYS/HOURS leave no working time")


def reminder_due_at(consultation_request: ConsultationRequest) -> datetime:
    return add_working_hours(
        consultation_request.created_at, settings.CONSULTATION_REMINDER_WORKING_HOURS
    )


def is_overdue(
    consultation_request: ConsultationRequest, now: datetime | None = None
) -> bool:
    """Still new, never opened, and past the reminder time."""
    return (
        consultation_request.status == ConsultationRequest.Status.NEW
        and consultation_request.opened_at is None
        and (now or timezone.now()) >= reminder_due_at(consultation_request)
    )


def reminder_message(consultation_request: ConsultationRequest) -> tuple[str, str]:
    """Subject and body of the reminder: no name, contact or health data."""
    return admin_link_message(
        _("Consultation request not opened yet"),
        _(
            "A consultation request has been waiting for %(hours)s working hours "
            "and nobody has opened it yet."
        ),
        consultation_request.admin_url(),
        front_desk_language(),
        hours=settings.CONSULTATION_REMINDER_WORKING_HOURS,
    )


def send_reminder(
    consultation_request: ConsultationRequest, now: datetime | None = None
) -> bool:
    """Mail the reminder if the request is overdue and nobody was reminded yet.

    The request is claimed (``reminded_at`` set where it is still empty)
    before the mail goes out, so that the task and the sweep, or two sweeps,
    never both send it; a failed send releases the claim for the next run.
    """
    now = now or timezone.now()
    if consultation_request.reminded_at is not None or not is_overdue(
        consultation_request, now
    ):
        return False
    claimed = ConsultationRequest.objects.unopened().filter(
        pk=consultation_request.pk, reminded_at=None
    )
    if not claimed.update(reminded_at=now):
        return False
    subject, body = reminder_message(consultation_request)
    try:
        send_front_desk_mail(subject, body)
    except Exception:
        ConsultationRequest.objects.filter(pk=consultation_request.pk).update(
            reminded_at=None
        )
        logger.exception(
            "Reminder for consultation request %s failed; the next run tries again",
            consultation_request.pk,
        )
        return False
    consultation_request.reminded_at = now
    return True


def send_overdue_reminders(now: datetime | None = None) -> int:
    """Remind the front desk of every overdue request; returns how many."""
    now = now or timezone.now()
    # Working hours never pass faster than clock hours: a cheap first cut.
    candidates = ConsultationRequest.objects.unopened().filter(
        reminded_at=None,
        created_at__lte=now
        - timedelta(hours=settings.CONSULTATION_REMINDER_WORKING_HOURS),
    )
    return sum(send_reminder(candidate, now) for candidate in candidates.iterator())


def queue_reminder(consultation_request: ConsultationRequest) -> None:
    """Queue ``remind_front_desk`` for when the request becomes overdue.

    Only on a backend that can defer (the database queue); elsewhere, and if
    queueing fails, the sweep command sends the reminder.
    """
    try:
        backend = remind_front_desk.get_backend()
        if backend.supports_defer:
            remind_front_desk.using(
                run_after=reminder_due_at(consultation_request)
            ).enqueue(consultation_request.pk)
    except Exception:
        logger.exception(
            "Could not queue the reminder for consultation request %s",
            consultation_request.pk,
        )


@task()
def remind_front_desk(request_id: int) -> str:
    """Send the reminder for ``request_id`` if it is still unopened."""
    consultation_request = ConsultationRequest.objects.filter(pk=request_id).first()
    if consultation_request is None:
        return "deleted"
    if timezone.now() < reminder_due_at(consultation_request):
        # The working hours setting changed since this task was queued.
        queue_reminder(consultation_request)
        return "not due yet"
    return "sent" if send_reminder(consultation_request) else "not needed"
