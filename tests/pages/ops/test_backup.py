"""Backup and restore round trip (``pages.ops.backup``, ``backup_site``,
``restore_site``), run as an operator would: commands in their own processes,
then the restored copy served by gunicorn.

SQLite always; PostgreSQL as well when the suite runs on PostgreSQL
(``DATABASE_URL``): there into two fresh databases on the same server.
"""

import os
import sqlite3
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from tests.perf.loadtests.services import gunicorn
from tests.perf.prepared import prepare_database
from tests.perf.served_site import ROOT, manage

SUITE_DATABASE = os.environ.get("DATABASE_URL", "")
DENERVATION = "/de/behandlungen/denervation-thermokoagulation/"
UPLOAD = Path("documents") / "aufklaerung-muster.pdf"
UPLOAD_BYTES = b"%PDF-1.4 placeholder upload for the backup round trip\n"

# Each run starts manage.py, gunicorn and (for PostgreSQL) a cluster of its own.
pytestmark = pytest.mark.slow


@contextmanager
def sqlite_databases(folder: Path) -> Iterator[tuple[str, str]]:
    yield (
        f"sqlite:///{folder / 'source.sqlite3'}",
        f"sqlite:///{folder / 'restored.sqlite3'}",
    )


@contextmanager
def postgres_databases(folder: Path) -> Iterator[tuple[str, str]]:
    """Two new databases on the suite's PostgreSQL server, dropped afterwards."""
    server = urlsplit(SUITE_DATABASE)
    names = [f"roc_backup_{role}_{os.getpid()}" for role in ("source", "restored")]
    admin_url = urlunsplit(server._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield tuple(urlunsplit(server._replace(path=f"/{name}")) for name in names)
        finally:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


DATABASES = [
    pytest.param(sqlite_databases, id="sqlite", marks=pytest.mark.own_database)
]
if SUITE_DATABASE.startswith("postgres"):
    DATABASES.append(pytest.param(postgres_databases, id="postgresql"))


def site_env(database_url: str, media: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.test",
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_ROOT": str(media),
    }


def restore(env: dict[str, str], archive: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "restore_site", str(archive)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("databases", DATABASES)
def test_backup_restores_into_an_empty_database_and_serves_the_site(
    tmp_path, databases
):
    with databases(tmp_path) as (source_url, restored_url):
        source = site_env(source_url, tmp_path / "media-source")
        prepare_database(source, demo=True)
        shell(source, SESSION)
        upload = tmp_path / "media-source" / UPLOAD
        upload.parent.mkdir(parents=True)
        upload.write_bytes(UPLOAD_BYTES)
        manage(source, "backup_site", "--output", str(tmp_path / "backups"))
        [archive] = (tmp_path / "backups").glob("roc-backup-*.tar.gz.enc")
        assert archive.stat().st_mode & 0o077 == 0  # not readable by others

        restored = site_env(restored_url, tmp_path / "media-restored")
        result = restore(restored, archive)

        assert result.returncode == 0, result.stderr
        assert (tmp_path / "media-restored" / UPLOAD).read_bytes() == UPLOAD_BYTES
        assert shell(restored, COUNT_SESSIONS).splitlines()[-1] == "0"
        with gunicorn(restored, tmp_path / "gunicorn.log", workers=1) as url:
            with urllib.request.urlopen(url + DENERVATION) as response:  # noqa: S310
                html = response.read().decode()
            assert response.status == 200
            assert ">Denervation (Thermokoagulation)</h1>" in html

        # A second restore would overwrite the restored site: refused.
        again = restore(restored, archive)
        assert again.returncode != 0
        assert "the database is not empty" in again.stderr


# Short-lived state and an account with its second factor, made the way the
# site makes them; prints the session key.
SOURCE_DATA = """
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django_otp.plugins.otp_totp.models import TOTPDevice
from axes.models import AccessAttempt
from tests.factories.consultation import ConsultationRequestFactory
user = get_user_model().objects.create_user("empfang", password="x" * 12)
TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
AccessAttempt.objects.create(
    username="empfang", ip_address="203.0.113.9", user_agent="test",
    http_accept="*/*", path_info="/admin/login/", get_data="", post_data="",
    failures_since_start=3,
)
ConsultationRequestFactory(name="Anna Müller")
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session.create()
print(session.session_key)
"""
SESSION = """
from django.contrib.sessions.backends.db import SessionStore
SessionStore().create()
"""
COUNT_SESSIONS = """
from django.contrib.sessions.models import Session
print(Session.objects.count())
"""
READ_REQUEST = """
from pages.models import ConsultationRequest
print(ConsultationRequest.objects.get().name)
"""
OTHER_KEY = "DluLTQPEdgNYOurncu59hsGoqs7popSoWZMrhfDxhgM="


def shell(env: dict[str, str], code: str) -> str:
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def counts(database: Path, *tables: str) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        return {
            table: db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }


@pytest.mark.own_database
def test_archive_is_useless_without_the_key_and_holds_no_session(tmp_path):
    source_url, restored_url = (
        f"sqlite:///{tmp_path / name}"
        for name in ("source.sqlite3", "restored.sqlite3")
    )
    source = site_env(source_url, tmp_path / "media-source")
    prepare_database(source, demo=False)
    session_key = shell(source, SOURCE_DATA).splitlines()[-1]
    (tmp_path / "media-source").mkdir()
    (tmp_path / "media-source" / "upload.txt").write_text("upload")
    manage(source, "backup_site", "--output", str(tmp_path / "backups"))
    [archive] = (tmp_path / "backups").glob("roc-backup-*.tar.gz.enc")
    sealed = archive.read_bytes()
    assert not sealed.startswith(b"\x1f\x8b")  # not a readable gzip
    assert session_key.encode() not in sealed
    truncated = tmp_path / "truncated.tar.gz.enc"
    truncated.write_bytes(sealed[:-200])
    restored = site_env(restored_url, tmp_path / "media-restored")

    attempts = [
        (restore({**restored, "BACKUP_ENCRYPTION_KEY": OTHER_KEY}, archive), "cannot"),
        (restore({**restored, "BACKUP_ENCRYPTION_KEY": ""}, archive), "Set BACKUP"),
        (restore(restored, truncated), "cannot be decrypted"),
    ]

    for result, message in attempts:
        assert result.returncode != 0
        assert message in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "media-restored").exists()
    assert counts(tmp_path / "restored.sqlite3", "sqlite_master") == {
        "sqlite_master": 0
    }

    result = restore(restored, archive)

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "media-restored" / "upload.txt").read_text() == "upload"
    assert counts(
        tmp_path / "restored.sqlite3",
        "django_session",
        "axes_accessattempt",
        "otp_totp_totpdevice",
        "auth_user",
    ) == {
        "django_session": 0,
        "axes_accessattempt": 0,
        "otp_totp_totpdevice": 1,  # kept, inside the encrypted archive
        "auth_user": 1,
    }
    assert shell(restored, READ_REQUEST).splitlines()[-1] == "Anna Müller"
