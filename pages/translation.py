from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import ConsultationPage, HomePage


@register(HomePage)
class HomePageTranslationOptions(TranslationOptions):
    fields = ("intro",)


@register(ConsultationPage)
class ConsultationPageTranslationOptions(TranslationOptions):
    fields = ("intro", "landing_text")
