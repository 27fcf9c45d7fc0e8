"""The English status in the edit form (treatments.english.panels)."""

import re

import pytest

from tests.treatments.english.helpers import NEW_GERMAN, change_german_side_effects
from tests.treatments.utils import edit_page

pytestmark = pytest.mark.django_db


def part_item(html: str, key: str) -> str:
    """The status list item of part ``key`` in the edit form."""
    match = re.search(rf'<li [^>]*data-english-part="{key}".*?</li>', html, re.S)
    assert match, key
    return match.group(0)


def edit_form(client, page) -> str:
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def test_every_section_shows_its_english_status(admin_client, denervation_page):
    html = edit_form(admin_client, denervation_page)

    for key in ("title", "summary", "side_effects", "faq", "seo"):
        item = part_item(html, key)
        assert 'data-english-status="up-to-date"' in item
        assert "Englisch aktuell" in item
    assert 'name="confirm_english"' not in html


def test_an_outdated_section_shows_the_german_change_and_a_confirmation(
    admin_client, denervation_page
):
    change_german_side_effects(admin_client, denervation_page)

    html = edit_form(admin_client, denervation_page)

    item = part_item(html, "side_effects")
    assert 'data-english-status="outdated"' in item
    assert "Englisch veraltet" in item
    assert f"+{NEW_GERMAN}" in item
    assert 'name="confirm_english" value="side_effects"' in item
    assert "Englisch geprüft, keine Änderung nötig" in item
    assert 'data-english-status="up-to-date"' in part_item(html, "faq")
    assert html.count('name="confirm_english"') == 1
    # Named at the top as well: the sections start collapsed.
    assert 'data-english-elsewhere="side_effects"' in html
    assert 'data-english-elsewhere="faq"' not in html


def test_a_missing_section_says_so(admin_client, denervation_page):
    denervation_page.faq_en = []
    edit_page(admin_client, denervation_page)

    item = part_item(edit_form(admin_client, denervation_page), "faq")
    assert 'data-english-status="missing"' in item
    assert "Englisch fehlt" in item
