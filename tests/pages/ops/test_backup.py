"""Backup and restore round trip (``pages.ops.backup``, ``backup_site``,
``restore_site``), run as an operator would: commands in their own processes,
then the restored copy served by gunicorn.

SQLite always; PostgreSQL as well when the suite runs on PostgreSQL
(``DATABASE_URL``): there into two fresh databases on the same server.
"""

import os
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


DATABASES = [pytest.param(sqlite_databases, id="sqlite")]
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
        manage(source, "migrate", "--noinput", "-v", "0")
        manage(source, "load_demo_content")
        upload = tmp_path / "media-source" / UPLOAD
        upload.parent.mkdir(parents=True)
        upload.write_bytes(UPLOAD_BYTES)
        manage(source, "backup_site", "--output", str(tmp_path / "backups"))
        [archive] = (tmp_path / "backups").glob("roc-backup-*.tar.gz")
        assert archive.stat().st_mode & 0o077 == 0  # not readable by others

        restored = site_env(restored_url, tmp_path / "media-restored")
        result = restore(restored, archive)

        assert result.returncode == 0, result.stderr
        assert (tmp_path / "media-restored" / UPLOAD).read_bytes() == UPLOAD_BYTES
        with gunicorn(restored, tmp_path / "gunicorn.log", workers=1) as url:
            with urllib.request.urlopen(url + DENERVATION) as response:  # noqa: S310
                html = response.read().decode()
            assert response.status == 200
            assert ">Denervation (Thermokoagulation)</h1>" in html

        # A second restore would overwrite the restored site: refused.
        again = restore(restored, archive)
        assert again.returncode != 0
        assert "the database is not empty" in again.stderr
