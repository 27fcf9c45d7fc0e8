"""Hostile requests against the whole site: never a 5xx.

The suite's small version of ``make fuzz`` (``tests/perf/fuzz.py``): the same
requests (``tests/perf/hostile.py``: paths, query strings, headers, charsets,
bodies) through Django's test client with CSRF checks on, drawn by Hypothesis
(``st.randoms``), so that a failing request is shrunk and shown. ``make fuzz``
sends 10,000 of them to gunicorn under ``make run`` and production settings.
"""

from django.test import Client

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.figures import record
from tests.pages.consultation.test_fuzz import fuzz_settings
from tests.perf import hostile

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

sent = {"requests": 0}


@pytest.fixture
def form_session(client, settings) -> tuple[hostile.FormSession, list[str]]:
    """A browser's CSRF cookie and form tokens, and the site's own links."""
    settings.CONSULTATION_MIN_FILL_SECONDS = 0  # no waiting in the suite
    links = []
    for home in ("/de/", "/en/"):
        links += hostile.scrape_paths(client.get(home).content.decode())
    form = client.get("/de/beratung/")
    csrf_token, started = hostile.form_tokens(form.content.decode())
    session = hostile.FormSession(
        csrf_cookie=client.cookies["csrftoken"].value,
        csrf_token=csrf_token,
        form_started=started,
        origin="http://testserver",
    )
    return session, sorted({*hostile.KNOWN_PATHS, *links})


def send(client, request: hostile.HostileRequest):
    """``request`` through the test client, its headers as gunicorn passes them."""
    content_type = request.header("Content-Type")
    extra = {
        "HTTP_" + name.upper().replace("-", "_"): value
        for name, value in request.headers
        if name.lower() != "content-type"
    }
    return client.generic(
        request.method,
        request.path,
        data=request.body,
        content_type=content_type,
        QUERY_STRING=request.query,
        **extra,
    )


@fuzz_settings(200)
@given(rng=st.randoms(use_true_random=False))
def test_hostile_requests_never_get_a_server_error(form_session, rng):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    session, known = form_session
    request = hostile.hostile_request(rng, known, session)

    response = send(client, request)

    assert response.status_code < 500, request.summary()
    sent["requests"] += 1


@pytest.fixture(autouse=True, scope="module")
def _print_count(request):
    yield
    record(
        request.config,
        f"hostile requests: {sent['requests']} sent through the test client; no 5xx",
    )
