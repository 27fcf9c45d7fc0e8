"""Build every template the suite copies (``prepared.py``) ahead of the tests.

CI starts this beside the two suites, with ``DATABASE_URL`` naming the
PostgreSQL suite's server (whose template database is built then too): the
templates are built two at a time while the suites start, instead of one after
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
        lambda: sqlite_template(TEST, demo=False),
    ]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        builds.insert(0, lambda: postgres_template(TEST))  # every PostgreSQL process
    if missing_postgres() is None:
        builds += [
            lambda: prepared_postgres(TEST, demo=True),
            lambda: prepared_postgres(RUN, demo=False),
        ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for built in pool.map(lambda build: build(), builds):
            sys.stdout.write(f"built {built}\n")


if __name__ == "__main__":
    main()
