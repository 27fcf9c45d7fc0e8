"""Change a treatment page's German the way an editor does, through the admin."""

from django.test import Client

from tests.treatments.utils import edit_page
from treatments.models import TreatmentPage

NEW_GERMAN = "Neu: In seltenen Fällen kann die Haut an der Einstichstelle gerötet sein."


def latest(page: TreatmentPage) -> TreatmentPage:
    return TreatmentPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def add_paragraph(page: TreatmentPage, field: str, text: str) -> None:
    """Append a paragraph to the stream ``field`` (e.g. ``side_effects_de``)."""
    raw = list(getattr(page, field).raw_data)
    setattr(page, field, [*raw, {"type": "paragraph", "value": f"<p>{text}</p>"}])


def change_german_side_effects(client: Client, page: TreatmentPage) -> None:
    """Save a draft whose German side effects gained a paragraph."""
    add_paragraph(page, "side_effects_de", NEW_GERMAN)
    response = edit_page(client, page)
    assert response.status_code == 302
