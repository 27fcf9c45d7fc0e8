"""Staff sign-in steps in the browser: the password, then the code."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page

from tests.staff import current_code, sign_in_staff

PASSWORD = "browser-test-password-2026"  # noqa: S105 (test account)


def make_staff(username: str, *groups: str) -> TOTPDevice:
    """A staff member in ``groups`` with ``PASSWORD`` and an authenticator app."""
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return TOTPDevice.objects.create(user=user, name="App", confirmed=True)


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def prefer_reduced_motion(page: Page) -> None:
    # As a user who asked for reduced motion: otherwise the help menu's badge
    # pulses for 25 s on every admin page (Wagtail's "ping-warning", until the
    # user opens its items), and Chromium draws 60 frames a second meanwhile,
    # a quarter of a core beside the idle page editor. No test checks motion.
    page.emulate_media(reduced_motion="reduce")


def enter_password(page: Page, username: str, password: str) -> None:
    prefer_reduced_motion(page)
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def sign_in(page: Page, device: TOTPDevice, password: str) -> None:
    """Sign the device's user in with both factors and wait for the dashboard."""
    enter_password(page, device.user.username, password)
    page.wait_for_url("**/admin/two-factor/verify/**")
    page.fill("input[name=otp_token]", current_code(device))
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: urlsplit(url).path == "/admin/")


def signed_in(page: Page, device: TOTPDevice, site_url: str) -> None:
    """Give ``page`` the session that signing in with both factors leaves
    (``tests.staff.sign_in_staff``: ``force_login``, then the code form).

    For tests of what staff do once signed in; signing in itself is tested
    step by step in the browser (``test_two_factor.py``, ``test_admin.py``,
    ``test_csp.py``, the front desk's journey). It saves three page loads a test.
    """
    client = sign_in_staff(Client(), device.user, device)
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_key, "url": site_url}]
    )
    prefer_reduced_motion(page)
