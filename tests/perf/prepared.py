"""Databases and static files as ``make prepare`` leaves them, built once, then copied.

Every test or measurement that starts the site in its own processes needs a
migrated SQLite file (about 20 s of migrations on the 2-core machine), often
the demo content (10 s more) and collected static files. Each is built once
per version of the code and settings module into the temporary folder, under a
lock (parallel test processes wait for the first to finish), and copied from
there with SQLite's backup API. The key hashes every file the result can
depend on, so a change of a migration, the demo or a static file builds anew.
"""

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from pages.ops.backup import copy_sqlite

ROOT = Path(__file__).resolve().parents[2]
# What a database template can depend on (code, migrations, demo, translations,
# and this module, which builds it), and what the collected static files can;
# docs never.
DATABASE_SOURCES = (
    "clinic_site",
    "pages",
    "treatments",
    "locale",
    "tests/perf/prepared.py",
)
STATIC_SOURCES = ("clinic_site", "static", "tests/perf/prepared.py")
# Templates of other code versions (other branches) are left a day, then removed.
KEEP_SECONDS = 24 * 3600
CACHE = Path(tempfile.gettempdir()) / "roc-prepared"


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(  # noqa: S603 (manage.py with this module's arguments)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


# Management commands one after another in one process: each start of Django
# and Wagtail costs more than a second of CPU, and a template takes up to four.
RUN_COMMANDS = """
import json, sys, django
django.setup()
from django.core.management import call_command
for command in json.loads(sys.argv[1]):
    call_command(*command)
"""


def manage_in_one_process(env: dict[str, str], *commands: tuple[str, ...]) -> None:
    """Run each ``(name, *arguments)`` as ``manage.py`` would, in one process."""
    subprocess.run(  # noqa: S603 (this module's commands)
        [sys.executable, "-c", RUN_COMMANDS, json.dumps(commands)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def code_version(sources: tuple[str, ...] = DATABASE_SOURCES) -> str:
    """A hash of the installed packages and every file in ``sources``: a
    template is built anew when one changes, not when a stylesheet or a
    template does that it cannot depend on."""
    digest = hashlib.sha256((ROOT / "requirements.lock").read_bytes())
    for source in sources:
        root = ROOT / source
        for path in [root] if root.is_file() else sorted(root.rglob("*")):
            if (
                path.is_file()
                and "__pycache__" not in path.parts
                and path.suffix != ".md"
            ):
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def remove_old_templates() -> None:
    for folder in CACHE.glob("*"):
        if time.time() - folder.stat().st_mtime > KEEP_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)


def built_once(name: str, build: Callable[[Path], None]) -> Path:
    """The folder ``CACHE/name``, filled by ``build`` the first time it is asked for."""
    CACHE.mkdir(exist_ok=True)
    folder = CACHE / name
    with (CACHE / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (folder / "done").exists():
            remove_old_templates()
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            (folder / "done").touch()
    os.utime(folder)
    return folder


def build_database(env: dict[str, str], *, demo: bool, migrated: bool = False) -> None:
    """What ``make prepare`` does to ``env``'s database, in place (``migrated``:
    its tables are there already)."""
    commands = []
    if not migrated:
        commands += [("migrate", "--noinput", "-v", "0"), ("createcachetable",)]
    if demo:
        commands += [("load_demo_content",), ("clear_page_cache",)]
    manage_in_one_process(env, *commands)


def sqlite_template(env: dict[str, str], *, demo: bool) -> Path:
    """A SQLite file built by ``build_database`` under ``env``'s settings module
    (the field-encryption canary the migrations write belongs to its key). The
    demo is loaded into a copy of the migrated file: one ``migrate`` for both."""
    kind = "demo" if demo else "migrated"

    def build(folder: Path) -> None:
        database = folder / "db.sqlite3"
        if demo:
            copy_sqlite(sqlite_template(env, demo=False), database)
        build_database(
            {**env, "DATABASE_URL": f"sqlite:///{database}"},
            demo=demo,
            migrated=demo,
        )

    folder = built_once(
        f"{kind}-{env['DJANGO_SETTINGS_MODULE']}-{code_version()}", build
    )
    return folder / "db.sqlite3"


def prepare_database(env: dict[str, str], *, demo: bool) -> None:
    """Give ``env``'s database (``DATABASE_URL``) the tables ``migrate`` and
    ``createcachetable`` make and, with ``demo``, the demo site of ``make prepare``:
    a SQLite file as a copy of its template; a PostgreSQL database with the demo
    made anew from the template on its server, one without it in place."""
    database_url = env["DATABASE_URL"]
    if database_url.startswith("sqlite:///"):
        copy_sqlite(
            sqlite_template(env, demo=demo),
            Path(database_url.removeprefix("sqlite:///")),
        )
    elif demo:
        create_from_template(env)
    else:
        build_database(env, demo=demo)


def postgres_admin(env: dict[str, str]) -> tuple[str, str]:
    """The maintenance database on ``env``'s server (URL), and ``env``'s database."""
    server = urlsplit(env["DATABASE_URL"])
    return urlunsplit(server._replace(path="/postgres")), server.path.lstrip("/")


def create_from_template(env: dict[str, str]) -> None:
    """``env``'s PostgreSQL database replaced by a copy of the demo template (a
    file copy on the server: seconds, where migrations take a minute)."""
    import psycopg  # only the PostgreSQL runs need the driver

    template = postgres_template(env)
    admin_url, name = postgres_admin(env)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def postgres_template(env: dict[str, str]) -> str:
    """The name of a database on ``env``'s PostgreSQL server (``DATABASE_URL``)
    that ``build_database`` filled with the demo under ``env``'s settings
    module, for ``CREATE DATABASE … TEMPLATE``; built once per code version.

    It is built under another name and renamed when done, so that a database of
    that name is always complete; templates of other code versions are dropped.
    """
    import psycopg  # only the PostgreSQL runs need the driver

    module = hashlib.sha256(env["DJANGO_SETTINGS_MODULE"].encode()).hexdigest()[:6]
    name = f"roc_template_{module}_{code_version()}"
    admin_url, _ = postgres_admin(env)
    CACHE.mkdir(exist_ok=True)
    with (CACHE / "postgres-template.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with psycopg.connect(admin_url, autocommit=True) as admin:
            rows = admin.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE 'roc_template_%'"
            )
            templates = [row[0] for row in rows]
            if name in templates:
                return name
            for old in templates:
                if not old.startswith(f"roc_template_{module}_"):
                    continue  # another settings module's
                admin.execute(f'DROP DATABASE "{old}" WITH (FORCE)')
            building = f"{name}_building"
            admin.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{building}"')
            url = urlunsplit(urlsplit(admin_url)._replace(path=f"/{building}"))
            build_database({**env, "DATABASE_URL": url}, demo=True)
            admin.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    return name


def collected_static(env: dict[str, str]) -> Path:
    """A static root as ``collectstatic`` fills it; shared, so only ever read."""

    def build(folder: Path) -> None:
        manage(
            {**env, "DJANGO_STATIC_ROOT": str(folder / "static")},
            "collectstatic",
            "--noinput",
            "-v",
            "0",
        )

    return built_once(f"static-{code_version(STATIC_SOURCES)}", build) / "static"
