"""Site-wide middleware: a static 503 page while the database (or the shared
Redis cache) is unreachable.

No maintained package does this: django-maintenance-mode answers 503 only while
an operator switches it on; it does not react to a failing database. So a few
lines catch the connection errors here.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# Seconds a client (or the load balancer) should wait before asking again.
RETRY_AFTER_SECONDS = 30
# A shared service is unreachable: PostgreSQL, or Redis in production (Wagtail
# keeps its site root paths in the cache, the form its rate limit).
UNAVAILABLE = (
    OperationalError,
    InterfaceError,
    RedisConnectionError,
    RedisTimeoutError,
)


class DatabaseUnavailableMiddleware:
    """Answer 503 with the static bilingual page when the database is down
    (or the Redis cache).

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
        if not isinstance(exception, UNAVAILABLE):
            return None
        logger.error("Service unavailable: %r", exception)
        return unavailable_response()


def unavailable_response() -> HttpResponse:
    """The 503 page: rendered without a request, so no context processor queries."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
