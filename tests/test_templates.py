"""The templates: house rules read from the files, and the page structure that
assistive technology relies on, read from rendered pages."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
DENERVATION = {
    "de": "/de/behandlungen/denervation-thermokoagulation/",
    "en": "/en/treatments/denervation-thermocoagulation/",
}
CONSULTATION = {"de": "/de/beratung/", "en": "/en/consultation/"}
SEARCH = {"de": "/de/suche/?q=Knie", "en": "/en/search/?q=knee"}


def template_files() -> list[Path]:
    return sorted(TEMPLATES.rglob("*.html"))


def html_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.name)
def test_every_endblock_is_named(path):
    assert not re.search(r"{%-?\s*endblock\s*-?%}", path.read_text())


def test_site_name_comes_from_the_settings():
    """Only the static error pages, which render without a request, name it."""
    literal = [
        path.relative_to(TEMPLATES).as_posix()
        for path in template_files()
        if "ROC Ortho" in path.read_text()
    ]

    assert literal == ["static_error.html"]


@pytest.mark.parametrize("language", ["de", "en"])
def test_skip_link_is_the_first_thing_in_the_banner(client, demo_site, language):
    html = html_of(client, f"/{language}/")

    assert re.search(
        r'<body[^>]*>\s*<header class="site-header">\s*'
        r'<a class="skip-link" href="#main">',
        html,
    )


@pytest.mark.parametrize("language", ["de", "en"])
def test_header_search_field_has_a_visible_label(client, demo_site, language):
    html = html_of(client, f"/{language}/")
    label = re.search(r'<label class="([^"]*)" for="site-search-q">', html)

    assert label
    assert "visually-hidden" not in label.group(1)


@pytest.mark.parametrize("language", ["de", "en"])
def test_search_page_has_no_two_unnamed_search_landmarks(client, demo_site, language):
    forms = re.findall(
        r'<form [^>]*role="search"[^>]*>', html_of(client, SEARCH[language])
    )
    unnamed = [form for form in forms if "aria-label" not in form]

    assert len(forms) == 2
    assert len(unnamed) == 1


@pytest.mark.parametrize("language", ["de", "en"])
def test_note_headings_and_video_titles_are_headings(client, demo_site, language):
    html = html_of(client, DENERVATION[language])

    assert re.search(r'<h[34] class="note__heading">', html)
    assert re.search(r'<h3 class="video__title">', html)
    assert 'class="note__heading"><strong>' not in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_review_footer_has_a_role_that_allows_its_name(client, demo_site, language):
    html = html_of(client, DENERVATION[language])

    assert re.search(r'<footer class="review" role="group" aria-label="[^"]+">', html)


@pytest.mark.parametrize("language", ["de", "en"])
def test_error_summary_follows_the_page_heading(client, demo_site, language):
    html = client.post(CONSULTATION[language], {}).content.decode()

    assert 'id="error-summary"' in html
    assert html.index("<h1") < html.index('id="error-summary"')
