"""Demo content stored as Wagtail's editor stores it.

Saving a page in the editor rewrites what it did not write itself: paragraphs
get Draftail's block keys and its way of writing entities, list items get ids.
Demo content stored in that form already makes the first edit's revision
comparison show only what the editor changed, and a reviewer who approves from
the editor (which saves the form first) stays a reviewer, not an author.
"""

from django.utils.html import escape

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page

from pages.blocks import PARAGRAPH_FEATURES


def paragraph_html(text: str) -> str:
    """A paragraph block's value for plain ``text``, as the editor saves it."""
    converter = ContentstateConverter(PARAGRAPH_FEATURES)
    return converter.to_database_format(
        converter.from_database_format(f"<p>{escape(text)}</p>")
    )


def as_saved_by_editor(page: Page) -> Page:
    """Give every stream of ``page`` the form the editor saves: each block, and
    each item of a list, with an id (raw lists are stored without)."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            raw = getattr(page, field.attname)
            blocks = [(child.block_type, child.value, child.id) for child in raw]
            setattr(page, field.attname, StreamValue(field.stream_block, blocks))
    return page
