import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from wagtail.models import GroupApprovalTask, Workflow, WorkflowState, WorkflowTask

import pytest

from tests.staff import sign_in_staff
from tests.treatments.utils import (
    approve,
    edit_form_data,
    submit_for_review,
    workflow_action_url,
)
from treatments.models import MedicalReviewTask, TreatmentPage
from treatments.workflow import (
    REVIEWER_GROUP_NAME,
    WORKFLOW_NAME,
    ensure_medical_review_workflow,
)

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


@pytest.fixture
def second_reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer2", password="x" * 16)
    user.groups.add(Group.objects.get(name=REVIEWER_GROUP_NAME))
    return user


def test_author_is_not_offered_approve(client, denervation_page, reviewer):
    sign_in_staff(client, reviewer)
    submit_for_review(client, denervation_page, subtitle_de="Selbst geschrieben")

    html = client.get(f"/admin/pages/{denervation_page.pk}/edit/").content.decode()

    assert 'data-workflow-action-name="reject"' in html
    assert 'data-workflow-action-name="approve"' not in html


def test_other_reviewer_is_offered_approve(client, denervation_page, editor, reviewer):
    sign_in_staff(client, editor)
    submit_for_review(client, denervation_page, subtitle_de="Vom Editor")
    sign_in_staff(client, reviewer)

    html = client.get(f"/admin/pages/{denervation_page.pk}/edit/").content.decode()

    assert 'data-workflow-action-name="approve"' in html


def test_author_cannot_approve_by_forged_post(client, denervation_page, reviewer):
    sign_in_staff(client, reviewer)
    submit_for_review(client, denervation_page, subtitle_de="Selbst geschrieben")

    response = approve(client, denervation_page)

    assert response.status_code in {302, 403}
    state = WorkflowState.objects.get(object_id=str(denervation_page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert page.subtitle_de != "Selbst geschrieben"
    assert page.has_review is False


def test_another_reviewer_approves_a_reviewers_change(
    client, denervation_page, reviewer, second_reviewer
):
    sign_in_staff(client, reviewer)
    submit_for_review(client, denervation_page, subtitle_de="Vier Augen")
    sign_in_staff(client, second_reviewer)

    approve(client, denervation_page)

    assert TreatmentPage.objects.get(pk=denervation_page.pk).subtitle_de == (
        "Vier Augen"
    )


def test_reviewer_who_edits_during_review_cannot_approve(
    client, denervation_page, editor, reviewer
):
    """Editing the submitted text makes the reviewer one of its authors."""
    sign_in_staff(client, editor)
    submit_for_review(client, denervation_page, subtitle_de="Vom Editor")
    sign_in_staff(client, reviewer)
    client.post(
        f"/admin/pages/{denervation_page.pk}/edit/",
        edit_form_data(denervation_page, subtitle_de="Vom Prüfer"),
    )

    response = approve(client, denervation_page)

    assert response.status_code in {302, 403}
    assert TreatmentPage.objects.get(pk=denervation_page.pk).live_revision_id == (
        denervation_page.live_revision_id
    )


def test_superuser_outside_the_group_makes_no_medical_approval(
    admin_client, denervation_page, editor
):
    staff = Client()
    sign_in_staff(staff, editor)
    submit_for_review(staff, denervation_page, subtitle_de="Nicht geprüft")

    response = approve(admin_client, denervation_page)

    assert response.status_code in {302, 403}
    assert TreatmentPage.objects.get(pk=denervation_page.pk).has_review is False


@pytest.fixture(params=["Moderators", "Editors", "Front desk", REVIEWER_GROUP_NAME])
def staff_member(request, django_user_model):
    user = django_user_model.objects.create_user("staff", password="x" * 16)
    user.groups.add(Group.objects.get(name=request.param))
    return user


def test_no_group_publishes_directly(client, denervation_page, staff_member):
    sign_in_staff(client, staff_member)
    data = edit_form_data(
        denervation_page, subtitle_de="Direkt", **{"action-publish": "1"}
    )

    client.post(f"/admin/pages/{denervation_page.pk}/edit/", data)

    page = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert page.subtitle_de != "Direkt"
    assert page.live_revision_id == denervation_page.live_revision_id


def test_no_group_unpublishes(client, denervation_page, staff_member):
    sign_in_staff(client, staff_member)

    response = client.post(f"/admin/pages/{denervation_page.pk}/unpublish/")

    assert response.status_code in {302, 403}
    assert TreatmentPage.objects.get(pk=denervation_page.pk).live is True


def test_no_group_deletes(client, denervation_page, staff_member):
    sign_in_staff(client, staff_member)

    response = client.post(f"/admin/pages/{denervation_page.pk}/delete/")

    assert response.status_code in {302, 403}
    assert TreatmentPage.objects.filter(pk=denervation_page.pk).exists()


def test_no_group_creates_and_publishes_in_one_go(client, denervation_page):
    moderator = get_user_model().objects.create_user("mod", password="x" * 16)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    sign_in_staff(client, moderator)
    index = denervation_page.get_parent()
    data = edit_form_data(
        denervation_page,
        title_de="Neu",
        title_en="New",
        slug_de="neu",
        slug_en="new",
        **{"action-publish": "1"},
    )

    client.post(f"/admin/pages/add/treatments/treatmentpage/{index.pk}/", data)

    assert not TreatmentPage.objects.filter(slug_de="neu", live=True).exists()


def plain_group_approval(workflow: Workflow) -> GroupApprovalTask:
    """Put the workflow back as an older version left it: a plain group approval."""
    WorkflowTask.objects.filter(workflow=workflow).delete()
    plain = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
    plain.groups.add(Group.objects.get(name=REVIEWER_GROUP_NAME))
    WorkflowTask.objects.create(workflow=workflow, task=plain, sort_order=0)
    return plain


def test_ensure_workflow_replaces_a_plain_group_approval(denervation_page):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    plain = plain_group_approval(workflow)

    ensure_medical_review_workflow(denervation_page.get_parent())

    tasks = [link.task.specific for link in workflow.workflow_tasks.all()]
    assert [type(task) for task in tasks] == [MedicalReviewTask]
    plain.refresh_from_db()
    assert plain.active is False


def test_review_in_progress_moves_to_the_new_task_unpublished(
    client, denervation_page, editor
):
    plain_group_approval(Workflow.objects.get(name=WORKFLOW_NAME))
    sign_in_staff(client, editor)
    submit_for_review(client, denervation_page, subtitle_de="Unterwegs")

    ensure_medical_review_workflow(denervation_page.get_parent())

    state = WorkflowState.objects.get(object_id=str(denervation_page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert isinstance(state.current_task_state.task.specific, MedicalReviewTask)
    page = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert page.subtitle_de != "Unterwegs"
    assert page.has_review is False


def test_workflow_ending_without_approval_publishes_nothing(
    client, denervation_page, editor
):
    """Deactivating the task skips it, which ends the workflow: no approval."""
    sign_in_staff(client, editor)
    submit_for_review(client, denervation_page, subtitle_de="Ohne Freigabe")

    MedicalReviewTask.objects.get(name=WORKFLOW_NAME).deactivate()

    page = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert page.subtitle_de != "Ohne Freigabe"
    assert page.live_revision_id == denervation_page.live_revision_id
    assert page.has_review is False


def test_review_mails_link_to_the_base_url_in_german(
    client, settings, denervation_page, editor, django_user_model
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    reviewer = django_user_model.objects.create_user(
        "pruefer", "pruefer@roc-ortho.example", "x" * 16
    )
    reviewer.groups.add(Group.objects.get(name=REVIEWER_GROUP_NAME))
    sign_in_staff(client, editor)

    submit_for_review(client, denervation_page, subtitle_de="Zur Prüfung")

    [message] = [sent for sent in mail.outbox if "pruefer@roc-ortho.example" in sent.to]
    assert "eingereicht" in message.subject or "Freigabe" in message.subject, (
        message.subject
    )
    texts = [message.body, *(content for content, _type in message.alternatives)]
    found = [
        link for text in texts for link in re.findall(r"https?://[^\s\"'<>]+", text)
    ]
    assert found
    for link in found:
        assert link.startswith("http://127.0.0.1:8123/admin/"), link
