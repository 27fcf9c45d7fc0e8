"""One audit per page and viewport: each page is loaded once, then every check
runs on that load.

Every page of ``pages.PAGES`` and the 404 page in each language is loaded on a
phone and on a desktop; the phone's load is then narrowed to 320 px and its
text set to 200 % (reflow, ``reflow.py``). Each check is a subtest: a failure
names the page and the viewport (the test id) and the check (the subtest's
name), and the other checks still run. The consultation form's error state
needs a filled-in form and has a test of its own (``test_accessibility.py``).
"""

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.axe import assert_no_axe_violations
from tests.browser.chromium import DESKTOP, PHONE
from tests.browser.pages import NOT_FOUND_PAGES, PAGES, SitePage
from tests.browser.reflow import assert_reflows

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "browser"
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
# The most Tab presses before the walk through a page's focusable elements stops.
MAX_TABS = 30

FOCUSED = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        className: el.className,
        text: el.textContent.trim(),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth),
        top: el.getBoundingClientRect().top,
    };
}"""


def record_problems(page: Page) -> list[str]:
    """Console errors, uncaught exceptions and responses of 400 and over, as
    they happen on ``page``."""
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 400
            else None
        ),
    )
    return problems


def tab_through(page: Page) -> list[dict]:
    """Press Tab from the top of a freshly loaded page until focus reaches the
    body or comes round again; the focused elements in order."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "body" or focused in seen:
            break
        seen.append(focused)
    return seen


def check_description_and_icon(page: Page) -> None:
    description, icon = page.evaluate(
        """[document.querySelector("meta[name=description]")?.content,
            document.querySelector("link[rel=icon]")?.href]"""
    )
    assert description, "search engines show the description under the title"
    assert icon, "without an icon link browsers ask for /favicon.ico, a 404"
    assert page.request.get(icon).ok


def check_fits_the_viewport(page: Page, site_page: SitePage, viewport: str) -> None:
    """No sideways scrolling. A page that scrolls is kept as a screenshot for a
    look by eye (only then: a full-page PNG costs about a second of CPU)."""
    scroll_width, inner_width = page.evaluate(
        "[document.scrollingElement.scrollWidth, innerWidth]"
    )
    if scroll_width > inner_width:
        path = SCREENSHOTS / f"{site_page}-{viewport}.png"
        page.screenshot(path=path, full_page=True)
        pytest.fail(f"scrolls sideways: {scroll_width} > {inner_width} px ({path})")


def check_skip_link(page: Page, focus_order: list[dict]) -> None:
    """The first Tab reaches the skip link, on screen; Enter on it moves focus
    to the main content."""
    assert focus_order, "Tab focused nothing"
    skip_link = focus_order[0]
    assert skip_link["className"] == "skip-link"
    assert skip_link["top"] >= 0, "the focused skip link must be on screen"

    page.locator(".skip-link").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED)["id"] == "main"
    assert page.evaluate("location.hash") == "#main"


def check_focus_outlines(focus_order: list[dict]) -> None:
    for focused in focus_order:
        assert focused["outlineStyle"] != "none", focused
        assert focused["outlineWidth"] >= 2, focused
    assert len(focus_order) >= 2, "expected the skip link and at least one more link"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("site_page", PAGES + NOT_FOUND_PAGES, ids=str)
def test_page_passes_the_audit(new_context, subtests, site_page, viewport):
    found = site_page in PAGES
    page = new_context(**VIEWPORTS[viewport]).new_page()
    problems = record_problems(page)

    response = page.goto(site_page.path, wait_until="networkidle")

    assert response.status == (200 if found else 404), site_page.path
    problems_on_load = list(problems)

    if viewport == "phone":
        if found:
            with subtests.test("loads without errors"):
                assert problems_on_load == []
            with subtests.test("description and icon"):
                check_description_and_icon(page)
        with subtests.test("html lang is the page language"):
            assert page.get_attribute("html", "lang") == site_page.language
    if found:
        with subtests.test("fits the viewport"):
            check_fits_the_viewport(page, site_page, viewport)
    if viewport == "phone":
        # Near the end on the phone: axe-core runs in the page (added without
        # a script element, which the site's CSP would refuse).
        with subtests.test("no axe violations"):
            assert_no_axe_violations(page)
        # After axe: it resizes the page and enlarges its text.
        with subtests.test("reflows at 320 px and with 200 % text"):
            assert_reflows(page)
    else:
        # The walk starts from the top of the page: before the skip link
        # check, which moves focus to the main content.
        focus_order = tab_through(page)
        with subtests.test("every focused element shows an outline"):
            check_focus_outlines(focus_order)
        if found:
            with subtests.test("skip link is first and moves focus to main"):
                check_skip_link(page, focus_order)
