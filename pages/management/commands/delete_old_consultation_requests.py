from django.core.management.base import BaseCommand, CommandParser

from pages.consultation.retention import delete_logged, expired_requests


class Command(BaseCommand):
    help = (
        "Delete consultation requests that are no longer needed: closed ones "
        "after CONSULTATION_RETENTION_CLOSED_DAYS, never worked ones (still "
        "'new') after CONSULTATION_RETENTION_UNWORKED_DAYS. Run daily from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be deleted.",
        )
        parser.add_argument(
            "--closed-days",
            type=int,
            default=None,
            help="Override CONSULTATION_RETENTION_CLOSED_DAYS.",
        )
        parser.add_argument(
            "--unworked-days",
            type=int,
            default=None,
            help="Override CONSULTATION_RETENTION_UNWORKED_DAYS.",
        )

    def handle(
        self,
        *args,
        dry_run: bool = False,
        closed_days: int | None = None,
        unworked_days: int | None = None,
        **options,
    ) -> None:
        expired = expired_requests(closed_days, unworked_days)
        count = (lambda queryset: queryset.count()) if dry_run else delete_logged
        verb = "would delete" if dry_run else "deleted"
        self.stdout.write(
            f"{verb} {count(expired.closed)} closed request(s) older than "
            f"{expired.closed_days} days"
        )
        self.stdout.write(
            f"{verb} {count(expired.unworked)} never worked request(s) older than "
            f"{expired.unworked_days} days"
        )
