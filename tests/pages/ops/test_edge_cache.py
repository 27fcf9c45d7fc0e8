"""Purging the caching proxy (pages.ops.edge_cache, from pages.ops.invalidation):
a small HTTP server stands in for nginx and records each PURGE it gets."""

import io
import logging
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.urls import resolve

from wagtail.models import Page

import pytest

from clinic_site.settings.base import edge_cache_backends
from pages.models import ClinicSettings
from pages.ops import edge_cache
from pages.ops.edge_cache import EdgeCacheHeadersMiddleware
from pages.ops.page_cache import PageCacheMiddleware
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

HOST = "www.roc-ortho.example"  # of WAGTAILADMIN_BASE_URL in the test settings
PAGE = {
    "de": "/de/behandlungen/denervation-thermokoagulation/",
    "en": "/en/treatments/denervation-thermocoagulation/",
}
LISTING = {"/de/", "/en/", "/de/behandlungen/", "/en/treatments/"}


class RecordingProxy(ThreadingHTTPServer):
    """Answers PURGE with ``status`` and records (Host, path)."""

    def __init__(self, status: int):
        super().__init__(("127.0.0.1", 0), PurgeHandler)
        self.status = status
        self.purged: list[tuple[str, str]] = []

    @property
    def paths(self) -> set[str]:
        return {path for _host, path in self.purged}


class PurgeHandler(BaseHTTPRequestHandler):
    def do_PURGE(self) -> None:
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args) -> None:
        pass


@contextmanager
def serve(status: int) -> Iterator[RecordingProxy]:
    server = RecordingProxy(status)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def proxy(settings, demo_site) -> Iterator[RecordingProxy]:
    with serve(200) as server:
        settings.WAGTAILFRONTENDCACHE = edge_cache_backends(
            f"http://127.0.0.1:{server.server_port}"
        )
        yield server


@pytest.fixture
def denervation() -> TreatmentPage:
    return TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")


def test_publishing_purges_both_languages_and_the_pages_listing_it(
    proxy, denervation, django_capture_on_commit_callbacks
):
    denervation.title_en = "Denervation, renamed"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        denervation.save_revision().publish()

    assert proxy.purged == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert proxy.paths == {*PAGE.values(), *LISTING}
    assert {host for host, _path in proxy.purged} == {HOST}
    assert len(proxy.purged) == len(proxy.paths)  # each address once


def test_unpublishing_purges_the_page(
    proxy, denervation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        denervation.unpublish()

    assert proxy.paths == {*PAGE.values(), *LISTING}


def test_deleting_purges_the_page(
    proxy, denervation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        denervation.delete()

    assert set(PAGE.values()) | LISTING <= proxy.paths


def test_moving_purges_the_old_and_the_new_addresses(
    proxy, denervation, django_capture_on_commit_callbacks
):
    home = Page.objects.get(depth=2)
    with django_capture_on_commit_callbacks(execute=True):
        denervation.move(home, pos="last-child")

    assert set(PAGE.values()) | LISTING <= proxy.paths
    assert {
        "/de/denervation-thermokoagulation/",
        "/en/denervation-thermocoagulation/",
    } <= proxy.paths


def test_saving_the_clinic_details_purges_every_live_page(
    proxy, django_capture_on_commit_callbacks
):
    clinic = ClinicSettings.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        clinic.phone = "+49 89 000000"
        clinic.save()

    live = Page.objects.live().filter(depth__gte=2).count()
    assert {*PAGE.values(), *LISTING, "/de/impressum/"} <= proxy.paths
    # Both languages of every live page, once each.
    assert len(proxy.purged) == len(proxy.paths) == 2 * live


def test_clear_page_cache_after_a_deploy_purges_every_live_page(
    proxy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("clear_page_cache", stdout=io.StringIO())

    live = Page.objects.live().filter(depth__gte=2).count()
    assert {*PAGE.values(), *LISTING} <= proxy.paths
    assert len(proxy.paths) == 2 * live


def test_a_draft_purges_nothing(proxy, denervation, django_capture_on_commit_callbacks):
    denervation.title_de = "Entwurf"
    with django_capture_on_commit_callbacks(execute=True):
        denervation.save_revision()

    assert proxy.purged == []


def test_without_a_proxy_configured_nothing_is_sent(
    proxy, settings, denervation, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        denervation.save_revision().publish()

    assert proxy.purged == []


def test_an_address_the_proxy_did_not_keep_is_no_error(
    settings, demo_site, denervation, django_capture_on_commit_callbacks, caplog
):
    with serve(404) as server:
        settings.WAGTAILFRONTENDCACHE = edge_cache_backends(
            f"http://127.0.0.1:{server.server_port}"
        )
        with django_capture_on_commit_callbacks(execute=True):
            denervation.save_revision().publish()

        assert PAGE["de"] in server.paths
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_an_unreachable_proxy_is_logged_and_the_page_still_published(
    settings, demo_site, denervation, django_capture_on_commit_callbacks, caplog
):
    with serve(200) as server:
        port = server.server_port
    settings.WAGTAILFRONTENDCACHE = edge_cache_backends(f"http://127.0.0.1:{port}")
    denervation.title_de = "Neu"
    with django_capture_on_commit_callbacks(execute=True):
        denervation.save_revision().publish()

    assert TreatmentPage.objects.get(pk=denervation.pk).title_de == "Neu"
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(f"Could not purge https://{HOST}/" in message for message in errors)
    assert any("more addresses not purged" in message for message in errors)


@contextmanager
def silent_proxy() -> Iterator[tuple[int, list[socket.socket]]]:
    """A proxy that takes every connection and never answers: its port, and
    the connections it took."""
    listener = socket.create_server(("127.0.0.1", 0))
    taken: list[socket.socket] = []

    def take() -> None:
        while True:
            try:
                taken.append(listener.accept()[0])
            except OSError:  # closed
                return

    threading.Thread(target=take, daemon=True).start()
    try:
        yield listener.getsockname()[1], taken
    finally:
        listener.close()
        for connection in taken:
            connection.close()


def test_a_proxy_that_never_answers_holds_up_one_address_not_every_page(
    settings, demo_site, django_capture_on_commit_callbacks, caplog, monkeypatch
):
    """A settings save purges every live page: each would wait the full
    timeout for a proxy that hangs, in the editor's request."""
    monkeypatch.setattr(edge_cache, "PURGE_TIMEOUT_SECONDS", 0.2)
    with silent_proxy() as (port, taken):
        settings.WAGTAILFRONTENDCACHE = edge_cache_backends(f"http://127.0.0.1:{port}")
        clinic = ClinicSettings.objects.get()
        with django_capture_on_commit_callbacks(execute=True):
            clinic.phone = "+49 89 000000"
            clinic.save()
        asked = len(taken)

    assert ClinicSettings.objects.get().phone == "+49 89 000000"
    assert asked == 1
    live = Page.objects.live().filter(depth__gte=2).count()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert f"Proxy 127.0.0.1:{port} did not answer: {2 * live - 1} more" in "".join(
        errors
    )


@pytest.mark.parametrize("publish_meanwhile", [False, True])
def test_a_page_rendered_while_a_publish_happened_is_not_shared(
    rf, demo_site, denervation, publish_meanwhile
):
    """The proxy could store such a page after the purge: it goes out private."""
    request = rf.get(PAGE["de"])
    request.user = AnonymousUser()
    request.resolver_match = match = resolve(PAGE["de"])

    def serve_the_page(request):
        response = match.func(request, *match.args, **match.kwargs)
        response.render()
        if publish_meanwhile:  # another editor, while this page was rendered
            denervation.save_revision().publish()
        return response

    response = EdgeCacheHeadersMiddleware(PageCacheMiddleware(serve_the_page))(request)

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    if publish_meanwhile:
        assert response["Cache-Control"] == "private"
    else:
        assert "s-maxage=600" in response["Cache-Control"]
