"""The demo database every test session starts from, and how the browser suite
puts it back after a test that changed it."""

import json
import os

from django.core.management import call_command
from django.db import connection

from pages.ops.backup import copy_sqlite_into
from tests.perf.prepared import sqlite_template

TEST_ENV = {**os.environ, "DJANGO_SETTINGS_MODULE": "clinic_site.settings.test"}

# PostgreSQL's demo as serialized rows, taken at the session's start when it
# has browser tests (``remember_demo``); SQLite copies its template instead.
SNAPSHOT: dict[str, str] = {}


def on_sqlite() -> bool:
    return connection.vendor == "sqlite"


def copy_demo_into_sqlite() -> None:
    """Overwrite the in-memory test database with the demo template (SQLite's
    backup API: a page-by-page copy, no SQL)."""
    copy_sqlite_into(sqlite_template(TEST_ENV, demo=True), connection.connection)


def remember_demo() -> None:
    """Serialize PostgreSQL's demo, content types first: loading a Wagtail task
    looks its content type up (``Task.__init__``), and when that is not yet
    cached it would insert one that the snapshot's own row then duplicates."""
    if on_sqlite():
        return
    rows = json.loads(
        getattr(connection, "_test_serialized_contents", None)
        or connection.creation.serialize_db_to_string()
    )
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    SNAPSHOT[connection.alias] = json.dumps(rows)


def restore_demo() -> None:
    """Put back the demo the session started with: SQLite copies its template
    again; PostgreSQL empties the tables and loads the snapshot taken at the
    session's start, as pytest-django's serialized rollback does."""
    if on_sqlite():
        copy_demo_into_sqlite()
        return
    # Sequences stay where they are: the snapshot's rows keep their ids, and
    # rows a later test adds must not be given one of them.
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        reset_sequences=False,
        inhibit_post_migrate=True,
    )
    connection.creation.deserialize_db_from_string(SNAPSHOT[connection.alias])


def rows_changed() -> int | None:
    """Rows inserted, updated or deleted so far through the SQLite connection
    the live server shares with the tests; None on PostgreSQL, where each
    server thread has a connection of its own."""
    if not on_sqlite():
        return None
    connection.ensure_connection()
    return connection.connection.total_changes
