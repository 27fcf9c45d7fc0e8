"""How long requests are kept (GDPR Art. 5(1)(e)): deleted once no longer needed.

Every status has a period. Closed requests go ``CONSULTATION_RETENTION_CLOSED_DAYS``
after they were closed; requests still open (new, contacted, appointment booked)
``CONSULTATION_RETENTION_OPEN_DAYS`` after they arrived, so that one left
"contacted" is not kept for ever. The daily ``delete_old_consultation_requests``
command runs this.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from wagtail.log_actions import log

from pages.consultation.models import ConsultationRequest

Status = ConsultationRequest.Status
# The date each status's period counts from.
COUNTED_FROM = {
    Status.NEW: "created_at",
    Status.CONTACTED: "created_at",
    Status.APPOINTMENT_BOOKED: "created_at",
    Status.CLOSED: "closed_at",
}


@dataclass
class Expired:
    """The requests of one status past its retention period."""

    status: str
    days: int
    requests: QuerySet


def retention_days(
    closed_days: int | None = None, open_days: int | None = None
) -> dict[str, int]:
    """Days each status is kept: the settings, or the periods given."""
    closed_days = closed_days or settings.CONSULTATION_RETENTION_CLOSED_DAYS
    open_days = open_days or settings.CONSULTATION_RETENTION_OPEN_DAYS
    return {
        status: closed_days if status == Status.CLOSED else open_days
        for status in COUNTED_FROM
    }


def expired_requests(
    closed_days: int | None = None, open_days: int | None = None
) -> list[Expired]:
    """Per status, the requests past its period."""
    now = timezone.now()
    return [
        Expired(
            status=status,
            days=days,
            requests=ConsultationRequest.objects.filter(
                status=status,
                **{f"{COUNTED_FROM[status]}__lt": now - timedelta(days=days)},
            ),
        )
        for status, days in retention_days(closed_days, open_days).items()
    ]


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
