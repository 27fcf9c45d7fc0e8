"""The shell around every page: header, footer, language switch, metadata."""

import io
import re

from django.core.management import call_command

import pytest

DENERVATION = {
    "de": "/de/behandlungen/denervation-thermokoagulation/",
    "en": "/en/treatments/denervation-thermocoagulation/",
}


@pytest.fixture
def demo_site(db):
    call_command("load_demo_content", stdout=io.StringIO())


def hrefs(html: str, css_class: str) -> list[str]:
    block = re.search(rf'<ul class="{css_class}"[^>]*>(.*?)</ul>', html, re.S).group(1)
    return re.findall(r'href="([^"]+)"', block)


@pytest.mark.parametrize(("language", "other"), [("de", "en"), ("en", "de")])
def test_language_switch_links_to_the_same_treatment_page(
    client, demo_site, language, other
):
    response = client.get(DENERVATION[language])

    assert response.status_code == 200
    assert hrefs(response.text, "language-switch") == [DENERVATION[other]]
    assert client.get(DENERVATION[other]).status_code == 200
