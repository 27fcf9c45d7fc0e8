from django.core.management.base import BaseCommand

from pages.consultation.tasks import requeue_lost_notifications


class Command(BaseCommand):
    help = (
        "Queue the front-desk notification again for every consultation request "
        "whose notification is unsent and has no task in the queue (an enqueue "
        "that failed, a task row that vanished). run_scheduled_jobs runs it every "
        "10 minutes."
    )

    def handle(self, *args, **options) -> None:
        queued = requeue_lost_notifications()
        self.stdout.write(f"queued {queued} lost notification(s)")
