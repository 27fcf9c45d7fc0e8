"""Record every Content-Security-Policy violation a browser context reports.

Chromium fires ``securitypolicyviolation`` in the page and logs the refusal to
the console; both are collected, across navigations, so that a test can assert
that a whole visit caused none.
"""

from playwright.sync_api import BrowserContext, ConsoleMessage

REPORT = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
  );
});
"""


def record_csp_violations(context: BrowserContext) -> list[str]:
    """Start recording on ``context`` (before its pages open); returns the list."""
    violations: list[str] = []

    def report(text: str) -> None:
        violations.append(text)

    context.expose_function("reportCspViolation", report)
    context.add_init_script(REPORT)

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    context.on("console", on_console)
    return violations
