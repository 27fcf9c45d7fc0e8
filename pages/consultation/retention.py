"""How long requests are kept (GDPR Art. 5(1)(e)): deleted once no longer needed.

Closed requests go after ``CONSULTATION_RETENTION_CLOSED_DAYS``, never worked
ones (still "new") after ``CONSULTATION_RETENTION_UNWORKED_DAYS``; the daily
``delete_old_consultation_requests`` command runs this.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from wagtail.log_actions import log

from pages.consultation.models import ConsultationRequest


@dataclass
class Expired:
    """The requests past their retention period, per reason."""

    closed: QuerySet
    unworked: QuerySet
    closed_days: int
    unworked_days: int


def expired_requests(
    closed_days: int | None = None, unworked_days: int | None = None
) -> Expired:
    closed_days = closed_days or settings.CONSULTATION_RETENTION_CLOSED_DAYS
    unworked_days = unworked_days or settings.CONSULTATION_RETENTION_UNWORKED_DAYS
    now = timezone.now()
    return Expired(
        closed=ConsultationRequest.objects.filter(
            status=ConsultationRequest.Status.CLOSED,
            closed_at__lt=now - timedelta(days=closed_days),
        ),
        unworked=ConsultationRequest.objects.filter(
            status=ConsultationRequest.Status.NEW,
            created_at__lt=now - timedelta(days=unworked_days),
        ),
        closed_days=closed_days,
        unworked_days=unworked_days,
    )


@transaction.atomic
def delete_logged(queryset: QuerySet) -> int:
    """Delete ``queryset``, each deletion in Wagtail's log; return the count."""
    count = 0
    for consultation_request in queryset.select_for_update():
        log(
            consultation_request,
            "wagtail.delete",
            data={"reason": "retention period over"},
        )
        consultation_request.delete()
        count += 1
    return count
