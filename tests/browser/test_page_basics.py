import pytest

from tests.browser.pages import PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("site_page", PAGES, ids=str)
def test_page_loads_without_errors(phone_page, site_page):
    problems = []
    phone_page.on(
        "console",
        lambda message: (
            problems.append(message.text) if message.type == "error" else None
        ),
    )
    phone_page.on("pageerror", lambda error: problems.append(str(error)))
    phone_page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 400
            else None
        ),
    )

    phone_page.goto(site_page.path, wait_until="networkidle")

    assert problems == []


@pytest.mark.parametrize("site_page", PAGES, ids=str)
def test_page_has_a_description_and_an_icon(phone_page, site_page):
    phone_page.goto(site_page.path)

    description, icon = phone_page.evaluate(
        """[document.querySelector("meta[name=description]")?.content,
            document.querySelector("link[rel=icon]")?.href]"""
    )
    assert description, "search engines show the description under the title"
    assert icon, "without an icon link browsers ask for /favicon.ico, a 404"
    assert phone_page.request.get(icon).ok
