"""A patient asks for a consultation with the keyboard only; the front desk works
the request in the admin (issue 7's form journeys, issue 5's Playwright tests)."""

import re

from django.contrib.auth.models import Group

from wagtail.models import ModelLogEntry

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from pages.consultation.models import CONSENT_VERSION
from pages.models import ConsultationRequest
from tests.browser.staff import sign_in
from tests.factories.consultation import ConsultationRequestFactory

# Every test here changes the site: the demo is restored after each.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("writable_demo_site")]

FORM_DE = "/de/beratung/"
FRONT_DESK_PASSWORD = "empfang-im-test-2026"  # noqa: S105
MAX_TABS = 60


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until ``selector`` has the focus, as a keyboard user would."""
    target = page.locator(selector)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{selector} cannot be reached with the Tab key")


def fill_in_name_and_email(page: Page, name: str, email: str) -> None:
    """Open the form and type the name and email address with the keyboard."""
    page.goto(FORM_DE)
    # Faster than a person types is a bot: wait out the form's minimum fill time.
    page.wait_for_timeout(3100)
    tab_to(page, "#id_name")
    page.keyboard.type(name)
    tab_to(page, "#id_email")
    page.keyboard.type(email)


def test_a_patient_sends_a_request_with_the_keyboard_after_an_error(phone_page):
    page = phone_page
    # A message about complaints needs its own consent; the request itself none.
    fill_in_name_and_email(page, "Erika Mustermann", "erika@example.org")
    tab_to(page, "#id_message")
    page.keyboard.type("Seit Monaten Schmerzen im unteren Rücken.")
    tab_to(page, ".consultation-form button[type=submit]")
    page.keyboard.press("Enter")

    expect(page).to_have_title(re.compile(r"^Fehler:"))
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Es gibt ein Problem")
    expect(summary).to_contain_text("wenn wir Ihre Nachricht verarbeiten dürfen")
    expect(summary).to_be_focused()
    expect(page.locator("#id_name")).to_have_value("Erika Mustermann")
    expect(page.locator("#id_message")).to_have_value(
        "Seit Monaten Schmerzen im unteren Rücken."
    )
    expect(page.locator("#id_consent")).not_to_be_checked()
    assert ConsultationRequest.objects.count() == 0

    # The summary links to the message's consent box; the keyboard goes there.
    page.keyboard.press("Tab")
    consent_link = page.locator("#error-summary a[href='#id_consent']")
    expect(consent_link).to_be_focused()
    tab_to(page, "#id_topic")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    expect(page.locator("#id_consent")).to_be_checked()
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#error-summary")).to_have_count(0)
    assert "erika" not in page.url.lower()
    stored = ConsultationRequest.objects.get()
    assert stored.name == "Erika Mustermann"
    assert stored.email == "erika@example.org"
    assert stored.message == "Seit Monaten Schmerzen im unteren Rücken."
    assert stored.consent_version == CONSENT_VERSION
    assert stored.consented_at is not None


def test_a_request_without_a_message_needs_no_consent(phone_page):
    page = phone_page
    fill_in_name_and_email(page, "Max Beispiel", "max@example.org")
    tab_to(page, ".consultation-form button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.locator("#error-summary")).to_have_count(0)
    expect(page).not_to_have_title(re.compile(r"^Fehler:"))
    stored = ConsultationRequest.objects.get()
    assert stored.name == "Max Beispiel"
    assert stored.consented_at is None


def front_desk_user(django_user_model):
    user = django_user_model.objects.create_user(
        "empfang", "empfang@roc-ortho.example", FRONT_DESK_PASSWORD
    )
    user.groups.add(Group.objects.get(name="Front desk"))
    return user


def test_the_front_desk_marks_a_request_contacted(desktop_page, django_user_model):
    request = ConsultationRequestFactory(name="Max Beispiel")
    user = front_desk_user(django_user_model)
    device = TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
    page = desktop_page

    sign_in(page, device, FRONT_DESK_PASSWORD)
    # The menu counts the one request nobody has opened yet.
    menu_entry = re.compile(
        r"^(Consultation requests \(1 new\)|Beratungsanfragen \(1 neu\))$"
    )
    page.get_by_role("link", name=menu_entry).click()
    row = page.locator("tbody tr", has_text="Max Beispiel")
    row.locator("a").first.click()
    expect(page.locator("main")).to_contain_text("Max Beispiel")
    page.get_by_role("link", name="Change status, assignment or notes").click()

    page.select_option("select[name=status]", ConsultationRequest.Status.CONTACTED)
    page.get_by_role("button", name=re.compile("^(Save|Speichern)$")).click()

    expect(page.locator(".messages")).to_be_visible()
    request.refresh_from_db()
    assert request.status == ConsultationRequest.Status.CONTACTED
    assert ModelLogEntry.objects.filter(
        action="pages.consultation_request.status", object_id=str(request.pk)
    ).exists()
