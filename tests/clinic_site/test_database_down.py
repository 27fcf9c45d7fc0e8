"""The database goes away and comes back: a real PostgreSQL cluster, stopped.

The site runs under gunicorn on a throwaway cluster of its own (see
``tests.perf.loadtests.services``); the test stops that cluster, expects the static
bilingual 503 page with ``Retry-After`` from every page and the health check,
starts it again and expects the same server to serve pages again.
"""

import os
import re
import time
import urllib.error
import urllib.request

import pytest
import requests

from clinic_site.settings.base import CONSULTATION_MIN_FILL_SECONDS
from tests.perf.loadtests.services import (
    gunicorn,
    missing_postgres,
    prepared_postgres,
    throwaway_postgres,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.own_database,
    pytest.mark.skipif(missing_postgres() is not None, reason=missing_postgres() or ""),
]

PAGES = ["/de/", "/en/", "/de/beratung/", "/en/treatments/"]
# Pages the page cache cannot hold when the database goes: never requested
# before, the form (never cached) and a 404. Pages a reader saw before the outage
# may still come from the cache (pages.page_cache), which is the point of it.
OUTAGE_PAGES = [
    "/de/behandlungen/",
    "/de/behandlungen/denervation-thermokoagulation/",
    "/de/beratung/",
    "/en/consultation/",
    "/en/nothing-here/",
]


def fetch(url: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def site_on_stoppable_database(tmp_path):
    # DEBUG off, local-memory cache: only the database can fail here.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "clinic_site.settings.test"}
    demo_cluster = prepared_postgres(env, demo=True)  # migrated, with the demo
    with throwaway_postgres(template=demo_cluster) as cluster:
        env["DATABASE_URL"] = cluster.url("roc")
        with gunicorn(env, tmp_path / "gunicorn.log", workers=2) as url:
            yield cluster, url


def test_database_outage_gives_503_and_the_site_recovers_without_restart(
    site_on_stoppable_database,
):
    cluster, url = site_on_stoppable_database
    for page in PAGES:
        assert fetch(url + page)[0] == 200, page
    # A patient has the form open when the database goes away.
    patient = requests.Session()
    form = patient.get(url + "/en/consultation/", timeout=30).text
    csrf_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
    started = re.search(r'name="form_started" value="([^"]+)"', form)[1]

    cluster.stop()
    time.sleep(CONSULTATION_MIN_FILL_SECONDS)

    sent = patient.post(
        url + "/en/consultation/",
        data={
            "csrfmiddlewaretoken": csrf_token,
            "form_started": started,
            "name": "Anna Müller",
            "email": "anna@example.org",
            "contact_method": "email",
            "preferred_language": "en",
            "topic": "unsure",
            "consent": "on",
        },
        timeout=30,
        allow_redirects=False,
    )
    # Told to try again (the request could not be stored), never a 500.
    assert sent.status_code == 503
    assert "Please try again in a few minutes." in sent.text

    for page in OUTAGE_PAGES:
        status, headers, html = fetch(url + page)
        assert status == 503, page
        assert headers["Retry-After"] == "30"
        assert "no-store" in headers["Cache-Control"]
        assert "Set-Cookie" not in headers
        assert "<h1>Vorübergehend nicht erreichbar</h1>" in html
        assert '<section lang="en"' in html
        assert "Temporarily unavailable" in html
        assert "Traceback" not in html and "OperationalError" not in html
    status, headers, body = fetch(url + "/healthz/?format=json")
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Database" in body

    cluster.start()

    for page in PAGES:
        status, _headers, html = fetch(url + page)
        assert status == 200, page
        assert "ROC Ortho" in html
    assert fetch(url + "/healthz/?format=json")[0] == 200
