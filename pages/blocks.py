"""Prose blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph.html"
        preview_value = (
            "<p>Eine kurze, klare Erklärung für Patientinnen und Patienten.</p>"
        )


class BulletListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(blocks.CharBlock(label=_("Item"), max_length=400), **kwargs)

    class Meta:
        icon = "list-ul"
        label = _("Bulleted list")
        template = "blocks/bullet_list.html"
        preview_value = ["Erster Punkt", "Zweiter Punkt"]


class NumberedListBlock(BulletListBlock):
    class Meta:
        icon = "list-ol"
        label = _("Numbered list")
        template = "blocks/numbered_list.html"
        preview_value = ["Erster Schritt", "Zweiter Schritt"]


class NoteBlock(blocks.StructBlock):
    """A callout for a statement the reader must not miss ("Important: …")."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Important note")
        template = "blocks/note.html"
        preview_value = {
            "heading": "Wichtig",
            "text": "Ein Hinweis, der auffallen soll.",
        }


def prose_blocks() -> list[tuple[str, blocks.Block]]:
    """The narrow block list of a prose section."""
    return [
        ("paragraph", ParagraphBlock()),
        ("bullet_list", BulletListBlock()),
        ("numbered_list", NumberedListBlock()),
        ("note", NoteBlock()),
    ]


class FigureBlock(blocks.StructBlock):
    """An image with alt text in the page's language, and an optional caption.

    Wagtail's ``ImageBlock`` requires alt text unless the editor marks the image
    as decorative; the text lives in the page's StreamField, so each language
    has its own. Rendered as AVIF, WebP and JPEG in three widths, loaded lazily.
    """

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure.html"
        # No image can be assumed to exist; the preview shows the caption alone.
        preview_value = {"caption": "Bildunterschrift"}


def illustrated_prose_blocks() -> list[tuple[str, blocks.Block]]:
    """Prose with images: a treatment section, a page body."""
    return [*prose_blocks(), ("image", FigureBlock())]


class HeadingBlock(blocks.CharBlock):
    """A section heading inside a page body (rendered as ``h2``)."""

    def __init__(self, **kwargs):
        super().__init__(max_length=160, **kwargs)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        preview_value = "Kontakt"


class ClinicContactBlock(blocks.StaticBlock):
    """The clinic's address and contact details, as kept in the site settings."""

    class Meta:
        icon = "mail"
        label = _("Clinic contact details")
        admin_text = _("Shows the address, phone and email from the site settings.")
        template = "blocks/clinic_contact.html"


def page_body_blocks() -> list[tuple[str, blocks.Block]]:
    """The blocks of a standard page body: prose and images with headings and
    contact."""
    return [
        ("heading", HeadingBlock()),
        *illustrated_prose_blocks(),
        ("clinic_contact", ClinicContactBlock()),
    ]
