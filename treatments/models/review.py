"""Medical review records and the four-eyes rule (treatments/README.md).

What a page claims about its review (set only by the workflow's approval), the
reviewers' roles, the review task that keeps authors from approving their own
changes, and the page permissions that leave publishing to that approval.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.forms import TaskStateCommentForm
from wagtail.models import (
    AbstractGroupApprovalTask,
    Page,
    PagePermissionTester,
    TaskState,
)

from treatments.english.forms import MedicalApprovalForm
from treatments.english.status import EnglishStatus, page_status


def default_next_review() -> date:
    """The old default of ``next_review_due``; migration 0001 imports it by path."""
    return timezone.localdate() + timedelta(days=365)


# Set by the Medical review workflow's approval (treatments.review), kept from the
# page across revisions: no editor types them, and no revision brings old ones back.
REVIEW_RECORD_FIELDS = ("reviewed_by", "last_reviewed", "next_review_due")


class ReviewedBy(models.TextChoices):
    """Who reviewed a page medically: a team or role, never a named person."""

    MEDICAL_TEAM = "medical-team", _("ROC Ortho medical team")
    ORTHOPAEDIC_SPECIALISTS = (
        "orthopaedic-specialists",
        _("ROC Ortho specialists in orthopaedics"),
    )


class MedicalReviewer(models.Model):
    """The role a member of the Medical reviewers group approves pages under.

    The page then names the role, never the person. A reviewer without an entry
    approves as the medical team.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="medical_reviewer",
        verbose_name=_("user"),
    )
    role = models.CharField(
        _("role"),
        max_length=40,
        choices=ReviewedBy.choices,
        default=ReviewedBy.MEDICAL_TEAM,
        help_text=_("Shown on the pages this reviewer approves."),
    )

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta:
        verbose_name = _("medical reviewer")
        verbose_name_plural = _("medical reviewers")

    def __str__(self):
        return str(self.user)


def reviewer_role(user) -> str:
    """The ``ReviewedBy`` value an approval by ``user`` is recorded under."""
    profile = MedicalReviewer.objects.filter(user=user).first()
    return profile.role if profile else ReviewedBy.MEDICAL_TEAM


def english_needs_check(page) -> bool:
    """Whether the English of ``page`` (a revision's content) is missing or
    outdated somewhere."""
    return page_status(page) != EnglishStatus.UP_TO_DATE


def listed_as_needing_english(page: Page) -> bool:
    """Whether the latest revision of ``page`` is listed with missing or
    outdated English (``TreatmentPage.english_status``)."""
    status = getattr(page.specific, "english_status", EnglishStatus.UP_TO_DATE)
    return status != EnglishStatus.UP_TO_DATE


def change_authors(page: Page) -> set[int]:
    """Who wrote the changes under review: every revision since the live one."""
    revisions = page.revisions.exclude(user=None)
    if page.live_revision_id:
        revisions = revisions.filter(id__gt=page.live_revision_id)
    return set(revisions.values_list("user_id", flat=True))


class MedicalReviewTask(AbstractGroupApprovalTask):
    """A group approval in which nobody approves their own changes.

    Only members of the task's groups act on it (a superuser outside them makes
    no medical claim), and a member who wrote any of the changes under review may
    request changes but not approve them.
    """

    class Meta:
        verbose_name = _("medical review task")
        verbose_name_plural = _("medical review tasks")

    def is_reviewer(self, user) -> bool:
        """Whether ``user`` belongs to one of the task's groups."""
        return self.groups.filter(id__in=user.groups.all()).exists()

    def may_approve(self, page: Page, user) -> bool:
        """Whether ``user`` may approve ``page`` now. Override to change who may."""
        return self.is_reviewer(user) and user.pk not in change_authors(page)

    def user_can_access_editor(self, obj, user):
        return self.is_reviewer(user)

    def get_actions(self, obj, user):
        """Reviewers may request changes; approving is offered to non-authors.

        Approving a page whose English is missing or outdated always opens the
        dialog, which shows the English status and asks for a confirmation.
        """
        if not self.is_reviewer(user):
            return []
        actions = [("reject", _("Request changes"), True)]
        if self.may_approve(obj, user):
            actions += [
                ("approve", _("Approve"), listed_as_needing_english(obj)),
                ("approve", _("Approve with comment"), True),
            ]
        return actions

    def get_form_for_action(self, action):
        if action == "approve":
            return MedicalApprovalForm
        return TaskStateCommentForm

    def get_template_for_action(self, action):
        """The approval dialog shows the English status of the page."""
        if action == "approve":
            return "treatments/admin/medical_review_approve_modal.html"
        return super().get_template_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        """Refuse an approval by an author, or one that passes over missing or
        outdated English unconfirmed, however the request came.

        Returns where Wagtail's workflow action view (the dashboard's buttons)
        leads next: the confirmation of the decision (``review_feedback``).
        """
        page = task_state.workflow_state.content_object
        # The dialog's flag is only for its own check (MedicalApprovalForm).
        kwargs.pop("english_needs_check", None)
        english_checked = kwargs.pop("english_checked", False)
        if action_name == "approve":
            if not self.may_approve(page, user):
                raise PermissionDenied
            revision = task_state.revision.as_object()
            if english_needs_check(revision) and not english_checked:
                raise PermissionDenied
        super().on_action(task_state, user, action_name, **kwargs)
        return reverse("medical_review_decision", args=[page.pk])

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self.is_reviewer(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve; nobody approves their own changes."
        )


class ReviewReminder(models.Model):
    """The day a review reminder went to the reviewers: at most one mail a day."""

    sent_on = models.DateField(_("sent on"), unique=True)
    page_count = models.PositiveIntegerField(_("pages listed"))

    class Meta:
        verbose_name = _("medical review reminder")
        verbose_name_plural = _("medical review reminders")

    def __str__(self):
        return str(self.sent_on)


class TreatmentIndexPermissionTester(PagePermissionTester):
    """Nobody creates a treatment page and publishes it in one go."""

    def can_publish_subpage(self):
        return False


class TreatmentPagePermissionTester(PagePermissionTester):
    """Four eyes: a treatment page goes live only by the Medical review approval.

    Nobody publishes one directly, whatever their groups (Wagtail's Moderators
    hold publish on the whole tree). Unpublishing, deleting and moving are left
    to superusers, the operators of last resort (a page to take down at once).
    """

    def can_publish(self):
        return False

    def can_unpublish(self):
        return self.user.is_superuser and super().can_unpublish()

    def can_delete(self, ignore_bulk=False):
        return self.user.is_superuser and super().can_delete(ignore_bulk)

    def can_unschedule(self):
        return self.user.is_superuser
