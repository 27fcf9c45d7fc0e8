"""The task worker (django-tasks-db's ``db_worker``), kept alive through outages.

``db_worker`` stops with an exception when the database goes away (a restart, a
failover), and under ``make run`` nothing would start it again: front-desk mails
would wait until someone noticed. This command runs it again after a pause
until it stops on request (Ctrl+C, SIGTERM). systemd's ``Restart=always`` does
the same in production; this covers ``make run`` and ``make prod``.
"""

import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import Error, close_old_connections

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the task worker and start it again after a database outage."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--retry-after",
            type=float,
            default=5.0,
            help="Seconds to wait before starting again (default: 5).",
        )

    def handle(self, *args, retry_after: float = 5.0, **options) -> None:
        while True:
            try:
                call_command("db_worker", reload=False, startup_delay=False)
                return  # stopped on request
            # Error, not DatabaseError: a dropped connection can also surface
            # as InterfaceError, which is no DatabaseError.
            except Error:
                logger.exception(
                    "Task worker lost the database; starting again in %s s",
                    retry_after,
                )
                close_old_connections()
                time.sleep(retry_after)
