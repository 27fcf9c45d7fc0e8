"""Search across the treatment pages, in the reader's language.

Every translated field has a German and an English column, and
wagtail-modeltranslation adds a ``SearchField`` for each (``summary_de``,
``summary_en``), with the boost of the original: the title counts most, then
subtitle and summary, then the sections.

PostgreSQL: Wagtail's database backend runs the query on the reader's columns
only (``fields=``), with the text search configuration of the reader's language
(``SEARCH_CONFIGS``), so German is stemmed as German and English as English
("Facettengelenk" finds "Facettengelenken", "facet joint" finds "facet joints"),
and its rank uses the field boosts. The configuration is passed per query, not
as a second entry in ``WAGTAILSEARCH_BACKENDS``: the database backends share one
index table, so a second backend would overwrite the first one's entries
(wagtail/wagtail#9253); searching named fields builds its vectors from the
columns and does not read that table.

SQLite (the zero-setup default): the backend's FTS5 table has no stemmer (its
tokenizer only splits words) and matches prefixes only through ``autocomplete``
on the last word of an ``AutocompleteField``, with German and English in one
column. So the pages are matched here, in Python, against their text in the
reader's language: each query word loses a common inflection ending
(``light_stem``: "Arthrosen" -> "arthros") and must begin a word of the text.
A clinic has a few dozen treatment pages, so reading them all is cheap; a
larger site runs PostgreSQL (``production.py``).

On both, a page is kept only if every query word begins a word of its text in
the reader's language (the same rule; on PostgreSQL it drops matches on the
JSON keys and block names of StreamField columns); results are ordered by the
boost of the best field each word is found in, and the snippet shows that word
in context. One difference remains: PostgreSQL matches whole word stems, so
"Knie" does not find a page that only says "Kniearthrose", which SQLite's
prefix rule does.
"""

import re
from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from wagtail.search import index
from wagtail.search.backends import get_search_backend

from pages.i18n import has_translation
from treatments.models import TreatmentIndexPage, TreatmentPage

QUERY_MAX_LENGTH = 100
RESULTS_PER_PAGE = 10
SNIPPET_LENGTH = 200
SNIPPET_LEAD = 60  # characters shown before the first match
WORD = re.compile(r"\w+")

# PostgreSQL text search configurations of the site's languages.
SEARCH_CONFIGS = {"de": "german", "en": "english"}

# Inflection endings removed from a query word; the first that fits is taken, so
# longer endings come first. Only the query is stemmed; the word then matches as a
# prefix, so "Gelenke" finds "Gelenk", "Gelenken" and "Gelenkschmerzen".
ENDINGS = {
    "de": ("heiten", "keiten", "ungen", "ern", "em", "en", "er", "es", "e", "n", "s"),
    "en": ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s"),
}
MIN_STEM = 4  # shorter stems match too much ("Knie" stays "knie")
SHOWN_FIELDS = ("title_", "subtitle_")  # every result shows these in full


@dataclass
class FieldText:
    name: str
    boost: float
    text: str


@dataclass
class Hit:
    page: TreatmentPage
    score: float
    snippet: SafeString


def light_stem(word: str, language: str) -> str:
    """``word`` without one common inflection ending of ``language``."""
    for ending in ENDINGS.get(language, ()):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def query_terms(query: str, language: str) -> list[str]:
    words = dict.fromkeys(word.casefold() for word in WORD.findall(query))
    return [light_stem(word, language) for word in words]


def field_texts(page: TreatmentPage, language: str) -> list[FieldText]:
    """The page's indexed fields in ``language`` (its own columns only)."""
    suffix = f"_{language}"
    texts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name.endswith(suffix):
            value = field.get_value(page)
            if isinstance(value, list | tuple):
                value = " ".join(str(item) for item in value)
            text = " ".join(str(value or "").split())
            if text:
                texts.append(FieldText(field.field_name, field.boost or 1.0, text))
    return texts


def word_matches(word: str, terms: list[str]) -> bool:
    folded = word.casefold()
    return any(folded.startswith(term) for term in terms)


def matched_terms(text: str, terms: list[str]) -> set[str]:
    """The terms that begin a word of ``text``."""
    words = WORD.findall(text.casefold())
    return {term for term in terms if any(word.startswith(term) for word in words)}


def score(texts: list[FieldText], terms: list[str]) -> float | None:
    """Sum over the terms of the highest boost of a field holding it; ``None``
    if a term is missing from every field."""
    found = [(field.boost, matched_terms(field.text, terms)) for field in texts]
    total = 0.0
    for term in terms:
        boosts = [boost for boost, in_field in found if term in in_field]
        if not boosts:
            return None
        total += max(boosts)
    return total


def first_match(text: str, terms: list[str]) -> int:
    """Where the first query word found in ``text`` first occurs (0 if none):
    the passage around it then often holds the words that follow it."""
    for term in terms:
        for match in WORD.finditer(text):
            if word_matches(match.group(), [term]):
                return match.start()
    return 0


def snippet(texts: list[FieldText], terms: list[str]) -> SafeString:
    """A passage of the section that holds the most query words, those words in
    ``<mark>``. Title and subtitle are left out (the result shows them); if only
    they matched, the passage is the start of the summary."""
    body = [field for field in texts if not field.name.startswith(SHOWN_FIELDS)]
    if not body:
        return SafeString()
    best = max(body, key=lambda field: len(matched_terms(field.text, terms)))
    text = best.text
    position = first_match(text, terms)
    start = 0
    if position > SNIPPET_LEAD:
        start = text.rfind(" ", 0, position - SNIPPET_LEAD) + 1
    end = len(text)
    if start + SNIPPET_LENGTH < end:
        end = text.rfind(" ", position, start + SNIPPET_LENGTH)
        if end == -1:  # one long word: cut it
            end = start + SNIPPET_LENGTH
    return (
        SafeString("… " if start else "")
        + highlight(text[start:end], terms)
        + SafeString(" …" if end < len(text) else "")
    )


def highlight(text: str, terms: list[str]) -> SafeString:
    """``text`` escaped, with the words that match ``terms`` in ``<mark>``."""
    result, position = SafeString(), 0
    for match in WORD.finditer(text):
        if word_matches(match.group(), terms):
            result += escape(text[position : match.start()])
            result += format_html("<mark>{}</mark>", match.group())
            position = match.end()
    return result + escape(text[position:])


def candidates(query: str, language: str) -> list[TreatmentPage]:
    """The pages to check against the query, best first: on PostgreSQL those
    the search backend finds in the reader's columns, elsewhere all of them."""
    pages = TreatmentPage.objects.live().public()
    if connection.vendor != "postgresql":
        return list(pages.order_by("title"))
    backend = get_search_backend(SEARCH_CONFIG=SEARCH_CONFIGS.get(language, "simple"))
    suffix = f"_{language}"
    fields = [
        field.field_name
        for field in TreatmentPage.get_searchable_search_fields()
        if field.field_name.endswith(suffix)
    ]
    words = " ".join(WORD.findall(query))
    return list(backend.search(words, pages, fields=fields, operator="and"))


def search_treatments(query: str, language: str) -> list[Hit]:
    terms = query_terms(query, language)
    if not terms:
        return []
    hits = []
    for page in candidates(query, language):
        # Not found in a language it has no version in: modeltranslation would
        # search its German text under English.
        if not has_translation(page, language):
            continue
        texts = field_texts(page, language)
        page_score = score(texts, terms)
        if page_score is not None:
            hits.append(Hit(page, page_score, snippet(texts, terms)))
    hits.sort(key=lambda hit: -hit.score)  # stable: the backend's rank breaks ties
    return hits


def search(request: HttpRequest) -> HttpResponse:
    """The results page: works without JavaScript, says when nothing was found.

    Never indexed by search engines (``noindex``): it is not content.
    """
    query = request.GET.get("q", "").strip()
    language = translation.get_language()
    context = {
        "query": query,
        "results": None,
        "result_count": 0,
        "error": "",
        "noindex": True,
        "alternate_urls": alternate_search_urls(),
        "meta_description": gettext("Search the treatment pages of ROC Ortho."),
    }
    status = 200
    if len(query) > QUERY_MAX_LENGTH:
        context["error"] = gettext("Please enter at most %(count)d characters.") % {
            "count": QUERY_MAX_LENGTH
        }
        context["query"] = query[:QUERY_MAX_LENGTH]
        status = 400
    elif query:
        hits = search_treatments(query, language)
        context["results"] = paginate(hits, request.GET.get("page"))
        context["result_count"] = len(hits)
        if not hits:
            context["treatment_index"] = (
                TreatmentIndexPage.objects.live().public().first()
            )
    return render(request, "pages/search.html", context, status=status)


def paginate(hits: list[Hit], number: str | None) -> PaginatorPage:
    """One page of results; a missing or bad page number gives the first or last."""
    return Paginator(hits, RESULTS_PER_PAGE).get_page(number)


def alternate_search_urls() -> dict[str, str]:
    """The search page in each language (the query is not carried over)."""
    urls = {}
    for code in ("de", "en"):
        with translation.override(code):
            urls[code] = reverse("search")
    return urls
