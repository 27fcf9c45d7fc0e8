"""The outdated-translation notice in Chromium: accessible, and printed."""

import pytest

from tests.browser.axe import assert_no_axe_violations
from tests.treatments.english.helpers import NEW_GERMAN, add_paragraph
from treatments.models import TreatmentPage

# Every test here changes the site: the demo is restored after each.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("writable_demo_site")]

ENGLISH = "/en/treatments/denervation-thermocoagulation/"
NOTICE = "The German version of this section was updated on"


def test_the_notice_passes_axe_and_prints(desktop_page):
    page = TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")
    add_paragraph(page, "side_effects_de", NEW_GERMAN)
    page.save_revision().publish()

    desktop_page.goto(ENGLISH)
    notice = desktop_page.locator('[data-translation-status="outdated"] [role=note]')

    assert notice.count() == 1
    assert NOTICE in notice.inner_text()
    assert_no_axe_violations(desktop_page)
    desktop_page.emulate_media(media="print")
    assert notice.is_visible()
