"""The site's periodic jobs, and the loop that runs them beside the task worker.

`make run` and `make prod` start ``manage.py run_scheduled_jobs`` next to the
task worker, and production runs it as ``roc-ortho-scheduler.service``: one loop
for every job, so that what runs in development is what runs in production. Run
it on one server only; each job is idempotent, so a restart that repeats one is
harmless. The loop survives a failing job (a database outage, a mail server
down): the error is logged and the job is tried again at its next turn.

A library was considered: django-periodic-tasks (0.2, for django-tasks) is months
old with one maintainer, and django-celery-beat needs Celery; these three
commands do not justify either.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.core.management import call_command
from django.db import close_old_connections, connection

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    command: str
    every: timedelta


JOBS = (
    # Pages an editor scheduled for publishing (or unpublishing) go live on time.
    Job("publish_scheduled", timedelta(minutes=1)),
    # GDPR storage limitation: requests past their retention period.
    Job("delete_old_consultation_requests", timedelta(hours=24)),
    # The same for page feedback comments (pages/feedback/README.md).
    Job("delete_old_feedback_comments", timedelta(hours=24)),
    # Finished task rows of the worker (sent notifications).
    Job("prune_db_task_results", timedelta(hours=24)),
    # Front-desk notifications whose task was lost (pages/consultation/README.md).
    Job("requeue_consultation_notifications", timedelta(minutes=10)),
    # Overdue reminders whose queued task was lost (pages/consultation/README.md).
    Job("send_consultation_reminders", timedelta(minutes=15)),
    # Medical reviews due within 30 days or overdue (treatments/README.md).
    Job("send_medical_review_reminders", timedelta(hours=24)),
)


class Scheduler:
    """Runs each job when it is due; every job is due once at start."""

    def __init__(self, jobs=JOBS, clock: Callable[[], float] = time.monotonic):
        self.jobs = jobs
        self.clock = clock
        self.next_run = {job.command: clock() for job in jobs}

    def run_due(self) -> list[str]:
        """Run every job that is due; return the commands that ran."""
        ran = []
        for job in self.jobs:
            if self.clock() < self.next_run[job.command]:
                continue
            self.next_run[job.command] = self.clock() + job.every.total_seconds()
            if not connection.in_atomic_block:  # never inside a caller's transaction
                close_old_connections()  # a connection lost in an outage is replaced
            try:
                call_command(job.command, verbosity=0)
            except Exception:
                logger.exception("Scheduled job %s failed", job.command)
            ran.append(job.command)
        return ran

    def seconds_to_next(self) -> float:
        return max(0.0, min(self.next_run.values()) - self.clock())
