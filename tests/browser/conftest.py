"""Fixtures for the browser suite: one Chromium per session, the demo site on
pytest-django's live server, and a network guard on every browser context."""

import os
import threading
import time
from collections.abc import Callable, Iterator

from django.conf import settings
from django.db import connections

from wagtail.models import Site

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    expect,
    sync_playwright,
)

from tests.browser.chromium import DESKTOP, PHONE, launch_chromium
from tests.browser.network import TIMEOUT_MS, NetworkGuard
from tests.demo_database import restore_demo, rows_changed

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"

# Assertions wait as long as actions and page loads (Playwright's own: 5 s).
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def playwright(django_db_setup) -> Iterator[Playwright]:
    """Playwright's sync API, with Django's async-safety check relaxed meanwhile.

    The sync API drives the browser from an asyncio event loop that stays running
    in the main thread, so Django takes every ORM call from the tests (fixtures,
    ``load_demo_content``) for a call from async code and refuses it. Those calls
    are in fact synchronous and run one at a time, so the check is switched off
    only while Playwright runs, i.e. only in a session with browser tests.
    """
    # With a running loop, Django hands the main thread new connection objects
    # (its connection handler is a thread-critical asgiref Local, which switches
    # to per-context storage). They reach the same test database but lack the
    # snapshot that serialized rollback restores, so it is carried over.
    snapshots = {
        conn.alias: conn._test_serialized_contents
        for conn in connections.all()
        if hasattr(conn, "_test_serialized_contents")
    }
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as instance:
            for alias, snapshot in snapshots.items():
                connections[alias]._test_serialized_contents = snapshot
            try:
                yield instance
            finally:
                # Close them while the loop runs, or PostgreSQL refuses to drop
                # the test database they are still connected to.
                connections.close_all()
    finally:
        if previous is None:
            del os.environ[ASYNC_UNSAFE]
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture(scope="session")
def live_server(playwright, live_server):
    """pytest-django's live server, started once Playwright runs.

    Started earlier, it would share (in-memory SQLite) the main thread's old
    connection while the tests use the new one.
    """
    if live_server.thread.connections_override:
        serialize_requests(live_server.thread.httpd)
    return live_server


def serialize_requests(httpd) -> None:
    """Handle one request at a time on a server whose threads share one
    database connection (in-memory SQLite).

    A browser sends requests side by side: the admin's form post and its
    editing-session beacon, a page and its pings. On one shared connection
    their transactions interleave, and one request released the other's
    savepoint ("no such savepoint", a 500). The lock is held until the
    response is closed, which is when Django ends the request. Static files
    never reach the database and still load side by side."""
    application = httpd.get_app()
    lock = threading.Lock()

    def one_at_a_time(environ, start_response):
        if environ["PATH_INFO"].startswith(settings.STATIC_URL):
            return application(environ, start_response)
        lock.acquire()
        try:
            result = application(environ, start_response)
        except BaseException:
            lock.release()
            raise
        return ReleasedOnClose(result, lock)

    httpd.set_app(one_at_a_time)


class ReleasedOnClose:
    """A WSGI response that releases its lock when the server closes it."""

    def __init__(self, result, lock: threading.Lock):
        self.result = result
        self.lock = lock
        self.released = False

    def __iter__(self):
        return iter(self.result)

    def close(self) -> None:
        try:
            if hasattr(self.result, "close"):
                self.result.close()
        finally:
            if not self.released:
                self.released = True
                self.lock.release()


@pytest.fixture(scope="session")
def chromium(playwright: Playwright) -> Iterator[Browser]:
    """One headless Chromium for the whole session; each test gets new contexts."""
    browser = launch_chromium(playwright)
    yield browser
    browser.close()


@pytest.fixture
def _live_server_helper(request, live_server):
    """Replaces pytest-django's helper of the same name, which makes every test
    on the live server transactional: it empties the database after each test,
    and the next one restored the whole demo (flush and reload, about 0.5 s a
    test on PostgreSQL). Here the demo the session's database was created with
    stays committed; ``demo_site`` restores it only after a test that writes."""
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


WRITES = pytest.StashKey[bool]()


@pytest.fixture
def demo_site(request, live_server, django_db_blocker) -> Iterator[str]:
    """The demo site on the live server, to read; returns the server's address.

    A test that changes the site (signs in, sends a form, edits a page) asks for
    ``writable_demo_site`` too and the demo is restored after it. On SQLite a
    test that wrote without asking fails (the connection counts changed rows);
    PostgreSQL runs the same tests, so SQLite's check covers them.
    """
    with django_db_blocker.unblock():
        if not Site.objects.exists():  # a transactional test flushed it
            restore_demo()
        changes_before = rows_changed()
        yield live_server.url
        # Teardown runs after network_guard's: the browser's requests are over.
        asked = request.node.stash.get(WRITES, False)
        wrote = rows_changed() != changes_before
        if asked or wrote:
            restore_demo()
        if wrote and not asked:
            pytest.fail(
                f"{request.node.nodeid} changed the demo database: "
                "ask for the writable_demo_site fixture"
            )


@pytest.fixture
def writable_demo_site(request, demo_site) -> str:
    """The demo site on the live server, to change: restored after the test."""
    request.node.stash[WRITES] = True
    return demo_site


@pytest.fixture(autouse=True)
def network_guard(chromium: Browser, demo_site: str) -> Iterator[NetworkGuard]:
    """Every browser test: contexts that may only reach the live server."""
    guard = NetworkGuard(chromium, origin=demo_site)
    yield guard
    try:
        guard.close()
    finally:
        wait_until_live_server_is_idle()


def wait_until_live_server_is_idle(seconds: float = 10) -> None:
    """Let the requests of closed pages finish (an editor's unload beacon, an
    editing-session ping) before the demo is checked or restored: a row
    written during a flush broke its foreign keys."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate()
    ):
        time.sleep(0.05)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Fail the test itself, not its teardown, when a request left the site."""
    result = yield
    guard = getattr(item, "funcargs", {}).get("network_guard")
    if guard is not None:
        guard.verify()
    return result


@pytest.fixture
def new_context(network_guard: NetworkGuard) -> Callable[..., BrowserContext]:
    """Make a guarded browser context: ``new_context(**PHONE, locale="de-DE")``."""
    return network_guard.new_context


@pytest.fixture
def phone_page(new_context) -> Page:
    return new_context(**PHONE).new_page()


@pytest.fixture
def desktop_page(new_context) -> Page:
    return new_context(**DESKTOP).new_page()
