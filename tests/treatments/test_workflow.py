from django.test import Client

from wagtail.models import WorkflowState

import pytest

from tests.staff import sign_in_staff
from tests.treatments.utils import (
    approve,
    edit_form_data,
    submit_for_review,
    workflow_action_url,
)
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def test_editor_cannot_publish_a_treatment_page(client, denervation_page, editor):
    sign_in_staff(client, editor)
    url = f"/admin/pages/{denervation_page.pk}/edit/"
    data = edit_form_data(
        denervation_page, subtitle_de="Geändert", **{"action-publish": "1"}
    )

    response = client.post(url, data)

    assert response.status_code in {200, 302}
    page = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert page.subtitle_de != "Geändert"
    assert page.permissions_for_user(editor).can_publish() is False


def test_editor_submits_and_reviewer_approval_publishes(
    client, denervation_page, editor, reviewer
):
    sign_in_staff(client, editor)

    response = submit_for_review(client, denervation_page, subtitle_de="Geprüft")

    assert response.status_code == 302
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(denervation_page.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Medical review"
    assert TreatmentPage.objects.get(pk=denervation_page.pk).subtitle_de != "Geprüft"

    sign_in_staff(client, reviewer)
    response = approve(client, denervation_page)

    assert response.status_code in {200, 302}
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert TreatmentPage.objects.get(pk=denervation_page.pk).subtitle_de == "Geprüft"


def test_editor_cannot_approve_own_submission(client, denervation_page, editor):
    sign_in_staff(client, editor)
    submit_for_review(client, denervation_page, subtitle_de="X")
    url = workflow_action_url(denervation_page)

    response = client.post(url, {"comment": ""})

    assert response.status_code in {302, 403}
    state = WorkflowState.objects.get(object_id=str(denervation_page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert TreatmentPage.objects.get(pk=denervation_page.pk).subtitle_de != "X"


def test_readers_see_a_submitted_edit_only_once_approved(
    client, denervation_page, editor, reviewer
):
    """The page cache (pages.ops.page_cache) never shows the draft, and shows the
    approved version at once."""
    page_url = "/de/behandlungen/denervation-thermokoagulation/"
    staff = Client()
    sign_in_staff(staff, editor)
    client.get(page_url)
    submit_for_review(staff, denervation_page, subtitle_de="Neu geprüft")
    while_in_review = client.get(page_url)
    sign_in_staff(staff, reviewer)
    approve(staff, denervation_page)

    approved = client.get(page_url)

    assert while_in_review["X-Page-Cache"] == "hit"
    assert "Neu geprüft" not in while_in_review.content.decode()
    assert approved["X-Page-Cache"] == "miss"
    assert "Neu geprüft" in approved.content.decode()
