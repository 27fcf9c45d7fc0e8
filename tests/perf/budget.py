"""``make budget``: page weight, Lighthouse scores (``tests.perf.lighthouse``)
and the validators (HTML_CodeSniffer, IBM Equal Access, Nu Html Checker:
``tests.perf.validators``) on the site as served in production style (see
``served_site``), for every page in ``pages.PAGES``.

Run as ``python -m tests.perf.budget``. It takes its page list, Chromium flags,
phone viewport and network guard from the browser suite (``tests.browser``), so
a page is judged the same way in both; pytest does not collect ``tests/perf``.

Bytes are counted as they cross the wire: response headers plus the body as
sent (Django's GZipMiddleware compresses the HTML, whitenoise the static files).
"""

import argparse
import sys
import time
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Request, sync_playwright

from tests.browser.chromium import PHONE, launch_chromium
from tests.browser.network import NetworkGuard
from tests.browser.pages import PAGES, SitePage
from tests.perf import lighthouse
from tests.perf.lead_image import lead_image_page
from tests.perf.served_site import ServedSite, served_site
from tests.perf.validators import audit_pages, missing_tools, print_audits

KB = 1024
BUDGET = {"html": 14 * KB, "total": 100 * KB, "js": 10 * KB}


@dataclass
class PageWeight:
    page: SitePage
    status: int = 0
    html: int = 0
    html_note: str = ""
    total: int = 0
    js: int = 0
    requests: int = 0
    third_party: list[str] = field(default_factory=list)

    def over_budget(self) -> list[str]:
        problems = [
            f"{self.page}: {name} {kilobytes(getattr(self, name))} > {kilobytes(limit)}"
            for name, limit in BUDGET.items()
            if getattr(self, name) > limit
        ]
        if self.status != 200:
            problems.append(f"{self.page}: HTTP status {self.status}")
        problems.extend(f"{self.page}: third-party {url}" for url in self.third_party)
        return problems


def say(text: str = "") -> None:
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def kilobytes(size: int) -> str:
    return f"{size / KB:.1f} KB"


def transfer_size(request: Request) -> int:
    sizes = request.sizes()
    return sizes["responseHeadersSize"] + sizes["responseBodySize"]


def measure(browser: Browser, base_url: str, site_page: SitePage) -> PageWeight:
    """Load ``site_page`` cold on a phone and add up what crossed the wire."""
    guard = NetworkGuard(browser, origin=base_url)
    page = guard.new_context(**PHONE).new_page()
    finished: list[Request] = []
    page.on("requestfinished", lambda request: finished.append(request))
    response = page.goto(site_page.path, wait_until="networkidle")

    weight = PageWeight(page=site_page, status=response.status)
    weight.requests = len(guard.requests)
    weight.third_party = guard.pop_unexpected()
    for request in finished:
        size = transfer_size(request)
        if request.url == response.url:
            size, weight.html_note = document_size(request)
            weight.html = size
        elif request.resource_type == "script":
            weight.js += size
        weight.total += size
    guard.close()
    return weight


def document_size(request: Request) -> tuple[int, str]:
    """The HTML's transfer size and how the server compressed it."""
    encoding = request.response().header_value("content-encoding") or "none"
    return transfer_size(request), encoding


def print_weights(weights: list[PageWeight]) -> None:
    say(
        f"{'page':<24} {'status':>6} {'HTML':>9} {'total':>9} {'JS':>9}"
        f" {'requests':>8} {'3rd-party':>9}  HTML compression"
    )
    for w in weights:
        say(
            f"{str(w.page):<24} {w.status:>6} {kilobytes(w.html):>9}"
            f" {kilobytes(w.total):>9} {kilobytes(w.js):>9} {w.requests:>8}"
            f" {len(w.third_party):>9}  {w.html_note}"
        )
    say(
        f"{'budget':<24} {'':>6} {kilobytes(BUDGET['html']):>9}"
        f" {kilobytes(BUDGET['total']):>9} {kilobytes(BUDGET['js']):>9}"
        f" {'':>8} {0:>9}"
    )


def weights_and_validators(site: ServedSite) -> list[str]:
    """Page weight on a phone and the validators' findings; returns the problems."""
    problems: list[str] = []
    site_url = site.url
    say(f"== page weight, phone viewport, cold cache ({site_url})")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        weights = [measure(browser, site_url, page) for page in PAGES]
        with lead_image_page(site) as page:
            weights.append(measure(browser, site_url, page))
            lead_image_audits = audit_pages(browser, site_url, (page,))
        audits = [*audit_pages(browser, site_url), *lead_image_audits]
        browser.close()
    print_weights(weights)
    for weight in weights:
        problems.extend(weight.over_budget())

    say("\n== validators: errors (HTMLCS WCAG2AA, IBM WCAG 2.2, Nu Html Checker)")
    problems.extend(print_audits(audits, say))
    return problems


PARTS = ("pages", "lighthouse")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--part",
        choices=PARTS,
        action="append",
        help=(
            "pages: weight and validators; lighthouse: the scores, which depend on "
            "timing (CI runs them once the suites are done). Default: both."
        ),
    )
    parts = parser.parse_args(argv).part or PARTS
    if "lighthouse" in parts and not lighthouse.is_installed():
        say("lighthouse is not installed: run `npm ci --prefix .ci/node`.")
        return 1
    if "pages" in parts and missing_tools():
        say(f"missing: {', '.join(missing_tools())}; run `npm ci --prefix .ci/node`.")
        return 1
    problems: list[str] = []
    with served_site() as site:
        if "pages" in parts:
            started = time.monotonic()
            problems += weights_and_validators(site)
            say(f"-- page weight and validators: {time.monotonic() - started:.0f} s")
        if "lighthouse" in parts:
            started = time.monotonic()
            problems += lighthouse.scores(site.url, say)
            say(f"-- Lighthouse: {time.monotonic() - started:.0f} s")

    if problems:
        say("\nOVER BUDGET:")
        say("\n".join(f"  {problem}" for problem in problems))
        return 1
    say("\nAll pages within budget.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
