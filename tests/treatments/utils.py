"""Drive the Medical review workflow through the admin's own URLs."""

from django.test import Client
from django.urls import reverse

from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from treatments.english.status import PARTS
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


def approve(client: Client, page: TreatmentPage, english_checked: bool = True):
    """Approve the task ``page`` is on, as the approval dialog of the admin does.

    ``english_checked``: the reviewer confirms approving missing or outdated
    English (the dialog asks only then).
    """
    data = {"comment": ""}
    if english_checked:
        data.update(english_needs_check="on", english_checked="on")
    return client.post(workflow_action_url(page), data)


def numbered(children: list[dict]) -> dict:
    """Form data of a stream or list: its children in order, and their count."""
    return {
        "count": str(len(children)),
        **{
            str(i): {**child, "deleted": "", "order": str(i)}
            for i, child in enumerate(children)
        },
    }


def block_form_value(block: blocks.Block, value):
    """``value`` of ``block`` as the admin's form posts it."""
    if isinstance(block, blocks.StreamBlock):
        return numbered(
            [
                {
                    "type": child.block_type,
                    "value": block_form_value(child.block, child.value),
                    "id": child.id or "",
                }
                for child in value
            ]
        )
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_form_value(child, value.get(name))
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return numbered(
            [
                {
                    "value": block_form_value(block.child_block, item.value),
                    "id": item.id or "",
                }
                for item in value.bound_blocks
            ]
        )
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value.source if value else "")
    return "" if value is None else str(value)


def full_edit_form_data(page: TreatmentPage, **changes) -> dict:
    """The edit form of ``page`` as posted, every translated field as it is now.

    Change a field on ``page`` before calling (a stream takes a list of
    ``(block type, value)``); ``changes`` adds form fields (actions, checkboxes).
    """
    data = {
        "body_regions": [region.pk for region in page.body_regions.all()],
        "related_treatments": [p.pk for p in page.related_treatments.all()],
        "review_interval_months": page.review_interval_months or "",
        "comments": inline_formset([]),
    }
    for part in PARTS:
        for name in part.fields:
            for language in ("de", "en"):
                value = getattr(page, f"{name}_{language}")
                data[f"{name}_{language}"] = (
                    block_form_value(value.stream_block, value)
                    if isinstance(value, StreamValue)
                    else value or ""
                )
    for language in ("de", "en"):
        data[f"slug_{language}"] = getattr(page, f"slug_{language}") or ""
    return {**nested_form_data(data), **changes}


def edit_page(client: Client, page: TreatmentPage, **changes):
    """Save ``page`` as changed on the object through the admin's edit form."""
    return client.post(
        f"/admin/pages/{page.pk}/edit/", full_edit_form_data(page, **changes)
    )
