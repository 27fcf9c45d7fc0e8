from django.utils import timezone

import factory
import wagtail_factories

from pages.consultation.models import CONSENT_VERSION
from pages.models import ConsultationPage, ConsultationRequest


class ConsultationPageFactory(wagtail_factories.PageFactory):
    title_de = "Beratungstermin anfragen"
    title_en = "Request a consultation"
    slug_de = "beratung"
    slug_en = "consultation"
    title = factory.SelfAttribute("title_de")
    slug = factory.SelfAttribute("slug_de")
    intro_de = "Schreiben Sie uns, worum es geht."
    intro_en = "Tell us what it is about."
    landing_text_de = "Unser Empfang meldet sich bei Ihnen."
    landing_text_en = "Our front desk will get in touch."

    class Meta:
        model = ConsultationPage


class ConsultationRequestFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Patientin {n}")
    email = factory.Sequence(lambda n: f"patient{n}@example.org")
    contact_method = ConsultationRequest.ContactMethod.EMAIL
    preferred_language = ConsultationRequest.Language.GERMAN
    message = "Seit Wochen Schmerzen im unteren Rücken."
    consent_version = CONSENT_VERSION
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ConsultationRequest
