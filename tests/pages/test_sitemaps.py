"""sitemap.xml: both languages with hreflang alternates."""

import re

from wagtail.models import Page

import pytest

DE = "http://testserver/de/behandlungen/denervation-thermokoagulation/"
EN = "http://testserver/en/treatments/denervation-thermocoagulation/"


def entries(xml: str) -> dict[str, dict[str, str]]:
    result = {}
    for block in re.findall(r"<url>(.*?)</url>", xml, re.S):
        loc = re.search(r"<loc>([^<]+)</loc>", block).group(1)
        result[loc] = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', block))
    return result


def test_sitemap_lists_both_languages_with_alternates(client, demo_site):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    found = entries(response.content.decode())
    alternates = {"de": DE, "en": EN, "x-default": DE}
    assert found[DE] == alternates
    assert found[EN] == alternates
    for path in ("/de/impressum/", "/en/legal-notice/", "/de/", "/en/"):
        assert f"http://testserver{path}" in found


def test_sitemap_leaves_out_unpublished_and_untranslated_versions(client, demo_site):
    Page.objects.get(slug_de="barrierefreiheit").specific.unpublish()
    page = Page.objects.get(slug_de="praxis").specific
    page.title_en = ""
    page.slug_en = ""
    page.save_revision().publish()

    found = entries(client.get("/sitemap.xml").content.decode())

    assert "http://testserver/de/barrierefreiheit/" not in found
    assert found["http://testserver/de/praxis/"] == {
        "de": "http://testserver/de/praxis/",
        "x-default": "http://testserver/de/praxis/",
    }
    assert not any("praxis" in loc for loc in found if "/en/" in loc)


@pytest.mark.parametrize("path", ["/sitemap.xml", "/robots.txt"])
def test_sets_no_cookie(client, demo_site, path):
    assert not client.get(path).cookies
