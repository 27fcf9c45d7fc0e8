import pytest

from tests.browser.axe import axe_source
from tests.browser.chromium import PHONE

pytestmark = pytest.mark.browser

FETCH = "url => fetch(url).then(() => 'sent', () => 'failed')"


@pytest.fixture
def unpoliced_page(new_context):
    """A page whose scripts may try other hosts: the site's Content-Security-Policy
    (connect-src 'self') would stop the fetch before the guard could see it."""
    return new_context(**PHONE, bypass_csp=True).new_page()


def test_request_to_another_host_is_aborted_and_reported(unpoliced_page, network_guard):
    unpoliced_page.goto("/de/")

    outcome = unpoliced_page.evaluate(FETCH, "https://tracker.example/pixel.gif")

    assert outcome == "failed"
    assert network_guard.pop_unexpected() == ["https://tracker.example/pixel.gif"]


def test_expected_blocked_request_is_aborted_and_allowed(unpoliced_page, network_guard):
    unpoliced_page.goto("/de/")

    with network_guard.expect_blocked("video.example") as blocked:
        outcome = unpoliced_page.evaluate(FETCH, "https://video.example/embed/1")

    assert outcome == "failed"
    assert blocked == ["https://video.example/embed/1"]
    assert network_guard.unexpected == []


def test_requests_to_the_site_itself_are_recorded(phone_page, network_guard):
    phone_page.goto("/de/")

    assert any(url.endswith("/de/") for url in network_guard.requests)
    assert any("/static/css/site" in url for url in network_guard.requests)
    assert network_guard.unexpected == []


def test_axe_fails_clearly_when_not_installed(tmp_path):
    with pytest.raises(pytest.fail.Exception, match=r"npm ci --prefix \.ci/axe"):
        axe_source(tmp_path / "axe.min.js")
