"""Wagtail's workflow mails, sent like every other staff mail.

Wagtail mails the reviewers when a page is submitted and the author when it is
approved or sent back. Its notifiers take the language active while sending
(whoever triggered the mail) for a recipient who chose none, and the sender
from settings only. These subclasses send each mail in the recipient's admin
language, German by default (``clinic_site/mail_language.py``), in the
clinic's name (``staff_sender``), and name the workflow and its task in that
language (``treatments.workflow.display_name``). ``connect`` puts them in the
place of Wagtail's own receivers (same ``dispatch_uid``), whichever app's
``ready`` runs first.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import lazy

from wagtail.admin import mail as wagtail_mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from clinic_site.mail_language import user_language
from pages.consultation.mail import staff_sender
from treatments.workflow import display_name

logger = logging.getLogger(__name__)

lazy_display_name = lazy(display_name, str)


@dataclass(frozen=True)
class MailName:
    """What the notification templates read of a workflow or a task."""

    id: int
    name: str


class StaffMailMixin:
    """Recipient's language, translated names and the clinic as sender."""

    def get_context(self, instance, **kwargs):
        context = super().get_context(instance, **kwargs)
        for key in ("workflow", "task"):
            if context.get(key) is not None:
                named = context[key]
                context[key] = MailName(named.pk, lazy_display_name(named.name))
        return context

    def send_emails(self, template_set, context, recipients, **kwargs) -> bool:
        """Wagtail's ``send_emails``, rendering each mail in its reader's language."""
        sender = staff_sender()
        use_html = getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False)
        sent = 0
        try:
            with wagtail_mail.OpenedConnection(get_connection()) as connection:
                for recipient in recipients:
                    context["user"] = recipient
                    with translation.override(user_language(recipient)):
                        subject = render_to_string(template_set["subject"], context)
                        text = render_to_string(template_set["text"], context)
                        html = None
                        if use_html:
                            html = render_to_string(template_set["html"], context)
                    try:
                        wagtail_mail.send_mail(
                            subject.strip(),
                            text.strip(),
                            [recipient.email],
                            from_email=sender,
                            connection=connection,
                            html_message=html,
                        )
                        sent += 1
                    except Exception:
                        logger.exception(
                            "Failed to send notification email '%s' to %s",
                            subject.strip(),
                            recipient.email,
                        )
        except (TimeoutError, ConnectionError):
            logger.exception("Mail connection error, notification sending skipped")
        return sent == len(recipients)


class TaskSubmissionMail(
    StaffMailMixin, wagtail_mail.GroupApprovalTaskStateSubmissionEmailNotifier
):
    pass


class WorkflowSubmissionMail(
    StaffMailMixin, wagtail_mail.WorkflowStateSubmissionEmailNotifier
):
    pass


class WorkflowApprovalMail(
    StaffMailMixin, wagtail_mail.WorkflowStateApprovalEmailNotifier
):
    pass


class WorkflowRejectionMail(
    StaffMailMixin, wagtail_mail.WorkflowStateRejectionEmailNotifier
):
    pass


# Signal, sender, Wagtail's dispatch_uid (wagtail/admin/signal_handlers.py), ours.
RECEIVERS = (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmissionMail(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmissionMail(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectionMail(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovalMail(),
    ),
)


def connect() -> None:
    """Replace Wagtail's workflow mail receivers with the staff mail ones.

    A receiver already connected under a ``dispatch_uid`` makes a later
    ``connect`` with that uid a no-op, so Wagtail's own registration, if it runs
    after this, changes nothing.
    """
    for signal, sender, uid, notifier in RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(notifier, sender=sender, dispatch_uid=uid)
