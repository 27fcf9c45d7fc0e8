"""A treatment page's English through a PO file (treatments.english.po, views)."""

import re

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from tests.staff import sign_in_staff
from tests.treatments.english.helpers import (
    NEW_GERMAN,
    change_german_side_effects,
    latest,
)
from tests.treatments.utils import edit_page
from treatments.english.po import raw_leaves
from treatments.english.status import EnglishStatus, part_statuses
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def export(client, page: TreatmentPage) -> str:
    response = client.get(f"/admin/treatments/{page.pk}/english.po")
    assert response.status_code == 200
    return response.content.decode()


def translate(po: str) -> str:
    """A translator's script: every msgstr becomes "EN " and its msgid."""
    return re.sub(
        r'^msgid "(.+)"\nmsgstr ".*"$', r'msgid "\1"\nmsgstr "EN \1"', po, flags=re.M
    )


def upload(client, page: TreatmentPage, text: str | bytes):
    content = text.encode() if isinstance(text, str) else text
    return client.post(
        f"/admin/treatments/{page.pk}/english/import/",
        {"file": SimpleUploadedFile("page.po", content)},
    )


def test_export_holds_only_the_parts_that_need_english(admin_client, denervation_page):
    change_german_side_effects(admin_client, denervation_page)

    po = export(admin_client, denervation_page)

    assert 'msgctxt "side_effects/' in po
    assert f'{NEW_GERMAN}</p>"\nmsgstr ""' in po
    assert 'msgctxt "faq' not in po
    assert 'msgctxt "title"' not in po


def test_a_translated_file_becomes_a_draft_with_that_english(
    admin_client, denervation_page
):
    change_german_side_effects(admin_client, denervation_page)
    live_before = str(TreatmentPage.objects.get(pk=denervation_page.pk).side_effects_en)

    response = upload(
        admin_client,
        denervation_page,
        translate(export(admin_client, denervation_page)),
    )

    assert response.status_code == 302
    draft = latest(denervation_page)
    german = dict(
        raw_leaves(
            draft.side_effects_de.stream_block, list(draft.side_effects_de.raw_data), ""
        )
    )
    english = dict(
        raw_leaves(
            draft.side_effects_en.stream_block, list(draft.side_effects_en.raw_data), ""
        )
    )
    assert english == {path: f"EN {text}" for path, text in german.items()}
    statuses = {s.part.key: s.status for s in part_statuses(draft)}
    assert statuses["side_effects"] == EnglishStatus.UP_TO_DATE
    live = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert str(live.side_effects_en) == live_before


def test_a_file_whose_german_changed_meanwhile_is_refused(
    admin_client, denervation_page
):
    change_german_side_effects(admin_client, denervation_page)
    po = translate(export(admin_client, denervation_page))
    page = latest(denervation_page)
    page.side_effects_de = [{"type": "paragraph", "value": "<p>Ganz neu.</p>"}]
    edit_page(admin_client, page)
    revision = TreatmentPage.objects.get(pk=denervation_page.pk).latest_revision_id

    response = upload(admin_client, denervation_page, po)

    assert response.status_code == 400
    assert "Nebenwirkungen und Risiken" in response.content.decode()
    assert (
        TreatmentPage.objects.get(pk=denervation_page.pk).latest_revision_id == revision
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            'msgctxt "nonsense"\nmsgid "Hallo"\nmsgstr "Hello"\n',
            "Unbekannter Abschnitt",
        ),
        ("this is no po file", "keine PO-Datei"),
        ('msgid "Hallo"\nmsgstr "Hallo"\n'.encode("utf-16"), "kein UTF-8"),
    ],
)
def test_a_file_that_does_not_fit_is_refused(
    admin_client, denervation_page, content, message
):
    revision = denervation_page.latest_revision_id

    response = upload(admin_client, denervation_page, content)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert (
        TreatmentPage.objects.get(pk=denervation_page.pk).latest_revision_id == revision
    )


def test_edit_form_links_the_export_and_the_import_form(admin_client, denervation_page):
    edit = admin_client.get(f"/admin/pages/{denervation_page.pk}/edit/")
    form = admin_client.get(f"/admin/treatments/{denervation_page.pk}/english/import/")

    assert (
        f"/admin/treatments/{denervation_page.pk}/english.po" in edit.content.decode()
    )
    assert form.status_code == 200
    assert 'type="file"' in form.content.decode()


def test_the_front_desk_cannot_export(client, django_user_model, denervation_page):
    user = django_user_model.objects.create_user("desk", password="x" * 16)
    user.groups.add(Group.objects.get(name="Front desk"))
    sign_in_staff(client, user)

    response = client.get(f"/admin/treatments/{denervation_page.pk}/english.po")

    assert response.status_code in {302, 403}
    assert b"msgid" not in response.content
