"""Drive the Medical review workflow through the admin's own URLs."""

from django.test import Client
from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from treatments.models import TreatmentPage
from treatments.sections import SECTIONS


def edit_form_data(page: TreatmentPage, **changes) -> dict:
    """The edit form of ``page`` as posted, with its streams empty."""
    streams = ["summary", *(section.field for section in SECTIONS)]
    data = {
        "title_de": page.title_de,
        "title_en": page.title_en,
        "slug_de": page.slug_de,
        "slug_en": page.slug_en,
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


def submit_for_review(client: Client, page: TreatmentPage, **changes):
    """Save ``changes`` as a new revision and submit it to the Medical review."""
    return client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form_data(page, **changes, **{"action-submit": "1"}),
    )


def current_task_state(page: TreatmentPage):
    return WorkflowState.objects.get(
        base_content_type__model="page",
        object_id=str(page.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    ).current_task_state


def workflow_action_url(page: TreatmentPage, action: str = "approve") -> str:
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, action, current_task_state(page).pk),
    )


def approve(client: Client, page: TreatmentPage):
    """Approve the task ``page`` is on, as the approve button of the admin does."""
    return client.post(workflow_action_url(page), {"comment": ""})
