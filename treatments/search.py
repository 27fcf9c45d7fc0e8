"""Search across the treatment pages, in the reader's language.

Wagtail's database backend indexes the German and the English column of every
translated field (wagtail-modeltranslation adds a ``SearchField`` per language),
so a query finds a page in either language. A result is then kept only if its
text in the reader's language holds every word of the query, so that "Knie"
typed on an English page finds nothing rather than the English page.
"""

import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.search import index

from treatments.models import TreatmentPage

QUERY_MAX_LENGTH = 100
MAX_RESULTS = 20
WORD = re.compile(r"\w+")


def language_text(page: TreatmentPage, language: str) -> str:
    """All indexed text of ``page`` in ``language`` (its own columns only)."""
    suffix = f"_{language}"
    parts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name.endswith(suffix):
            value = field.get_value(page)
            if isinstance(value, list | tuple):
                parts.extend(str(item) for item in value)
            elif value:
                parts.append(str(value))
    return " ".join(parts).casefold()


def matches_language(page: TreatmentPage, words: list[str], language: str) -> bool:
    text_words = set(WORD.findall(language_text(page, language)))
    return all(
        any(text_word.startswith(word) for text_word in text_words) for word in words
    )


def search_treatments(query: str, language: str) -> list[TreatmentPage]:
    words = [word.casefold() for word in WORD.findall(query)]
    if not words:
        return []
    found = TreatmentPage.objects.live().public().search(query, operator="and")
    return [page for page in found if matches_language(page, words, language)][
        :MAX_RESULTS
    ]


def search(request: HttpRequest) -> HttpResponse:
    """The results page: works without JavaScript, says when nothing was found."""
    query = request.GET.get("q", "").strip()
    language = translation.get_language()
    context = {
        "query": query,
        "results": [],
        "error": "",
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
        context["results"] = search_treatments(query, language)
    return render(request, "pages/search.html", context, status=status)


def alternate_search_urls() -> dict[str, str]:
    """The search page in each language (the query is not carried over)."""
    urls = {}
    for code in ("de", "en"):
        with translation.override(code):
            urls[code] = reverse("search")
    return urls
