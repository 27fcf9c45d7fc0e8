"""Serve the demo site the way ``make run`` does, on a throwaway database.

``make budget`` and ``make bench`` measure the site as production serves it:
gunicorn, ``DEBUG`` off, static files with hashed names from whitenoise, the
task worker beside it. The
SQLite database, the collected static files and the uploads live in a temporary
folder, so the developer's ``db.sqlite3`` and ``staticfiles/`` are never touched.
"""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.perf.prepared import ROOT, collected_static, prepare_database
from tests.perf.prepared import manage as manage  # imported from here by many scripts

HOST = "127.0.0.1"
# The configuration `make run` serves with (access log format, timeouts).
GUNICORN_CONFIG = ROOT / "clinic_site" / "deploy" / "gunicorn.conf.py"
START_SECONDS = 120
# django-tasks-db's queue: what the task worker has still to do.
PENDING_TASKS_SQL = (
    "SELECT count(*) FROM django_tasks_database_dbtaskresult"
    " WHERE status IN ('READY', 'RUNNING')"
)

# The environment of `make run` (RUN_ENV in the Makefile).
RUN_ENV = {
    "DJANGO_SETTINGS_MODULE": "clinic_site.settings.dev",
    "DJANGO_DEBUG": "0",
    "HOST": HOST,
}


@dataclass(frozen=True)
class ServedSite:
    url: str
    static_root: Path
    log: Path
    mail_dir: Path
    media_root: Path
    env: dict[str, str]  # for manage.py commands on the served database

    @property
    def database(self) -> Path:
        return Path(self.env["DATABASE_URL"].removeprefix("sqlite:///"))

    def pending_tasks(self) -> int:
        """Tasks queued and not yet done by the site's task worker."""
        with closing(sqlite3.connect(self.database)) as connection:
            return connection.execute(PENDING_TASKS_SQL).fetchone()[0]

    def wait_for_task_queue(self, seconds: float = 600) -> float:
        """Wait until the task worker has done everything queued; the seconds it
        took. Saving pages queues their search and reference index updates
        (two tasks per page): ``load_demo_content --treatments 500`` leaves about
        a thousand, about 12 s of the worker's time on an idle 2-core machine and
        more beside wrk, taking CPU from gunicorn meanwhile.
        """
        start = time.monotonic()
        while self.pending_tasks():
            if time.monotonic() - start > seconds:
                raise RuntimeError(
                    f"{self.pending_tasks()} tasks still queued after {seconds} s:"
                    f"\n{self.log.read_text()}"
                )
            time.sleep(0.5)
        return time.monotonic() - start

    def static_url(self, name: str) -> str:
        """The address of a static file under its hashed name, from the manifest."""
        manifest = json.loads((self.static_root / "staticfiles.json").read_text())
        return f"{self.url}/static/{manifest['paths'][name]}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    # Generous: on a busy machine three workers importing Wagtail take a while.
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (own server)
                return
        except OSError:  # refused, reset or timed out while the workers start
            time.sleep(0.2)
    raise RuntimeError(
        f"gunicorn did not answer {url} within {START_SECONDS} s:\n{log.read_text()}"
    )


# gunicorn lets its workers finish for up to 30 s (graceful_timeout); on a
# busy machine the whole shutdown took longer than that.
STOP_SECONDS = 90


def stop(process: subprocess.Popen) -> None:
    """Ask ``process`` to stop (SIGTERM), and kill it if it has not after
    ``STOP_SECONDS``: a test is over; a server slow to exit must not fail it."""
    process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def start_gunicorn(
    env: dict[str, str], url: str, workers: int, log_file, *options: str
) -> subprocess.Popen:
    """gunicorn serving the site at ``url`` (``http://host:port``)."""
    return subprocess.Popen(  # noqa: S603 (fixed arguments)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "clinic_site.wsgi",
            *options,
            "--bind",
            url.removeprefix("http://"),
            "--workers",
            str(workers),
            # The control socket's default path is per user: another gunicorn
            # (`make run`) may hold it.
            "--no-control-socket",
        ],
        cwd=ROOT,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )


@contextmanager
def served_site(
    workers: int = 3, extra_env: dict[str, str] | None = None
) -> Iterator[ServedSite]:
    """Prepare the demo site as ``make prepare`` does and serve it as ``make run``
    (``extra_env`` adds to its environment)."""
    with tempfile.TemporaryDirectory(prefix="roc-served-") as folder:
        tmp = Path(folder)
        url = f"http://{HOST}:{free_port()}"
        env = {
            **os.environ,
            **RUN_ENV,
            "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
            "DJANGO_MEDIA_ROOT": str(tmp / "media"),
            # As `make run`: staff mails link here and are written to files.
            "WAGTAILADMIN_BASE_URL": url,
            "DJANGO_EMAIL_FILE_PATH": str(tmp / "mail"),
        }
        # What `make prepare` does, from copies built once (tests/perf/prepared.py).
        prepare_database(env, demo=True)
        static_root = collected_static(env)
        env["DJANGO_STATIC_ROOT"] = str(static_root)
        # Only the served processes: a proxy in front starts after them.
        env.update(extra_env or {})

        log = tmp / "server.log"
        with log.open("w") as log_file:
            # The task worker (front-desk mails) runs beside gunicorn, as in
            # `make run`.
            worker = subprocess.Popen(
                [sys.executable, "manage.py", "run_task_worker"],
                cwd=ROOT,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
            process = start_gunicorn(
                env, url, workers, log_file, "--config", str(GUNICORN_CONFIG)
            )
        try:
            wait_until_up(f"{url}/de/", process, log)
            yield ServedSite(
                url=url,
                static_root=static_root,
                log=log,
                mail_dir=tmp / "mail",
                media_root=tmp / "media",
                env=env,
            )
        finally:
            for running in (process, worker):
                stop(running)
