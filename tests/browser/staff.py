"""Staff sign-in steps in the browser: the password, then the code."""

from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page

from tests.staff import current_code

# The backend a password sign-in ends with (axes' backend only checks lockouts).
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


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
    """Give ``page`` the session that signing in with both factors leaves:
    Django's ``force_login``, then the device django-otp marks as verified.

    For tests of what staff do once signed in; signing in itself is tested
    step by step (``test_two_factor.py``, ``test_admin.py``, ``test_csp.py``,
    the front desk's journey). It saves three page loads a test.
    """
    client = Client()
    client.force_login(device.user, backend=MODEL_BACKEND)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": site_url,
            }
        ]
    )
    prefer_reduced_motion(page)
