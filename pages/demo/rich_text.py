"""Demo paragraphs stored as Wagtail's editor stores them."""

from django.utils.html import escape

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from pages.blocks import PARAGRAPH_FEATURES


def paragraph_html(text: str) -> str:
    """A paragraph block's value for plain ``text``, as Wagtail's editor saves it.

    The editor (Draftail) stores every block with a ``data-block-key`` and writes
    entities its own way. Demo text stored in that form makes the first edit's
    revision comparison show only what the editor changed.
    """
    converter = ContentstateConverter(PARAGRAPH_FEATURES)
    return converter.to_database_format(
        converter.from_database_format(f"<p>{escape(text)}</p>")
    )
