"""``sitemap.xml``: every live, public page in both languages, with alternates."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import translation

from wagtail.models import Page

from pages.routing import public


class PageSitemap(Sitemap):
    """Django's i18n sitemap over Wagtail pages.

    Each page is listed once per language it has a title in (a German-only page
    is not in the English list), with
    ``xhtml:link`` alternates for every language and ``x-default`` (German).
    Addresses take the host of the request, as the canonical links do.
    """

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return list(public(Page.objects.live().filter(depth__gt=1)).order_by("path"))

    def get_languages_for_item(self, item: Page) -> list[str]:
        return [
            code
            for code, _name in settings.LANGUAGES
            if getattr(item, f"title_{code}", None)
        ]

    def get_urls(self, *args, **kwargs) -> list[dict]:
        """Point ``x-default`` at the German address.

        Django's ``x-default`` drops the language prefix, which suits
        ``prefix_default_language=False``; here every address has its prefix.
        """
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            by_language = {alt["lang_code"]: alt for alt in url["alternates"]}
            default = by_language.get(settings.LANGUAGE_CODE)
            if default and "x-default" in by_language:
                by_language["x-default"]["location"] = default["location"]
        return urls

    def __init__(self) -> None:
        # Django's sitemap view makes one instance per request.
        self.locations: dict[tuple[int, str], str] = {}

    def location(self, item: Page) -> str:
        """The page's address in the active language, worked out once per
        language: Django asks again for every alternate of every entry, and each
        change of language makes Wagtail read the site root paths again."""
        key = (item.pk, translation.get_language())
        if key not in self.locations:
            self.locations[key] = item.get_url() or ""
        return self.locations[key]

    def lastmod(self, item: Page):
        return item.last_published_at
