"""Side-by-side editing in Chromium: the German and English of each field next
to each other from 1280 px, stacked pairs below; every field names its language,
blocks added later included; with its sections collapsed the form fits in
4,000 px at 1280x800."""

import re

from django.utils import translation
from django.utils.translation import gettext

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from pages.management.commands.load_demo_content import DEMO_ADMIN_USERNAME
from tests.browser.chromium import DESKTOP
from tests.browser.staff import signed_in
from tests.figures import record
from treatments.models import TreatmentPage
from treatments.sections import SECTIONS

# Every test here changes the site: the demo is restored after each.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("writable_demo_site")]

FAQ = "section.w-panel:has(#id_faq_heading_en) >> nth=-1"
FIELDS = (
    "form[data-edit-form] :is(input:not([type=hidden]), textarea, select, "
    "[contenteditable=true])"
)
# The form field a visible field belongs to: its own name, or that of the hidden
# input beside it (a rich text editor).
FIELD_NAMES = f"""() => Array.from(document.querySelectorAll(`{FIELDS}`))
  .map((field) => field.checkVisibility()
    ? (field.name || field.closest("[data-field-input]")
        ?.querySelector("input[name]")?.name || "")
    : null)"""
# A translated field's name: "faq_de-0-value-question", "title_en".
LANGUAGE = re.compile(r"^[a-z_]+?_(de|en)(?:-|$)")


def open_edit_form(new_context, site_url: str, width: int = 1280) -> Page:
    """The denervation page's edit form, for the demo admin in a German browser."""
    page = new_context(
        **{**DESKTOP, "viewport": {"width": width, "height": 800}}, locale="de-DE"
    ).new_page()
    device = TOTPDevice.objects.get(user__username=DEMO_ADMIN_USERNAME)
    signed_in(page, device, site_url)
    treatment = TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")
    page.goto(f"/admin/pages/{treatment.pk}/edit/")
    return page


def open_section(page: Page, selector: str) -> None:
    section = page.locator(selector)
    toggle = section.locator(".w-panel__toggle").first
    if toggle.get_attribute("aria-expanded") == "false":
        toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


PAIRS = (
    ("#faq_de-0-value-question", "#faq_en-0-value-question"),
    ("#id_faq_heading_de", "#id_faq_heading_en"),
)


def boxes(page: Page) -> list[tuple[dict, dict]]:
    """The boxes of the FAQ's first German and English fields."""
    return [
        (page.locator(german).bounding_box(), page.locator(english).bounding_box())
        for german, english in PAIRS
    ]


def test_faq_side_by_side_at_1280_and_stacked_when_narrow(
    new_context, writable_demo_site
):
    page = open_edit_form(new_context, writable_demo_site)
    open_section(page, FAQ)
    expect(page.locator(PAIRS[0][1])).to_be_visible()

    for de, en in boxes(page):
        # Side by side: the boxes overlap vertically, English to the right.
        assert de["y"] < en["y"] + en["height"] and en["y"] < de["y"] + de["height"]
        assert en["x"] >= de["x"] + de["width"]

    page.set_viewport_size({"width": 800, "height": 800})

    for de, en in boxes(page):
        assert en["y"] >= de["y"] + de["height"]
        assert en["x"] == de["x"]

    # A side panel takes half the width: stacked, and nothing hidden behind it.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.locator('[data-side-panel-toggle="preview"]').first.click()
    panel = page.locator('[data-side-panel="preview"]')
    expect(panel).to_be_visible()

    for de, en in boxes(page):
        assert en["y"] >= de["y"] + de["height"]
        assert en["x"] + en["width"] <= panel.bounding_box()["x"]


def accessible_names(page: Page, selector: str) -> list[str]:
    """Chromium's own accessible names (what a screen reader gets) of the
    elements ``selector`` finds, in document order: one accessibility tree for
    the page instead of one query per field."""
    session = page.context.new_cdp_session(page)
    try:
        root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        found = session.send(
            "DOM.querySelectorAll", {"nodeId": root, "selector": selector}
        )["nodeIds"]
        elements = [
            session.send("DOM.describeNode", {"nodeId": node})["node"]["backendNodeId"]
            for node in found
        ]
        names = {
            node["backendDOMNodeId"]: node.get("name", {}).get("value", "")
            for node in session.send("Accessibility.getFullAXTree")["nodes"]
            if "backendDOMNodeId" in node
        }
    finally:
        session.detach()
    return [names.get(element, "") for element in elements]


def expect_names_languages(page: Page) -> int:
    """Every visible translated field's accessible name ends with its language;
    returns how many were checked."""
    with translation.override("de"):
        names = {"de": gettext("German"), "en": gettext("English")}
    checked = 0
    fields = zip(
        page.evaluate(FIELD_NAMES), accessible_names(page, FIELDS), strict=True
    )
    for name, accessible_name in fields:
        if name and (match := LANGUAGE.match(name)):
            assert accessible_name.endswith(f"({names[match[1]]})"), (
                name,
                accessible_name,
            )
            checked += 1
    return checked


def test_every_field_names_its_language(new_context, writable_demo_site):
    page = open_edit_form(new_context, writable_demo_site)
    # Every section and block open (a block's own toggle is inside its section).
    page.evaluate(
        """() => document.querySelectorAll('.w-panel__toggle[aria-expanded=false]')
          .forEach((toggle) => toggle.click())"""
    )
    expect(page.locator("#faq_en-0-value-question")).to_be_visible()

    checked = expect_names_languages(page)

    assert checked > 200
    expect(page.locator("#faq_de-0-value-question")).to_have_accessible_name(
        "Frage* (Deutsch)"
    )
    expect(page.locator("#faq_en-0-value-answer")).to_have_accessible_name(
        "Antwort* (Englisch)"
    )
    # A paragraph block has no label of its own: its block type names it.
    summary = page.locator("[data-field-language=de] [contenteditable=true]").first
    expect(summary).to_have_accessible_name("Absatz (Deutsch)")
    expect(summary).to_have_attribute("lang", "de")


def test_a_block_added_later_names_its_language(new_context, writable_demo_site):
    page = open_edit_form(new_context, writable_demo_site)
    open_section(page, FAQ)
    english_faq = page.locator("[data-field-language=en]:has([id^=faq_en])")
    added = english_faq.locator("button.c-sf-add-button").last

    added.click()

    question = page.locator("#faq_en-4-value-question")
    expect(question).to_have_accessible_name("Frage* (Englisch)")
    expect(question).to_have_attribute("lang", "en")


def test_form_with_sections_collapsed_fits_in_4000_px(
    new_context, writable_demo_site, request
):
    page = open_edit_form(new_context, writable_demo_site)
    with translation.override("de"):
        labels = [gettext("Summary"), *(str(section.label) for section in SECTIONS)]
    for label in labels:
        toggle = (
            page.get_by_role("region", name=label, exact=True)
            .locator(".w-panel__toggle")
            .first
        )
        if toggle.get_attribute("aria-expanded") == "true":
            toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "false")

    # Wagtail scrolls the main element, not the document.
    height = page.evaluate(
        "Math.max(document.documentElement.scrollHeight,"
        " document.querySelector('main').scrollHeight)"
    )

    record(
        request.config,
        f"treatment edit form, sections collapsed, 1280x800: {height} px",
    )
    assert height <= 4000
