"""Serving pages in few queries (pages/routing.py) without changing what is served."""

import gzip
import io

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction, Site

import pytest

from tests.figures import record
from treatments.models import BodyRegion, TreatmentPage

pytestmark = pytest.mark.django_db

PAGE_QUERIES = 8
SITEMAP_QUERIES = 6


def page_addresses(language: str) -> list[str]:
    """One address per page type and per listing view, in ``language``."""
    index, denervation, generated = {
        "de": (
            "/de/behandlungen/",
            "denervation-thermokoagulation/",
            "generierte-testbehandlung-002/",
        ),
        "en": (
            "/en/treatments/",
            "denervation-thermocoagulation/",
            "generated-test-treatment-002/",
        ),
    }[language]
    prefix = f"/{language}/"
    others = {
        "de": ["beratung/", "praxis/", "datenschutz/", "impressum/"],
        "en": ["consultation/", "clinic/", "privacy/", "legal-notice/"],
    }[language]
    return [
        prefix,
        index,
        f"{index}?region=knee",
        f"{index}?region=knee&page=2",
        index + denervation,
        index + generated,
        *(prefix + other for other in others),
    ]


def cold_queries(client, url: str) -> int:
    """Queries of one anonymous request with every cache empty."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def measure(client) -> dict[str, int]:
    counts = {
        url: cold_queries(client, url)
        for language in ("de", "en")
        for url in page_addresses(language)
    }
    counts["/sitemap.xml"] = cold_queries(client, "/sitemap.xml")
    return counts


def assert_within_limits(counts: dict[str, int]) -> None:
    over = {
        url: count
        for url, count in counts.items()
        if count > (SITEMAP_QUERIES if url == "/sitemap.xml" else PAGE_QUERIES)
    }
    assert over == {}


def grow(treatments: int) -> None:
    """``treatments`` treatment pages in all: the demo's and generated ones."""
    call_command("load_demo_content", treatments=treatments - 1, stdout=io.StringIO())


def test_every_page_type_renders_in_few_queries(
    client, demo_site, queued_tasks, request
):
    grow(5)
    counts = measure(client)

    assert_within_limits(counts)
    record(
        request.config,
        "cold queries per page, 5 treatments: "
        + ", ".join(f"{url} {count}" for url, count in counts.items()),
    )


@pytest.mark.slow
def test_queries_do_not_grow_and_the_index_of_500_stays_small(
    client, demo_site, queued_tasks, request
):
    """One growing site for both (building pages is the slow part): the cold
    queries with 200 treatments equal those with 5; the index of 500 stays small."""
    grow(5)
    small = measure(client)
    grow(200)
    for number in range(3):
        region = BodyRegion.objects.create(
            name_de=f"Region {number}", name_en=f"Region {number}", slug=f"r{number}"
        )
        region.treatments.set(TreatmentPage.objects.all()[: 20 * (number + 1)])
    large = measure(client)

    assert_within_limits(large)
    assert large == small

    grow(500)

    assert TreatmentPage.objects.live().count() == 500
    for url in ("/de/behandlungen/", "/en/treatments/?region=knee"):
        html = client.get(url).content
        assert b'region-filter__count">(500)</span>' in html
        size = len(gzip.compress(html, compresslevel=6))
        record(request.config, f"{url} with 500 treatments: {size} bytes gzipped")
        assert size <= 30 * 1024, url


def test_private_section_still_asks_for_its_password(client, demo_site):
    index = Page.objects.get(slug_de="behandlungen")
    PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.PASSWORD, password="x" * 12
    )

    response = client.get("/de/behandlungen/denervation-thermokoagulation/")

    html = response.content.decode()
    assert 'name="password"' in html
    assert "Facettengelenk" not in html


def test_alias_keeps_the_restriction_of_its_source(client, demo_site):
    source = TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")
    PageViewRestriction.objects.create(
        page=source, restriction_type=PageViewRestriction.PASSWORD, password="x" * 12
    )
    source.create_alias(parent=source.get_parent().get_parent(), update_slug="kopie")

    response = client.get("/de/kopie/")

    assert response.status_code == 200
    html = response.content.decode()

    assert 'name="password"' in html
    assert "Facettengelenk" not in html


def test_login_restriction_sends_to_sign_in(client, demo_site):
    index = Page.objects.get(slug_de="behandlungen")
    PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get("/en/treatments/denervation-thermocoagulation/")

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_unpublished_page_is_not_found(client, demo_site):
    TreatmentPage.objects.get(slug_de="denervation-thermokoagulation").unpublish()

    response = client.get("/de/behandlungen/denervation-thermokoagulation/")

    assert response.status_code == 404


SUB_ROUTES = {
    "/en/not-translated/": "not",
    "/de/nicht-uebersetzt/": "nicht",
    "/de/beratung/danke/": "Ihre Anfrage",
}


def test_sub_routes_still_answer(client, demo_site):
    pages = {url: client.get(url) for url in SUB_ROUTES}

    assert {url: page.status_code for url, page in pages.items()} == dict.fromkeys(
        SUB_ROUTES, 200
    )
    for url, text in SUB_ROUTES.items():
        assert text in pages[url].content.decode(), url


def test_unknown_address_is_not_found(client, demo_site):
    assert client.get("/de/behandlungen/gibt-es-nicht/").status_code == 404


# With a query string, so that the page cache plays no part: what is kept of a
# route between publishes (pages.routing.page_at) must follow every change.
VISITED = "/de/behandlungen/denervation-thermokoagulation/?besucht=1"


def test_a_restriction_added_after_a_visit_asks_for_its_password(client, demo_site):
    assert client.get(VISITED).status_code == 200
    PageViewRestriction.objects.create(
        page=Page.objects.get(slug_de="behandlungen"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="x" * 12,
    )

    html = client.get(VISITED).content.decode()

    assert 'name="password"' in html
    assert "Facettengelenk" not in html


def test_a_page_unpublished_after_a_visit_is_not_found(client, demo_site):
    assert client.get(VISITED).status_code == 200
    TreatmentPage.objects.get(slug_de="denervation-thermokoagulation").unpublish()

    assert client.get(VISITED).status_code == 404


def test_a_page_moved_after_a_visit_answers_at_its_new_address(client, demo_site):
    assert client.get(VISITED).status_code == 200
    page = Page.objects.get(slug_de="denervation-thermokoagulation")
    page.move(Page.objects.get(slug_de="behandlungen").get_parent(), "last-child")

    old = client.get(VISITED)
    assert old.status_code == 301  # Wagtail's redirect, made by the move
    assert old["Location"] == "/de/denervation-thermokoagulation/"
    moved = client.get("/de/denervation-thermokoagulation/?besucht=1")
    assert moved.status_code == 200
    assert "Facettengelenk" in moved.content.decode()


def test_a_site_changed_after_a_visit_is_followed(client, demo_site):
    assert client.get(VISITED).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.is_default_site = "www.roc-ortho.example", False
    site.save()

    assert client.get(VISITED).status_code == 404
