import pytest

from tests.browser.axe import assert_no_axe_violations
from tests.browser.pages import NOT_FOUND_PAGES, PAGES

pytestmark = pytest.mark.browser

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


@pytest.mark.parametrize("site_page", PAGES, ids=str)
def test_page_has_no_axe_violations(audit_page, site_page):
    response = audit_page.goto(site_page.path)

    assert response.status == 200
    assert_no_axe_violations(audit_page)


@pytest.mark.parametrize("site_page", NOT_FOUND_PAGES, ids=str)
def test_not_found_page_has_no_axe_violations(audit_page, site_page):
    response = audit_page.goto(site_page.path)

    assert response.status == 404
    assert_no_axe_violations(audit_page)


@pytest.mark.parametrize("site_page", PAGES + NOT_FOUND_PAGES, ids=str)
def test_html_lang_is_the_page_language(phone_page, site_page):
    phone_page.goto(site_page.path)

    assert phone_page.get_attribute("html", "lang") == site_page.language


@pytest.mark.parametrize("site_page", PAGES, ids=str)
def test_skip_link_is_first_and_moves_focus_to_main(desktop_page, site_page):
    desktop_page.goto(site_page.path)

    desktop_page.keyboard.press("Tab")
    skip_link = desktop_page.evaluate(FOCUSED)
    assert skip_link["className"] == "skip-link"
    assert skip_link["top"] >= 0, "the focused skip link must be on screen"

    desktop_page.keyboard.press("Enter")
    assert desktop_page.evaluate(FOCUSED)["id"] == "main"
    assert desktop_page.evaluate("location.hash") == "#main"


@pytest.mark.parametrize("site_page", PAGES + NOT_FOUND_PAGES, ids=str)
def test_every_focused_element_shows_an_outline(desktop_page, site_page):
    desktop_page.goto(site_page.path)
    seen = []

    for _ in range(30):
        desktop_page.keyboard.press("Tab")
        focused = desktop_page.evaluate(FOCUSED)
        if focused["tag"] == "body" or focused in seen:
            break
        seen.append(focused)
        assert focused["outlineStyle"] != "none", focused
        assert focused["outlineWidth"] >= 2, focused

    assert len(seen) >= 2, "expected the skip link and at least one more link"


@pytest.mark.parametrize(
    "site_page", [p for p in PAGES if p.name.startswith("consultation-")], ids=str
)
def test_consultation_form_with_errors_has_no_axe_violations(audit_page, site_page):
    audit_page.goto(site_page.path)

    audit_page.locator("form.consultation-form button[type=submit]").click()
    audit_page.wait_for_load_state()

    assert audit_page.locator(".form-error").count() > 0, "expected the error state"
    assert_no_axe_violations(audit_page)
