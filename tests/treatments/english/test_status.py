"""English status per part, recorded as editors save (treatments.english.status)."""

import importlib

from django.apps import apps
from django.db import connection

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from tests.treatments.english.helpers import NEW_GERMAN, add_paragraph, latest
from tests.treatments.utils import edit_page
from treatments.english.status import (
    PARTS,
    EnglishStatus,
    part_statuses,
    part_text,
)
from treatments.models import TreatmentPage
from treatments.sections import SECTIONS

pytestmark = pytest.mark.django_db

LANGUAGES = ("de", "en")


def statuses(page: TreatmentPage) -> dict[str, str]:
    return {status.part.key: status.status for status in part_statuses(latest(page))}


def texts(page: TreatmentPage) -> dict[str, tuple[str, str]]:
    return {
        part.key: (part_text(page, part, "de"), part_text(page, part, "en"))
        for part in PARTS
    }


def test_saving_unchanged_keeps_the_content_and_every_part_up_to_date(
    admin_client, denervation_page
):
    before = texts(denervation_page)

    response = edit_page(admin_client, denervation_page)

    assert response.status_code == 302
    assert texts(latest(denervation_page)) == before
    assert set(statuses(denervation_page).values()) == {EnglishStatus.UP_TO_DATE}


def test_a_german_change_makes_that_section_outdated(admin_client, denervation_page):
    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)

    edit_page(admin_client, denervation_page)

    found = statuses(denervation_page)
    assert found.pop("side_effects") == EnglishStatus.OUTDATED
    assert set(found.values()) == {EnglishStatus.UP_TO_DATE}
    page = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert page.english_status == EnglishStatus.OUTDATED


def test_the_status_survives_later_revisions(admin_client, denervation_page):
    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)
    edit_page(admin_client, denervation_page)

    page = latest(denervation_page)
    page.subtitle_de = page.subtitle_en = "Neu / new"
    edit_page(admin_client, page)

    found = statuses(denervation_page)
    assert found["side_effects"] == EnglishStatus.OUTDATED
    assert found["subtitle"] == EnglishStatus.UP_TO_DATE


def test_updating_the_english_brings_the_section_up_to_date(
    admin_client, denervation_page
):
    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)
    edit_page(admin_client, denervation_page)
    page = latest(denervation_page)
    add_paragraph(page, "side_effects_en", "New: the skin may be red where it was.")

    edit_page(admin_client, page)

    assert statuses(denervation_page)["side_effects"] == EnglishStatus.UP_TO_DATE
    row = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert row.english_status == EnglishStatus.UP_TO_DATE


def test_english_checked_confirms_the_section_without_a_change(
    admin_client, denervation_page
):
    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)
    edit_page(admin_client, denervation_page)
    page = latest(denervation_page)
    english = str(page.side_effects_en)

    edit_page(admin_client, page, confirm_english=["side_effects"])

    page = latest(denervation_page)
    assert statuses(denervation_page)["side_effects"] == EnglishStatus.UP_TO_DATE
    assert str(page.side_effects_en) == english
    assert NEW_GERMAN in page.english_baseline["side_effects"]["de"]


def test_confirming_an_unknown_part_is_refused(admin_client, denervation_page):
    response = edit_page(admin_client, denervation_page, confirm_english=["nonsense"])

    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen" in response.content.decode()
    page = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert page.latest_revision == denervation_page.latest_revision


def test_an_emptied_english_section_is_missing(admin_client, denervation_page):
    denervation_page.faq_en = []

    edit_page(admin_client, denervation_page)

    assert statuses(denervation_page)["faq"] == EnglishStatus.MISSING
    row = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert row.english_status == EnglishStatus.MISSING


def test_a_page_created_in_german_only_is_missing_its_english(
    admin_client, denervation_page
):
    index = denervation_page.get_parent()
    streams = ["summary", *(section.field for section in SECTIONS)]
    data = {
        "title_de": "Knie",
        "slug_de": "knie",
        "comments": inline_formset([]),
        **{f"{name}_{lang}": streamfield([]) for name in streams for lang in LANGUAGES},
    }

    response = admin_client.post(
        f"/admin/pages/add/treatments/treatmentpage/{index.pk}/",
        nested_form_data(data),
    )

    assert response.status_code == 302
    page = TreatmentPage.objects.get(slug_de="knie")
    assert page.english_status == EnglishStatus.MISSING
    assert statuses(page) == {"title": EnglishStatus.MISSING}


def test_the_live_page_keeps_its_status_until_the_draft_is_published(
    admin_client, denervation_page
):
    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)
    edit_page(admin_client, denervation_page)

    live = TreatmentPage.objects.get(pk=denervation_page.pk)
    live_statuses = {status.status for status in part_statuses(live)}
    assert live_statuses == {EnglishStatus.UP_TO_DATE}

    live.get_latest_revision().publish()

    published = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert {s.part.key: s.status for s in part_statuses(published)}[
        "side_effects"
    ] == EnglishStatus.OUTDATED
    assert published.english_status == EnglishStatus.OUTDATED


def test_restoring_an_older_revision_brings_its_own_baseline(
    admin_client, denervation_page
):
    before = denervation_page.get_latest_revision()
    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)
    edit_page(admin_client, denervation_page)

    before.as_object().save_revision()

    assert set(statuses(denervation_page).values()) == {EnglishStatus.UP_TO_DATE}


def test_migration_marks_todays_pairs_up_to_date(denervation_page):
    TreatmentPage.objects.update(english_baseline={}, english_status="missing")
    revision = denervation_page.get_latest_revision()
    revision.content.pop("english_baseline")
    revision.save()
    migration = importlib.import_module(
        "treatments.migrations.0009_english_baseline_today"
    )

    migration.mark_up_to_date(apps, type("Editor", (), {"connection": connection})())

    page = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert page.english_status == EnglishStatus.UP_TO_DATE
    assert {s.status for s in part_statuses(page)} == {EnglishStatus.UP_TO_DATE}
    assert len(page.english_baseline) == len(part_statuses(page))
    assert set(statuses(page).values()) == {EnglishStatus.UP_TO_DATE}
