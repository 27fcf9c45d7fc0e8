"""The take-home sheet: a printed content page, rendered by Chromium as a PDF.

No PDF text extractor is installed, so the text is read from the page under
Chromium's print emulation (the style sheet the PDF is made with); the PDF itself
gives the page count and carries the page's address as a link. JavaScript is
off: the sheet, FAQ answers included, must not depend on it.
"""

import re

from django.utils import translation

import pytest
from playwright.sync_api import Page

from pages.models.settings import ClinicSettings
from tests.browser.chromium import DESKTOP
from tests.browser.pages import PAGES, SitePage

pytestmark = pytest.mark.browser

DENERVATION = [page for page in PAGES if page.name.startswith("denervation-")]
STANDARD = [page for page in PAGES if page.name in {"privacy-de", "accessibility-en"}]
MY_QUESTIONS = {"de": "Meine Fragen für das Gespräch", "en": "My questions"}
# Video boxes, the header's navigation and search, the footer's links.
NOT_PRINTED = {
    "de": ("Video", "Suche", "Zum Inhalt", "Behandlungen\n", "Impressum"),
    "en": ("Video", "Search", "Skip to", "Treatments\n", "Legal notice"),
}
# Chromium printed the denervation page on 9 A4 pages before the sheet.
MAX_PAGES = 6


def pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def print_page(new_context, site_page: SitePage) -> tuple[Page, bytes, str]:
    """The page, its PDF, and its text as printed."""
    page = new_context(**DESKTOP, java_script_enabled=False).new_page()
    page.goto(site_page.path)
    pdf = page.pdf(format="A4")
    page.emulate_media(media="print")
    return page, pdf, page.locator("body").inner_text()


def assert_take_home_sheet(page: Page, pdf: bytes, text: str, language: str) -> None:
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    with translation.override(language):
        phone = ClinicSettings.objects.get().phone

    assert canonical.startswith("http") and canonical in text
    assert f"/URI ({canonical})".encode() in pdf
    assert page.locator(".sheet svg path").count() == 1
    assert phone in text
    assert MY_QUESTIONS[language] in text
    assert page.locator("nav").filter(visible=True).count() == 0


@pytest.mark.parametrize("site_page", DENERVATION, ids=str)
def test_printed_treatment_page_is_a_take_home_sheet(new_context, site_page):
    page, pdf, text = print_page(new_context, site_page)
    answers = page.locator("details.faq > p").all_text_contents()

    assert_take_home_sheet(page, pdf, text, site_page.language)
    assert answers and all(answer in text for answer in answers)
    assert [word for word in NOT_PRINTED[site_page.language] if word in text] == []
    assert pdf_page_count(pdf) <= MAX_PAGES


@pytest.mark.parametrize("site_page", STANDARD, ids=str)
def test_printed_standard_page_is_a_take_home_sheet(new_context, site_page):
    page, pdf, text = print_page(new_context, site_page)

    assert_take_home_sheet(page, pdf, text, site_page.language)
