"""Reflow (WCAG 1.4.10): a page fits 320 CSS px without sideways scrolling
(the width of a 1280 px screen zoomed to 400 %), and 390 px, a phone, with the
text at 200 % (a reader's larger default font size: the root font size, which
every ``rem`` follows). The page audit (``test_page_audit.py``) checks every
page this way on its phone load; ``test_reflow.py`` the form's error state.
"""

from playwright.sync_api import Page

from tests.browser.chromium import PHONE

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
