"""The database side of ``lead_image``: run in the served site by
``manage.py shell`` (Django set up, the served site's settings and database)."""

from tests.factories.images import photo_like_image
from tests.perf.lead_image import COPY_SLUGS, ORIGINAL_SLUG
from treatments.models import TreatmentPage


def publish() -> None:
    """A copy of the original page, with the image, live; the demo page itself
    stays as ``load_demo_content`` built it."""
    original = TreatmentPage.objects.get(slug_de=ORIGINAL_SLUG)
    copy = original.copy(update_attrs=COPY_SLUGS, keep_live=False)
    copy.lead_image = photo_like_image()
    copy.lead_image_alt_de = "Testbild aus Farbflächen und Linien"
    copy.lead_image_alt_en = "Test image of coloured shapes and lines"
    copy.save_revision().publish()


def unpublish() -> None:
    TreatmentPage.objects.get(slug_de=COPY_SLUGS["slug_de"]).unpublish()
