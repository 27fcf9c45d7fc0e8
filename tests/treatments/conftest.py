import pytest

from treatments.models import TreatmentPage


@pytest.fixture
def denervation_page(db):
    """The demo site as `make run` builds it; returns the denervation page."""
    return TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")
