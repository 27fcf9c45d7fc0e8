"""Lighthouse's four scores (mobile) for every page of ``pages.PAGES``: the
Lighthouse part of ``make budget`` (``tests.perf.budget``).

The pages are split over ``PARALLEL`` node processes, each with a Chrome of its
own that measures its pages one after the other (``lighthouse_runs.mjs``); the
reports go to ``test-results/lighthouse/``.
"""

import json
import shutil
import subprocess
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from tests.browser.chromium import CHROMIUM_ARGS, chromium_path
from tests.browser.pages import PAGES, SitePage
from tests.perf.served_site import ROOT
from tests.perf.validators import NODE_MODULES

TARGETS = {
    "performance": 90,  # a shared 2-core machine is noisy: the goal is still 100
    "accessibility": 100,
    "best-practices": 100,
    "seo": 100,
}
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "core" / "index.js"
RUNS_SCRIPT = ROOT / "tests" / "perf" / "lighthouse_runs.mjs"
REPORTS = ROOT / "test-results" / "lighthouse"
# What the CLI got as --form-factor, --only-categories and so on.
FLAGS = {
    "output": ["json", "html"],
    "logLevel": "error",
    "formFactor": "mobile",
    "onlyCategories": list(TARGETS),
    # Screenshots are not scored: about a tenth of each run's CPU.
    "disableFullPageScreenshot": True,
    "skipAudits": ["screenshot-thumbnails", "final-screenshot"],
}
# Lighthouse sometimes records no page load at all (NO_NAVSTART,
# PROTOCOL_TIMEOUT) on a busy machine: that is no score, so the run is
# repeated; a score under target is not.
ATTEMPTS = 5
# Each run waits on its page part of the time: with two, the cores were ~40 % idle.
PARALLEL = 3
# A page under the performance target is measured again alone, up to this many
# times: a busy machine (CI runs a suite beside) can slow one load; a slow page
# stays slow every time.
REMEASURES = 3
# Search pages are noindex by design (results are not content); Lighthouse's SEO
# score counts that ("is-crawlable") as a failure, and nothing else may fail.
NOINDEX_PAGES = ("search-",)


def is_installed() -> bool:
    return LIGHTHOUSE.is_file()


def measure(base_url: str, pages: Sequence[SitePage]) -> dict[SitePage, dict]:
    """Lighthouse's reports on ``pages``, one after the other in one Chrome."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    plan = {
        "chromePath": chromium_path(),
        "chromeFlags": ["--headless", *CHROMIUM_ARGS],
        "flags": FLAGS,
        "attempts": ATTEMPTS,
        "runs": [
            {"url": f"{base_url}{page.path}", "outputPath": str(REPORTS / str(page))}
            for page in pages
        ],
    }
    run = subprocess.run(  # noqa: S603 (own script, fixed arguments)
        [shutil.which("node") or "node", str(RUNS_SCRIPT), str(NODE_MODULES)],
        input=json.dumps(plan),
        text=True,
        check=False,
    )
    if run.returncode:
        raise RuntimeError(
            f"Lighthouse failed {ATTEMPTS} times on {run.returncode} of: "
            + ", ".join(str(page) for page in pages)
        )
    return {
        page: json.loads((REPORTS / f"{page}.report.json").read_text())
        for page in pages
    }


def reports(base_url: str, say: Callable[[str], None]) -> dict[SitePage, dict]:
    """Reports for every page, ``PARALLEL`` Chromes at a time.

    The runs share the cores, which can slow one page's simulated load: a page
    under the performance target is measured again alone, as a run of one page
    at a time would; the other categories do not depend on timing.
    """
    shares = [PAGES[start::PARALLEL] for start in range(PARALLEL)]
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        measured: dict[SitePage, dict] = {}
        for share in pool.map(lambda pages: measure(base_url, pages), shares):
            measured.update(share)
    for page in PAGES:
        for _ in range(REMEASURES):
            performance = score(measured[page], "performance")
            if performance >= TARGETS["performance"]:
                break
            say(f"{page}: performance {performance}, measured again alone")
            measured.update(measure(base_url, [page]))
    return {page: measured[page] for page in PAGES}


def score(report: dict, category: str) -> int:
    return round((report["categories"][category]["score"] or 0) * 100)


def problems_of(name: str, report: dict) -> list[str]:
    """Categories under target, each with the audits that cost it points."""
    problems = []
    for category_id, target in TARGETS.items():
        value = score(report, category_id)
        if value >= target:
            continue
        failing = [
            ref["id"]
            for ref in report["categories"][category_id]["auditRefs"]
            if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
        ]
        if category_id == "seo" and name.startswith(NOINDEX_PAGES):
            failing = [audit for audit in failing if audit != "is-crawlable"]
            if not failing:
                continue
        problems.append(
            f"{name}: {category_id} {value} < {target} ({', '.join(failing)})"
        )
    return problems


def scores(site_url: str, say: Callable[[str], None]) -> list[str]:
    """Print Lighthouse's four scores per page; returns the problems."""
    problems: list[str] = []
    say("\n== Lighthouse, mobile")
    say(f"{'page':<24} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
    for page, report in reports(site_url, say).items():
        values = [score(report, category) for category in TARGETS]
        say(f"{str(page):<24} " + " ".join(f"{value:>5}" for value in values))
        problems.extend(problems_of(str(page), report))
    say(f"{'target':<24} " + " ".join(f"{t:>5}" for t in TARGETS.values()))
    say(f"(reports: {REPORTS.relative_to(ROOT)}/)")
    return problems
