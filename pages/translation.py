from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    ClinicSettings,
    ConsultationPage,
    HomePage,
    LegalNoticePage,
    NavigationItem,
    StandardPage,
)


@register(HomePage)
class HomePageTranslationOptions(TranslationOptions):
    fields = (
        "intro",
        "about_heading",
        "about",
        "regions_heading",
        "regions_intro",
        "consultation_heading",
        "consultation_text",
    )


@register(ConsultationPage)
class ConsultationPageTranslationOptions(TranslationOptions):
    fields = ("intro", "landing_text")


@register(StandardPage)
class StandardPageTranslationOptions(TranslationOptions):
    fields = ("intro", "body")


@register(LegalNoticePage)
class LegalNoticePageTranslationOptions(TranslationOptions):
    fields = ("intro", "body")


@register(ClinicSettings)
class ClinicSettingsTranslationOptions(TranslationOptions):
    fields = (
        "tagline",
        "street_address",
        "locality",
        "region_note",
        "phone",
        "email",
        "opening_hours",
        "provider",
        "represented_by",
        "professional_title",
        "title_awarded_in",
        "chamber",
        "professional_rules",
        "supervisory_authority",
        "vat_id",
        "content_responsible",
    )


@register(NavigationItem)
class NavigationItemTranslationOptions(TranslationOptions):
    fields = ("label",)
