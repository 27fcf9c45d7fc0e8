import signal
import time

from django.core.management.base import BaseCommand, CommandParser

from pages.ops.scheduler import Scheduler


class Command(BaseCommand):
    help = (
        "Run the site's periodic jobs (scheduled publishing, retention, task "
        "cleanup) until stopped; see pages/ops/scheduler.py."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run every job once and exit (for cron or a check).",
        )

    def handle(self, *args, once: bool = False, **options) -> None:
        scheduler = Scheduler()
        if once:
            for command in scheduler.run_due():
                self.stdout.write(f"ran {command}")
            return
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        self.stdout.write("Running scheduled jobs; stop with Ctrl+C or SIGTERM")
        try:
            while not stopping:
                scheduler.run_due()
                # Short naps, so that a stop request is honoured within a second.
                deadline = time.monotonic() + scheduler.seconds_to_next()
                while not stopping and time.monotonic() < deadline:
                    time.sleep(min(1.0, deadline - time.monotonic()))
        except KeyboardInterrupt:
            pass
