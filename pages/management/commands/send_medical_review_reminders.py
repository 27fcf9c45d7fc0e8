from django.core.management.base import BaseCommand

from pages.consultation.mail import staff_sender
from treatments.reminders import send_review_reminder


class Command(BaseCommand):
    # Here rather than in treatments: the sender's name is the clinic's, from the
    # site settings, which treatments does not import.
    help = (
        "Mail the Medical reviewers the treatment pages not reviewed yet, overdue "
        "or due within MEDICAL_REVIEW_REMINDER_DAYS days; at most once a day. "
        "run_scheduled_jobs runs it daily."
    )

    def handle(self, *args, **options) -> None:
        listed = send_review_reminder(sender=staff_sender())
        self.stdout.write(f"listed {listed} page(s)")
