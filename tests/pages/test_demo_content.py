"""The demo site as a patient reads it: wording rules that hold on every page.

The pages are those the browser suite visits (``tests/browser/pages.py``), the
404 page and the consultation form's thank-you page, in both languages.
"""

import re
from html import unescape

import pytest

from tests.browser.pages import NOT_FOUND_PAGES, PAGES

LANDING_PAGES = {"de": "/de/beratung/danke/", "en": "/en/consultation/thanks/"}
ALL_PATHS = [
    *(page.path for page in PAGES),
    *(page.path for page in NOT_FOUND_PAGES),
    *LANDING_PAGES.values(),
]
# What the clinic never said: response times and promises of things to come.
# ("werktags vormittags" is the form's example of a time to call, not a promise.)
PROMISES = re.compile(
    r"\bsoon\b|\bin Kürze\b|Werktagen|working days?\b|\bwithin \w+ (?:hours|days)\b",
    re.I,
)
TITLE = re.compile(r"<title>([^<]*)</title>")
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def visible_html(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code in {200, 404}, path
    return unescape(response.content.decode())


@pytest.mark.parametrize("path", ALL_PATHS)
def test_no_page_promises_what_the_clinic_never_said(client, demo_site, path):
    assert PROMISES.findall(visible_html(client, path)) == []


@pytest.mark.parametrize("path", ALL_PATHS)
def test_every_title_is_the_page_then_the_clinic_name(client, demo_site, path):
    title = TITLE.search(visible_html(client, path)).group(1)

    assert re.fullmatch(r"\S.* – ROC Ortho", title), title
    assert title.count("ROC Ortho") == 1, title


@pytest.mark.parametrize("path", ALL_PATHS)
def test_meta_descriptions_fit_a_search_result(client, demo_site, path):
    for description in DESCRIPTION.findall(visible_html(client, path)):
        assert 0 < len(description) < 160, (path, description)


@pytest.mark.parametrize("path", ["/de/beratung/", "/en/consultation/"])
def test_consultation_page_has_its_own_short_description(client, demo_site, path):
    html = visible_html(client, path)

    description = DESCRIPTION.search(html).group(1)
    assert len(description) < 160
    assert "Aschheim" in description


@pytest.mark.parametrize("language", ["de", "en"])
def test_thank_you_page_names_no_response_time(client, demo_site, language):
    html = visible_html(client, LANDING_PAGES[language])

    expected = {
        "de": "Unser Empfang meldet sich auf dem von Ihnen gewählten Weg",
        "en": "Our front desk will get in touch, in the way you chose, to arrange",
    }[language]
    assert expected in html


@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("/de/impressum/", "§\u00a05 Digitale-Dienste-Gesetz"),
        ("/en/legal-notice/", "§\u00a05 DDG"),
    ],
)
def test_section_signs_keep_their_number(client, demo_site, path, section):
    html = visible_html(client, path)

    assert section in html
    assert "§ " not in html


def test_german_examples_keep_their_abbreviation_together(client, demo_site):
    html = visible_html(client, "/de/")

    assert 'placeholder="z.\u00a0B. Knie"' in html
    assert "z. B." not in html
