"""Prose blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

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
