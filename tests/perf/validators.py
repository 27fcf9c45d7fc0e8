"""HTML_CodeSniffer, IBM Equal Access and the Nu Html Checker on served pages.

``make budget`` runs them on every page of ``pages.PAGES``, the states that
sending a form leads to (``STATES``) and the 404 page, in both languages
(``audit_pages``); axe-core runs
in the browser suite (``tests/browser/axe.py``). All come from npm
(``.ci/node``). The two accessibility engines are evaluated in the page through
Playwright, like axe, so the site's Content-Security-Policy stays in force.

pa11y itself is not used: it drives its own browser through puppeteer, whose
install downloads a Chrome build (and brings a second browser driver), while
this suite already drives Debian's Chromium with Playwright. pa11y's default
runner is HTML_CodeSniffer with the ``WCAG2AA`` standard, reporting errors only;
that is what runs here.

For a quick check of a few pages, without Lighthouse:
``python -m tests.perf.validators home-de consultation-en``.
"""

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser, Page, Response, sync_playwright

from tests.browser.chromium import launch_chromium
from tests.browser.network import NetworkGuard
from tests.browser.pages import NOT_FOUND_PAGES, PAGES, SitePage
from tests.perf.served_site import ROOT, served_site

NODE_MODULES = ROOT / ".ci" / "node" / "node_modules"
HTMLCS_SCRIPT = NODE_MODULES / "html_codesniffer" / "build" / "HTMLCS.js"
ACE_SCRIPT = NODE_MODULES / "accessibility-checker-engine" / "ace.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
TOOLS = ("htmlcs", "ibm", "nu")
# States reached by sending a form: (page, button to press, what must show).
STATES = (
    *(
        (
            SitePage(f"{page.name}-errors", page.path, page.language),
            "form.consultation-form button[type=submit]",
            ".form-error",
        )
        for page in PAGES
        if page.name.startswith("consultation-")
    ),
    *(
        (
            SitePage(f"feedback-{page.language}", page.path, page.language),
            "form.feedback button[value=no]",
            "form.feedback-comment",
        )
        for page in PAGES
        if page.name.startswith("denervation-")
    ),
)
ALL_PAGES = (*PAGES, *(state[0] for state in STATES), *NOT_FOUND_PAGES)

# Findings that are wrong about these pages, each with its reason. Matched on
# (tool, rule id, start of the message); keep it short and honest.
IGNORED: tuple[tuple[str, str, str, str], ...] = ()

# HTMLCS reports elements; "where" is a CSS path to each (tag, id, position).
RUN_HTMLCS = """() => new Promise(resolve => {
    const path = element => {
        const steps = [];
        for (let e = element; e && e.nodeType === 1; e = e.parentElement) {
            if (e.id) { steps.unshift(`#${e.id}`); break; }
            const parent = e.parentElement;
            const index = parent ? [...parent.children].indexOf(e) + 1 : 0;
            steps.unshift(index ? `${e.localName}:nth-child(${index})` : e.localName);
        }
        return steps.join(" > ");
    };
    HTMLCS.process("WCAG2AA", document, () => {
        resolve(HTMLCS.getMessages()
            .filter(m => m.type === HTMLCS.ERROR)
            .map(m => ({rule: m.code, message: m.msg, where: path(m.element)})));
    }, () => resolve([{rule: "htmlcs", message: "HTMLCS failed to run", where: ""}]),
    "en");
})"""

RUN_ACE = """async () => {
    const report = await new ace.Checker().check(document, ["WCAG_2_2"]);
    return report.results
        .filter(r => r.value[0] === "VIOLATION" && r.value[1] === "FAIL")
        .map(r => ({rule: r.ruleId, message: r.message, where: r.path.dom}));
}"""


@dataclass(frozen=True)
class Finding:
    tool: str
    rule: str
    message: str
    where: str

    def __str__(self) -> str:
        return f"{self.tool} {self.rule}: {self.message} at {self.where}"

    def is_ignored(self) -> bool:
        return any(
            self.tool == tool and self.rule == rule and self.message.startswith(start)
            for tool, rule, start, _reason in IGNORED
        )


@dataclass
class PageAudit:
    page: SitePage
    html: str
    findings: list[Finding]

    def count(self, tool: str) -> int:
        return sum(1 for f in self.findings if f.tool == tool and not f.is_ignored())


def missing_tools() -> list[str]:
    """What is not installed: the npm packages, or Java for the Nu checker."""
    missing = [
        str(path.relative_to(ROOT))
        for path in (HTMLCS_SCRIPT, ACE_SCRIPT, VNU_JAR)
        if not path.is_file()
    ]
    if not shutil.which("java"):
        missing.append("java (openjdk-17-jre-headless)")
    return missing


def in_page(page: Page, script: Path, run: str, tool: str) -> list[Finding]:
    page.evaluate(script.read_text(encoding="utf-8"))
    return [Finding(tool=tool, **found) for found in page.evaluate(run)]


def audit(browser: Browser, base_url: str, site_page: SitePage) -> PageAudit:
    """Load ``site_page`` and run both accessibility engines on it.

    Each engine gets a fresh load: HTML_CodeSniffer and ace.js both add
    globals, and neither should see what the other left in the page.
    """
    guard = NetworkGuard(browser, origin=base_url)
    context = guard.new_context()
    findings: list[Finding] = []
    html = ""
    for script, run, tool in (
        (HTMLCS_SCRIPT, RUN_HTMLCS, "htmlcs"),
        (ACE_SCRIPT, RUN_ACE, "ibm"),
    ):
        page = context.new_page()
        response = page.goto(site_page.path, wait_until="networkidle")
        response = send_form(page, site_page) or response
        html = response.text()
        findings.extend(in_page(page, script, run, tool))
        page.close()
    guard.close()
    return PageAudit(page=site_page, html=html, findings=findings)


def send_form(page: Page, site_page: SitePage) -> Response | None:
    """Reach the state ``site_page`` names, if any: the response it ends on."""
    for state, button, shown in STATES:
        if state == site_page:
            with page.expect_navigation() as arrived:
                page.locator(button).click()
            page.wait_for_load_state("networkidle")
            if not page.locator(shown).count():
                raise RuntimeError(f"{site_page}: {shown} did not show")
            return arrived.value
    return None


def nu_findings(audits: list[PageAudit]) -> None:
    """Run the Nu Html Checker once on every page's HTML as served."""
    by_name = {str(page_audit.page): page_audit for page_audit in audits}
    with tempfile.TemporaryDirectory() as folder:
        files = [Path(folder) / f"{name}.html" for name in by_name]
        for path, page_audit in zip(files, audits, strict=True):
            path.write_text(page_audit.html, encoding="utf-8")
        java = shutil.which("java") or "java"
        run = subprocess.run(  # noqa: S603 (own files, fixed arguments)
            [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
            capture_output=True,
            text=True,
            check=False,
        )
    # vnu writes its JSON report to stderr.
    for message in json.loads(run.stderr)["messages"]:
        name = Path(urlparse(message.get("url", "")).path).stem
        where = f"line {message.get('lastLine', '?')}: {message.get('extract', '')}"
        finding = Finding("nu", message["type"], message["message"], where)
        if name not in by_name:
            raise RuntimeError(f"Nu Html Checker: {finding}")
        by_name[name].findings.append(finding)


def audit_pages(
    browser: Browser, base_url: str, pages: tuple[SitePage, ...] = ALL_PAGES
) -> list[PageAudit]:
    audits = [audit(browser, base_url, page) for page in pages]
    nu_findings(audits)
    return audits


def print_audits(audits: list[PageAudit], say) -> list[str]:
    """The table of counts; returns every finding not on the ignore list."""
    say(f"{'page':<24} {'HTMLCS':>7} {'IBM':>7} {'Nu':>7}  (ignored)")
    problems = []
    for page_audit in audits:
        counts = " ".join(f"{page_audit.count(tool):>7}" for tool in TOOLS)
        ignored = sum(1 for f in page_audit.findings if f.is_ignored())
        say(f"{str(page_audit.page):<24} {counts}  ({ignored})")
        problems.extend(
            f"{page_audit.page}: {finding}"
            for finding in page_audit.findings
            if not finding.is_ignored()
        )
    return problems


def main(names: list[str]) -> int:
    missing = missing_tools()
    if missing:
        sys.stdout.write(f"missing: {', '.join(missing)}; run `make node-tools`.\n")
        return 1
    pages = tuple(page for page in ALL_PAGES if not names or str(page) in names)
    with served_site() as site, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        audits = audit_pages(browser, site.url, pages)
        browser.close()
    problems = print_audits(audits, lambda text: sys.stdout.write(f"{text}\n"))
    sys.stdout.write("".join(f"  {problem}\n" for problem in problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
