"""``make bench``: throughput and latency of the site served as ``make run``
serves it (see ``served_site``), measured with wrk (Debian package ``wrk``).

Run as ``python -m tests.perf.bench``. Not part of CI's pass/fail: the figures
depend on the machine. It prints requests per second and the 50th, 95th and
99th latency percentiles for each target, and how a page compares with a static
file (issue 7's goal: denervation page/static >= 0.5, page p95 <= 50 ms on 2
cores). Where nginx and its purge module are installed, the same pages and
static file are measured again through the deployment example's edge cache
(``edge_proxy``, over TLS), each compared with the static file through it.
"""

import argparse
import shutil
import ssl
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from tests.perf import edge_proxy
from tests.perf.served_site import ServedSite, free_port, served_site

# Pages to load; add each page type's German address as it lands.
PAGES = {
    "denervation-de": "/de/behandlungen/denervation-thermokoagulation/",
    "home-de": "/de/",
}
# Static files, by their name before hashing; served under the manifest's name.
STATIC_FILES = {"static-css": "css/site.css"}
# Targets measured through the edge cache are named with this prefix.
PROXY_PREFIX = "proxy:"

# wrk's own report has no 95th percentile: this prints the numbers needed.
REPORT_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d %d\\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
"""


@dataclass(frozen=True)
class Result:
    name: str
    url: str
    requests: int
    per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    bad_status: int
    socket_errors: int
    page_cache: str

    @property
    def through_proxy(self) -> bool:
        return self.name.startswith(PROXY_PREFIX)


def say(text: str = "") -> None:
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def wrk(url: str, seconds: int, connections: int, script: Path) -> list[int]:
    """Load ``url`` with wrk as a browser would ask (gzip/br accepted)."""
    output = subprocess.run(  # noqa: S603 (fixed arguments)
        [
            shutil.which("wrk") or "wrk",
            "--threads=2",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--header=Accept-Encoding: gzip, br",
            f"--script={script}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    return [int(number) for number in line.split()[1:]]


def page_cache_status(url: str, context: ssl.SSLContext | None) -> str:
    """What pages.page_cache (and the edge cache, through the proxy) said about
    ``url`` after the warm-up ("-": nothing)."""
    with urllib.request.urlopen(url, timeout=60, context=context) as response:  # noqa: S310 (own server)
        statuses = [
            response.headers.get(header, "-") for header in ("X-Page-Cache", "X-Cache")
        ]
    return statuses[0] if statuses[1] == "-" else "/".join(statuses)


def bench(
    name: str,
    url: str,
    seconds: int,
    connections: int,
    script: Path,
    context: ssl.SSLContext | None = None,
) -> Result:
    wrk(url, 3, connections, script)  # warm up every worker first
    page_cache = page_cache_status(url, context)
    requests, duration_us, p50, p95, p99, bad_status, errors = wrk(
        url, seconds, connections, script
    )
    return Result(
        name=name,
        url=url,
        requests=requests,
        per_second=requests / (duration_us / 1e6),
        p50_ms=p50 / 1000,
        p95_ms=p95 / 1000,
        p99_ms=p99 / 1000,
        bad_status=bad_status,
        socket_errors=errors,
        page_cache=page_cache,
    )


def targets(site: ServedSite, proxy: edge_proxy.EdgeProxy | None) -> dict[str, str]:
    urls = {name: f"{site.url}{path}" for name, path in PAGES.items()}
    urls.update({name: site.static_url(path) for name, path in STATIC_FILES.items()})
    if proxy is not None:
        urls.update(
            {
                PROXY_PREFIX + name: url.replace(site.url, proxy.url, 1)
                for name, url in list(urls.items())
            }
        )
    return urls


def static_result(results: list[Result], through_proxy: bool) -> Result:
    return next(
        r
        for r in results
        if r.through_proxy == through_proxy
        and r.name.removeprefix(PROXY_PREFIX) in STATIC_FILES
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        say("wrk is not installed: apt-get install wrk")
        return 1

    no_proxy = edge_proxy.missing()
    purge_port = free_port()
    with ExitStack() as stack:
        folder = stack.enter_context(tempfile.TemporaryDirectory())
        site = stack.enter_context(
            served_site(
                args.workers,
                {"EDGE_CACHE_PURGE_URLS": f"http://127.0.0.1:{purge_port}"},
            )
        )
        proxy = None
        if no_proxy is None:
            proxy = stack.enter_context(edge_proxy.edge_proxy([site.url], purge_port))
        script = Path(folder) / "report.lua"
        script.write_text(REPORT_SCRIPT)
        say(
            f"== wrk, {args.seconds} s, {args.connections} connections, 2 threads; "
            f"gunicorn with {args.workers} workers ({site.url})"
        )
        say(
            f"== {PROXY_PREFIX}… through nginx's edge cache, TLS ({proxy.url})"
            if proxy
            else f"== no edge cache: {no_proxy}"
        )
        # Trusts the proxy's throwaway self-signed certificate.
        context = (
            ssl.create_default_context(cafile=proxy.certificate) if proxy else None
        )
        results = [
            bench(name, url, args.seconds, args.connections, script, context)
            for name, url in targets(site, proxy).items()
        ]

    say(
        f"{'target':<18} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
        f" {'requests':>9} {'errors':>7}  page cache"
    )
    for r in results:
        say(
            f"{r.name:<18} {r.per_second:>9.1f} {r.p50_ms:>8.1f} {r.p95_ms:>8.1f}"
            f" {r.p99_ms:>8.1f} {r.requests:>9} {r.bad_status + r.socket_errors:>7}"
            f"  {r.page_cache}"
        )
    for r in results:
        if r.name.removeprefix(PROXY_PREFIX) in PAGES:
            static = static_result(results, r.through_proxy)
            say(
                f"ratio {r.name} / {static.name}: "
                f"{r.per_second / static.per_second:.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
