"""The medical review that every treatment page passes before it goes live."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage

REVIEWER_GROUP_NAME = "Medical reviewers"
WORKFLOW_NAME = "Medical review"


def ensure_medical_review_workflow(section_root: Page) -> Workflow:
    """Make the "Medical review" workflow govern ``section_root`` and below.

    The workflow, its task and the reviewer group are created by a migration;
    this assigns them to the treatments section, and recreates them if an
    administrator deleted them.
    """
    reviewers, _created = Group.objects.get_or_create(name=REVIEWER_GROUP_NAME)
    reviewers.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    task, _created = GroupApprovalTask.objects.get_or_create(name=WORKFLOW_NAME)
    task.groups.add(reviewers)
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        workflow.workflow_tasks.create(task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page=section_root, defaults={"workflow": workflow}
    )
    return workflow
