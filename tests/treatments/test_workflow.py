import re

from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from tests.staff import sign_in_staff
from treatments.models import TreatmentPage
from treatments.sections import SECTIONS
from treatments.workflow import REVIEWER_GROUP_NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="x" * 16)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer", password="x" * 16)
    user.groups.add(Group.objects.get(name=REVIEWER_GROUP_NAME))
    return user


def edit_form_data(page: TreatmentPage, **changes) -> dict:
    streams = ["summary", *(section.field for section in SECTIONS)]
    data = {
        "title_de": page.title_de,
        "title_en": page.title_en,
        "slug_de": page.slug_de,
        "slug_en": page.slug_en,
        "reviewed_by": page.reviewed_by,
        "last_reviewed": page.last_reviewed.isoformat(),
        "next_review_due": page.next_review_due.isoformat(),
        "body_regions": [region.pk for region in page.body_regions.all()],
        "comments": inline_formset([]),
        **{
            f"{name}_{lang}": streamfield([])
            for name in streams
            for lang in ["de", "en"]
        },
        **changes,
    }
    return nested_form_data(data)


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
    url = f"/admin/pages/{denervation_page.pk}/edit/"
    data = edit_form_data(
        denervation_page, subtitle_de="Geprüft", **{"action-submit": "1"}
    )

    response = client.post(url, data)

    assert response.status_code == 302
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(denervation_page.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Medical review"
    assert TreatmentPage.objects.get(pk=denervation_page.pk).subtitle_de != "Geprüft"

    sign_in_staff(client, reviewer)
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(denervation_page.pk, "approve", task_state.pk),
    )
    response = client.post(approve_url, {"comment": ""})

    assert response.status_code in {200, 302}
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert TreatmentPage.objects.get(pk=denervation_page.pk).subtitle_de == "Geprüft"


def test_editor_cannot_approve_own_submission(client, denervation_page, editor):
    sign_in_staff(client, editor)
    url = f"/admin/pages/{denervation_page.pk}/edit/"
    client.post(
        url, edit_form_data(denervation_page, subtitle_de="X", **{"action-submit": "1"})
    )
    state = WorkflowState.objects.get(object_id=str(denervation_page.pk))

    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(denervation_page.pk, "approve", state.current_task_state.pk),
        ),
        {"comment": ""},
    )

    assert response.status_code in {302, 403}
    state.refresh_from_db()
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
    staff.post(
        f"/admin/pages/{denervation_page.pk}/edit/",
        edit_form_data(
            denervation_page, subtitle_de="Neu geprüft", **{"action-submit": "1"}
        ),
    )
    while_in_review = client.get(page_url)
    state = WorkflowState.objects.get(object_id=str(denervation_page.pk))
    sign_in_staff(staff, reviewer)
    staff.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(denervation_page.pk, "approve", state.current_task_state.pk),
        ),
        {"comment": ""},
    )

    approved = client.get(page_url)

    assert while_in_review["X-Page-Cache"] == "hit"
    assert "Neu geprüft" not in while_in_review.content.decode()
    assert approved["X-Page-Cache"] == "miss"
    assert "Neu geprüft" in approved.content.decode()


def test_review_mails_link_to_the_base_url_in_german(
    client, settings, denervation_page, editor, django_user_model
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    reviewer = django_user_model.objects.create_user(
        "pruefer", "pruefer@roc-ortho.example", "x" * 16
    )
    reviewer.groups.add(Group.objects.get(name=REVIEWER_GROUP_NAME))
    sign_in_staff(client, editor)

    client.post(
        f"/admin/pages/{denervation_page.pk}/edit/",
        edit_form_data(denervation_page, **{"action-submit": "1"}),
    )

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
