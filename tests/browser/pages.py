"""The pages that the browser checks and ``make budget`` visit.

The paths are those that ``manage.py load_demo_content`` builds, so the same list
serves the live-server tests and the production-style server of ``make budget``.
Each page type is listed once per language; adding a page type is one line each.
The consultation form's error state needs a filled-in form: it gets a test of
its own, not a line here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SitePage:
    name: str
    path: str
    language: str

    def __str__(self) -> str:
        return self.name


PAGES = (
    SitePage("home-de", "/de/", "de"),
    SitePage("home-en", "/en/", "en"),
    SitePage("treatment-index-de", "/de/behandlungen/", "de"),
    SitePage("treatment-index-en", "/en/treatments/", "en"),
    SitePage("denervation-de", "/de/behandlungen/denervation-thermokoagulation/", "de"),
    SitePage("denervation-en", "/en/treatments/denervation-thermocoagulation/", "en"),
    SitePage("consultation-de", "/de/beratung/", "de"),
    SitePage("consultation-en", "/en/consultation/", "en"),
    SitePage("legal-notice-de", "/de/impressum/", "de"),
    SitePage("legal-notice-en", "/en/legal-notice/", "en"),
    SitePage("privacy-de", "/de/datenschutz/", "de"),
    SitePage("privacy-en", "/en/privacy/", "en"),
    SitePage("accessibility-de", "/de/barrierefreiheit/", "de"),
    SitePage("accessibility-en", "/en/accessibility/", "en"),
    SitePage("search-results-de", "/de/suche/?q=Knie", "de"),
    SitePage("search-results-en", "/en/search/?q=knee", "en"),
    SitePage("search-empty-de", "/de/suche/", "de"),
    SitePage("search-empty-en", "/en/search/", "en"),
    SitePage("search-none-de", "/de/suche/?q=Ellenbogenfraktur", "de"),
    SitePage("search-none-en", "/en/search/?q=elbow+fracture", "en"),
)

# Addresses that no page has: the site's 404 page in each language.
NOT_FOUND_PAGES = (
    SitePage("not-found-de", "/de/gibt-es-nicht/", "de"),
    SitePage("not-found-en", "/en/no-such-page/", "en"),
)
