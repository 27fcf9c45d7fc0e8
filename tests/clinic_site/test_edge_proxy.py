"""The deployment example's nginx, edge cache included, in front of the site as
``make run`` serves it: anonymous pages come from the cache, the form never
does, and a publish purges both languages before it returns."""

import gzip
import subprocess
import sys

import pytest
import requests

from tests.perf.edge_proxy import edge_proxy, missing
from tests.perf.served_site import ROOT, free_port, served_site

pytestmark = [
    pytest.mark.slow,
    pytest.mark.own_database,
    pytest.mark.skipif(missing() is not None, reason=str(missing())),
]

PAGE = {
    "de": "/de/behandlungen/denervation-thermokoagulation/",
    "en": "/en/treatments/denervation-thermocoagulation/",
}
INDEX = {"de": "/de/behandlungen/", "en": "/en/treatments/"}
NEW_TITLE = {"de": "Denervation neu betitelt", "en": "Denervation retitled"}

# A publish as the editor's approval makes it, in the served site's database.
PUBLISH = f"""
from treatments.models import TreatmentPage
page = TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")
page.title_de = "{NEW_TITLE["de"]}"
page.title_en = "{NEW_TITLE["en"]}"
page.save_revision().publish()
"""


@pytest.fixture(scope="module")
def proxy():
    purge_port = free_port()
    purge_url = f"http://127.0.0.1:{purge_port}"
    with (
        served_site(workers=2, extra_env={"EDGE_CACHE_PURGE_URLS": purge_url}) as site,
        edge_proxy([site.url], purge_port) as edge,
    ):
        yield site, edge


def get(edge, path: str, **kwargs) -> requests.Response:
    return requests.get(
        edge.url + path, verify=str(edge.certificate), timeout=30, **kwargs
    )


def test_second_anonymous_get_is_a_cache_hit(proxy):
    _site, edge = proxy
    for path in (*PAGE.values(), *INDEX.values()):
        first = get(edge, path)
        second = get(edge, path)

        assert first.status_code == 200, path
        assert first.headers["X-Cache"] in {"MISS", "HIT"}, path
        assert second.headers["X-Cache"] == "HIT", path
        assert "s-maxage=" in second.headers["Cache-Control"]
        assert second.text == first.text
        assert "Set-Cookie" not in second.headers


@pytest.mark.parametrize("path", ["/de/beratung/", "/en/consultation/"])
def test_the_consultation_form_is_never_a_hit(proxy, path):
    _site, edge = proxy
    responses = [get(edge, path) for _ in range(3)]

    for response in responses:
        assert response.status_code == 200
        assert response.headers["X-Cache"] != "HIT"
        assert "no-store" in response.headers["Cache-Control"]
        assert "csrftoken" in response.cookies


def test_search_and_admin_are_never_hits(proxy):
    _site, edge = proxy
    for path in ("/de/suche/?q=Knie", "/admin/login/"):
        responses = [get(edge, path) for _ in range(2)]
        assert [r.status_code for r in responses] == [200, 200], path
        assert responses[1].headers["X-Cache"] != "HIT", path
        assert "private" in responses[1].headers["Cache-Control"], path


def test_a_reader_with_a_session_cookie_bypasses_the_cache(proxy):
    _site, edge = proxy
    get(edge, PAGE["de"])

    response = get(edge, PAGE["de"], cookies={"sessionid": "an-editor"})

    assert response.headers["X-Cache"] == "BYPASS"


def test_publishing_purges_both_languages_and_the_index(proxy):
    site, edge = proxy
    for path in (*PAGE.values(), *INDEX.values()):
        get(edge, path)
        assert get(edge, path).headers["X-Cache"] == "HIT", path

    subprocess.run(  # noqa: S603 (manage.py with fixed arguments)
        [sys.executable, "manage.py", "shell", "-c", PUBLISH],
        cwd=ROOT,
        env=site.env,
        check=True,
        capture_output=True,
    )

    for language in ("de", "en"):
        page = get(edge, PAGE[language])
        index = get(edge, INDEX[language])
        assert page.headers["X-Cache"] == "MISS", language
        assert NEW_TITLE[language] in page.text, language
        assert index.headers["X-Cache"] == "MISS", language
        assert NEW_TITLE[language] in index.text, language


def test_one_kept_copy_serves_readers_with_and_without_gzip(proxy):
    _site, edge = proxy
    get(edge, PAGE["en"])

    plain = get(edge, PAGE["en"], headers={"Accept-Encoding": "identity"})
    gzipped = get(edge, PAGE["en"], headers={"Accept-Encoding": "gzip"})

    assert plain.headers["X-Cache"] == gzipped.headers["X-Cache"] == "HIT"
    assert "Content-Encoding" not in plain.headers
    assert gzipped.headers["Content-Encoding"] == "gzip"
    assert plain.text == gzipped.text


def test_the_kept_copy_is_the_one_the_app_compressed(proxy):
    """nginx keeps the page as Django's GZipMiddleware sent it, whose header
    names a random file (its padding against BREACH; nginx's gzip names none):
    a hit is not compressed again."""
    _site, edge = proxy
    get(edge, PAGE["de"])

    hit = get(edge, PAGE["de"], headers={"Accept-Encoding": "gzip"}, stream=True)
    body = hit.raw.read(decode_content=False)

    assert hit.headers["X-Cache"] == "HIT"
    assert body[:2] == b"\x1f\x8b"
    assert body[3] & gzip.FNAME


def test_static_files_are_left_to_whitenoise(proxy):
    site, edge = proxy
    path = site.static_url("css/site.css").removeprefix(site.url)

    for encoding in ("br", "identity"):
        response = get(edge, path, headers={"Accept-Encoding": encoding})
        assert response.status_code == 200
        assert response.headers["X-Cache"] == "BYPASS"
    assert response.headers.get("Content-Encoding") is None
