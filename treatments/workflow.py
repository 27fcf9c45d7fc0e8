"""The medical review that every treatment page passes before it goes live."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

REVIEWER_GROUP_NAME = "Medical reviewers"
WORKFLOW_NAME = "Medical review"


def ensure_medical_review_workflow(section_root: Page) -> Workflow:
    """Make the "Medical review" workflow govern ``section_root`` and below.

    Creates what is missing: the reviewer group (which needs publish permission
    on the section, because approving the last task publishes as the reviewer),
    the group approval task, the workflow, and its assignment to the section.
    """
    reviewers, _created = Group.objects.get_or_create(name=REVIEWER_GROUP_NAME)
    reviewers.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=reviewers,
            page=section_root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    task, _created = GroupApprovalTask.objects.get_or_create(name=WORKFLOW_NAME)
    task.groups.add(reviewers)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    # Workflow is a ClusterableModel: its related manager would defer the write.
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(
        page=section_root, defaults={"workflow": workflow}
    )
    return workflow
