import pytest

from pages.models import StandardPage
from treatments.models import TreatmentPage

DENERVATION = {
    "de": "/de/behandlungen/denervation-thermokoagulation/",
    "en": "/en/treatments/denervation-thermocoagulation/",
}
# What a browser sends with a form posted from the site's own page.
SAME_ORIGIN = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}


@pytest.fixture
def denervation_page(db):
    """The demo site as `make run` builds it; returns the denervation page."""
    return TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")


@pytest.fixture
def clinic_page(db):
    return StandardPage.objects.get(slug_de="praxis")


def vote_url(page, language: str = "de") -> str:
    prefix = {"de": "/de/rueckmeldung/", "en": "/en/feedback/"}[language]
    return f"{prefix}{page.pk}/"
