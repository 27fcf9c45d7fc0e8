"""The daily mail to the Medical reviewers: pages whose review is due or overdue.

``run_scheduled_jobs`` runs ``send_medical_review_reminders`` once a day
(``pages/ops/scheduler.py``). At most one mail goes out per day, however often
the job runs: the day is claimed (``ReviewReminder``) before the mail is sent,
and released again if sending fails.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, ngettext

from clinic_site.mail_language import user_language

from .models import ReviewReminder, TreatmentPage
from .review import ReviewStatus, pages_needing_review, review_status
from .workflow import REVIEWER_GROUP_NAME

logger = logging.getLogger(__name__)


def admin_edit_url(page: TreatmentPage) -> str:
    path = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def page_line(page: TreatmentPage, today: datetime.date) -> str:
    status = review_status(page, today)
    if status == ReviewStatus.NOT_REVIEWED:
        state = gettext("not reviewed yet")
    elif status == ReviewStatus.OVERDUE:
        state = gettext("overdue since %(date)s") % {
            "date": formats.date_format(page.next_review_due, "DATE_FORMAT")
        }
    else:
        state = gettext("due on %(date)s") % {
            "date": formats.date_format(page.next_review_due, "DATE_FORMAT")
        }
    return f"- {page.title} ({state})\n  {admin_edit_url(page)}"


def reminder_message(
    pages: list[TreatmentPage], today: datetime.date, language: str
) -> tuple[str, str]:
    """Subject and body of the reminder, in ``language``."""
    with translation.override(language):
        subject = ngettext(
            "Medical review: %(count)d treatment page is due",
            "Medical review: %(count)d treatment pages are due",
            len(pages),
        ) % {"count": len(pages)}
        intro = gettext(
            "These treatment pages have not been reviewed yet, are overdue or fall "
            "due within %(days)d days. Open a page in the admin (login required) to "
            "review it:"
        ) % {"days": settings.MEDICAL_REVIEW_REMINDER_DAYS}
        lines = [page_line(page, today) for page in pages]
    return subject, "\n\n".join([intro, "\n".join(lines)]) + "\n"


def reviewer_addresses() -> dict[str, list[str]]:
    """The reviewers' addresses by the language their mail is written in."""
    reviewers = (
        get_user_model()
        .objects.filter(groups__name=REVIEWER_GROUP_NAME, is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
        .distinct()
        .order_by("email")
    )
    by_language: dict[str, list[str]] = {}
    for reviewer in reviewers:
        addresses = by_language.setdefault(user_language(reviewer), [])
        if reviewer.email not in addresses:
            addresses.append(reviewer.email)
    return by_language


def send_review_reminder(
    today: datetime.date | None = None, sender: str | None = None
) -> int:
    """Mail the reviewers today's list; returns how many pages it named (0: none).

    One mail per language the reviewers read the admin in (German by default),
    from ``sender`` (the caller's clinic name; else ``DEFAULT_FROM_EMAIL``).
    """
    today = today or timezone.localdate()
    pages = list(pages_needing_review(today))
    recipients = reviewer_addresses()
    if not pages or not recipients:
        return 0
    try:
        with transaction.atomic():
            claim = ReviewReminder.objects.create(sent_on=today, page_count=len(pages))
    except IntegrityError:
        return 0  # today's reminder has gone out already
    try:
        for language, addresses in recipients.items():
            subject, body = reminder_message(pages, today, language)
            send_mail(subject, body, sender or settings.DEFAULT_FROM_EMAIL, addresses)
    except Exception:
        claim.delete()
        logger.exception("Medical review reminder failed; the next run tries again")
        return 0
    return len(pages)
