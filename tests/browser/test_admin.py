import pytest

pytestmark = pytest.mark.browser


def test_admin_login_page_loads_in_the_browser(desktop_page):
    errors = []
    desktop_page.on("pageerror", lambda error: errors.append(error))

    response = desktop_page.goto("/admin/login/")

    assert response.status == 200
    assert desktop_page.locator("input[name=username]").is_visible()
    assert desktop_page.locator("input[name=password]").is_visible()
    assert errors == []
