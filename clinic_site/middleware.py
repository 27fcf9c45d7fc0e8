"""Site-wide middleware: a static 503 page while the database (or the shared
Redis cache) is unreachable, a static 400 page for a body in a charset the
site does not read, and gzip for what is built in memory.

No maintained package does this: django-maintenance-mode answers 503 only while
an operator switches it on; it does not react to a failing database. So a few
lines catch the connection errors here.
"""

import logging

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from django.middleware.gzip import GZipMiddleware
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.http import parse_header_parameters

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


class RequireUTF8Middleware:
    """Answer 400 with the static page when a request declares a charset other
    than "utf-8" (``Content-Type: …; charset=utf-16``, or one Python does not
    know).

    Every form on the site is sent as UTF-8. Django refuses any other name for
    form data (even "utf8") with ``BadRequest``, but only once something reads
    ``request.POST``: the CSRF check does, and so does its 400 handler
    (``requires_csrf_token``), which fails the same way, so the client got a
    500. An unknown or non-text codec fails later, with ``LookupError``, when
    the query string or a multipart form is decoded. Checked here, before any
    of that, and after the middleware that sets the security headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        charset = request.content_params.get("charset")
        if charset is not None and charset.strip().lower() != "utf-8":
            logger.warning("Bad request: %s declares charset %r", request.path, charset)
            return bad_request_response()
        return self.get_response(request)


class NulInHeaderMiddleware:
    """Answer 400 with the static page when a request header holds a NUL byte.

    HTTP forbids NUL in field values (RFC 9110, 5.5), and gunicorn refuses such
    a request itself; one that arrives anyway (another server, the test client)
    would reach the database through django-axes, which stores the User-Agent
    of a failed login, and PostgreSQL refuses NUL in text: a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any(
            "\x00" in value
            for name, value in request.META.items()
            if name.startswith("HTTP_") and isinstance(value, str)
        ):
            logger.warning("Bad request: NUL in a header of %s", request.path)
            return bad_request_response()
        return self.get_response(request)


class UnreadableFormMiddleware:
    """Answer 400 with the static page when a POST's form body cannot be
    parsed (a multipart form without a valid boundary, one cut short, too many
    fields).

    Django answers such a body with a 400 when a view or the CSRF check reads
    it, but on an address that does not exist the first to read it is the CSRF
    check of the 404 handler (``requires_csrf_token``), and an error inside an
    error handler is a 500. Read here, once; Django keeps what it parsed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST":
            try:
                request.POST  # noqa: B018 (parsed for its errors)
            except (MultiPartParserError, SuspiciousOperation, BadRequest):
                logger.warning("Bad request: unreadable form body for %s", request.path)
                return bad_request_response()
        return self.get_response(request)


def bad_request_response() -> HttpResponse:
    """The static 400 page, rendered without a request (so it never reads one)."""
    response = HttpResponseBadRequest(render_to_string("400.html"))
    add_never_cache_headers(response)
    return response


def guard_non_text_charsets(application):
    """Wrap the WSGI ``application`` so that a charset naming a codec that is not
    a text encoding (``charset=rot13``, ``base64``) reaches
    ``RequireUTF8Middleware`` too.

    Django knows such a codec, so it decodes the query string with it while it
    builds the request, before any middleware runs: LookupError, and gunicorn's
    bare 500. Declared under a name no codec has, Django ignores it and the
    middleware answers with the 400 page.
    """

    def guarded(environ, start_response):
        _content_type, params = parse_header_parameters(environ.get("CONTENT_TYPE", ""))
        if "charset" in params and not is_text_encoding(params["charset"]):
            environ = {**environ, "CONTENT_TYPE": "text/plain; charset=not-a-text"}
        return application(environ, start_response)

    return guarded


def is_text_encoding(charset: str) -> bool:
    try:
        "".encode(charset)
    except LookupError:
        return False
    return True


class InMemoryGZipMiddleware(GZipMiddleware):
    """Django's gzip, with its padding against BREACH, for responses built in
    memory (pages, the sitemap, the admin). Streamed files (image renditions,
    documents) pass unchanged: their formats are compressed already, and a
    download keeps its ``Content-Length``."""

    def process_response(self, request: HttpRequest, response: HttpResponse):
        if response.streaming:
            return response
        return super().process_response(request, response)
