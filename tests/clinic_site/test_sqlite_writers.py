"""SQLite with several writers at once, as under ``make run`` (three gunicorn
workers and the task worker): nobody gets "database is locked".

Each writer is a process of its own on a file database in a temporary folder
(the suite's own SQLite database is in memory and has one connection). Every
write transaction reads before it writes, like a form save with its checks:
with SQLite's default deferred transactions, two such writers deadlock and one
fails at once, whatever the busy timeout.
"""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.perf.prepared import ROOT, prepare_database

pytestmark = [pytest.mark.slow, pytest.mark.own_database]

WRITERS = 4
WRITES = 30

WRITER = """
import os, sys, time
from django.db import transaction
from pages.consultation.models import ConsultationRequest
from tests.factories.consultation import ConsultationRequestFactory

print("ready", flush=True)
while not os.path.exists(os.environ["GO_FILE"]):
    time.sleep(0.01)
for _ in range({writes}):
    with transaction.atomic():
        ConsultationRequest.objects.count()
        ConsultationRequestFactory()
"""


@pytest.fixture
def sqlite_env(tmp_path) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.dev",
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "GO_FILE": str(tmp_path / "go"),
    }
    prepare_database(env, demo=False)
    return env


def test_concurrent_writers_never_see_database_locked(sqlite_env, tmp_path):
    code = WRITER.format(writes=WRITES)
    writers = [
        subprocess.Popen(  # noqa: S603 (manage.py with fixed arguments)
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=ROOT,
            env=sqlite_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(WRITERS)
    ]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready"
    Path(sqlite_env["GO_FILE"]).touch()
    started = time.monotonic()
    errors = [writer.communicate(timeout=300)[1] for writer in writers]

    assert [writer.returncode for writer in writers] == [0] * WRITERS, errors
    assert not any("database is locked" in error for error in errors)
    with sqlite3.connect(tmp_path / "db.sqlite3") as database:
        (stored,) = database.execute(
            "SELECT COUNT(*) FROM pages_consultationrequest"
        ).fetchone()
        (journal_mode,) = database.execute("PRAGMA journal_mode").fetchone()
    assert stored == WRITERS * WRITES
    assert journal_mode == "wal"
    assert time.monotonic() - started < 120
