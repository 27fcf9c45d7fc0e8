"""The medical review that every treatment page passes before it goes live."""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import MedicalReviewTask

REVIEWER_GROUP_NAME = "Medical reviewers"
WORKFLOW_NAME = "Medical review"  # also the task's name

# The names are stored in English, once for all languages; mails show them in
# the reader's language ("Medizinische Prüfung").
DISPLAY_NAMES = {WORKFLOW_NAME: _("Medical review")}


def display_name(name: str) -> str:
    """A workflow or task name in the active language (unknown names as stored)."""
    return str(DISPLAY_NAMES.get(name, name))


def ensure_medical_review_workflow(section_root: Page) -> Workflow:
    """Make the "Medical review" workflow govern ``section_root`` and below.

    Creates what is missing: the reviewer group (editing rights on the section;
    no publish permission, as the approval publishes by itself), the medical
    review task, the workflow, and its assignment to the section. A task of
    another type left in the workflow by an older version (a plain group
    approval, which let reviewers approve their own changes) is deactivated and
    replaced; reviews in progress on it continue on the new task.
    """
    reviewers, _created = Group.objects.get_or_create(name=REVIEWER_GROUP_NAME)
    reviewers.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    GroupPagePermission.objects.get_or_create(
        group=reviewers,
        page=section_root,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    GroupPagePermission.objects.filter(
        group=reviewers, page=section_root, permission__codename="publish_page"
    ).delete()
    task, _created = MedicalReviewTask.objects.get_or_create(name=WORKFLOW_NAME)
    task.groups.add(reviewers)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    # Workflow is a ClusterableModel: its related manager would defer the write.
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    # Deactivating a task moves the reviews in progress on it to the next active
    # task: the medical review task, linked above. Without one they would finish.
    for link in WorkflowTask.objects.filter(workflow=workflow).exclude(task=task):
        link.task.specific.deactivate()
        link.delete()
    WorkflowPage.objects.update_or_create(
        page=section_root, defaults={"workflow": workflow}
    )
    return workflow
