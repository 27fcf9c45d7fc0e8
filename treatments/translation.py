from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import BodyRegion, TreatmentIndexPage, TreatmentPage
from .sections import SECTIONS


@register(BodyRegion)
class BodyRegionTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(TreatmentIndexPage)
class TreatmentIndexPageTranslationOptions(TranslationOptions):
    fields = ("intro",)


@register(TreatmentPage)
class TreatmentPageTranslationOptions(TranslationOptions):
    fields = (
        "subtitle",
        "summary",
        "lead_image_alt",
        "lead_image_caption",
        *(section.field for section in SECTIONS),
        *(f"{section.field}_heading" for section in SECTIONS),
    )
