"""German and English side by side in the edit form (treatments.english.layout);
the columns themselves are checked in Chromium (tests/browser/test_side_by_side.py)."""

import re

from wagtail.admin.panels import FieldPanel

import pytest

from treatments.english.layout import field_language
from treatments.models import TreatmentPage
from treatments.sections import SECTIONS

pytestmark = pytest.mark.django_db

COLUMN = re.compile(
    r'<div class="[^"]*language-pair__column" data-field-language="(de|en)"'
    r' data-field-language-name="([^"]+)">'
)
TRANSLATED = [
    "title",
    "subtitle",
    "summary",
    "lead_image_alt",
    "lead_image_caption",
    *(f"{section.field}_heading" for section in SECTIONS),
    *(section.field for section in SECTIONS),
]


def pairs(html: str) -> list[str]:
    """Each language pair's markup, up to the next pair."""
    return html.split('<div class="language-pair">')[1:]


def field_of(pair: str) -> str:
    """The translated field a pair holds, from its German column's markup."""
    match = re.search(r'(?:id="id_|id="|data-contentpath=")([a-z_]+?)_de\b', pair)
    return match.group(1) if match else ""


def test_each_translated_field_is_a_pair_german_first(admin_client, denervation_page):
    html = admin_client.get(f"/admin/pages/{denervation_page.pk}/edit/").content
    found = pairs(html.decode())

    assert sorted(field_of(pair) for pair in found) == sorted(
        [*TRANSLATED, "slug", "seo_title", "search_description"]
    )
    for pair in found:
        columns = COLUMN.findall(pair)
        assert [code for code, _name in columns[:2]] == ["de", "en"]


def test_columns_name_their_language_in_the_admin_language(
    admin_client, denervation_page
):
    html = admin_client.get(f"/admin/pages/{denervation_page.pk}/edit/").content
    html = html.decode()

    assert set(COLUMN.findall(html)) == {("de", "Deutsch"), ("en", "Englisch")}
    # The label of a column's field names the language for screen readers.
    assert re.search(
        r'<label class="w-field__label" for="id_subtitle_en" id="id_subtitle_en-label">'
        r"\s*Untertitel \[en\]<span[^>]*> \(Englisch\)</span>",
        html,
    )
    assert 'src="/static/js/admin-field-language.js"' in html
    assert 'href="/static/css/admin-side-by-side.css"' in html


def test_a_panel_knows_the_language_of_its_field():
    def language(name: str) -> str | None:
        return field_language(FieldPanel(name).bind_to_model(TreatmentPage))

    assert language("faq_de") == "de"
    assert language("lead_image_alt_en") == "en"
    assert language("review_interval_months") is None
