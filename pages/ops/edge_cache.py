"""The caching proxy in front of the app servers (deploy/nginx.conf.example).

The proxy keeps only what the app marks shareable: ``EdgeCacheHeadersMiddleware``
gives the pages that the app's own page cache may keep (the same rule,
``page_cache.may_store``) ``max-age=0, s-maxage=EDGE_CACHE_SECONDS,
must-revalidate``: the proxy keeps them, browsers ask again every time. Every
other response without a ``Cache-Control`` of its own says ``private``, and one
that sets the session or CSRF cookie ``private, no-store``.

On publish, unpublish, move or delete, ``pages.ops.invalidation`` asks each proxy
named in ``WAGTAILFRONTENDCACHE`` to forget the page's addresses in both
languages and those of the pages that list it (its ancestors up to the home
page), through ``wagtail.contrib.frontend_cache``. Without that setting nothing
is sent and the app's page cache alone is cleared.
"""

import logging
import threading
from collections.abc import Callable, Iterable
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page

from pages.i18n import has_translation
from pages.ops import page_cache

logger = logging.getLogger(__name__)

# Seconds a purge request may take before the publish goes on without it.
PURGE_TIMEOUT_SECONDS = 5
# Marks a pending purge of every live page (settings, snippets, moves).
EVERY_PAGE = "*"


def shareable(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether a shared cache may keep ``response`` for every anonymous reader:
    exactly what the app's page cache keeps (or just served from itself)."""
    if response.get(page_cache.STATUS_HEADER) == "hit":
        return True
    return (
        not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and page_cache.may_store(request, response)
    )


def sets_private_cookie(response: HttpResponse) -> bool:
    names = {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    return any(name in response.cookies for name in names)


def published_meanwhile(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the page cache was cleared while ``response`` was rendered: it may
    show the old data, and the proxy must not keep it past the purge. Known for
    pages the page cache has just stored, under the generation read before."""
    if response.get(page_cache.STATUS_HEADER) != "miss":
        return False
    key = page_cache.entry_key(request)
    found = cache.get_many([page_cache.GENERATION_KEY, key])
    entry = found.get(key)
    return entry is None or entry[0] != found.get(page_cache.GENERATION_KEY)


class EdgeCacheHeadersMiddleware:
    """``Cache-Control`` for the proxy; place it right above the page cache, so
    that pages are stored there without it and hits get it too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if sets_private_cookie(response):
            add_never_cache_headers(response)
        elif (
            settings.EDGE_CACHE_SECONDS > 0
            and shareable(request, response)
            and not published_meanwhile(request, response)
        ):
            patch_cache_control(
                response,
                max_age=0,
                s_maxage=settings.EDGE_CACHE_SECONDS,
                must_revalidate=True,
            )
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        return response


class PurgeBackend(HTTPBackend):
    """Wagtail's HTTP backend (a ``PURGE`` per address, ``Host`` of the page),
    with a timeout, quiet when the proxy had nothing to forget (404), and
    giving up on a proxy that does not answer at all."""

    def purge_batch(self, urls: Iterable[str]) -> None:
        """Purge ``urls`` in turn until the proxy does not answer: each of the
        rest would wait as long (every live page, after a settings save), in
        the editor's request. The proxy drops them after ``EDGE_CACHE_SECONDS``."""
        urls = list(urls)
        for sent, url in enumerate(urls, start=1):
            if not self.purge(url):
                if sent < len(urls):
                    logger.error(
                        "Proxy %s did not answer: %d more addresses not purged",
                        self.cache_netloc,
                        len(urls) - sent,
                    )
                return

    def purge(self, url: str) -> bool:
        """Ask the proxy to forget ``url``; whether it answered at all."""
        parts = urlsplit(url)
        request = PurgeRequest(
            url=urlunsplit(
                (self.cache_scheme, self.cache_netloc, parts.path, parts.query, "")
            ),
            headers={
                "Host": parts.netloc,
                "User-Agent": f"Wagtail-frontendcache/{wagtail_version}",
            },
        )
        try:
            # The scheme and address come from WAGTAILFRONTENDCACHE.
            with urlopen(request, timeout=PURGE_TIMEOUT_SECONDS):  # noqa: S310
                pass
        except HTTPError as error:
            if error.code != 404:
                logger.error("Could not purge %s: HTTP %s", url, error.code)
        except OSError as error:  # refused, reset, timed out
            logger.error("Could not purge %s: %s", url, error)
            return False
        return True


def edge_cache_on() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def page_urls(pages: Iterable[Page]) -> set[str]:
    """The public addresses of ``pages`` in every language they have."""
    urls = set()
    for page in pages:
        for language, _name in settings.LANGUAGES:
            if not has_translation(page, language):
                continue
            with translation.override(language):
                parts = page.get_url_parts()
            if parts is not None:
                urls.add(urljoin(settings.WAGTAILADMIN_BASE_URL, parts[2]))
    return urls


def listing_urls(page: Page) -> set[str]:
    """``page`` and the pages that list it: its ancestors up to the home page."""
    return page_urls([*page.get_ancestors().filter(depth__gte=2), page])


def subtree_urls(page: Page) -> set[str]:
    """``page``, the pages below it (their addresses contain its own) and above."""
    return listing_urls(page) | page_urls(Page.objects.descendant_of(page))


def every_page_url() -> set[str]:
    return page_urls(Page.objects.live().filter(depth__gte=2))


_pending = threading.local()


def purge_on_commit(urls: set[str] | str) -> None:
    """Purge ``urls`` (or ``EVERY_PAGE``) once the transaction commits, after the
    app's page cache was cleared; many calls in one transaction purge once."""
    if not edge_cache_on():
        return
    connection = transaction.get_connection()
    # A rolled-back transaction drops its callbacks: start a new batch then too.
    batch = {urls} if urls == EVERY_PAGE else urls
    if any(entry[1] is flush for entry in connection.run_on_commit):
        _pending.urls.update(batch)
    else:
        _pending.urls = set(batch)
        # robust: a failing purge is logged and never undoes or fails the publish.
        transaction.on_commit(flush, robust=True)


def flush() -> None:
    urls = getattr(_pending, "urls", None) or set()
    _pending.urls = None
    if EVERY_PAGE in urls:
        urls = (urls - {EVERY_PAGE}) | every_page_url()
    for backend in get_backends().values():
        backend.purge_batch(sorted(urls))
