"""Two-factor sign-in in a real browser: enrolment, the code, passkeys, password
alone."""

import base64
from collections.abc import Callable
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import Page, expect

from pages.management.commands.load_demo_content import (
    DEMO_ADMIN_PASSWORD,
    DEMO_ADMIN_USERNAME,
)
from pages.staff.models import EnrolmentLink
from tests.browser.chromium import DESKTOP
from tests.browser.csp import record_csp_violations
from tests.browser.staff import enter_password, path_of, sign_in

# Every test here changes the site: the demo is restored after each.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("writable_demo_site")]

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


@pytest.mark.parametrize(
    ("locale", "message"),
    [
        ("de-DE", "Der Code ist falsch oder abgelaufen."),
        ("en-GB", "The code is wrong or has expired."),
    ],
)
def test_wrong_code_shows_its_error_and_describes_the_field(
    new_context, locale, message
):
    page = new_context(**DESKTOP, locale=locale).new_page()
    enter_password(page, DEMO_ADMIN_USERNAME, DEMO_ADMIN_PASSWORD)
    page.wait_for_url("**/admin/two-factor/verify/**")

    page.fill("input[name=otp_token]", "000000")
    page.click("button[type=submit]")
    page.wait_for_load_state()

    error = page.locator(".w-field__errors .error-message")
    expect(error).to_be_visible()
    expect(error).to_have_text(message)
    box = error.bounding_box()
    assert box is not None
    assert box["width"] > 0
    assert box["height"] > 0
    code = page.locator("input[name=otp_token]")
    expect(code).to_have_attribute("aria-invalid", "true")
    expect(code).to_have_accessible_description(message)
    expect(code).to_be_focused()


def test_demo_admin_signs_in_with_a_generated_code(desktop_page):
    device = TOTPDevice.objects.get(user__username=DEMO_ADMIN_USERNAME)

    sign_in(desktop_page, device, DEMO_ADMIN_PASSWORD)

    desktop_page.goto("/admin/pages/")
    assert path_of(desktop_page) == "/admin/pages/"
    assert desktop_page.locator("#wagtail-sidebar").count() == 1


def open_enrolment_link(page: Page, user) -> None:
    _link, token = EnrolmentLink.issue(user, created_by=None)
    page.goto(f"/admin/two-factor/enrol/?token={token}")
    page.wait_for_url("**/admin/two-factor/setup/")


def add_virtual_authenticator(page: Page) -> Callable[[], None]:
    """A platform authenticator that says yes at once (Chromium's DevTools).

    Returns a function that makes it forget its passkeys.
    """
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    added = session.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    authenticator = {"authenticatorId": added["authenticatorId"]}
    return lambda: session.send("WebAuthn.clearCredentials", authenticator)


def enrol_passkey(page: Page, username: str):
    """A new staff member signs in, opens the enrolment link and creates a
    passkey (German admin); returns the user once the recovery codes show."""
    user = get_user_model().objects.create_user(
        username, password=PASSWORD, is_staff=True, is_superuser=True
    )
    enter_password(page, username, PASSWORD)
    page.wait_for_url("**/admin/two-factor/setup/**")
    open_enrolment_link(page, user)
    page.get_by_role("button", name="Passkey erstellen").click()
    page.locator("#recovery-codes li").first.wait_for()
    return user


def test_new_staff_member_enrols_a_passkey_and_signs_in_with_it(new_context):
    context = new_context(**DESKTOP, locale="de-DE")
    violations = record_csp_violations(context)
    page = context.new_page()
    add_virtual_authenticator(page)

    user = enrol_passkey(page, "passkey")

    assert page.locator("#recovery-codes li").count() == 10
    assert WebAuthnCredential.objects.filter(user=user, confirmed=True).count() == 1
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists() is False

    context.clear_cookies()
    enter_password(page, "passkey", PASSWORD)
    page.wait_for_url("**/admin/two-factor/verify/**")
    page.get_by_role("button", name="Mit Passkey anmelden").click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/admin/")
    page.goto("/admin/pages/")
    assert path_of(page) == "/admin/pages/"
    assert page.locator("#wagtail-sidebar").count() == 1
    assert violations == []


def test_new_staff_member_enrols_with_the_shown_key(new_context):
    desktop_page = new_context(**DESKTOP, locale="de-DE").new_page()
    user = get_user_model().objects.create_user(
        "neu", password=PASSWORD, is_staff=True, is_superuser=True
    )
    enter_password(desktop_page, "neu", PASSWORD)
    desktop_page.wait_for_url("**/admin/two-factor/setup/**")
    assert desktop_page.locator("#two-factor-secret").count() == 0
    open_enrolment_link(desktop_page, user)
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


def test_a_failed_passkey_sign_in_shows_and_announces_why(new_context):
    """The library's status message is on screen and describes the button."""
    page = new_context(**DESKTOP, locale="de-DE").new_page()
    forget_passkeys = add_virtual_authenticator(page)
    enrol_passkey(page, "vergessen")
    forget_passkeys()

    page.context.clear_cookies()
    enter_password(page, "vergessen", PASSWORD)
    page.wait_for_url("**/admin/two-factor/verify/**")
    button = page.get_by_role("button", name="Mit Passkey anmelden")
    button.click()

    status = page.locator("#passkey-verification-status-message")
    expect(status).to_have_text("Verifizierung abgebrochen oder nicht zugelassen.")
    expect(status).to_be_visible()
    expect(button).to_have_accessible_description(
        "Verifizierung abgebrochen oder nicht zugelassen."
    )
    assert path_of(page) == "/admin/two-factor/verify/"
