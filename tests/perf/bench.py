"""``make bench``: throughput and latency of the site served as ``make run``
serves it (see ``served_site``), measured with wrk (Debian package ``wrk``).

Run as ``python -m tests.perf.bench``. Not part of CI's pass/fail: the figures
depend on the machine. It prints requests per second and the 50th, 95th and
99th latency percentiles for each target, each page as a ratio of a static file
measured the same way, then every goal of issues 7 and 18 next to its figure
(``bench_goals``). Two throwaway sites are served side by side: the demo with 5
treatments and with 500 (generated test treatments). On the first, the
page cache's pages and the static file are measured through the app alone and,
where nginx and its purge module are installed, through the deployment
example's edge cache (``edge_proxy``, over TLS). On both, the pages no cache
answers (the consultation form, a treatment page, the index, the sitemap) are
measured on one site and right after on the other, at fewer connections
(``--uncached-connections``, two per worker by default): a page that needs the
app's CPU cannot be quicker than its workers.
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

from tests.perf import bench_goals, edge_proxy
from tests.perf.served_site import ServedSite, free_port, manage, served_site

# Pages kept by the page cache (and the edge cache in front).
PAGES = {
    "denervation-de": "/de/behandlungen/denervation-thermokoagulation/",
    "home-de": "/de/",
}
# Pages no cache answers: the form never, the others because of the query
# string, which neither the page cache nor the edge cache keeps.
UNCACHED_PAGES = {
    "consultation-de": "/de/beratung/",
    "treatment-de-uncached": "/de/behandlungen/denervation-thermokoagulation/?u=1",
    "index-de-uncached": "/de/behandlungen/?u=1",
    "sitemap": "/sitemap.xml",
}
# Static files, by their name before hashing; served under the manifest's name.
STATIC_FILES = {"static-css": "css/site.css"}
# Targets measured through the edge cache are named with this prefix.
PROXY_PREFIX = "proxy:"
# Treatments in all on each served site (the demo has one; the rest generated);
# uncached targets are named with the number after "@".
SITE_SIZES = (5, 500)

# What wrk (and the probe of the caches) says it accepts, as browsers do.
ACCEPT_ENCODING = "gzip, br"
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
    connections: int

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
            f"--header=Accept-Encoding: {ACCEPT_ENCODING}",
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
    # Asked as wrk asks: the page cache keeps a copy per encoding.
    request = urllib.request.Request(  # noqa: S310 (own server)
        url, headers={"Accept-Encoding": ACCEPT_ENCODING}
    )
    with urllib.request.urlopen(request, timeout=60, context=context) as response:  # noqa: S310 (own server)
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
        connections=connections,
    )


def targets(site: ServedSite, proxy: edge_proxy.EdgeProxy | None) -> dict[str, str]:
    """The page cache's pages and the static file, also through ``proxy``."""
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


def static_result(results: list[Result], through_proxy: bool) -> Result | None:
    return next(
        (
            r
            for r in results
            if r.through_proxy == through_proxy
            and r.name.removeprefix(PROXY_PREFIX) in STATIC_FILES
        ),
        None,
    )


def add_treatments(site: ServedSite, treatments: int) -> float:
    """Bring ``site`` to ``treatments`` treatments in all and let it settle; the
    seconds its task worker took.

    The demo has one treatment; the others are generated test content. Their
    search and reference index updates are queued; measured before the task
    worker has done them, the first target (the consultation form) shared the
    CPU with about a thousand of them at 500 treatments and lost a third of its
    requests per second. A real site gets its pages long before a rush.
    """
    env = {k: v for k, v in site.env.items() if k != "EDGE_CACHE_PURGE_URLS"}
    manage(env, "load_demo_content", "--treatments", str(treatments - 1))
    waited = site.wait_for_task_queue()
    manage(env, "clear_page_cache")
    return waited


def chosen(name: str, only: list[str]) -> bool:
    """Whether ``--only`` leaves the target ``name`` in (all without it)."""
    return not only or any(part in name for part in only)


def selected(urls: dict[str, str], only: list[str]) -> dict[str, str]:
    return {name: url for name, url in urls.items() if chosen(name, only)}


def open_site(
    stack: ExitStack, treatments: int, args: argparse.Namespace, with_proxy: bool
) -> tuple[ServedSite, edge_proxy.EdgeProxy | None]:
    """Serve a site with ``treatments`` treatments until ``stack`` closes, with
    the edge cache in front when ``with_proxy`` and nginx is installed."""
    no_proxy = edge_proxy.missing() if with_proxy else "not measured"
    purge_port = free_port()
    say(f"== preparing a site with {treatments} treatments ...")
    site = stack.enter_context(
        served_site(
            args.workers,
            {"EDGE_CACHE_PURGE_URLS": f"http://127.0.0.1:{purge_port}"}
            if no_proxy is None
            else {},
        )
    )
    # Added before the proxy starts, so with nothing there to purge.
    waited = add_treatments(site, treatments)
    say(f"== the task worker's queue (index updates) worked off in {waited:.0f} s")
    proxy = None
    if no_proxy is None:
        proxy = stack.enter_context(edge_proxy.edge_proxy([site.url], purge_port))
    say(f"== {treatments} treatments: {args.workers} gunicorn workers, {site.url}")
    if with_proxy:
        say(
            f"== {PROXY_PREFIX}… through nginx's edge cache, TLS ({proxy.url})"
            if proxy
            else f"== no edge cache: {no_proxy}"
        )
    return site, proxy


def measure_cached(
    site: ServedSite,
    proxy: edge_proxy.EdgeProxy | None,
    args: argparse.Namespace,
    script: Path,
) -> list[Result]:
    """The page cache's pages and the static file, also through ``proxy``."""
    # Trusts the proxy's throwaway self-signed certificate.
    context = ssl.create_default_context(cafile=proxy.certificate) if proxy else None
    return [
        bench(name, url, args.seconds, args.connections, script, context)
        for name, url in selected(targets(site, proxy), args.only).items()
    ]


def measure_uncached(
    sites: dict[int, ServedSite], args: argparse.Namespace, script: Path
) -> list[Result]:
    """Each page no cache answers on every site in turn: the figures compared
    (500 treatments against 5) are measured seconds apart, not minutes, in
    which another process on a shared machine moves them more than 10 %."""
    return [
        bench(
            f"{name}@{treatments}",
            f"{site.url}{path}",
            args.seconds,
            args.uncached_connections,
            script,
        )
        for name, path in UNCACHED_PAGES.items()
        for treatments, site in sites.items()
        if chosen(f"{name}@{treatments}", args.only)
    ]


def print_results(results: list[Result]) -> None:
    say(
        f"{'target':<28} {'conn':>4} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8}"
        f" {'p99 ms':>8} {'requests':>9} {'errors':>7} {'/static':>7}  page cache"
    )
    for r in results:
        static = static_result(results, r.through_proxy)
        ratio = f"{r.per_second / static.per_second:>7.2f}" if static else f"{'-':>7}"
        say(
            f"{r.name:<28} {r.connections:>4} {r.per_second:>9.1f} {r.p50_ms:>8.1f}"
            f" {r.p95_ms:>8.1f} {r.p99_ms:>8.1f} {r.requests:>9}"
            f" {r.bad_status + r.socket_errors:>7}"
            f" {ratio}  {r.page_cache}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--uncached-connections",
        type=int,
        help="connections for the pages no cache answers (default: 2 per worker)",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        default=[],
        metavar="NAME",
        help="only the targets whose name contains one of these (consultation,"
        " static-css, @500); the edge cache starts when a cached target is left",
    )
    args = parser.parse_args()
    args.uncached_connections = args.uncached_connections or 2 * args.workers
    if shutil.which("wrk") is None:
        say("wrk is not installed: apt-get install wrk")
        return 1
    # The cached targets on the first site only, with and without proxy.
    cached = any(
        chosen(prefix + name, args.only)
        for name in [*PAGES, *STATIC_FILES]
        for prefix in ("", PROXY_PREFIX)
    )
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        script = Path(folder) / "report.lua"
        script.write_text(REPORT_SCRIPT)
        sites, proxy = {}, None
        for number, treatments in enumerate(SITE_SIZES):
            with_cached = number == 0 and cached
            if with_cached or any(
                chosen(f"{name}@{treatments}", args.only) for name in UNCACHED_PAGES
            ):
                sites[treatments], site_proxy = open_site(
                    stack, treatments, args, with_cached
                )
                proxy = proxy or site_proxy
        say(
            f"== wrk, {args.seconds} s, 2 threads; {args.connections} connections,"
            f" uncached pages {args.uncached_connections}"
        )
        results = []
        if cached:
            results += measure_cached(sites[SITE_SIZES[0]], proxy, args, script)
        results += measure_uncached(sites, args, script)
    print_results(results)
    say()
    figures = {r.name: bench_goals.Figure(r.per_second, r.p95_ms) for r in results}
    for line in bench_goals.report(figures, SITE_SIZES):
        say(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
