"""The admin's language picker in Chromium: choosing English alone hides the
German fields but no section, and the choice is kept on the next page; its
buttons are legible whether chosen or not."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from pages.management.commands.load_demo_content import DEMO_ADMIN_USERNAME
from tests.browser.axe import axe_source, describe_violations
from tests.browser.staff import signed_in
from treatments.models import TreatmentPage

# Every test here changes the site: the demo is restored after each.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("writable_demo_site")]

# The innermost panel holding the field: the "Side effects and risks" section.
SECTION = "section.w-panel:has(#id_side_effects_heading_en) >> nth=-1"


def toggle(page, language: str):
    return page.locator("button.locale-toggle", has_text=language)


def test_english_alone_keeps_every_section_and_is_remembered(
    desktop_page, writable_demo_site
):
    device = TOTPDevice.objects.get(user__username=DEMO_ADMIN_USERNAME)
    signed_in(desktop_page, device, writable_demo_site)
    treatment = TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")
    edit = f"/admin/pages/{treatment.pk}/edit/"
    desktop_page.goto(edit)

    assert "showing-locale" in toggle(desktop_page, "de").get_attribute("class")
    assert "showing-locale" in toggle(desktop_page, "en").get_attribute("class")
    toggle(desktop_page, "de").click()

    assert desktop_page.locator(SECTION).is_visible()
    desktop_page.locator(SECTION).locator(".w-panel__toggle").first.click()
    assert desktop_page.locator("#id_side_effects_heading_en").is_visible()
    assert desktop_page.locator("#id_side_effects_heading_de").is_hidden()

    desktop_page.goto(edit)

    assert "showing-locale" not in toggle(desktop_page, "de").get_attribute("class")
    assert desktop_page.locator(SECTION).is_visible()
    assert desktop_page.locator("#id_title_en").is_visible()
    assert desktop_page.locator("#id_title_de").is_hidden()


def test_both_states_of_the_picker_buttons_are_legible(
    desktop_page, writable_demo_site
):
    device = TOTPDevice.objects.get(user__username=DEMO_ADMIN_USERNAME)
    signed_in(desktop_page, device, writable_demo_site)
    treatment = TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")
    desktop_page.goto(f"/admin/pages/{treatment.pk}/edit/")
    toggle(desktop_page, "de").click()  # one button shown, one not
    desktop_page.evaluate(axe_source())

    results = desktop_page.evaluate(
        """() => axe.run(".locale-picker", {
            runOnly: ["color-contrast"], resultTypes: ["violations"]
        })"""
    )

    assert results["violations"] == [], describe_violations(results["violations"])
