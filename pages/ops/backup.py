"""Backups of the whole site: the database and the uploaded media, one archive.

An archive ``roc-backup-<UTC time>.tar.gz`` holds ``database.dump``
(PostgreSQL: ``pg_dump`` custom format) or ``database.sqlite3`` (SQLite: the
sqlite3 backup API, consistent while the site runs), the ``media/`` folder and
``backup.json`` (format, database vendor, time). ``restore_archive`` loads one
into an empty database and the configured ``MEDIA_ROOT``. The commands
``backup_site`` and ``restore_site`` call these; ``make backup`` and
``make restore`` call the commands.

The consultation requests in a backup stay encrypted (the key comes from
``SECRET_KEY`` and ``FIELD_ENCRYPTION_SALT``, which are not in the archive):
restore with the same environment, and keep the archives as confidential as
the database.
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

from django.conf import settings
from django.db import connection

FORMAT_VERSION = 1
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


def copy_sqlite(source: Path | str, target: Path | str) -> None:
    """Copy a SQLite database page by page, consistent while others write."""
    with (
        closing(sqlite3.connect(source)) as source_db,
        closing(sqlite3.connect(target)) as target_db,
    ):
        source_db.backup(target_db)


def dump_database(target: Path) -> None:
    if connection.vendor == "postgresql":
        arguments, env = postgres_arguments()
        subprocess.run(  # noqa: S603
            [postgres_tool("pg_dump"), "--format", "custom", "--file", str(target)]
            + arguments,
            env=env,
            check=True,
        )
    elif connection.vendor == "sqlite":
        copy_sqlite(settings.DATABASES["default"]["NAME"], target)
    else:
        raise BackupError(f"no backup for the {connection.vendor} database")


def create_archive(folder: Path) -> Path:
    """Write a backup archive into ``folder``; return its path."""
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"no backup for the {connection.vendor} database")
    folder.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC)
    archive = folder / f"roc-backup-{created:%Y%m%d-%H%M%S}.tar.gz"
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
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(manifest, arcname="backup.json")
            tar.add(database_file, arcname=database_file.name)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname="media")
    archive.chmod(0o600)  # holds (encrypted) patient data
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
    """Load ``archive`` into the (empty) database and MEDIA_ROOT; its manifest."""
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive) as tar:
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
