from django import template
from django.conf import settings
from django.utils import translation

from wagtail.models import Page, Site

register = template.Library()


def translated_url(page: Page | None, language: str, request=None) -> str:
    """The URL of ``page`` in ``language``, or that language's home page."""
    with translation.override(language):
        if page is not None and page.live:
            url = page.get_url(request)
            if url:
                return url
        site = Site.find_for_request(request) if request else None
        root = site.root_page if site else None
        return root.get_url(request) if root else f"/{language}/"


@register.inclusion_tag("tags/language_switch.html", takes_context=True)
def language_switch(context) -> dict:
    """Links to the current page in every other language."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    links = [
        {"code": code, "name": name, "url": translated_url(page, code, request)}
        for code, name in settings.LANGUAGES
        if code != current
    ]
    return {"links": links}


@register.simple_tag(takes_context=True)
def alternate_links(context) -> list[dict]:
    """hreflang alternates for the current page in every language."""
    request = context.get("request")
    page = context.get("page")
    return [
        {"code": code, "url": translated_url(page, code, request)}
        for code, _name in settings.LANGUAGES
    ]
