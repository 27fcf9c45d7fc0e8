"""The Medical review's approval shows the English status and asks before
approving missing or outdated English (treatments.models.review)."""

import json

from django.test import Client

from wagtail.models import WorkflowState

import pytest

from tests.staff import sign_in_staff
from tests.treatments.english.helpers import NEW_GERMAN, add_paragraph
from tests.treatments.utils import edit_page, workflow_action_url
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def staff(editor) -> Client:
    return sign_in_staff(Client(), editor)


def submit(client: Client, page: TreatmentPage) -> None:
    response = edit_page(client, page, **{"action-submit": "1"})
    assert response.status_code == 302


def workflow_status(page: TreatmentPage) -> str:
    return WorkflowState.objects.get(object_id=str(page.pk)).status


def approval_dialog(client: Client, page: TreatmentPage) -> str:
    response = client.get(workflow_action_url(page), **XHR)
    assert response.status_code == 200
    return json.loads(response.content)["html"]


def test_dialog_lists_the_outdated_sections_and_asks_to_confirm(
    staff, client, denervation_page, reviewer
):
    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)
    submit(staff, denervation_page)
    sign_in_staff(client, reviewer)

    html = approval_dialog(client, denervation_page)

    assert 'data-english-part="side_effects"' in html
    assert "Englisch veraltet" in html
    assert f"+{NEW_GERMAN}" in html
    assert 'data-english-part="faq"' not in html
    assert 'name="english_checked"' in html
    assert 'name="confirm_english"' not in html


def test_approving_outdated_english_without_confirmation_is_refused(
    staff, client, denervation_page, reviewer
):
    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)
    submit(staff, denervation_page)
    sign_in_staff(client, reviewer)
    url = workflow_action_url(denervation_page)

    in_dialog = client.post(url, {"comment": "", "english_needs_check": "on"}, **XHR)
    forged = client.post(url, {"comment": ""})

    assert "Bestätigen Sie" in json.loads(in_dialog.content)["html"]
    assert forged.status_code in {302, 403}
    assert workflow_status(denervation_page) == WorkflowState.STATUS_IN_PROGRESS

    confirmed = client.post(
        url, {"comment": "", "english_needs_check": "on", "english_checked": "on"}
    )

    assert confirmed.status_code == 302
    assert workflow_status(denervation_page) == WorkflowState.STATUS_APPROVED


def test_edit_form_opens_the_dialog_to_approve_outdated_english(
    staff, client, denervation_page, reviewer
):
    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)
    submit(staff, denervation_page)
    sign_in_staff(client, reviewer)

    html = client.get(f"/admin/pages/{denervation_page.pk}/edit/").content.decode()

    approve_buttons = [
        line
        for line in html.splitlines()
        if 'data-workflow-action-name="approve"' in line
    ]
    assert approve_buttons
    assert all("data-workflow-action-modal-url" in line for line in approve_buttons)


def test_up_to_date_english_is_approved_as_before(
    staff, client, denervation_page, reviewer
):
    submit(staff, denervation_page)
    sign_in_staff(client, reviewer)

    html = approval_dialog(client, denervation_page)
    response = client.post(workflow_action_url(denervation_page), {"comment": ""})

    assert "Das Englische aller Teile ist aktuell." in html
    assert 'name="english_checked"' not in html
    assert response.status_code == 302
    assert workflow_status(denervation_page) == WorkflowState.STATUS_APPROVED
