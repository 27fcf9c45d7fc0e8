"""Reflow (WCAG 1.4.10, ``reflow.py``) of the consultation form's error state,
and forced colours. Every page's own reflow check is part of its audit
(``test_page_audit.py``), on the phone load.
"""

import pytest

from tests.browser.pages import PAGES
from tests.browser.reflow import NARROW, assert_reflows

pytestmark = pytest.mark.browser


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
