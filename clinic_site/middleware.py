"""Site-wide middleware: a static 503 page while the database is unreachable.

No maintained package does this: django-maintenance-mode answers 503 only while
an operator switches it on; it does not react to a failing database. So a few
lines catch the database's connection errors here.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

# Seconds a client (or the load balancer) should wait before asking again.
RETRY_AFTER_SECONDS = 30


class DatabaseUnavailableMiddleware:
    """Answer 503 with the static bilingual page when the database is down.

    Django closes a broken connection at the end of the request and opens a new
    one for the next (``CONN_HEALTH_CHECKS``), so the site recovers by itself
    once the database is back; no restart is needed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s", exception.__class__.__name__)
        return database_unavailable_response()


def database_unavailable_response() -> HttpResponse:
    """The 503 page: rendered without a request, so no context processor queries."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
