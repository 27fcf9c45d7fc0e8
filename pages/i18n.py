"""Addresses of a page in each language, and what to do without a translation.

A page exists in a language when it has a title of its own there; modeltranslation
would otherwise fall back to German under an English address.
"""

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

from wagtail.models import Page, Site

# Sub-routes of the home page that say "this page is not translated".
UNTRANSLATED_PATHS = {"de": "nicht-uebersetzt/", "en": "not-translated/"}


def has_translation(page: Page, language: str) -> bool:
    """Whether ``page`` has a title of its own in ``language`` (no fallback)."""
    return bool(getattr(page, f"title_{language}", None))


def site_root(request: HttpRequest | None) -> Page | None:
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def translated_url(page: Page | None, language: str, request=None) -> str:
    """The URL of ``page`` in ``language``.

    A page without a version in that language leads to that language's home page
    with a note; without a page (an error page), the home page itself.
    """
    with translation.override(language):
        root = site_root(request)
        home_url = (root.get_url(request) if root else None) or f"/{language}/"
        if page is not None and page.live:
            if has_translation(page, language):
                url = page.get_url(request)
                if url:
                    return url
            return home_url + UNTRANSLATED_PATHS[language]
        return home_url


def alternate_urls(context) -> dict[str, str]:
    """The current page's address in every language; a view may provide them.

    Kept on the request: the language switch, the page's metadata and the
    take-home sheet each ask, and every address switches the language, which
    makes wagtail-modeltranslation read its site root paths from the cache again.
    """
    if "alternate_urls" in context:
        return context["alternate_urls"]
    request = context.get("request")
    page = context.get("page")
    kept = request.__dict__.setdefault("_alternate_urls", {}) if request else {}
    key = page.pk if page is not None else None
    if key not in kept:
        kept[key] = {
            code: translated_url(page, code, request) for code, _ in settings.LANGUAGES
        }
    return kept[key]


class BilingualPreviewMixin:
    """The editor's preview offers each language as a mode ("Deutsch", "English").

    The preview request is built with the mode's language active, so it carries
    the page's address in that language and the locale middleware serves it as a
    reader of that language would see it, whatever the admin's own language.
    """

    @property
    def preview_modes(self) -> list[tuple[str, str]]:
        return list(settings.LANGUAGES)

    @property
    def default_preview_mode(self) -> str:
        return settings.LANGUAGE_CODE

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        languages = dict(settings.LANGUAGES)
        language = preview_mode if preview_mode in languages else settings.LANGUAGE_CODE
        with translation.override(language):
            return super().make_preview_request(
                original_request, preview_mode, extra_request_attrs
            )
