"""Header, footer, language switch and page metadata (navigation_tags)."""

import re

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest
from PIL import Image

from pages.models import ClinicSettings
from tests.pages.conftest import page_html

DENERVATION = {
    "de": "/de/behandlungen/denervation-thermokoagulation/",
    "en": "/en/treatments/denervation-thermocoagulation/",
}


def links_in(html: str, css_class: str) -> list[tuple[str, str]]:
    block = re.search(rf'<ul class="{css_class}"[^>]*>(.*?)</ul>', html, re.S)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', block.group(1))


def alternates(html: str) -> dict[str, str]:
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    )


@pytest.mark.parametrize(("language", "other"), [("de", "en"), ("en", "de")])
def test_switch_leads_to_the_same_treatment_page_and_back(
    client, demo_site, language, other
):
    html = page_html(client, DENERVATION[language])
    switch = re.findall(r'href="([^"]+)" hreflang="(\w+)"', html)

    assert switch == [(DENERVATION[other], other)]
    back = page_html(client, DENERVATION[other])
    assert re.findall(r'href="([^"]+)" hreflang="\w+"', back) == [DENERVATION[language]]


def test_switch_keeps_the_section_anchor_with_the_script(client, demo_site):
    """Anchors are the same in both languages; site.js carries the hash over."""
    html = page_html(client, DENERVATION["de"])

    assert 'id="faq"' in html
    assert 'id="faq"' in page_html(client, DENERVATION["en"])
    assert re.search(
        r'<script src="[^"]*js/site\.js" integrity="sha384-[^"]+" defer>', html
    )


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_has_hreflang_alternates_and_x_default(client, demo_site, language):
    html = page_html(client, DENERVATION[language])

    assert alternates(html) == {
        "de": f"http://testserver{DENERVATION['de']}",
        "en": f"http://testserver{DENERVATION['en']}",
        "x-default": f"http://testserver{DENERVATION['de']}",
    }


@pytest.mark.parametrize("language", ["de", "en"])
def test_canonical_and_open_graph_come_from_page_fields(client, demo_site, language):
    page = Page.objects.get(slug_de="denervation-thermokoagulation")
    html = page_html(client, DENERVATION[language])
    description = getattr(page, f"search_description_{language}")
    url = f"http://testserver{DENERVATION[language]}"

    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert f'<meta name="description" content="{description}">' in html
    assert f'<meta property="og:description" content="{description}">' in html
    title = getattr(page, f"seo_title_{language}")
    assert f'<meta property="og:title" content="{title}">' in html
    locale = {"de": "de_DE", "en": "en_GB"}[language]
    assert f'<meta property="og:locale" content="{locale}">' in html


@pytest.mark.parametrize(
    "path",
    [
        "/de/",
        "/en/",
        "/de/behandlungen/",
        "/en/treatments/",
        DENERVATION["de"],
        DENERVATION["en"],
        "/de/beratung/",
        "/en/consultation/",
        "/de/impressum/",
        "/en/legal-notice/",
    ],
)
def test_pages_without_lead_image_share_the_default_image(client, demo_site, path):
    html = page_html(client, path)
    url = "http://testserver/static/img/share-default.png"

    assert f'<meta property="og:image" content="{url}">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html
    alt = "ROC Ortho, Aschheim bei München"
    assert f'<meta property="og:image:alt" content="{alt}">' in html
    with Image.open(finders.find("img/share-default.png")) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))


def test_canonical_uses_the_host_the_site_is_served_on(client, demo_site, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    html = client.get("/de/", HTTP_HOST="127.0.0.1:8000").content.decode()

    assert '<link rel="canonical" href="http://127.0.0.1:8000/de/">' in html


def test_icons_are_local(client, demo_site):
    html = page_html(client, "/de/")

    assert re.search(r'<link rel="icon" href="/static/img/favicon\.svg"', html)
    assert re.search(
        r'<link rel="apple-touch-icon" href="/static/img/apple-touch-icon\.png"', html
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/de/", ["Behandlungen", "Die Praxis", "Beratung"]),
        ("/en/", ["Treatments", "The clinic", "Consultation"]),
    ],
)
def test_header_navigation_from_the_settings(client, demo_site, path, expected):
    html = page_html(client, path)
    nav = re.search(r'<nav class="site-nav"[^>]*>(.*?)</nav>', html, re.S).group(1)

    assert re.findall(r">([^<>]+)</a>", nav) == expected


def test_navigation_marks_the_current_section(client, demo_site):
    html = page_html(client, DENERVATION["en"])

    assert '<a href="/en/treatments/" aria-current="true">' in html


def test_navigation_label_overrides_the_page_title(client, demo_site):
    clinic = ClinicSettings.objects.get()
    item = clinic.navigation_items.get(page__slug_de="praxis")
    item.label_de = "Über uns"
    item.label_en = "About us"
    item.save()
    clinic.save()  # saving the settings drops the cached header

    assert ">Über uns</a>" in page_html(client, "/de/")
    assert ">About us</a>" in page_html(client, "/en/")


def test_publishing_a_page_refreshes_the_navigation(client, demo_site):
    page_html(client, "/en/")  # fills the cache
    page = Page.objects.get(slug_de="praxis").specific
    page.title_en = "Our clinic"
    page.save_revision().publish()

    assert ">Our clinic</a>" in page_html(client, "/en/")


@pytest.mark.parametrize(
    ("path", "links"),
    [
        (
            "/de/",
            [
                ("/de/impressum/", "Impressum"),
                ("/de/datenschutz/", "Datenschutzerklärung"),
                ("/de/barrierefreiheit/", "Erklärung zur Barrierefreiheit"),
            ],
        ),
        (
            "/en/",
            [
                ("/en/legal-notice/", "Legal notice"),
                ("/en/privacy/", "Privacy notice"),
                ("/en/accessibility/", "Accessibility statement"),
            ],
        ),
    ],
)
def test_footer_links_to_the_legal_pages(client, demo_site, path, links):
    html = page_html(client, path)

    assert links_in(html, "site-footer__links") == links
    assert "Aschheim" in html


def test_footer_marks_placeholders_visibly(client, demo_site):
    html = page_html(client, "/de/")
    footer = html[html.index('<footer class="site-footer">') :]

    assert (
        '<mark class="placeholder">[Von der Praxis zu ergänzen: Telefonnummer]</mark>'
        in footer
    )
    assert 'href="tel:' not in footer


def test_real_phone_number_becomes_a_link(client, demo_site):
    clinic = ClinicSettings.objects.get()
    clinic.phone_de = clinic.phone_en = "+49 89 1234 5678"
    clinic.save()

    assert 'href="tel:+498912345678"' in page_html(client, "/de/")


def test_header_and_footer_add_no_query_once_cached(client, demo_site):
    page_html(client, "/de/praxis/")
    with CaptureQueriesContext(connection) as queries:
        page_html(client, "/de/praxis/")

    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "pages_clinicsettings" not in tables
    assert "pages_navigationitem" not in tables


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("de", "Die gewählte Seite gibt es in dieser Sprache noch nicht"),
        ("en", "The page you chose is not available in this language yet"),
    ],
)
def test_untranslated_page_falls_back_to_the_other_home_with_a_note(
    client, demo_site, language, note
):
    """A German-only page: the switch and its address lead to /en/ with a note."""
    page = Page.objects.get(slug_de="praxis").specific
    page.title_en = ""
    page.slug_en = ""
    page.save_revision().publish()

    html = page_html(client, "/de/praxis/")
    assert 'href="/en/not-translated/" hreflang="en"' in html
    assert ">Die Praxis</a>" in html
    assert "/praxis/" not in page_html(client, "/en/")  # not in the English menu
    assert 'hreflang="en" href=' not in html  # no alternate that does not exist

    response = client.get("/en/praxis/")
    assert response.status_code == 302
    assert response["Location"] == "/en/not-translated/"
    fallback = page_html(
        client,
        f"/{language}/"
        + {"de": "nicht-uebersetzt/", "en": "not-translated/"}[language],
    )
    assert note in fallback
    assert '<meta name="robots" content="noindex">' in fallback


def test_title_and_open_graph_end_with_the_clinic_name_from_the_settings(
    client, demo_site
):
    clinic = ClinicSettings.objects.get()
    clinic.clinic_name = "Praxis am Test"
    clinic.save()
    cache.clear()  # the shell is shared between requests until a publish

    html = page_html(client, DENERVATION["en"])

    assert (
        "<title>Denervation (thermocoagulation) in Aschheim – Praxis am Test</title>"
        in html
    )
    assert '<meta property="og:site_name" content="Praxis am Test">' in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_take_home_sheet_has_the_canonical_address_and_its_qr_code(
    client, demo_site, language
):
    html = page_html(client, DENERVATION[language])
    sheet = html.split('<div class="print-only sheet">')[1].split("</article>")[0]
    address = f"http://testserver{DENERVATION[language]}"

    assert f'<link rel="canonical" href="{address}">' in html
    assert f'<a href="{address}">{address}</a>' in sheet
    assert re.search(r'<svg viewBox="0 0 \d+ \d+"><path [^>]+/></svg>', sheet)


def test_standard_page_prints_the_take_home_sheet(client, demo_site):
    html = page_html(client, "/en/privacy/")

    assert "My questions for the consultation" in html
    assert '<a href="http://testserver/en/privacy/">' in html
