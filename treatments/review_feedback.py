"""What the admin tells reviewers and authors about a review's outcome.

- The reviewer who approves or requests changes sees a confirmation saying
  what happened to the page (``confirm_decision``): after acting in the page
  editor (the ``after_edit_page`` hook) or from the dashboard (Wagtail's
  workflow action view follows ``MedicalReviewTask.on_action``'s redirect to
  ``decision_confirmation``).
- Whoever works on a page whose review asked for changes sees the reviewer's
  comment at the top of the page's edit view (``changes_requested_message``),
  and the author sees it on the dashboard (``ChangesRequestedPanel``).
"""

import datetime

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext

from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState

# A decision older than this is not the one the request just made.
RECENT = datetime.timedelta(minutes=5)


def decision_just_made(page: Page, user) -> TaskState | None:
    """The approval or request for changes ``user`` made on ``page`` just now."""
    return (
        TaskState.objects.filter(
            workflow_state__base_content_type__model="page",
            workflow_state__object_id=str(page.pk),
            finished_by=user,
            finished_at__gte=timezone.now() - RECENT,
            status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
        )
        .order_by("-finished_at")
        .first()
    )


def decision_message(page: Page, task_state: TaskState) -> str:
    """The confirmation of ``task_state``'s outcome, for its reviewer."""
    title = page.get_admin_display_title()
    if task_state.status == TaskState.STATUS_REJECTED:
        return gettext(
            "Changes requested: “%(title)s” goes back to its author with your "
            "comment. Nothing was published."
        ) % {"title": title}
    page = Page.objects.get(pk=page.pk).specific  # as the decision left it
    if task_state.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        return gettext("Approved: “%(title)s” moves on to the next step.") % {
            "title": title
        }
    revision = task_state.revision
    if revision is not None and revision.approved_go_live_at:
        return gettext(
            "Approved: “%(title)s” goes live on %(date)s, with this review."
        ) % {
            "title": title,
            "date": formats.date_format(
                timezone.localtime(revision.approved_go_live_at), "DATETIME_FORMAT"
            ),
        }
    last_reviewed = getattr(page, "last_reviewed", None)
    if last_reviewed:
        return gettext(
            "Approved: “%(title)s” is live and shows the review of %(date)s."
        ) % {"title": title, "date": formats.date_format(last_reviewed, "DATE_FORMAT")}
    return gettext("Approved: “%(title)s” is live.") % {"title": title}


def confirm_decision(request, page: Page) -> None:
    """Tell the reviewer what their decision on ``page`` did, if they made one."""
    task_state = decision_just_made(page, request.user)
    if task_state is not None:
        messages.success(request, decision_message(page, task_state))


def decision_confirmation(request, page_id: int):
    """Where a decision taken outside the editor leads: the page's editor, with
    the confirmation."""
    page = get_object_or_404(Page, pk=page_id)
    confirm_decision(request, page)
    return redirect("wagtailadmin_pages:edit", page.pk)


def decision_url(page: Page) -> str:
    return reverse("medical_review_decision", args=[page.pk])


def requested_changes(page: Page) -> TaskState | None:
    """The rejected task of ``page``'s review while it waits for changes."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return state.current_task_state


def changes_requested_message(task_state: TaskState) -> str:
    reviewer = task_state.finished_by
    name = (reviewer.get_full_name() or reviewer.get_username()) if reviewer else ""
    comment = task_state.get_comment()
    if comment:
        return gettext(
            "Changes requested by %(reviewer)s: “%(comment)s” Revise the page and "
            "submit it again."
        ) % {"reviewer": name, "comment": comment}
    return gettext(
        "Changes requested by %(reviewer)s. Revise the page and submit it again."
    ) % {"reviewer": name}


def show_requested_changes(request, page: Page) -> None:
    """On opening the editor: the reviewer's request for changes, if any."""
    task_state = requested_changes(page)
    if task_state is not None:
        messages.warning(request, changes_requested_message(task_state))


class ChangesRequestedPanel(Component):
    """Dashboard panel: the user's pages sent back by a reviewer, with comments."""

    name = "changes_requested"
    template_name = "treatments/admin/changes_requested_panel.html"
    order = 95

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = WorkflowState.objects.filter(
            base_content_type__model="page",
            status=WorkflowState.STATUS_NEEDS_CHANGES,
            requested_by=self.user,
        ).select_related("current_task_state__finished_by")
        pages = Page.objects.in_bulk([int(state.object_id) for state in states])
        context["sent_back"] = [
            {
                "page": pages[int(state.object_id)],
                "message": changes_requested_message(state.current_task_state),
            }
            for state in states
            if int(state.object_id) in pages
        ]
        return context
