"""``make loadtest``: 200 patients send the consultation form at the same moment.

The site runs as in production: gunicorn with ``clinic_site.settings.production``
(DEBUG off, HTTPS behind a proxy, Redis cache) on a PostgreSQL cluster and a
Redis of its own (``tests.perf.loadtests.services``). Each patient loads the form
from an address of their own, all wait out the minimum fill time, then all
send at once. Prints rows stored against requests sent and the status codes;
exits non-zero unless every request stored exactly one row and none got a 5xx.
Then one more address sends past the rate limit, which must answer 429.

Run: ``python -m tests.perf.loadtests.concurrency [--requests 200] [--workers 3]``.
Needs PostgreSQL's server binaries and redis-server (Debian: postgresql,
redis-server).
"""

import argparse
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import psycopg

from clinic_site.settings.base import (
    CONSULTATION_MIN_FILL_SECONDS,
    CONSULTATION_RATE_LIMIT_REQUESTS,
)
from tests.perf.loadtests import services
from tests.perf.loadtests.patients import load_form, patient_address, send_form


def say(text: str = "") -> None:
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def stored_rows(database_url: str) -> int:
    with psycopg.connect(database_url) as connection:
        return connection.execute(
            "SELECT count(*) FROM pages_consultationrequest"
        ).fetchone()[0]


def send_all_at_once(forms: list) -> tuple[Counter, float]:
    """Every form sent by its own thread, released together by a barrier."""
    barrier = threading.Barrier(len(forms))

    def send(number: int) -> int:
        barrier.wait()
        try:
            return send_form(forms[number], number)
        except OSError:  # refused or reset: counted, never hidden
            return 0

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(forms)) as pool:
        codes = Counter(pool.map(send, range(len(forms))))
    return codes, time.monotonic() - started


def run(requests_count: int, workers: int) -> bool:
    with (
        services.temporary_folder("roc-loadtest-") as folder,
        services.throwaway_postgres() as cluster,
        services.private_redis() as redis_url,
    ):
        database_url = cluster.create_database("roc")
        env = services.production_env(folder, database_url, redis_url)
        say("preparing: migrate, collectstatic, load_demo_content ...")
        services.prepare_site(env)
        with services.gunicorn(env, folder / "gunicorn.log", workers=workers) as url:
            say(f"gunicorn, {workers} workers, production settings, at {url}")
            with ThreadPoolExecutor(max_workers=20) as pool:
                forms = list(
                    pool.map(
                        lambda n: load_form(url, patient_address(n)),
                        range(requests_count),
                    )
                )
            # The time trap: a person needs longer than this to fill the form.
            time.sleep(CONSULTATION_MIN_FILL_SECONDS + 1)
            codes, seconds = send_all_at_once(forms)
            rows = stored_rows(database_url)

            # The limit still holds: one address sends more than it allows.
            one_address = patient_address(requests_count + 1)
            extra = CONSULTATION_RATE_LIMIT_REQUESTS + 2
            burst_forms = [load_form(url, one_address) for _ in range(extra)]
            time.sleep(CONSULTATION_MIN_FILL_SECONDS + 1)
            burst = [
                send_form(form, requests_count + 1 + n)
                for n, form in enumerate(burst_forms)
            ]
        server_errors = sum(n for code, n in codes.items() if code >= 500 or not code)
    say(f"requests sent at once:  {requests_count}")
    say(f"rows stored:            {rows}")
    say(
        "status codes:           "
        + ", ".join(f"{code}: {n}" for code, n in sorted(codes.items()))
    )
    say(f"5xx or no answer:       {server_errors}")
    say(f"all answered within:    {seconds:.1f} s")
    say(f"one address, {extra} posts: {burst}")
    ok = (
        rows == requests_count
        and codes == Counter({303: requests_count})
        and burst.count(303) == CONSULTATION_RATE_LIMIT_REQUESTS
        and burst.count(429) == extra - CONSULTATION_RATE_LIMIT_REQUESTS
    )
    say("PASS" if ok else "FAIL")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--workers", type=int, default=3)
    options = parser.parse_args()
    missing = services.missing_postgres() or services.missing_redis()
    if missing:
        sys.exit(f"cannot run: {missing}")
    sys.exit(0 if run(options.requests, options.workers) else 1)


if __name__ == "__main__":
    main()
