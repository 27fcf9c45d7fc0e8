"""Backups of the whole site: the database and the uploaded media, one archive.

An archive ``roc-backup-<UTC time>.tar.gz.enc`` is a tar.gz encrypted as a
whole with ``BACKUP_ENCRYPTION_KEY`` (``backup_crypto.py``). Inside are
``database.dump`` (PostgreSQL: ``pg_dump`` custom format) or
``database.sqlite3`` (SQLite: the sqlite3 backup API, consistent while the site
runs), the ``media/`` folder and ``backup.json`` (format, database vendor,
time). ``restore_archive`` loads one into an empty database and the configured
``MEDIA_ROOT``. The commands ``backup_site`` and ``restore_site`` call these;
``make backup`` and ``make restore`` call the commands.

Short-lived state is left out (``SHORT_LIVED_MODELS``, the database cache):
a staff session in a backup would be a login past the second factor. The
authenticators' secrets (django-otp devices) stay in, like the password hashes,
protected by the archive's key: a restored site keeps every account's second
factor instead of leaving the first enrolment open to whoever knows a password.
The consultation requests are encrypted once more with ``FIELD_ENCRYPTION_KEYS``,
which are not in the archive either.
"""

import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection

from pages.ops.backup_crypto import ArchiveKeyError, backup_fernet, seal, unseal

FORMAT_VERSION = 2  # 2: encrypted, short-lived state left out
# Tables whose rows are not backed up (the tables themselves are): sessions,
# django-axes' attempts and lockouts, Wagtail's "who is editing" pings.
SHORT_LIVED_MODELS = [
    "sessions.Session",
    "axes.AccessAttempt",
    "axes.AccessAttemptExpiration",
    "axes.AccessFailureLog",
    "axes.AccessLog",
    "wagtailadmin.EditingSession",
]
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why."""


def postgres_tool(name: str) -> str:
    """``pg_dump``/``pg_restore`` of the server's major version (Debian's layout
    keeps one per version); a different major version refuses or corrupts."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        major = int(cursor.fetchone()[0]) // 10000
    versioned = Path(f"/usr/lib/postgresql/{major}/bin/{name}")
    tool = str(versioned) if versioned.exists() else shutil.which(name)
    if tool is None:
        raise BackupError(
            f"{name} not found (Debian: apt-get install postgresql-client)"
        )
    version = subprocess.run(  # noqa: S603
        [tool, "--version"], capture_output=True, text=True, check=True
    ).stdout
    # "pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)"
    tool_major = int(re.search(r"\) (\d+)", version)[1])
    if tool_major < major:
        raise BackupError(f"{tool} is version {tool_major}, the server {major}")
    return tool


def postgres_arguments() -> tuple[list[str], dict[str, str]]:
    """Connection options for the PostgreSQL tools, and the password as env."""
    database = settings.DATABASES["default"]
    arguments = ["--dbname", database["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            arguments += [option, str(database[key])]
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    return arguments, env


def short_lived_tables() -> list[str]:
    """Tables of ``SHORT_LIVED_MODELS`` and of database caches that exist."""
    tables = []
    for label in SHORT_LIVED_MODELS:
        try:
            tables.append(apps.get_model(label)._meta.db_table)
        except LookupError:  # the app is not installed
            continue
    tables += [
        cache["LOCATION"]
        for cache in settings.CACHES.values()
        if cache["BACKEND"].endswith("DatabaseCache")
    ]
    existing = set(connection.introspection.table_names())
    return [table for table in tables if table in existing]


def copy_sqlite(source: Path | str, target: Path | str) -> None:
    """Copy a SQLite database page by page, consistent while others write."""
    with closing(sqlite3.connect(target)) as target_db:
        copy_sqlite_into(source, target_db)


def copy_sqlite_into(source: Path | str, target: sqlite3.Connection) -> None:
    """``copy_sqlite`` into an open database (the tests' in-memory one)."""
    with closing(sqlite3.connect(source)) as source_db:
        source_db.backup(target)


def empty_sqlite_tables(database: Path, tables: list[str]) -> None:
    """Delete the rows of ``tables`` and wipe them from the file's free pages."""
    with closing(sqlite3.connect(database, isolation_level=None)) as db:
        db.execute("PRAGMA secure_delete = ON")
        for table in tables:
            db.execute(f'DELETE FROM "{table}"')  # noqa: S608 (names from models)
        db.execute("VACUUM")


def dump_database(target: Path) -> None:
    excluded = short_lived_tables()
    if connection.vendor == "postgresql":
        arguments, env = postgres_arguments()
        subprocess.run(  # noqa: S603
            [postgres_tool("pg_dump"), "--format", "custom", "--file", str(target)]
            + [f"--exclude-table-data={table}" for table in excluded]
            + arguments,
            env=env,
            check=True,
        )
    elif connection.vendor == "sqlite":
        copy_sqlite(settings.DATABASES["default"]["NAME"], target)
        empty_sqlite_tables(target, excluded)
    else:
        raise BackupError(f"no backup for the {connection.vendor} database")


def create_archive(folder: Path) -> Path:
    """Write a backup archive into ``folder``; return its path."""
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"no backup for the {connection.vendor} database")
    try:
        backup_fernet()  # before any work: a backup nobody can read is no backup
    except ArchiveKeyError as error:
        raise BackupError(str(error)) from error
    folder.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC)
    archive = folder / f"roc-backup-{created:%Y%m%d-%H%M%S}.tar.gz.enc"
    with tempfile.TemporaryDirectory() as work:
        database_file = Path(work) / DATABASE_FILES[connection.vendor]
        dump_database(database_file)
        manifest = Path(work) / "backup.json"
        manifest.write_text(
            json.dumps(
                {
                    "format": FORMAT_VERSION,
                    "database": connection.vendor,
                    "created": created.isoformat(),
                }
            )
        )
        plain = Path(work) / "backup.tar.gz"
        with tarfile.open(plain, "w:gz") as tar:
            tar.add(manifest, arcname="backup.json")
            tar.add(database_file, arcname=database_file.name)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname="media")
        archive.touch(mode=0o600)  # encrypted, and still nobody else's business
        seal(plain, archive)
    return archive


def database_is_empty() -> bool:
    return not connection.introspection.table_names()


def load_database(source: Path, vendor: str) -> None:
    if vendor != connection.vendor:
        raise BackupError(
            f"the archive holds a {vendor} database, the site uses {connection.vendor}"
        )
    if not database_is_empty():
        raise BackupError("the database is not empty: restore into a new one")
    if vendor == "postgresql":
        arguments, env = postgres_arguments()
        subprocess.run(  # noqa: S603
            [
                postgres_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                *arguments,
                str(source),
            ],
            env=env,
            check=True,
        )
    else:
        connection.close()
        copy_sqlite(source, settings.DATABASES["default"]["NAME"])


def restore_archive(archive: Path) -> dict:
    """Load ``archive`` into the (empty) database and MEDIA_ROOT; its manifest.

    The whole archive is decrypted and checked before anything is restored.
    """
    with tempfile.TemporaryDirectory() as work:
        plain = Path(work) / "backup.tar.gz"
        try:
            unseal(archive, plain)
        except ArchiveKeyError as error:
            raise BackupError(str(error)) from error
        with tarfile.open(plain) as tar:
            tar.extractall(work, filter="data")
        manifest = json.loads((Path(work) / "backup.json").read_text())
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"unknown backup format {manifest.get('format')!r}")
        vendor = manifest["database"]
        load_database(Path(work) / DATABASE_FILES[vendor], vendor)
        media = Path(work) / "media"
        if media.is_dir():
            shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return manifest
