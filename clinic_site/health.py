"""The load balancer's health check: can this instance reach its database and
its cache? Built on django-health-check."""

from health_check.views import HealthCheckView as BaseHealthCheckView

CHECKS = ["health_check.checks.Database", "health_check.checks.Cache"]


class HealthCheckView(BaseHealthCheckView):
    """200 when healthy; 503 (not django-health-check's 500) when not, so that
    error monitoring does not count an outage the load balancer already handles."""

    checks = CHECKS

    async def get(self, request, *args, **kwargs):
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            response.status_code = 503
        return response
