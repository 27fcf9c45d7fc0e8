from urllib.parse import urlsplit

from django.contrib.auth import get_user_model

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from pages.management.commands.load_demo_content import (
    DEMO_ADMIN_PASSWORD,
    DEMO_ADMIN_USERNAME,
)
from tests.browser.staff import sign_in

# Every test here changes the site: the demo is restored after each.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("writable_demo_site")]


def test_admin_login_page_loads_in_the_browser(desktop_page):
    errors = []
    desktop_page.on("pageerror", lambda error: errors.append(error))

    response = desktop_page.goto("/admin/login/")

    assert response.status == 200
    assert desktop_page.locator("input[name=username]").is_visible()
    assert desktop_page.locator("input[name=password]").is_visible()
    assert errors == []


def test_staff_sign_in_reaches_the_dashboard_without_other_hosts(desktop_page):
    # With an e-mail address Wagtail would show a Gravatar image unless disabled.
    get_user_model().objects.filter(username=DEMO_ADMIN_USERNAME).update(
        email="empfang@roc-ortho.example"
    )
    device = TOTPDevice.objects.get(user__username=DEMO_ADMIN_USERNAME)

    sign_in(desktop_page, device, DEMO_ADMIN_PASSWORD)
    desktop_page.wait_for_load_state("networkidle")

    assert urlsplit(desktop_page.url).path == "/admin/"
    assert desktop_page.locator("#wagtail-sidebar").count() == 1
    # network_guard fails the test on any request to another host.
