"""Hostile requests against the site as ``make run`` and production serve it.

``make fuzz`` sends ``--requests`` (10,000) bounded hostile requests
(``tests/perf/hostile.py``) over raw sockets to gunicorn, first serving the
demo on SQLite as ``make run`` does, then with the production settings on a
throwaway PostgreSQL and Redis, and prints how many answers were 5xx or missing
and how many server errors the log records (Django's "Internal Server Error",
gunicorn's "Error handling request"). Exits non-zero unless all are 0.
"""

import argparse
import random
import socket
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import requests

from clinic_site.settings.base import CONSULTATION_MIN_FILL_SECONDS
from tests.perf import hostile
from tests.perf.loadtests import services
from tests.perf.served_site import served_site

TIMEOUT = 60
SHOWN_FAILURES = 10
# What Django and gunicorn log for a 500; a 400 may log a traceback too.
SERVER_ERROR_MARKERS = ("Internal Server Error", "Error handling request")


def say(line: str = "") -> None:
    print(line, flush=True)  # noqa: T201 (the script's report)


def send(url: str, request: hostile.HostileRequest) -> int:
    """The status code of ``request``'s answer; 0 when there was none."""
    address = urlsplit(url)
    with socket.create_connection((address.hostname, address.port), TIMEOUT) as sock:
        sock.sendall(request.raw(address.netloc))
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    status_line = answer.split(b"\r\n", 1)[0].split()
    if len(status_line) < 2 or not status_line[1].isdigit():
        return 0
    return int(status_line[1])


def form_session(url: str, origin: str) -> tuple[hostile.FormSession, list[str]]:
    """A browser's CSRF cookie and form tokens, and the links of both home pages."""
    headers = {"X-Forwarded-Proto": "https"}
    links = []
    for home in ("/de/", "/en/"):
        page = requests.get(url + home, headers=headers, timeout=TIMEOUT)
        links += hostile.scrape_paths(page.text)
    response = requests.get(url + "/de/beratung/", headers=headers, timeout=TIMEOUT)
    csrf_token, started = hostile.form_tokens(response.text)
    session = hostile.FormSession(
        csrf_cookie=response.cookies.get("csrftoken", ""),
        csrf_token=csrf_token,
        form_started=started,
        origin=origin,
    )
    time.sleep(CONSULTATION_MIN_FILL_SECONDS + 1)  # the form's minimum fill time
    return session, sorted({*hostile.KNOWN_PATHS, *links})


def fuzz(url: str, origin: str, count: int, seed: int, log: Path) -> bool:
    session, known = form_session(url, origin)
    rng = random.Random(seed)  # noqa: S311 (repeatable test input, no secret)
    batch = [hostile.hostile_request(rng, known, session) for _ in range(count)]
    codes: Counter = Counter()
    failures = []
    started = time.monotonic()

    def run(request: hostile.HostileRequest) -> None:
        try:
            code = send(url, request)
        except OSError:
            code = 0
        codes[code] += 1
        if code >= 500 or code == 0:
            failures.append((code, request))

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(run, batch))
    failed = sum(n for code, n in codes.items() if code >= 500 or code == 0)
    logged = log.read_text(errors="replace")
    server_errors = sum(logged.count(marker) for marker in SERVER_ERROR_MARKERS)
    seconds = time.monotonic() - started
    say(f"requests sent:        {count} (seed {seed}, {seconds:.0f} s)")
    say(
        "status codes:         "
        + ", ".join(f"{c}: {n}" for c, n in sorted(codes.items()))
    )
    say(f"5xx or no answer:     {failed}")
    say(f"server errors logged: {server_errors}")
    for code, request in failures[:SHOWN_FAILURES]:
        say(f"  {code or 'no answer'}: {request.summary()}")
    return failed == 0 and server_errors == 0


@contextmanager
def make_run_site(workers: int) -> Iterator[tuple[str, str, Path]]:
    with served_site(workers=workers) as site:
        yield site.url, site.url.replace("http://", "https://"), site.log


@contextmanager
def production_site(workers: int) -> Iterator[tuple[str, str, Path]]:
    with (
        services.temporary_folder("roc-fuzz-") as folder,
        services.throwaway_postgres() as cluster,
        services.private_redis() as redis_url,
    ):
        env = services.production_env(folder, cluster.create_database("roc"), redis_url)
        services.prepare_site(env)
        log = folder / "gunicorn.log"
        with services.gunicorn(env, log, workers=workers) as url:
            yield url, "https://" + urlsplit(url).netloc, log


TARGETS: dict[str, Callable] = {"run": make_run_site, "production": production_site}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--target", choices=[*TARGETS, "both"], default="both")
    options = parser.parse_args()
    targets = list(TARGETS) if options.target == "both" else [options.target]
    if "production" in targets and (
        missing := services.missing_postgres() or services.missing_redis()
    ):
        sys.exit(f"cannot fuzz the production settings: {missing}")
    ok = True
    for name in targets:
        say(f"== {name}: prepare, then serve with gunicorn ({options.workers} workers)")
        with TARGETS[name](options.workers) as (url, origin, log):
            ok = fuzz(url, origin, options.requests, options.seed, log) and ok
    say("PASS: 0 responses 5xx" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
