from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from pages.models import ConsultationRequest


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
        closed_days = closed_days or settings.CONSULTATION_RETENTION_CLOSED_DAYS
        unworked_days = unworked_days or settings.CONSULTATION_RETENTION_UNWORKED_DAYS
        now = timezone.now()
        closed = ConsultationRequest.objects.filter(
            status=ConsultationRequest.Status.CLOSED,
            closed_at__lt=now - timedelta(days=closed_days),
        )
        unworked = ConsultationRequest.objects.filter(
            status=ConsultationRequest.Status.NEW,
            created_at__lt=now - timedelta(days=unworked_days),
        )
        verb = "would delete" if dry_run else "deleted"
        closed_count = self.delete(closed, dry_run)
        unworked_count = self.delete(unworked, dry_run)
        self.stdout.write(
            f"{verb} {closed_count} closed request(s) older than {closed_days} days"
        )
        self.stdout.write(
            f"{verb} {unworked_count} never worked request(s) older than "
            f"{unworked_days} days"
        )

    @transaction.atomic
    def delete(self, queryset, dry_run: bool) -> int:
        """Delete ``queryset``, each deletion in Wagtail's log; return the count."""
        if dry_run:
            return queryset.count()
        count = 0
        for consultation_request in queryset.select_for_update():
            log(
                consultation_request,
                "wagtail.delete",
                data={"reason": "retention period over"},
            )
            consultation_request.delete()
            count += 1
        return count
