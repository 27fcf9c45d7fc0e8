"""Page feedback on a 320 px screen without JavaScript: "Nein", a comment, thanks."""

import pytest
from playwright.sync_api import expect

from pages.models import PageFeedback
from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_reflow import NARROW, assert_reflows

# Every test here changes the site: the demo is restored after each.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("writable_demo_site")]

DENERVATION_DE = "/de/behandlungen/denervation-thermokoagulation/"


def test_no_with_a_comment_at_320_px_without_javascript_or_cookie(new_context):
    context = new_context(**NARROW, java_script_enabled=False)
    page = context.new_page()
    page.goto(DENERVATION_DE)
    feedback = page.get_by_role("group", name="War diese Seite hilfreich?")
    expect(feedback).to_be_visible()

    feedback.get_by_role("button", name="Nein").click()
    page.get_by_label("Was können wir auf dieser Seite besser machen?").fill(
        "Der Ablauf ist unklar. Rückruf bitte: 0171 2345678"
    )
    page.get_by_role("button", name="Kommentar senden").click()

    expect(page.get_by_text("Ihr Kommentar ist angekommen.")).to_be_visible()
    assert_reflows(page)
    assert context.cookies() == []
    stored = PageFeedback.objects.get()
    assert stored.helpful is False
    assert (
        stored.comment
        == "Der Ablauf ist unklar. Rückruf bitte: [Telefonnummer entfernt]"
    )


def test_comment_form_is_accessible_and_reflows(new_context):
    page = new_context(**NARROW).new_page()
    page.goto(DENERVATION_DE)
    page.get_by_role("button", name="Ja").click()
    page.wait_for_selector("textarea")

    assert_no_axe_violations(page)
    assert_reflows(page)
