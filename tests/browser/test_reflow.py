"""Reflow (WCAG 1.4.10) and forced colours: every page fits a narrow screen.

A page must fit 320 CSS px without sideways scrolling (the width of a 1280 px
screen zoomed to 400 %), and 390 px, a phone, with the text at 200 % (a reader's
larger default font size: the root font size, which every ``rem`` follows).
"""

import pytest
from playwright.sync_api import Page

from tests.browser.chromium import PHONE
from tests.browser.pages import NOT_FOUND_PAGES, PAGES

pytestmark = pytest.mark.browser

NARROW = {**PHONE, "viewport": {"width": 320, "height": 640}}

# The page's scroll width, and the visible elements that reach past the viewport
# (for the failure message: which one is too wide).
MEASURE = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.body.querySelectorAll("*")]
        .filter((el) => el.getClientRects().length && !el.closest(".visually-hidden"))
        .map((el) => ({el, right: Math.ceil(el.getBoundingClientRect().right)}))
        .filter(({right}) => right > width)
        .slice(0, 8)
        .map(({el, right}) => `${el.tagName.toLowerCase()}.${el.className} ${right}px`);
    return {scrollWidth: document.scrollingElement.scrollWidth, width, wide};
}"""


def measure(page: Page) -> dict:
    return page.evaluate(MEASURE)


def enlarge_text(page: Page) -> None:
    """Text at 200 %: set through the CSSOM, which the page's CSP allows."""
    page.evaluate("document.documentElement.style.fontSize = '200%'")


def assert_reflows(page: Page) -> None:
    """No sideways scrolling at 320 px, nor at 390 px with the text at 200 %."""
    # After a form post the new page may still be loading its stylesheet, and
    # unstyled it is wider (a flaky failure under load).
    page.wait_for_load_state("load")
    page.set_viewport_size(NARROW["viewport"])
    narrow = measure(page)
    page.set_viewport_size(PHONE["viewport"])
    enlarge_text(page)
    enlarged = measure(page)

    too_wide = [m for m in (narrow, enlarged) if m["scrollWidth"] > m["width"]]
    assert (narrow["width"], enlarged["width"]) == (320, 390)
    assert not too_wide, too_wide


@pytest.mark.parametrize("site_page", PAGES + NOT_FOUND_PAGES, ids=str)
def test_page_reflows_at_320_px_and_with_200_percent_text(new_context, site_page):
    page = new_context(**NARROW).new_page()
    page.goto(site_page.path)

    assert_reflows(page)


@pytest.mark.parametrize("path", ["/de/beratung/", "/en/consultation/"])
def test_consultation_form_with_errors_reflows(new_context, path):
    page = new_context(**NARROW).new_page()
    page.goto(path)
    page.locator(".consultation-form button[type=submit]").click()
    page.wait_for_selector("#error-summary")

    assert_reflows(page)


CONSULTATION_LINKS = [
    site_page
    for site_page in PAGES
    if site_page.name.startswith(("home-", "denervation-"))
]


@pytest.mark.parametrize("site_page", CONSULTATION_LINKS, ids=str)
def test_consultation_link_keeps_its_border_in_forced_colours(phone_page, site_page):
    phone_page.emulate_media(forced_colors="active")
    phone_page.goto(site_page.path)
    link = phone_page.locator("main a.button").first

    border = link.evaluate(
        """(el) => {
            const style = getComputedStyle(el);
            return {
                style: style.borderTopStyle,
                width: parseFloat(style.borderTopWidth),
                color: style.borderTopColor,
                background: style.backgroundColor,
            };
        }"""
    )
    assert border["style"] != "none", border
    assert border["width"] >= 1, border
    assert border["color"] != border["background"], border
