"""Demo content for the consultation page, in German and English."""

from django.db import transaction
from django.utils import translation

from pages.models import ConsultationPage, HomePage

from .home import translated_values

CONSULTATION = {
    "de": {
        "title": "Beratungstermin anfragen",
        "slug": "beratung",
        "search_description": (
            "Beratungstermin bei ROC Ortho in Aschheim bei München anfragen: "
            "Schreiben Sie uns, worum es geht und wie wir Sie erreichen."
        ),
        "intro": (
            "Sie möchten eine Behandlung mit uns besprechen? Schreiben Sie uns, "
            "worum es geht und wie wir Sie erreichen. Unser Empfang meldet sich "
            "bei Ihnen, um einen Termin zu vereinbaren. Diese Anfrage ersetzt "
            "keine ärztliche Untersuchung."
        ),
        "landing_text": (
            "Unser Empfang meldet sich auf dem von Ihnen gewählten Weg, um einen "
            "Termin zu vereinbaren. Bitte halten Sie vorhandene Befunde für den "
            "Termin bereit."
        ),
    },
    "en": {
        "title": "Request a consultation",
        "slug": "consultation",
        "search_description": (
            "Request a consultation at ROC Ortho in Aschheim near Munich: tell us "
            "what it is about and how to reach you."
        ),
        "intro": (
            "Would you like to discuss a treatment with us? Tell us what it is "
            "about and how to reach you. Our front desk will get in touch to "
            "arrange an appointment. This request does not replace a medical "
            "examination."
        ),
        "landing_text": (
            "Our front desk will get in touch, in the way you chose, to arrange "
            "an appointment. Please have any earlier findings ready for the "
            "appointment."
        ),
    },
}


@transaction.atomic
def ensure_consultation_page(home: HomePage) -> tuple[ConsultationPage, bool]:
    """Create the consultation page once; later runs leave editors' work alone."""
    existing = ConsultationPage.objects.first()
    if existing is not None:
        return existing, False
    page = ConsultationPage(
        **translated_values(
            CONSULTATION,
            ("title", "slug", "search_description", "intro", "landing_text"),
        )
    )
    with translation.override("de"):
        home.add_child(instance=page)
        page.save_revision().publish()
    return page, True
