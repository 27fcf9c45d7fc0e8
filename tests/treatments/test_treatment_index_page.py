import io

from django.core.management import call_command

from wagtail.models import Page

import pytest

from treatments.models import TreatmentPage
from treatments.models.listing import PAGE_SIZE, PREVIEW_SIZE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "heading"),
    [("/de/behandlungen/", "Knie"), ("/en/treatments/", "Knee")],
)
def test_index_lists_denervation_under_each_region(
    client, denervation_page, url, heading
):
    html = client.get(url).content.decode()

    assert (
        html.count(f"{denervation_page.title_de}")
        + html.count(denervation_page.title_en)
        == 5
    )
    assert f">{heading}</h2>" in html


def test_index_filters_by_region_without_script(client, denervation_page):
    html = client.get("/en/treatments/?region=knee").content.decode()

    assert ">Knee</h2>" in html
    assert ">Hip</h2>" not in html
    assert 'href="/en/treatments/?region=knee" aria-current="page"' in html
    assert html.count("Denervation (thermocoagulation)</a>") == 1


def test_index_unknown_region_shows_all(client, denervation_page):
    response = client.get("/en/treatments/?region=elbow")

    assert response.status_code == 200
    assert ">Hip</h2>" in response.content.decode()


def test_index_hides_draft_treatments(client, denervation_page):
    denervation_page.unpublish()

    html = client.get("/en/treatments/").content.decode()

    assert "Denervation (thermocoagulation)" not in html
    assert "There are no treatment pages for this body region yet." in html


@pytest.fixture
def big_index(denervation_page, queued_tasks):
    """The demo with 90 generated treatments."""
    call_command("load_demo_content", treatments=90, stdout=io.StringIO())


def region_count(slug: str) -> int:
    return TreatmentPage.objects.live().filter(body_regions__slug=slug).count()


def cards(html: str, slug: str) -> int:
    section = html.split(f'id="region-{slug}"')[1].split("</section>")[0]
    return section.count('class="card"')


def test_filter_shows_each_region_with_its_count(client, big_index):
    html = client.get("/en/treatments/").content.decode()

    knee = region_count("knee")
    assert f'?region=knee">Knee <span class="region-filter__count">({knee})' in html
    assert f"{TreatmentPage.objects.live().count()})</span>" in html


def test_all_regions_show_a_preview_and_link_the_rest(client, big_index):
    html = client.get("/de/behandlungen/").content.decode()

    knee = region_count("knee")
    assert knee > PREVIEW_SIZE
    assert cards(html, "knee") == PREVIEW_SIZE
    assert f">Alle {knee} Behandlungen für Knie</a>" in html
    assert f"{knee} Behandlungen</p>" in html


def test_filtered_region_is_paginated_without_script(client, big_index):
    knee = region_count("knee")
    pages = -(-knee // PAGE_SIZE)
    assert pages > 1

    first = client.get("/en/treatments/?region=knee").content.decode()
    last = client.get(f"/en/treatments/?region=knee&page={pages}").content.decode()

    assert cards(first, "knee") == PAGE_SIZE
    assert cards(last, "knee") == knee - PAGE_SIZE * (pages - 1)
    assert f'href="?region=knee&amp;page={pages}"' in first
    assert 'rel="prev"' in last


def test_bad_page_number_shows_a_page(client, big_index):
    response = client.get("/en/treatments/?region=knee&page=x")

    assert response.status_code == 200
    assert cards(response.content.decode(), "knee") == PAGE_SIZE


def test_english_index_leaves_out_german_only_pages(client, denervation_page):
    Page.objects.filter(pk=denervation_page.pk).update(title_en="")

    english = client.get("/en/treatments/").content.decode()
    german = client.get("/de/behandlungen/").content.decode()

    assert "Denervation" not in english
    assert "There are no treatment pages for this body region yet." in english
    assert "Denervation (Thermokoagulation)" in german
