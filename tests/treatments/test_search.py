"""Search across the treatment pages in the reader's language."""

import re

from wagtail.rich_text import RichText

import pytest

from tests.factories.treatments import TreatmentPageFactory
from tests.pages.conftest import page_html
from treatments import search
from treatments.models import TreatmentIndexPage, TreatmentPage

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


def test_english_search_leaves_out_german_only_pages(client, demo_site):
    TreatmentPage.objects.filter(slug_de="denervation-thermokoagulation").update(
        title_en=""
    )

    assert result_links(page_html(client, "/en/search/?q=knee")) == []
    assert result_links(page_html(client, "/de/suche/?q=Knie")) == [DENERVATION["de"]]


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


@pytest.mark.parametrize(
    "path",
    [
        "/de/suche/?q=Facettengelenk",
        "/de/suche/?q=arthrose",
        "/de/suche/?q=Arthrosen",
        "/de/suche/?q=Gelenke",
    ],
)
def test_finds_other_forms_of_german_words(client, demo_site, path):
    assert result_links(page_html(client, path)) == [DENERVATION["de"]]


@pytest.mark.parametrize("query", ["facet joint", "Facet Joints", "injections"])
def test_finds_other_forms_of_english_words(client, demo_site, query):
    html = page_html(client, f"/en/search/?q={query}")

    assert result_links(html) == [DENERVATION["en"]]


def test_english_word_does_not_find_the_german_page(client, demo_site):
    assert result_links(page_html(client, "/de/suche/?q=facet+joint")) == []


@pytest.mark.parametrize(
    ("path", "marked"),
    [
        ("/de/suche/?q=Facettengelenk", r"<mark>Facettengelenke?n?</mark>"),
        ("/de/suche/?q=arthrose", r"<mark>Arthrose</mark>"),
        ("/en/search/?q=facet+joint", r"<mark>facet</mark> <mark>joints</mark>"),
    ],
)
def test_snippet_highlights_the_match(client, demo_site, path, marked):
    html = page_html(client, path)

    snippet = re.search(r'<p class="search-results__snippet">(.*?)</p>', html, re.S)
    assert snippet
    assert re.search(marked, snippet.group(1))


def test_snippet_escapes_the_page_text():
    texts = [
        search.FieldText("title_de", 2, "Titel"),
        search.FieldText("summary_de", 1.5, "Knie <b>& Hüfte</b> bei Arthrose"),
    ]

    html = search.snippet(texts, ["arthros"])

    assert html == "Knie &lt;b&gt;&amp; Hüfte&lt;/b&gt; bei <mark>Arthrose</mark>"


def test_long_text_is_cut_around_the_match():
    words = " ".join(f"Wort{n}" for n in range(100))
    texts = [search.FieldText("summary_de", 1.5, f"{words} Facettengelenke {words}")]

    html = search.snippet(texts, ["facettengelenk"])

    assert html.startswith("… ")
    assert html.endswith(" …")
    assert "<mark>Facettengelenke</mark>" in html
    assert len(html) < search.SNIPPET_LENGTH + 40


@pytest.mark.parametrize(
    ("word", "language", "stem"),
    [
        ("facettengelenken", "de", "facettengelenk"),
        ("arthrosen", "de", "arthros"),
        ("behandlungen", "de", "behandl"),
        ("knie", "de", "knie"),
        ("joints", "en", "joint"),
        ("therapies", "en", "therap"),
        ("knee", "en", "knee"),
    ],
)
def test_light_stem(word, language, stem):
    assert search.light_stem(word, language) == stem


def test_no_result_page_suggests_the_treatments_and_the_consultation(client, demo_site):
    html = page_html(client, "/de/suche/?q=Ellenbogenfraktur")

    suggestions = html.split('class="search-suggestions"')[1].split("</ul>")[0]
    assert 'href="/de/behandlungen/"' in suggestions
    assert 'href="/de/beratung/"' in suggestions
    assert "Alle Behandlungen ansehen" in suggestions
    assert "Fragen Sie uns in einer Beratung" in suggestions


@pytest.mark.parametrize(
    "path", ["/de/suche/?q=Knie", "/en/search/?q=elbow", "/de/suche/"]
)
def test_search_pages_are_noindex(client, demo_site, path):
    html = page_html(client, path)

    assert '<meta name="robots" content="noindex">' in html
    assert '<link rel="canonical"' not in html


@pytest.fixture
def many_treatments(demo_site):
    """Twelve pages that mention "Zinnober": two pages of results."""
    index = TreatmentIndexPage.objects.get()
    return [
        TreatmentPageFactory(
            parent=index,
            summary_de=[("paragraph", RichText("<p>Hilft bei Zinnober.</p>"))],
            summary_en=[("paragraph", RichText("<p>Helps with cinnabar.</p>"))],
        )
        for _ in range(12)
    ]


def test_results_are_paginated(client, many_treatments):
    first = page_html(client, "/de/suche/?q=Zinnober")

    assert "12 Ergebnisse für „Zinnober“" in first
    assert len(result_links(first)) == search.RESULTS_PER_PAGE
    assert 'href="?q=Zinnober&amp;page=2" rel="next"' in first
    assert '<a aria-current="page" href="?q=Zinnober&amp;page=1">Seite 1</a>' in first

    second = page_html(client, "/de/suche/?q=Zinnober&page=2")

    assert len(result_links(second)) == 2
    assert 'href="?q=Zinnober&amp;page=1" rel="prev"' in second
    assert set(result_links(first)).isdisjoint(result_links(second))


def test_bad_page_number_shows_the_first_page(client, many_treatments):
    html = page_html(client, "/en/search/?q=cinnabar&page=x")

    assert len(result_links(html)) == search.RESULTS_PER_PAGE


def test_one_page_of_results_has_no_page_links(client, demo_site):
    assert 'class="pagination"' not in page_html(client, "/de/suche/?q=Knie")


def test_title_and_summary_rank_above_the_sections(client, demo_site):
    index = TreatmentIndexPage.objects.get()
    in_body = TreatmentPageFactory(
        parent=index,
        title_de="Aaa Erste",
        faq_de=[("question", {"question": "Quarzit?", "answer": "Ja."})],
    )
    in_summary = TreatmentPageFactory(
        parent=index,
        title_de="Bbb Zweite",
        summary_de=[("paragraph", RichText("<p>Bei Quarzit.</p>"))],
    )
    in_title = TreatmentPageFactory(parent=index, title_de="Ccc Quarzit")

    links = result_links(page_html(client, "/de/suche/?q=Quarzit"))

    assert links == [in_title.url, in_summary.url, in_body.url]


@pytest.mark.parametrize("query", ["paragraph", "value"])
def test_stored_block_names_are_not_found(client, demo_site, query):
    """StreamField columns hold JSON: its keys and block names are not text."""
    assert result_links(page_html(client, f"/en/search/?q={query}")) == []
