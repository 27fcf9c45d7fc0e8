import io

from django.core.management import CommandError, call_command
from django.utils import translation

from wagtail.models import Page, Revision

import pytest

from treatments.demo.generated import ensure_generated_treatments
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


def generated() -> list[TreatmentPage]:
    return list(TreatmentPage.objects.filter(slug_en__startswith="generated-"))


def test_default_demo_has_no_generated_pages(denervation_page):
    assert generated() == []


def test_generated_treatments_on_demand(denervation_page):
    call_command("load_demo_content", treatments=30, stdout=io.StringIO())

    pages = generated()
    assert len(pages) == 30
    assert all(page.live for page in pages)
    assert all("(generierter Testinhalt)" in page.title_de for page in pages)
    assert all("(generated test content)" in page.title_en for page in pages)
    assert all(page.last_reviewed is None for page in pages)
    used = set(
        TreatmentPage.body_regions.through.objects.filter(
            treatmentpage__in=pages
        ).values_list("bodyregion__slug", flat=True)
    )
    assert used == set(BodyRegion.objects.values_list("slug", flat=True))


def test_generated_text_is_placeholder_only(denervation_page):
    call_command("load_demo_content", treatments=3, stdout=io.StringIO())

    for page in generated():
        for language in ("de", "en"):
            texts = [
                str(block.value)
                for name in ("summary", "what_it_is", "benefits")
                for block in getattr(page, f"{name}_{language}")
            ]
            assert texts
            assert all("Platzhalter" in text or "placeholder" in text for text in texts)


def test_generated_treatments_twice_adds_only_the_missing(denervation_page):
    call_command("load_demo_content", treatments=3, stdout=io.StringIO())
    first = {page.pk for page in generated()}

    call_command("load_demo_content", treatments=5, stdout=io.StringIO())

    assert first < {page.pk for page in generated()}
    assert len(generated()) == 5


def test_generated_pages_pass_validation_and_keep_the_tree_sound(
    denervation_page, client
):
    """Only the first generated page is validated while saving (the check of
    every sibling's slug grows with the square): every one must pass it."""
    call_command("load_demo_content", treatments=3, stdout=io.StringIO())
    call_command("load_demo_content", treatments=5, stdout=io.StringIO())

    for page in generated():
        page.full_clean()
        assert page.locale == denervation_page.locale
        for language in ("de", "en"):
            with translation.override(language):
                url = page.get_url()
            assert url.startswith(f"/{language}/")
            assert client.get(url).status_code == 200, url
    assert Page.find_problems() == ([], [], [], [], [])
    index = denervation_page.get_parent()
    assert index.numchild == index.get_children().count() == 6


def test_the_index_passed_in_keeps_its_child_count_true(denervation_page):
    """Saving it after generating must not write back a stale count."""
    index = denervation_page.get_parent().specific

    ensure_generated_treatments(index, 4)
    index.save()

    assert index.numchild == index.get_children().count() == 5
    assert Page.find_problems() == ([], [], [], [], [])


def test_negative_number_of_treatments_is_refused(denervation_page):
    with pytest.raises(CommandError):
        call_command("load_demo_content", treatments=-1, stdout=io.StringIO())
