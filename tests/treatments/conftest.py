import io

from django.core.management import call_command

import pytest

from treatments.models import TreatmentPage


@pytest.fixture
def denervation_page(db):
    """The demo site as `make run` builds it; returns the denervation page."""
    call_command("load_demo_content", stdout=io.StringIO())
    return TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")
