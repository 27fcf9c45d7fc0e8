"""The load balancer's health check: can this instance reach its database and
its cache, and do the front desk's notifications go out? Built on
django-health-check."""

import dataclasses

from django import db
from django.conf import settings
from django.db.models import Min
from django.utils import timezone

from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView as BaseHealthCheckView
from health_check.views import MediaType

from clinic_site.middleware import RETRY_AFTER_SECONDS, bad_request_response
from pages.consultation.models import ConsultationRequest

CHECKS = [
    "health_check.checks.Database",
    "health_check.checks.Cache",
    "clinic_site.health.UnsentNotifications",
]
# The age in whole seconds of the oldest unsent notification, or "none".
AGE_HEADER = "X-Oldest-Unsent-Notification"


@dataclasses.dataclass
class UnsentNotifications(HealthCheck):
    """Fails while a front-desk notification has been unsent for longer than
    ``CONSULTATION_NOTIFICATION_HEALTH_SECONDS``: a worker that is gone, a
    mail server down for hours, a task that was lost and not yet swept up."""

    oldest_age: float | None = dataclasses.field(default=None, init=False, repr=False)

    def run(self) -> None:
        try:
            oldest = ConsultationRequest.objects.unnotified().aggregate(
                oldest=Min("created_at")
            )["oldest"]
        except db.Error as error:
            raise ServiceUnavailable("database unavailable") from error
        if oldest is None:
            return
        self.oldest_age = (timezone.now() - oldest).total_seconds()
        limit = settings.CONSULTATION_NOTIFICATION_HEALTH_SECONDS
        if limit is not None and self.oldest_age > limit:
            raise ServiceUnavailable(
                f"oldest unsent notification {self.oldest_age:.0f} s old "
                f"(limit {limit} s)"
            )


class HealthCheckView(BaseHealthCheckView):
    """200 when healthy; 503 (not django-health-check's 500) with ``Retry-After``
    when not, so that error monitoring does not count an outage the load
    balancer already handles."""

    checks = CHECKS

    async def get(self, request, *args, **kwargs):
        if not accept_header_parses(request.headers.get("accept", "*/*")):
            return bad_request_response()
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            response.status_code = 503
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response[AGE_HEADER] = self.oldest_unsent_age()
        return response

    def oldest_unsent_age(self) -> str:
        for result in getattr(self, "results", []):
            if isinstance(result.check, UnsentNotifications):
                age = result.check.oldest_age
                return "none" if age is None else str(int(age))
        return "none"


def accept_header_parses(header: str) -> bool:
    """Whether django-health-check can read ``header``: it raises ValueError
    on a media range it does not parse (``Accept: /``), which was a 500."""
    try:
        list(MediaType.parse_header(header))
    except ValueError:
        return False
    return True
