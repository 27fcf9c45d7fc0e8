import datetime
import json
import re
from html import unescape
from urllib.parse import urlparse

from django.utils.html import escape

import pytest

from tests.factories.treatments import TreatmentPageFactory
from treatments.demo.denervation import DENERVATION
from treatments.models import ReviewedBy, TreatmentPage
from treatments.sections import SECTIONS

pytestmark = pytest.mark.django_db

URLS = {
    "de": "/de/behandlungen/denervation-thermokoagulation/",
    "en": "/en/treatments/denervation-thermocoagulation/",
}
INDEX_URLS = {"de": "/de/behandlungen/", "en": "/en/treatments/"}
PAGE_ONLY_KEYS = {"slug", "seo_title", "search_description"}


def reviewed(page: TreatmentPage) -> None:
    """Record a review as the workflow's approval does (see test_review.py)."""
    TreatmentPage.objects.filter(pk=page.pk).update(
        reviewed_by=ReviewedBy.MEDICAL_TEAM,
        last_reviewed=datetime.date(2026, 3, 1),
        next_review_due=datetime.date(2027, 3, 1),
    )


def texts(value) -> list[str]:
    """Every visible string of the demo data (skipping block type names)."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, tuple):
        return texts(value[1])
    if isinstance(value, dict):
        return [
            text
            for key, item in value.items()
            if key not in {"body_region", "stage", "url"}
            for text in texts(item)
        ]
    return [text for item in value for text in texts(item)]


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_fact_of_the_seed_renders(client, denervation_page, language):
    response = client.get(URLS[language])

    assert response.status_code == 200
    html = response.content.decode()
    content = DENERVATION[language]
    missing = [
        text
        for key, value in content.items()
        if key not in PAGE_ONLY_KEYS
        for text in texts(value)
        if escape(text) not in html
    ]
    assert missing == []


@pytest.mark.parametrize("language", ["de", "en"])
def test_sections_have_the_same_anchors_in_both_languages(
    client, denervation_page, language
):
    html = client.get(URLS[language]).content.decode()

    for section in SECTIONS:
        assert f'<section id="{section.anchor}"' in html
    assert html.count("<h1") == 1


def test_on_this_page_lists_the_main_sections(client, denervation_page):
    html = client.get(URLS["en"]).content.decode()
    toc = html[
        html.index('class="toc"') : html.index("</nav>", html.index('class="toc"'))
    ]

    assert '<a href="#what-it-is">What it is</a>' in toc
    assert '<a href="#faq">Frequently asked questions</a>' in toc
    assert "#rare-risks" not in toc  # a sub-section, not in the short list


def test_heading_levels_never_skip(client, denervation_page):
    html = client.get(URLS["de"]).content.decode()
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]

    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_faq_needs_no_script(client, denervation_page):
    html = client.get(URLS["en"]).content.decode()

    assert html.count('<details class="faq">') == 4
    assert "<summary>Is denervation painful?</summary>" in html


def test_page_says_it_does_not_replace_the_doctor(client, denervation_page):
    de = client.get(URLS["de"]).content.decode()
    en = client.get(URLS["en"]).content.decode()

    assert "ersetzt es nicht" in de
    assert "it does not replace it" in en


def test_review_dates_show_at_the_foot(client, denervation_page):
    reviewed(denervation_page)
    html = client.get(URLS["en"]).content.decode()
    footer = html[html.index('<footer class="review"') :]

    assert "Last reviewed" in footer
    assert 'datetime="2026-03-01"' in footer
    assert "ROC Ortho medical team" in footer


@pytest.mark.parametrize("language", ["de", "en"])
def test_json_ld_describes_page_procedure_and_faq(client, denervation_page, language):
    reviewed(denervation_page)
    html = client.get(URLS[language]).content.decode()
    raw = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    ).group(1)
    graph = {node["@type"]: node for node in json.loads(raw)["@graph"]}

    assert set(graph) == {"MedicalWebPage", "MedicalProcedure", "FAQPage"}
    web_page = graph["MedicalWebPage"]
    assert web_page["inLanguage"] == language
    assert web_page["lastReviewed"] == "2026-03-01"
    assert web_page["reviewedBy"]["@type"] == "Organization"
    procedure = graph["MedicalProcedure"]
    assert procedure["preparation"]
    assert procedure["howPerformed"]
    assert procedure["followup"]
    assert len(procedure["bodyLocation"]) == 5
    assert len(graph["FAQPage"]["mainEntity"]) == 4
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert web_page["url"] == canonical == f"http://testserver{URLS[language]}"


@pytest.mark.parametrize("language", ["de", "en"])
def test_page_loads_nothing_from_other_hosts(client, denervation_page, language):
    html = client.get(URLS[language]).content.decode()
    loaded = re.findall(r'(?:src|srcset)="([^"]+)"', html)
    # canonical and hreflang links name addresses; they load nothing.
    loaded += re.findall(
        r'<link(?![^>]*rel="(?:canonical|alternate)")[^>]+href="([^"]+)"', html
    )

    assert loaded
    assert [url for url in loaded if urlparse(unescape(url)).netloc] == []
    assert "<iframe" not in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_render_needs_few_queries(
    client, denervation_page, language, django_assert_max_num_queries
):
    # Warms the cached site root paths, as in production, but not this page.
    client.get(INDEX_URLS[language])

    with django_assert_max_num_queries(10):
        response = client.get(URLS[language])

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"  # rendered, not from the page cache


# The diagnostic step has one name per language (issue 15); these are the names
# it had before, which must not come back.
DIAGNOSTIC_STEP = {
    "de": ("Diagnostische Testblockade", "Testblockade"),
    "en": ("Diagnostic test block", "test block"),
}
OLD_DIAGNOSTIC_NAMES = {
    "de": ("Testinfiltration", "Nervenblockade", "diagnostische Blockade"),
    "en": ("test infiltration", "nerve block", "diagnostic block"),
}


def toc_links(html: str) -> dict[str, str]:
    start = html.index('class="toc"')
    toc = html[start : html.index("</nav>", start)]
    return dict(re.findall(r'<a href="#([^"]+)">([^<]+)</a>', toc))


@pytest.mark.parametrize("language", ["de", "en"])
def test_diagnostic_step_has_one_name_and_the_contents_link_lands_on_it(
    client, denervation_page, language
):
    html = client.get(URLS[language]).content.decode()
    label, name = DIAGNOSTIC_STEP[language]
    heading = re.search(r'<h2 id="test-block-heading">([^<]+)</h2>', html).group(1)

    assert toc_links(html)["test-block"] == label
    assert heading.startswith(f"{label}:")
    section = html[html.index('<section id="test-block"') :]
    assert section[: section.index("</section>")].count(name) >= 3
    for old in OLD_DIAGNOSTIC_NAMES[language]:
        assert old.lower() not in html.lower()


def test_procedure_names_the_test_stimulation(client, denervation_page):
    en = client.get(URLS["en"]).content.decode()
    de = client.get(URLS["de"]).content.decode()

    assert "Test stimulation (depending on the region)" in en
    assert "simulation" not in en.lower()
    assert "Teststimulation (je nach Region)" in de


@pytest.mark.parametrize(
    ("language", "benefit"),
    [
        ("en", "Minimally invasive (small incision)"),
        ("de", "Minimalinvasiv (kleiner Schnitt)"),
    ],
)
def test_benefits_keep_the_seeds_small_incision(
    client, denervation_page, language, benefit
):
    assert benefit in client.get(URLS[language]).content.decode()


@pytest.mark.parametrize("language", ["de", "en"])
def test_temperature_range_never_breaks_before_the_unit(
    client, denervation_page, language
):
    html = client.get(URLS[language]).content.decode()

    assert "60–90\u00a0°C" in html
    assert "60–90 °C" not in html


def test_german_uses_plain_words_and_keeps_abbreviations_together(
    client, denervation_page
):
    html = client.get(URLS["de"]).content.decode()

    for jargon in ("Lokalanästhe", "Sensibilitätsstörung", "appliziert"):
        assert jargon not in html
    assert "örtliches Betäubungsmittel" in html
    assert "Örtliche Betäubung an der Einstichstelle" in html
    assert "Gefühlsstörungen" in html
    assert "z.\u00a0B." in html
    assert "z. B." not in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_videos_without_address_are_listed_by_title_without_promise(
    client, denervation_page, language
):
    html = client.get(URLS[language]).content.decode()
    section = html[html.index('<section id="videos"') :]
    section = section[: section.index("</section>")]

    for video in DENERVATION[language]["videos"]:
        assert f'<h3 class="video__title">{escape(video["title"])}</h3>' in section
    assert 'class="video"' not in section
    assert "video__placeholder" not in section
    for promise in ("soon", "Kürze", "bald"):
        assert promise not in section


@pytest.mark.parametrize(
    ("language", "heading", "address"),
    [
        ("de", "Verwandte Behandlungen", "/de/behandlungen/behandlung-verwandt/"),
        ("en", "Related treatments", "/en/treatments/treatment-related/"),
    ],
)
def test_related_treatments_link_in_the_reader_language(
    client, denervation_page, language, heading, address
):
    related = TreatmentPageFactory(
        parent=denervation_page.get_parent(),
        title_de="Verwandte Testbehandlung",
        title_en="Related test treatment",
        slug_de="behandlung-verwandt",
        slug_en="treatment-related",
    )
    denervation_page.related_treatments.add(related)
    denervation_page.save_revision().publish()

    html = client.get(URLS[language]).content.decode()

    related_section = html.split('id="related-heading">', 1)[1].split("</section>")[0]
    assert related_section.startswith(f"{heading}</h2>")
    assert f'href="{address}"' in related_section
    assert (
        "Verwandte Testbehandlung" if language == "de" else "Related test treatment"
    ) in related_section
