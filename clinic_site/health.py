"""The load balancer's health check: can this instance reach its database and
its cache? Built on django-health-check."""

from health_check.views import HealthCheckView as BaseHealthCheckView
from health_check.views import MediaType

from clinic_site.middleware import RETRY_AFTER_SECONDS, bad_request_response

CHECKS = ["health_check.checks.Database", "health_check.checks.Cache"]


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
        return response


def accept_header_parses(header: str) -> bool:
    """Whether django-health-check can read ``header``: it raises ValueError
    on a media range it does not parse (``Accept: /``), which was a 500."""
    try:
        list(MediaType.parse_header(header))
    except ValueError:
        return False
    return True
