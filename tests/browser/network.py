"""Keep every browser check on the site's own host.

A patient's visit must not reach another host: no font CDN, no analytics, no
video player before the patient asks for it. ``NetworkGuard`` makes every browser
context, records each request, aborts those to other hosts and fails the test
that caused one.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Request, Route

# Requests that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}
# The admin's page editor (about 19,000 elements, 42 rich text editors: some
# 3 s of Chromium's CPU alone) took more than 30 s to load on a CI machine
# running both suites and the budgets at once on two cores. A step that works
# still passes there; one that does not still fails, only later.
TIMEOUT_MS = 90_000


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class NetworkGuard:
    """Make browser contexts that may only talk to ``origin``.

    Every request to another host is aborted before it leaves the browser and
    recorded; ``verify`` fails the test if any was not expected with
    ``expect_blocked``.
    """

    def __init__(self, browser: Browser, origin: str) -> None:
        self.browser = browser
        self.origin = origin_of(origin)
        self.requests: list[str] = []
        self.unexpected: list[str] = []
        self.contexts: list[BrowserContext] = []
        self._expected_hosts: set[str] | None = None
        self._expected: list[str] = []

    def is_own(self, url: str) -> bool:
        return urlsplit(url).scheme in LOCAL_SCHEMES or origin_of(url) == self.origin

    def new_context(self, **options) -> BrowserContext:
        """A browser context on the site (``base_url`` set) with the guard attached."""
        context = self.browser.new_context(base_url=self.origin, **options)
        context.set_default_timeout(TIMEOUT_MS)
        context.on("request", self._record)
        context.route(lambda url: not self.is_own(url), self._block)
        self.contexts.append(context)
        return context

    def _record(self, request: Request) -> None:
        self.requests.append(request.url)

    def _block(self, route: Route) -> None:
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if self._expected_hosts is not None and host in self._expected_hosts:
            self._expected.append(url)
        else:
            self.unexpected.append(url)
        route.abort("blockedbyclient")

    @contextmanager
    def expect_blocked(self, *hosts: str) -> Iterator[list[str]]:
        """Allow requests to ``hosts`` inside the block; they are still aborted.

        For a test that proves a request happens only after a click, e.g. a video
        embed: the yielded list holds the blocked URLs. Wait for the request inside
        the block (``page.expect_request``), or it may arrive after the block ends
        and count as unexpected.
        """
        blocked: list[str] = []
        self._expected_hosts, self._expected = set(hosts), blocked
        try:
            yield blocked
        finally:
            self._expected_hosts, self._expected = None, []

    def wait_until_blocked(self, page, seconds: float = 5) -> None:
        """Inside ``expect_blocked``: let the route handler record the request.

        Playwright runs the handler when the test next waits; leaving the block
        before that would count the request as unexpected.
        """
        for _ in range(int(seconds * 10)):
            if self._expected:
                return
            page.wait_for_timeout(100)

    def pop_unexpected(self) -> list[str]:
        """Return and forget the unexpected requests (for tests of the guard)."""
        unexpected, self.unexpected = self.unexpected, []
        return unexpected

    def verify(self) -> None:
        """Fail the test on a request to another host made so far."""
        self._fail_on([])

    def close(self) -> None:
        """Close every context, then fail on anything that happened late."""
        unguarded = self._unguarded()
        for context in [*self.contexts, *unguarded]:
            context.close()
        self.contexts = []
        self._fail_on(unguarded)

    def _unguarded(self) -> list[BrowserContext]:
        return [c for c in self.browser.contexts if c not in self.contexts]

    def _fail_on(self, unguarded: list[BrowserContext]) -> None:
        if unguarded:
            pytest.fail(
                f"{len(unguarded)} browser context(s) were made without the network "
                "guard: use the new_context fixture, not the browser directly.",
                pytrace=False,
            )
        if self.unexpected:
            listing = "\n".join(f"  {url}" for url in self.pop_unexpected())
            pytest.fail(
                f"requests left the site ({self.origin}); they were aborted:\n"
                f"{listing}",
                pytrace=False,
            )
