"""The denervation page with a lead image, for ``make budget`` to weigh.

No photograph was supplied and the demo content stays without one, so a
throwaway copy of the page gets a generated photo-like image
(``tests.factories.images.photo_like``) in the served site's database, live
only while ``lead_image_page`` is open: the other pages are weighed and scored
without it. The database work runs in the served site (``lead_image_db``).
"""

from collections.abc import Iterator
from contextlib import contextmanager

from tests.browser.pages import SitePage
from tests.perf.served_site import ServedSite, manage

ORIGINAL_SLUG = "denervation-thermokoagulation"
COPY_SLUGS = {
    "slug_de": "denervation-thermokoagulation-leitbild",
    "slug_en": "denervation-thermocoagulation-lead-image",
}
PAGE = SitePage(
    "denervation-de-image", f"/de/behandlungen/{COPY_SLUGS['slug_de']}/", "de"
)


def run_in_site(site: ServedSite, function: str) -> None:
    code = f"from tests.perf.lead_image_db import {function}; {function}()"
    manage(site.env, "shell", "--no-imports", "-c", code)


@contextmanager
def lead_image_page(site: ServedSite) -> Iterator[SitePage]:
    """The copy with its lead image, published while the block runs."""
    run_in_site(site, "publish")
    try:
        yield PAGE
    finally:
        run_in_site(site, "unpublish")
