from django.core.management.base import BaseCommand, CommandParser

from pages.consultation.retention import COUNTED_FROM, delete_logged, expired_requests


class Command(BaseCommand):
    help = (
        "Delete consultation requests that are no longer needed: closed ones "
        "CONSULTATION_RETENTION_CLOSED_DAYS after they were closed, all others "
        "(new, contacted, appointment booked) CONSULTATION_RETENTION_OPEN_DAYS "
        "after they arrived. Run daily from cron."
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
            "--open-days",
            type=int,
            default=None,
            help="Override CONSULTATION_RETENTION_OPEN_DAYS.",
        )

    def handle(
        self,
        *args,
        dry_run: bool = False,
        closed_days: int | None = None,
        open_days: int | None = None,
        **options,
    ) -> None:
        count = (lambda queryset: queryset.count()) if dry_run else delete_logged
        verb = "would delete" if dry_run else "deleted"
        for expired in expired_requests(closed_days, open_days):
            since = (
                "closing" if COUNTED_FROM[expired.status] == "closed_at" else "arrival"
            )
            self.stdout.write(
                f"{verb} {count(expired.requests)} {expired.status} request(s) "
                f"older than {expired.days} days since {since}"
            )
