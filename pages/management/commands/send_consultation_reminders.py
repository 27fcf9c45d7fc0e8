from django.core.management.base import BaseCommand

from pages.consultation.reminders import send_overdue_reminders


class Command(BaseCommand):
    help = (
        "Mail the front desk once more about every consultation request nobody "
        "has opened within CONSULTATION_REMINDER_WORKING_HOURS working hours. "
        "Each request is reminded once. run_scheduled_jobs runs it every 15 minutes."
    )

    def handle(self, *args, **options) -> None:
        sent = send_overdue_reminders()
        self.stdout.write(f"sent {sent} reminder(s)")
