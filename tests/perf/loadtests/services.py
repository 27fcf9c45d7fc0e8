"""Throwaway services for the reliability scripts and tests: a PostgreSQL
cluster of their own, a private Redis and gunicorn serving the site with the
production settings.

Nothing here touches the machine's own PostgreSQL or Redis. PostgreSQL refuses
to run as root, so as root (CI) the cluster runs as the ``postgres`` system
user, which Debian's ``postgresql`` package creates.
"""

import os
import random
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests.perf.prepared import (
    build_database,
    built_once,
    code_version,
    postgres_template,
)
from tests.perf.served_site import HOST, manage, start_gunicorn, stop, wait_until_up

# Port ranges kept for these scripts on the shared development machine.
POSTGRES_PORTS = range(5440, 5450)
REDIS_PORTS = range(6390, 6400)
SERVER_PORTS = range(8400, 8500)
DATABASE_USER = "roc"


def free_port(ports: range) -> int:
    """A free port from ``ports``, else any free port.

    Tried in random order: CI runs two suites side by side, and the same test
    in both must not pick the same port between checking and binding it.
    """
    for port in [*random.sample(ports, len(ports)), 0]:
        with socket.socket() as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError("no free port")


def postgres_bin() -> Path | None:
    """The newest PostgreSQL server binaries (Debian's layout), or None."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if os.environ.get("PG_BIN"):
        candidates.append(Path(os.environ["PG_BIN"]) / "initdb")
    found = [path.parent for path in candidates if path.exists()]
    return found[-1] if found else None


def missing_postgres() -> str | None:
    """Why a throwaway cluster cannot run here, or None when it can."""
    if postgres_bin() is None:
        return "PostgreSQL server binaries (initdb, pg_ctl) are not installed"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser to drop to the postgres user"
    return None


def missing_redis() -> str | None:
    if shutil.which("redis-server") is None:
        return "redis-server is not installed (Debian package redis-server)"
    return None


def copy_keeping_owner(source: Path, target: Path) -> None:
    """Copy a cluster's data folder with its owner (postgres) and its 0700 mode,
    which PostgreSQL insists on."""
    subprocess.run(["/bin/cp", "-a", str(source), str(target)], check=True)  # noqa: S603


@dataclass
class ThrowawayPostgres:
    """A PostgreSQL cluster in ``folder``, reached over TCP on ``port``."""

    folder: Path
    port: int

    @property
    def bin(self) -> Path:
        return postgres_bin()

    def run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:  # PostgreSQL will not run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, user="postgres")
        self.run(
            "initdb",
            "--pgdata",
            str(self.folder / "data"),
            "--username",
            DATABASE_USER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--no-sync",
        )

    def copy_data(self, template: Path) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, user="postgres")
        copy_keeping_owner(template, self.folder / "data")

    def start(self, attempts: int = 5) -> None:
        """Start the cluster; on another port if its port was taken meanwhile
        (CI starts clusters in several processes at once: between ``free_port``
        checking a port and PostgreSQL binding it, another may take it)."""
        log = self.folder / "postgres.log"
        for attempt in range(1, attempts + 1):
            options = (
                f"-p {self.port} -k {self.folder} -c listen_addresses={HOST} "
                "-c fsync=off -c max_connections=300"
            )
            log.unlink(missing_ok=True)  # this attempt's messages only
            try:
                self.run(
                    "pg_ctl",
                    "--pgdata",
                    str(self.folder / "data"),
                    "--options",
                    options,
                    "--log",
                    str(log),
                    "--wait",
                    "start",
                )
                return
            except subprocess.CalledProcessError:
                taken = "could not bind" in log.read_text(errors="replace")
                if not taken or attempt == attempts:
                    raise
                self.port = free_port(POSTGRES_PORTS)

    def stop(self) -> None:
        self.run(
            "pg_ctl", "--pgdata", str(self.folder / "data"), "-m", "fast", "-w", "stop"
        )

    def create_database(self, name: str) -> str:
        self.run(
            "createdb", "-h", HOST, "-p", str(self.port), "-U", DATABASE_USER, name
        )
        return self.url(name)

    def url(self, name: str) -> str:
        return f"postgres://{DATABASE_USER}@{HOST}:{self.port}/{name}"

    def restore_from(self, source_url: str, target_url: str) -> None:
        """Copy the database at ``source_url`` (another server) into the empty
        one at ``target_url`` on this cluster, with this cluster's tools."""
        dump = subprocess.Popen(  # noqa: S603 (fixed arguments)
            [str(self.bin / "pg_dump"), "--format=custom", "--no-owner", source_url],
            stdout=subprocess.PIPE,
        )
        subprocess.run(  # noqa: S603
            [
                str(self.bin / "pg_restore"),
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                target_url,
            ],
            stdin=dump.stdout,
            check=True,
        )
        dump.stdout.close()
        if dump.wait() != 0:
            raise RuntimeError(f"pg_dump of {urlsplit(source_url).path} failed")


@contextmanager
def temporary_folder(prefix: str) -> Iterator[Path]:
    """A folder that the postgres user may enter (as root, /tmp/… is 0700)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        os.chmod(folder, 0o755)  # noqa: S103 (throwaway test data only)
        yield Path(folder)


@contextmanager
def throwaway_postgres(template: Path | None = None) -> Iterator[ThrowawayPostgres]:
    """A new cluster, or a copy of ``template`` (a stopped cluster's data folder)."""
    with temporary_folder("roc-postgres-") as folder:
        cluster = ThrowawayPostgres(
            folder=folder / "cluster", port=free_port(POSTGRES_PORTS)
        )
        cluster.folder.mkdir()
        if template is None:
            cluster.init()
        else:
            cluster.copy_data(template)
        cluster.start()
        try:
            yield cluster
        finally:
            if (cluster.folder / "data" / "postmaster.pid").exists():
                cluster.stop()


@contextmanager
def private_redis() -> Iterator[str]:
    """A Redis without persistence on a port of its own; yields its URL."""
    port = free_port(REDIS_PORTS)
    process = subprocess.Popen(  # noqa: S603
        [
            shutil.which("redis-server"),
            "--port",
            str(port),
            "--bind",
            HOST,
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        yield f"redis://{HOST}:{port}/0"
    finally:
        stop(process)


def production_env(
    folder: Path, database_url: str, redis_url: str, **extra: str
) -> dict[str, str]:
    """The environment ``clinic_site/deploy/env.example`` documents, for a test."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
        "SECRET_KEY": "loadtest-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
        "EMAIL_HOST": HOST,
        "EMAIL_PORT": "9",  # discard: nothing listens; the worker is not started
        "DEFAULT_FROM_EMAIL": "website@roc-ortho.example",
        "FRONT_DESK_EMAIL": "empfang@roc-ortho.example",
        "FIELD_ENCRYPTION_KEYS": "DluLTQPEdgNYOurncu59hsGoqs7popSoWZMrhfDxhgM=",
        "CONSULTATION_SEARCH_KEY": "loadtest-search-" + "z" * 40,
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        **extra,
    }


def prepare_site(env: dict[str, str]) -> None:
    """What a deployment runs before it serves: schema, static files, content."""
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "load_demo_content")


@contextmanager
def gunicorn(env: dict[str, str], log: Path, workers: int = 3) -> Iterator[str]:
    """Serve the site with gunicorn as ``make prod`` does; yields its base URL."""
    url = f"http://{HOST}:{free_port(SERVER_PORTS)}"
    with log.open("a") as log_file:
        process = start_gunicorn(
            env,
            url,
            workers,
            log_file,
            "--config",
            "clinic_site/deploy/gunicorn.conf.py",
        )
    try:
        wait_until_up(f"{url}/healthz/?format=json", process, log)
        yield url
    finally:
        stop(process)


def prepared_postgres(env: dict[str, str], *, demo: bool) -> Path:
    """The data folder of a stopped cluster whose database ``roc`` is prepared as
    ``build_database`` prepares one under ``env``'s settings; built once per
    code version, for ``throwaway_postgres(template=…)``.

    With the demo, and ``env``'s ``DATABASE_URL`` naming a PostgreSQL server
    (CI's template job), the database is restored from that server's demo
    template (``postgres_template``): seconds, where migrating takes a minute.
    """

    def build(folder: Path) -> None:
        os.chmod(folder, 0o755)  # noqa: S103 (the postgres user copies from here)
        with throwaway_postgres() as cluster:
            url = cluster.create_database("roc")
            server = env.get("DATABASE_URL", "")
            if demo and server.startswith("postgres"):
                template = postgres_template(env)
                cluster.restore_from(
                    urlunsplit(urlsplit(server)._replace(path=f"/{template}")), url
                )
            else:
                build_database({**env, "DATABASE_URL": url}, demo=demo)
            cluster.stop()
            copy_keeping_owner(cluster.folder / "data", folder / "data")

    kind = "demo" if demo else "migrated"
    name = f"postgres-{kind}-{env['DJANGO_SETTINGS_MODULE']}-{code_version()}"
    return built_once(name, build) / "data"
