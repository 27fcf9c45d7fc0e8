from django.core.management.base import BaseCommand, CommandParser

from pages.feedback.retention import (
    blank_expired_comments,
    comment_retention_days,
    expired_comments,
)


class Command(BaseCommand):
    help = (
        "Delete the comments of page feedback received more than "
        "PAGE_FEEDBACK_COMMENT_RETENTION_DAYS ago; the yes/no answers stay for the "
        "reports. Run daily by run_scheduled_jobs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be deleted.",
        )
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override PAGE_FEEDBACK_COMMENT_RETENTION_DAYS.",
        )

    def handle(
        self, *args, dry_run: bool = False, days: int | None = None, **options
    ) -> None:
        if dry_run:
            count, verb = expired_comments(days).count(), "would delete"
        else:
            count, verb = blank_expired_comments(days), "deleted"
        self.stdout.write(
            f"{verb} {count} feedback comment(s) older than "
            f"{comment_retention_days(days)} days"
        )
