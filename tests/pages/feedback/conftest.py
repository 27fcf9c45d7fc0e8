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


def answer_no_with_comment(client, page, comment: str) -> None:
    """A reader answers "No" on ``page`` and leaves ``comment``, as a browser does."""
    url = client.post(vote_url(page), {"helpful": "no"}, headers=SAME_ORIGIN)[
        "Location"
    ]
    client.post(url, {"comment": comment}, headers=SAME_ORIGIN)
