import io

from django.core.management import call_command

from wagtail.models import Page, Revision

import pytest

from treatments.models import BodyRegion, TreatmentPage

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "live")),
        "revisions": Revision.objects.count(),
        "regions": list(BodyRegion.objects.values_list("slug", "name_de", "name_en")),
    }


def test_demo_command_twice_changes_nothing(denervation_page):
    before = snapshot()

    call_command("load_demo_content", stdout=io.StringIO())

    assert snapshot() == before


def test_denervation_page_is_published_in_both_languages(denervation_page):
    page = TreatmentPage.objects.get(pk=denervation_page.pk)

    assert page.live is True
    assert page.title_de == "Denervation (Thermokoagulation)"
    assert page.title_en == "Denervation (thermocoagulation)"
    assert page.body_regions.count() == 5
