"""A reviewer approves a page in the admin; readers then see the earned review."""

import re

from django.utils import timezone

from wagtail.models import Workflow

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import DESKTOP
from tests.browser.staff import PASSWORD, make_staff, sign_in
from treatments.models import TreatmentPage
from treatments.workflow import REVIEWER_GROUP_NAME, WORKFLOW_NAME

# Every test here changes the site: the demo is restored after each.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("writable_demo_site")]

PAGE_PATHS = {
    "de": "/de/behandlungen/denervation-thermokoagulation/",
    "en": "/en/treatments/denervation-thermocoagulation/",
}


def test_reviewer_approves_in_the_admin_and_the_page_shows_the_review(new_context):
    editor = make_staff("redaktion", "Editors").user
    device = make_staff("pruefer", REVIEWER_GROUP_NAME)
    treatment = TreatmentPage.objects.get()
    # The editor's submission, as the editor's "Submit" button makes it.
    treatment.save_revision(user=editor)
    Workflow.objects.get(name=WORKFLOW_NAME).start(treatment, editor)
    reader = new_context(**DESKTOP, locale="de-DE").new_page()
    reader.goto(PAGE_PATHS["de"])
    expect(reader.locator("footer.review")).not_to_contain_text("Zuletzt geprüft")

    page = new_context(**DESKTOP, locale="de-DE").new_page()
    sign_in(page, device, PASSWORD)
    page.goto(f"/admin/pages/{treatment.pk}/edit/", wait_until="networkidle")
    approve = page.locator('button[data-workflow-action-name="approve"]').first
    if not approve.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    approve.click()

    expect(page.locator(".messages")).to_contain_text("Freigegeben")
    today = timezone.localdate()
    for language, path in PAGE_PATHS.items():
        reader.goto(path)
        review = reader.locator("footer.review")
        expect(review.locator(f'time[datetime="{today:%Y-%m-%d}"]')).to_have_count(1)
        expect(review).to_contain_text(
            re.compile("Zuletzt geprüft" if language == "de" else "Last reviewed")
        )
