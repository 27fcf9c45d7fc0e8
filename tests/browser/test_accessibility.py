"""Accessibility beyond what the audit of each page checks
(``test_page_audit.py``): states a page reaches only after a visitor acts."""

import pytest

from tests.browser.axe import assert_no_axe_violations
from tests.browser.pages import PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "site_page", [p for p in PAGES if p.name.startswith("consultation-")], ids=str
)
def test_consultation_form_with_errors_has_no_axe_violations(phone_page, site_page):
    phone_page.goto(site_page.path)

    phone_page.locator("form.consultation-form button[type=submit]").click()
    phone_page.wait_for_load_state()

    assert phone_page.locator(".form-error").count() > 0, "expected the error state"
    assert_no_axe_violations(phone_page)
