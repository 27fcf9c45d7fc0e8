"""Medical review provenance: recorded when the Medical review workflow approves.

Wagtail calls ``finish_workflow`` (``WAGTAIL_FINISH_WORKFLOW_ACTION``) when the
last task of any workflow is approved. For a treatment page in the Medical
review workflow it records who reviewed (the approver's role, never a name),
when, and when the next review falls due, and then publishes the approved
revision; every other workflow publishes as Wagtail does by default.
"""

import calendar
import datetime
import logging

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Revision, TaskState, WorkflowState
from wagtail.workflows import publish_workflow_state

from .models import MedicalReviewTask, TreatmentPage, reviewer_role
from .workflow import WORKFLOW_NAME

logger = logging.getLogger(__name__)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus ``months`` calendar months (the 31st becomes the month's end)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def review_interval(page: TreatmentPage) -> int:
    """Months until the next review: the page's shorter interval, or the standard."""
    standard = settings.MEDICAL_REVIEW_INTERVAL_MONTHS
    return min(page.review_interval_months or standard, standard)


def record_approval(page: TreatmentPage, approver, approved_on: datetime.date) -> None:
    """Record a medical review of ``page`` (as approved) by ``approver``."""
    TreatmentPage.objects.filter(pk=page.pk).update(
        reviewed_by=reviewer_role(approver),
        last_reviewed=approved_on,
        next_review_due=add_months(approved_on, review_interval(page)),
    )


def is_medical_review(workflow_state: WorkflowState) -> bool:
    return workflow_state.workflow.name == WORKFLOW_NAME


def approved_by_reviewer(workflow_state: WorkflowState, user) -> bool:
    """Whether ``user`` finished ``workflow_state`` by approving a medical review.

    A workflow also ends when its last task is skipped or deactivated; that is
    no approval and must publish nothing.
    """
    task_state = workflow_state.current_task_state
    return (
        user is not None
        and task_state is not None
        and task_state.status == TaskState.STATUS_APPROVED
        and task_state.finished_by_id == user.pk
        and isinstance(task_state.task.specific, MedicalReviewTask)
    )


def finish_workflow(workflow_state: WorkflowState, user=None) -> None:
    """Publish what a workflow approved, recording a medical review on the way."""
    content = workflow_state.content_object
    if isinstance(content, Page):
        content = content.specific
    if not (isinstance(content, TreatmentPage) and is_medical_review(workflow_state)):
        publish_workflow_state(workflow_state, user=user)
        return
    if not approved_by_reviewer(workflow_state, user):
        logger.warning(
            "Medical review of page %s ended without a reviewer's approval; "
            "nothing was published",
            content.pk,
        )
        return
    revision = content.get_latest_revision()
    record_approval(revision.as_object(), user, timezone.localdate())
    # Loaded again so that the published page carries the review just recorded.
    # The approval is the permission: nobody holds publish on treatment pages.
    Revision.objects.get(pk=revision.pk).publish(user=user, skip_permission_checks=True)


class ReviewStatus(models.TextChoices):
    NOT_REVIEWED = "not-reviewed", _("Not reviewed")
    OVERDUE = "overdue", _("Overdue")
    DUE_SOON = "due-soon", _("Due soon")
    CURRENT = "current", _("Current")


def status_filters(today: datetime.date) -> dict[str, Q]:
    """A query for each review status; "due soon" is within the reminder window."""
    soon = today + datetime.timedelta(days=settings.MEDICAL_REVIEW_REMINDER_DAYS)
    return {
        ReviewStatus.NOT_REVIEWED: Q(last_reviewed__isnull=True),
        ReviewStatus.OVERDUE: Q(next_review_due__lt=today),
        ReviewStatus.DUE_SOON: Q(next_review_due__gte=today, next_review_due__lte=soon),
        ReviewStatus.CURRENT: Q(next_review_due__gt=soon),
    }


def review_status(page: TreatmentPage, today: datetime.date) -> ReviewStatus:
    soon = today + datetime.timedelta(days=settings.MEDICAL_REVIEW_REMINDER_DAYS)
    if page.last_reviewed is None or page.next_review_due is None:
        return ReviewStatus.NOT_REVIEWED
    if page.next_review_due < today:
        return ReviewStatus.OVERDUE
    if page.next_review_due <= soon:
        return ReviewStatus.DUE_SOON
    return ReviewStatus.CURRENT


def pages_due(today: datetime.date):
    """Live pages never reviewed or past their review date: the dashboard's list."""
    filters = status_filters(today)
    return (
        TreatmentPage.objects.live()
        .filter(filters[ReviewStatus.NOT_REVIEWED] | filters[ReviewStatus.OVERDUE])
        .order_by(F("next_review_due").asc(nulls_first=True), "title")
    )


def pages_needing_review(today: datetime.date):
    """Live pages never reviewed, overdue, or due within the reminder window."""
    filters = status_filters(today)
    return (
        TreatmentPage.objects.live()
        .filter(
            filters[ReviewStatus.NOT_REVIEWED]
            | filters[ReviewStatus.OVERDUE]
            | filters[ReviewStatus.DUE_SOON]
        )
        .order_by(F("next_review_due").asc(nulls_first=True), "title")
    )
