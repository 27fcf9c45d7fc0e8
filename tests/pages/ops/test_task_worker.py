"""``run_task_worker`` outlives a database outage and sends what is queued.

The outage is real: the worker's PostgreSQL cluster stops and starts again.
"""

import os
import signal
import subprocess
import sys
import time

import psycopg
import pytest

from tests.perf.loadtests.services import (
    missing_postgres,
    prepared_postgres,
    throwaway_postgres,
)
from tests.perf.served_site import ROOT, RUN_ENV, manage

pytestmark = [
    pytest.mark.slow,
    pytest.mark.own_database,
    pytest.mark.skipif(missing_postgres() is not None, reason=missing_postgres() or ""),
]

QUEUE_A_NOTIFICATION = """
from django.utils import timezone
from pages.consultation.tasks import queue_front_desk_notification
from pages.models import ConsultationRequest
request = ConsultationRequest.objects.create(
    name="Test", email="t@example.com", consent_version="t", consented_at=timezone.now()
)
assert queue_front_desk_notification(request)
"""


def notification_states(database_url: str) -> list[str]:
    """The states of the front-desk notification tasks (reminders aside)."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT status FROM django_tasks_database_dbtaskresult"
            " WHERE task_path = 'pages.consultation.tasks.notify_front_desk'"
        )
        return [status for (status,) in rows]


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"not within {seconds} s: {what}")


def test_the_worker_survives_an_outage_and_sends_what_is_queued_after(tmp_path):
    log = tmp_path / "worker.log"
    env = {**os.environ, **RUN_ENV}
    with throwaway_postgres(template=prepared_postgres(env, demo=False)) as cluster:
        database_url = env["DATABASE_URL"] = cluster.url("roc")
        with log.open("w") as output:
            worker = subprocess.Popen(
                [sys.executable, "manage.py", "run_task_worker", "--retry-after", "1"],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            time.sleep(3)
            cluster.stop()
            wait_for(
                lambda: "lost the database" in log.read_text(), 30, "worker noticed"
            )
            cluster.start()
            manage(env, "shell", "-c", QUEUE_A_NOTIFICATION)

            wait_for(
                lambda: notification_states(database_url) == ["SUCCESSFUL"],
                60,
                f"the notification was sent:\n{log.read_text()}",
            )
            assert worker.poll() is None, log.read_text()
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=20)
    assert worker.returncode == 0, log.read_text()
