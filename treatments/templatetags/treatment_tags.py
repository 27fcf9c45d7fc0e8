import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from treatments.english.status import (
    PARTS_BY_KEY,
    EnglishStatus,
    PartStatus,
    part_status,
)
from treatments.structured_data import treatment_graph

register = template.Library()

# The same escapes as Django's json_script: nothing in the data can end the tag.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def treatment_structured_data(context, page) -> SafeString:
    """Render the page's schema.org graph as an application/ld+json script."""
    data = json.dumps(
        treatment_graph(page, context.get("request")),
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
    ).translate(JSON_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(data),  # noqa: S308
    )


@register.simple_tag
def outdated_english(page, field: str) -> PartStatus | None:
    """The status of section ``field`` when the reader sees English written
    against an older German, else None (German pages never get a notice)."""
    if translation.get_language() != "en":
        return None
    status = part_status(page, PARTS_BY_KEY[field])
    return status if status and status.status == EnglishStatus.OUTDATED else None
