"""The editor's live preview and Checks panel, in both languages."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import DESKTOP
from tests.browser.staff import make_staff, signed_in
from treatments.models import TreatmentPage

# Every test here changes the site: the demo is restored after each.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("writable_demo_site")]


def test_editor_previews_a_page_in_german_and_english_and_sees_the_checks(
    new_context, writable_demo_site
):
    device = make_staff("vorschau", "Editors")
    treatment = TreatmentPage.objects.get()
    # The admin in English: the preview language must not follow it.
    page = new_context(**DESKTOP, locale="en-GB").new_page()
    signed_in(page, device, writable_demo_site)
    page.goto(f"/admin/pages/{treatment.pk}/edit/", wait_until="networkidle")

    page.locator('[data-side-panel-toggle="preview"]').first.click()
    # Wagtail loads each update in a new frame and gives it the id when it is ready.
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(treatment.title_de)
    expect(preview.locator("html")).to_have_attribute("lang", "de")

    # A preview update still loading when the mode changes kept the German
    # frame once in about twenty runs: change it once the panel is idle.
    page.wait_for_load_state("networkidle")
    page.select_option("#id_preview_mode", "en")
    expect(preview.locator("h1")).to_have_text(treatment.title_en)
    expect(preview.locator("html")).to_have_attribute("lang", "en")

    page.locator('[data-side-panel-toggle="checks"]').first.click()
    checks = page.locator('[data-side-panel="checks"]')
    # Content metrics are computed from the preview: a word count, not "-".
    expect(checks).to_contain_text(re.compile(r"Words\s+\d+"))
