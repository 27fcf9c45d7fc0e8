"""Blocks of the structured treatment page sections."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from pages.blocks import BulletListBlock

from .videos import video_embed


class VariantBlock(blocks.StructBlock):
    """One variant of a technique, e.g. continuous or pulsed radiofrequency."""

    name = blocks.CharBlock(label=_("Name"), max_length=120)
    description = blocks.TextBlock(label=_("Description"))

    class Meta:
        icon = "list-ul"
        label = _("Variant")


class VariantListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(VariantBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        label = _("Variants")
        template = "blocks/variant_list.html"
        preview_value = [
            {"name": "Variante A", "description": "Kurze Beschreibung."},
            {"name": "Variante B", "description": "Kurze Beschreibung."},
        ]


def body_region_choices() -> list[tuple[str, str]]:
    # Looked up in the app registry: the models module is built on these blocks.
    BodyRegion = apps.get_model("treatments", "BodyRegion")
    return [(region.slug, region.name) for region in BodyRegion.objects.all()]


class BodyRegionChoiceBlock(blocks.ChoiceBlock):
    """Stores a body region's slug; the choices are read only in the editor."""

    def __init__(self, **kwargs):
        super().__init__(choices=body_region_choices, **kwargs)

    def to_python(self, value):
        # The default would look the value up in the choices: a query per block.
        return value


class ApplicationBlock(blocks.StructBlock):
    """A typical application of the treatment in one body region."""

    body_region = BodyRegionChoiceBlock(label=_("Body region"))
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "user"
        label = _("Application")
        template = "blocks/application.html"
        preview_value = {"heading": "Kniearthrose", "text": "Kurze Beschreibung."}


class ProcedureStage(blocks.ChoiceBlock):
    def __init__(self, **kwargs):
        super().__init__(
            choices=[
                ("preparation", _("Preparation")),
                ("procedure", _("Procedure")),
                ("follow_up", _("Follow-up")),
            ],
            **kwargs,
        )


class ProcedureStageBlock(blocks.StructBlock):
    """One stage of the procedure: preparation, procedure or follow-up."""

    stage = ProcedureStage(label=_("Stage"))
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    steps = BulletListBlock(label=_("Steps"))
    closing = blocks.TextBlock(label=_("Closing text"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Procedure stage")
        template = "blocks/procedure_stage.html"
        preview_value = {
            "stage": "preparation",
            "heading": "Vorbereitung",
            "intro": "Vor dem Eingriff wird geklärt:",
            "steps": ["Medikamente", "Vorerkrankungen"],
        }


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.TextBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "blocks/faq_item.html"
        preview_value = {"question": "Ist das schmerzhaft?", "answer": "Kurze Antwort."}


class VideoBlock(blocks.StructBlock):
    """A video that loads from its host only after the reader clicks."""

    title = blocks.CharBlock(label=_("Title"), max_length=160)
    url = blocks.URLBlock(
        label=_("Video address"),
        required=False,
        help_text=_(
            "A YouTube or Vimeo address. Leave empty until the video is published: "
            "the page then names the video without a player."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"
        preview_value = {"title": "Ein Video", "url": ""}

    def clean(self, value):
        value = super().clean(value)
        if value["url"] and video_embed(value["url"]) is None:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Enter a YouTube or Vimeo address."), code="video_host"
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed"] = video_embed(value["url"]) if value["url"] else None
        return context
