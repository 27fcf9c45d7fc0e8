"""Feedback comments past their retention period are blanked; answers stay."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest

from pages.models import PageFeedback
from tests.pages.feedback.conftest import answer_no_with_comment

pytestmark = pytest.mark.django_db


def feedback_from(page, days_ago: int, comment: str = "Zu lang") -> PageFeedback:
    return PageFeedback.objects.create(
        page=page,
        language="de",
        helpful=False,
        comment=comment,
        received_on=timezone.localdate() - timedelta(days=days_ago),
    )


def run_command(*args: str) -> str:
    out = StringIO()
    call_command("delete_old_feedback_comments", *args, stdout=out)
    return out.getvalue()


def test_comments_past_the_period_are_blanked_and_answers_kept(
    settings, denervation_page
):
    settings.PAGE_FEEDBACK_COMMENT_RETENTION_DAYS = 30
    old = feedback_from(denervation_page, 31, "Alt")
    last_day = feedback_from(denervation_page, 30, "Heute noch")
    answer_only = feedback_from(denervation_page, 400, "")

    output = run_command()

    assert "deleted 1 feedback comment(s) older than 30 days" in output
    old.refresh_from_db()
    last_day.refresh_from_db()
    assert old.comment == ""
    assert old.helpful is False
    assert last_day.comment == "Heute noch"
    assert PageFeedback.objects.filter(pk=answer_only.pk).exists() is True


def test_the_default_period_is_the_setting(settings, denervation_page):
    old = feedback_from(
        denervation_page, settings.PAGE_FEEDBACK_COMMENT_RETENTION_DAYS + 1
    )
    kept = feedback_from(
        denervation_page, settings.PAGE_FEEDBACK_COMMENT_RETENTION_DAYS
    )

    run_command()

    assert list(
        PageFeedback.objects.exclude(comment="").values_list("pk", flat=True)
    ) == [kept.pk]
    assert PageFeedback.objects.filter(pk=old.pk, comment="").exists() is True


def test_dry_run_counts_and_changes_nothing(denervation_page):
    feedback_from(denervation_page, 50)

    output = run_command("--dry-run", "--days", "10")

    assert "would delete 1 feedback comment(s) older than 10 days" in output
    assert PageFeedback.objects.get().comment == "Zu lang"


def test_an_expired_comment_leaves_the_report_but_its_answer_counts(
    client, admin_client, denervation_page
):
    answer_no_with_comment(client, denervation_page, "Bitte mehr Bilder")
    PageFeedback.objects.update(received_on=timezone.localdate() - timedelta(days=365))
    comments = "/admin/reports/feedback-comments/"
    assert "Bitte mehr Bilder" in admin_client.get(comments).content.decode()

    run_command()

    assert "Bitte mehr Bilder" not in admin_client.get(comments).content.decode()
    assert (
        PageFeedback.objects.filter(page=denervation_page, helpful=False).count() == 1
    )
