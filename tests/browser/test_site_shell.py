"""The site shell in a real browser: language switch, navigation, search."""

import re

import pytest

from tests.browser.chromium import PHONE

pytestmark = pytest.mark.browser

DE = "/de/behandlungen/denervation-thermokoagulation/"
EN = "/en/treatments/denervation-thermocoagulation/"


def test_language_switch_keeps_the_section_anchor(phone_page):
    phone_page.goto(f"{DE}#faq")
    phone_page.get_by_role("link", name="English").click()
    phone_page.wait_for_url(re.compile(re.escape(EN) + "#faq$"))

    phone_page.get_by_role("link", name="Deutsch").click()
    phone_page.wait_for_url(re.compile(re.escape(DE) + "#faq$"))


def test_navigation_and_search_work_without_javascript_on_a_phone(new_context):
    page = new_context(**PHONE, java_script_enabled=False).new_page()
    page.goto("/de/")
    nav = page.get_by_role("navigation", name="Hauptmenü")

    for name in ("Behandlungen", "Die Praxis", "Beratung"):
        link = nav.get_by_role("link", name=name)
        assert link.is_visible()
        box = link.bounding_box()
        assert box["height"] >= 44  # a comfortable tap target
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 390

    page.get_by_role("searchbox", name="Behandlungen durchsuchen").fill("Knie")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url(re.compile(r"/de/suche/\?q=Knie$"))
    page.get_by_role("link", name="Denervation (Thermokoagulation)").click()
    page.wait_for_url(re.compile(re.escape(DE) + "$"))
