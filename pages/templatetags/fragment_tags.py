"""A page's own content, rendered once and shared between renders until the next
publish (``page_cache.shared``), for readers the page cache does not answer (an
address with a query string, a signed-in editor).

``{% page_fragment "content" %}…{% endpage_fragment %}`` wraps what depends only
on the live page, the language and the host (absolute addresses), and on other
pages and settings whose every change clears the generation. Whatever depends
on the request otherwise (the header's current link, a form, the user) stays
outside. Previews render the draft, so they never read or fill it.
"""

from django import template
from django.http import HttpRequest
from django.template.base import NodeList
from django.template.context import Context
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Page

from pages.ops import page_cache

register = template.Library()


def shareable(request: HttpRequest | None, page: Page | None) -> bool:
    """Whether the render shows the live page as every reader gets it."""
    return (
        request is not None
        and page is not None
        and page.pk is not None
        and page.live
        and not getattr(request, "is_preview", False)
    )


def fragment_key(name: str, request: HttpRequest, page: Page) -> str:
    host = page_cache.key_part(f"{request.scheme}://{request.get_host()}")
    return (
        f"fragment:{name}:{page.pk}:{page.live_revision_id}:"
        f"{translation.get_language()}:{host}"
    )


class PageFragmentNode(template.Node):
    def __init__(self, name: str, nodelist: NodeList):
        self.name = name
        self.nodelist = nodelist

    def render(self, context: Context) -> SafeString:
        request, page = context.get("request"), context.get("page")
        if not shareable(request, page):
            return self.nodelist.render(context)
        return mark_safe(  # noqa: S308 (rendered by the template, escaped there)
            page_cache.shared(
                fragment_key(self.name, request, page),
                lambda: str(self.nodelist.render(context)),
                request,
            )
        )


@register.tag
def page_fragment(parser, token) -> PageFragmentNode:
    """``{% page_fragment "name" %}…{% endpage_fragment %}``: ``name`` tells
    the fragments of one page apart."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(
            '{% page_fragment %} takes one quoted name: {% page_fragment "content" %}'
        )
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(bits[1][1:-1], nodelist)
