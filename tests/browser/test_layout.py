from pathlib import Path

import pytest

from tests.browser.pages import PAGES

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "browser"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("site_page", PAGES, ids=str)
def test_page_fits_the_viewport_without_sideways_scrolling(
    request, site_page, viewport
):
    page = request.getfixturevalue(f"{viewport}_page")
    page.goto(site_page.path)
    page.screenshot(path=SCREENSHOTS / f"{site_page}-{viewport}.png", full_page=True)

    scroll_width, inner_width = page.evaluate(
        "[document.scrollingElement.scrollWidth, innerWidth]"
    )
    assert scroll_width <= inner_width
