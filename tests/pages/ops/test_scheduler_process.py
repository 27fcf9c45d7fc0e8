"""Scheduled publishing under the scheduler process ``make run`` starts.

A page scheduled one minute ahead is live within five minutes, with
``run_scheduled_jobs`` running as ``make run`` runs it, on a SQLite file.
"""

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.perf.prepared import prepare_database
from tests.perf.served_site import ROOT, RUN_ENV, manage, stop

pytestmark = [pytest.mark.slow, pytest.mark.own_database]

SCHEDULE_THE_CLINIC_PAGE = """
from datetime import timedelta
from django.utils import timezone
from pages.models import StandardPage
page = StandardPage.objects.get(slug_de="praxis")
page.title_de = "Praxis (geplant)"
page.save_revision(approved_go_live_at=timezone.now() + timedelta(minutes=1))
"""


def live_title(database) -> str:
    with sqlite3.connect(database) as connection:
        [(title,)] = connection.execute(
            "SELECT title_de FROM wagtailcore_page WHERE slug_de = 'praxis'"
        )
    return title


def test_a_page_scheduled_a_minute_ahead_is_live_within_five_minutes(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        **RUN_ENV,
        "DATABASE_URL": f"sqlite:///{database}",
    }
    prepare_database(env, demo=True)
    manage(env, "shell", "-c", SCHEDULE_THE_CLINIC_PAGE)
    scheduled_at = time.monotonic()
    log = tmp_path / "scheduler.log"
    with log.open("w") as output:
        scheduler = subprocess.Popen(
            [sys.executable, "manage.py", "run_scheduled_jobs"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        before = live_title(database)
        while time.monotonic() - scheduled_at < 5 * 60:
            if live_title(database) == "Praxis (geplant)":
                break
            time.sleep(2)
        went_live_after = time.monotonic() - scheduled_at
    finally:
        stop(scheduler)

    assert before != "Praxis (geplant)"
    assert live_title(database) == "Praxis (geplant)", log.read_text()
    assert 55 < went_live_after < 5 * 60
