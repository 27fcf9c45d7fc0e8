"""CPU milliseconds per uncached render, in one process, without a server.

What ``make bench`` measures as "treatment-de-uncached" and "consultation-de",
measured quicker and quieter: the served site's settings (``make run``'s,
``DEBUG`` off, the database cache), a throwaway copy of the demo
(``prepared.py``) with ``--treatments`` in all, and the page cache bypassed as
bench does (a query string; the form is never cached). Each page is rendered
twice first (the first render fills the shared values, the second must be the
same page), then ``--renders`` times through Django's whole handler, middleware
included; the median and mean CPU time of the process per render are printed
(other processes on a shared machine move CPU time less than wall-clock time).
``--profile`` prints cProfile's top functions instead; ``--save DIR`` writes
each page's HTML, for comparing before and after a change, with what differs on
every render or database blanked (the CSRF token, the form's start time, rich
text's block keys).

    python -m tests.perf.render_times --treatments 500 --renders 200
"""

import argparse
import cProfile
import os
import pstats
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.perf.prepared import collected_static, manage, prepare_database
from tests.perf.served_site import RUN_ENV

PAGES = {
    "treatment-de": "/de/behandlungen/denervation-thermokoagulation/?u=1",
    "treatment-en": "/en/treatments/denervation-thermocoagulation/?u=1",
    "consultation-de": "/de/beratung/",
    "consultation-en": "/en/consultation/",
}
# Differ on every render: the CSRF token and the form's signed start time.
PER_RENDER = re.compile(rb'name="(csrfmiddlewaretoken|form_started)" value="[^"]*"')
# Differ on every database: rich text's block keys, drawn when the demo loads.
PER_DATABASE = re.compile(rb'data-block-key="[^"]*"')


def say(text: str) -> None:
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def prepare(folder: Path, treatments: int) -> dict[str, str]:
    env = {
        **os.environ,
        **RUN_ENV,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
    }
    prepare_database(env, demo=True)
    env["DJANGO_STATIC_ROOT"] = str(collected_static(env))
    if treatments > 1:
        # The demo has one treatment; the others are generated test content.
        manage(env, "load_demo_content", "--treatments", str(treatments - 1))
        manage(env, "clear_page_cache")
    return env


def render(client, path: str) -> bytes:
    response = client.get(path, HTTP_HOST="127.0.0.1")
    if response.status_code != 200:
        raise RuntimeError(f"{path}: {response.status_code}")
    return response.content


def comparable(content: bytes) -> bytes:
    """``content`` without what differs on every render."""
    return PER_RENDER.sub(rb'name="\1" value=""', content)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--treatments", type=int, default=5)
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--save", type=Path)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--top", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="roc-render-") as folder:
        os.environ.update(prepare(Path(folder), args.treatments))
        import django

        django.setup()
        from django.test import Client

        client = Client()
        for name in args.pages:
            path = PAGES[name]
            # The first render fills the shared values, the second reads them.
            first = comparable(render(client, path))
            content = comparable(render(client, path))
            if content != first:
                raise RuntimeError(f"{path}: a second render differs from the first")
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"{name}@{args.treatments}.html").write_bytes(
                    PER_DATABASE.sub(b'data-block-key=""', content)
                )
            if args.profile:
                profiler = cProfile.Profile()
                profiler.enable()
                for _ in range(args.renders):
                    render(client, path)
                profiler.disable()
                say(f"== {name}@{args.treatments}")
                pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
                continue
            times = []
            for _ in range(args.renders):
                start = time.process_time()
                render(client, path)
                times.append((time.process_time() - start) * 1000)
            say(
                f"{name}@{args.treatments}: median {statistics.median(times):.2f} ms,"
                f" mean {statistics.fmean(times):.2f} ms CPU ({args.renders} renders)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
