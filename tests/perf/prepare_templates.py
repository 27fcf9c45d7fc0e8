"""Build every template the suite copies (``prepared.py``) ahead of the tests.

CI starts this beside the two suites, with ``DATABASE_URL`` naming the
PostgreSQL suite's server (whose template database is built then too): the
templates are built while the suites start (two builds at a time), instead of one after
another as each suite's tests first ask for them.
``python -m tests.perf.prepare_templates``.
"""

import os
import sys
from concurrent.futures import ThreadPoolExecutor

from tests.perf.loadtests.services import missing_postgres, prepared_postgres
from tests.perf.prepared import collected_static, postgres_template, sqlite_template
from tests.perf.served_site import RUN_ENV

# The environments the tests and scripts build their templates under.
RUN = {**os.environ, **RUN_ENV}
TEST = {**os.environ, "DJANGO_SETTINGS_MODULE": "clinic_site.settings.test"}


def main() -> None:
    builds = [
        lambda: sqlite_template(TEST, demo=True),  # every SQLite test process
        lambda: collected_static(RUN),
        lambda: sqlite_template(RUN, demo=True),
        lambda: sqlite_template(RUN, demo=False),
    ]
    clusters = missing_postgres() is None
    if clusters:
        builds.append(lambda: prepared_postgres(RUN, demo=False))
    threads = 2
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        # First: every PostgreSQL test process copies the template, and the
        # demo cluster is restored from it (its build waits on the template's
        # lock without using a core: hence a third thread).
        first = [lambda: postgres_template(TEST)]
        if clusters:
            first.append(lambda: prepared_postgres(TEST, demo=True))
            threads = 3
        builds = first + builds
    elif clusters:
        builds.append(lambda: prepared_postgres(TEST, demo=True))
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for built in pool.map(lambda build: build(), builds):
            sys.stdout.write(f"built {built}\n")


if __name__ == "__main__":
    main()
