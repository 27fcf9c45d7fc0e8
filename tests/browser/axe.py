"""Run axe-core in a Playwright page and report its violations readably.

axe-core comes from npm (``.ci/axe``): it is the engine that browser extensions,
Lighthouse and most CI tools use, and the npm package is its only distribution.
"""

import functools
import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.2 AA, as issue 7 asks: every level-A and level-AA rule up to 2.2.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

RUN_AXE = """tags => axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
})"""


@functools.cache
def axe_source(path: Path = AXE_SCRIPT) -> str:
    """The axe-core script; fails the test (never skips) when it is not installed."""
    if not path.is_file():
        pytest.fail(
            f"axe-core is not installed ({path} is missing): run "
            "`npm ci --prefix .ci/axe` (`make test` and CI do).",
            pytrace=False,
        )
    return path.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core in ``page`` and return the WCAG violations it finds.

    The script is evaluated through Playwright, not added as a script element,
    so the site's Content-Security-Policy stays in force while axe runs.
    """
    page.evaluate(axe_source())
    results = page.evaluate(RUN_AXE, list(WCAG_TAGS))
    return results["violations"]


def describe_violations(violations: list[dict]) -> str:
    """One paragraph per violated rule, with the offending elements."""
    lines = [f"{len(violations)} axe violation(s):"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" [{', '.join(t for t in violation['tags'] if t.startswith('wcag'))}]"
            f" {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {json.dumps(node['target'])}: {node['html'][:200]}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page: Page) -> None:
    """Fail with a readable list when axe finds any WCAG 2.2 A/AA violation."""
    violations = axe_violations(page)
    assert not violations, f"{page.url}\n{describe_violations(violations)}"
