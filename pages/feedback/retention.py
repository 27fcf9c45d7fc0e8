"""How long feedback comments are kept (GDPR Art. 5(1)(e)).

A comment is free text: despite the masking and the request to write nothing
personal, it may name someone or describe an illness. It is blanked
``PAGE_FEEDBACK_COMMENT_RETENTION_DAYS`` after the day it was received. The rest of
the row (page, language, yes or no, day) points at nobody and stays for the
reports' counts. The daily ``delete_old_feedback_comments`` command runs this.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from pages.feedback.models import PageFeedback


def comment_retention_days(days: int | None = None) -> int:
    """Days a comment is kept: the setting, or the period given."""
    return days or settings.PAGE_FEEDBACK_COMMENT_RETENTION_DAYS


def expired_comments(days: int | None = None) -> QuerySet:
    """Feedback whose comment is past its retention period."""
    cutoff = timezone.localdate() - timedelta(days=comment_retention_days(days))
    return PageFeedback.objects.exclude(comment="").filter(received_on__lt=cutoff)


def blank_expired_comments(days: int | None = None) -> int:
    """Blank the comments past their period; return how many."""
    return expired_comments(days).update(comment="")
