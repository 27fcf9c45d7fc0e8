"""Whole rendered pages for anonymous readers, kept in Django's ``default`` cache.

A hit is served near the top of the middleware stack (``PageCacheMiddleware``
right after whitenoise): one cache read, no session, no database query (on the
local-memory and Redis caches; the database cache used by ``make run`` reads its
table once), no template. Which responses are kept is decided on the response,
so the rule is generic: a GET without query string from a reader without a
session cookie, answered by Wagtail's page view with a 200 that sets no cookie
and is not marked private or uncacheable (``add_never_cache_headers``, as the
consultation form and its thank-you page do). Logged-in editors, previews (they
are admin views), the admin, POSTs, search results (they have a query string)
and the form never get or fill the cache. A page is kept as it left
``GZipMiddleware`` (below this one): compressed once for readers that take gzip,
plain for the others, under a key each.

Any publish, unpublish, move or deletion of a page clears every cached page: the
header, the treatment index and the related-treatment lists show other pages, so
working out which pages show the changed one would be fragile, and publishing is
rare next to reading. Clearing replaces a "generation" token that every entry
carries; entries of an older generation are never served and expire on their own.
Because a response keeps the generation read before it was rendered, a page
rendered while a publish happens is never served as current.

wagtail-cache (CodeRed) does the same but requires ``wagtail<8.0``, and Django's
own cache middleware has no way to clear only the pages and caches editors'
responses per cookie; hence these few lines.
"""

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import cc_delim_re, get_max_age
from django.utils.translation import get_language_from_path

GENERATION_KEY = "page-cache:generation"
ENTRY_KEY_PREFIX = "page-cache:page:"
SHARED_KEY_PREFIX = "page-cache:shared:"
STATUS_HEADER = "X-Page-Cache"
# The response headers a cached page may vary on: pages are kept only for readers
# without a session, and per encoding (``entry_key``).
HARMLESS_VARY = {"cookie", "accept-encoding"}
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}


def clear() -> None:
    """Make every cached page stale: the next reader gets a fresh render."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def shared(
    name: str, build: Callable[[], Any], request: HttpRequest | None = None
) -> Any:
    """A value that many pages show (the header's links), kept until ``clear()``.

    Kept under the same generation as the pages, so the one set of receivers in
    ``pages.ops.invalidation`` refreshes both. Not a template fragment: the header
    around these values differs per page (language switch, current link). A
    ``None`` from ``build`` is not kept (an address where no page is). With
    ``request``, the generation is read once per request, as a page keeps the
    generation read before it was rendered.
    """
    if settings.PAGE_CACHE_SECONDS <= 0:
        return build()
    generation = getattr(request, "_page_cache_generation", None)
    if generation is None:
        generation = current_generation()
    if request is not None:
        request._page_cache_generation = generation
    key = f"{SHARED_KEY_PREFIX}{generation}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    return value


def current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def key_part(text: str) -> str:
    """``text`` (an address, a host) as a part of a cache key: hashed, as the
    request decides its length, and a key may hold 250 characters at most."""
    return hashlib.sha256(text.encode()).hexdigest()


def entry_key(request: HttpRequest) -> str:
    """Scheme, host, language, path, and whether the reader takes gzip (as
    ``GZipMiddleware`` decides): everything a cached page depends on."""
    language = get_language_from_path(request.path_info) or ""
    address = f"{request.scheme}://{request.get_host()}{request.path}"
    encoding = "gzip" if accepts_gzip(request) else "identity"
    return f"{ENTRY_KEY_PREFIX}{key_part(f'{language} {encoding} {address}')}"


def accepts_gzip(request: HttpRequest) -> bool:
    return bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def may_read(request: HttpRequest) -> bool:
    """Whether the cache may answer: an anonymous GET/HEAD without query string
    (and the cache is on: ``PAGE_CACHE_SECONDS`` 0 turns it off)."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def may_store(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether ``response`` is an anonymous reader's Wagtail page, the same for all.

    Override points elsewhere (a view that must never be cached) only need to
    mark their response with ``add_never_cache_headers`` or set a cookie.
    """
    match = request.resolver_match
    if (
        request.method != "GET"
        or response.status_code != 200
        or response.streaming
        or response.cookies
        or match is None
        or match.url_name != "wagtail_serve"
    ):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    directives = {
        directive.split("=", 1)[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & UNCACHEABLE_DIRECTIVES or get_max_age(response) == 0:
        return False
    vary = {
        header.strip().lower()
        for header in cc_delim_re.split(response.get("Vary", ""))
        if header.strip()
    }
    return vary <= HARMLESS_VARY


class PageCacheMiddleware:
    """Serve and store whole pages; place it right after whitenoise."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not may_read(request):
            return self.get_response(request)
        key = entry_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if generation is not None and entry is not None and entry[0] == generation:
            return self.cached_response(entry)
        if generation is None:
            generation = current_generation()
        # What the render shares (``shared``) is read under the same generation.
        request._page_cache_generation = generation
        response = self.get_response(request)
        if generation is not None and may_store(request, response):
            cache.set(
                key,
                (generation, response.content, list(response.items())),
                timeout=settings.PAGE_CACHE_SECONDS,
            )
            response[STATUS_HEADER] = "miss"
        return response

    def cached_response(self, entry: tuple) -> HttpResponse:
        """Rebuild the stored response; its headers were set when it was stored."""
        _generation, content, headers = entry
        response = HttpResponse(content, headers=dict(headers))
        response[STATUS_HEADER] = "hit"
        return response
