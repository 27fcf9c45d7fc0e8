"""Staff sign-in steps in the browser: the password, then the code."""

from urllib.parse import urlsplit

from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page

from tests.staff import current_code


def path_of(page: Page) -> str:
    return urlsplit(page.url).path


def enter_password(page: Page, username: str, password: str) -> None:
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
