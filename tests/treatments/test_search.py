"""Search across the treatment pages in the reader's language."""

import re

import pytest

from tests.pages.conftest import page_html

DENERVATION = {
    "de": "/de/behandlungen/denervation-thermokoagulation/",
    "en": "/en/treatments/denervation-thermocoagulation/",
}


def result_links(html: str) -> list[str]:
    return re.findall(r'<a class="card__link" href="([^"]+)"', html)


@pytest.mark.parametrize(
    ("path", "language"),
    [("/de/suche/?q=Knie", "de"), ("/en/search/?q=knee", "en")],
)
def test_finds_denervation_by_body_region(client, demo_site, path, language):
    html = page_html(client, path)

    assert result_links(html) == [DENERVATION[language]]
    assert "<script" not in html.split("<main")[1]  # results need no script


def test_finds_words_in_the_page_title(client, demo_site):
    assert result_links(page_html(client, "/de/suche/?q=Denervation")) == [
        DENERVATION["de"]
    ]


def test_german_word_does_not_find_the_english_page(client, demo_site):
    html = page_html(client, "/en/search/?q=Knie")

    assert result_links(html) == []
    assert "0 results for “Knie”" in html
    assert "No treatment page matches your search." in html


def test_empty_search_asks_for_a_word(client, demo_site):
    html = page_html(client, "/de/suche/")

    assert "Geben Sie ein Wort ein" in html
    assert result_links(html) == []


def test_no_result_state(client, demo_site):
    html = page_html(client, "/de/suche/?q=Ellenbogenfraktur")

    assert "0 Ergebnisse für „Ellenbogenfraktur“" in html
    assert "Keine Behandlungsseite passt zu Ihrer Suche." in html


def test_overlong_query_is_a_translated_400(client, demo_site):
    response = client.get("/de/suche/", {"q": "Knie" * 30})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte geben Sie höchstens 100 Zeichen ein." in html
    assert "<title>Fehler:" in html


def test_punctuation_only_query_is_handled(client, demo_site):
    html = page_html(client, "/en/search/?q=%22%27%3B--")

    assert result_links(html) == []


def test_search_field_in_the_header_of_every_page(client, demo_site):
    html = page_html(client, DENERVATION["en"])

    assert re.search(
        r'<form class="site-search" role="search" method="get" '
        r'action="/en/search/">',
        html,
    )


def test_language_switch_of_the_search_page(client, demo_site):
    html = page_html(client, "/de/suche/?q=Knie")

    assert 'href="/en/search/" hreflang="en"' in html
