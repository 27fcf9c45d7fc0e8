"""Two-factor sign-in in a real browser: enrolment, the code, password alone."""

import base64
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from pages.management.commands.load_demo_content import (
    DEMO_ADMIN_PASSWORD,
    DEMO_ADMIN_USERNAME,
)
from tests.browser.chromium import DESKTOP
from tests.browser.staff import enter_password, path_of, sign_in

pytestmark = pytest.mark.browser

PASSWORD = "browser-test-password-2026"  # noqa: S105 (test account)


def test_password_alone_does_not_open_the_admin(desktop_page):
    enter_password(desktop_page, DEMO_ADMIN_USERNAME, DEMO_ADMIN_PASSWORD)
    desktop_page.wait_for_url("**/admin/two-factor/verify/**")

    desktop_page.goto("/admin/pages/")

    assert path_of(desktop_page) == "/admin/two-factor/verify/"
    assert desktop_page.locator("#wagtail-sidebar").count() == 0

    desktop_page.fill("input[name=otp_token]", "000000")
    desktop_page.click("button[type=submit]")
    desktop_page.wait_for_load_state()
    assert path_of(desktop_page) == "/admin/two-factor/verify/"
    assert desktop_page.locator(".error-message").count() == 1


def test_demo_admin_signs_in_with_a_generated_code(desktop_page):
    device = TOTPDevice.objects.get(user__username=DEMO_ADMIN_USERNAME)

    sign_in(desktop_page, device, DEMO_ADMIN_PASSWORD)

    desktop_page.goto("/admin/pages/")
    assert path_of(desktop_page) == "/admin/pages/"
    assert desktop_page.locator("#wagtail-sidebar").count() == 1


def test_new_staff_member_enrols_with_the_shown_key(new_context):
    desktop_page = new_context(**DESKTOP, locale="de-DE").new_page()
    get_user_model().objects.create_user(
        "neu", password=PASSWORD, is_staff=True, is_superuser=True
    )
    enter_password(desktop_page, "neu", PASSWORD)
    desktop_page.wait_for_url("**/admin/two-factor/setup/**")
    assert desktop_page.locator("figure svg").is_visible()

    secret = desktop_page.locator("#two-factor-secret").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    desktop_page.fill("input[name=otp_token]", f"{totp(key):06d}")
    desktop_page.click("button[type=submit]")

    codes = desktop_page.locator("#recovery-codes li")
    codes.first.wait_for()
    assert codes.count() == 10
    desktop_page.get_by_role("link", name="Weiter zur Verwaltung").click()
    desktop_page.wait_for_url(lambda url: urlsplit(url).path == "/admin/")
