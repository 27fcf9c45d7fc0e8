"""Every event that changes what readers see clears the page cache, from here.

Receivers, not admin hooks, because changes also come from Wagtail's own code
(workflow approval, scheduled publishing), from commands and from the shell:
- a page published, unpublished, moved or deleted: the header, the treatment
  index and the related-treatment lists show other pages;
- a page made private or public again (not published anew);
- a snippet (body regions) saved or deleted: pages show them;
- the clinic details or their navigation saved: every page's header and footer.

The cache is cleared at once and again when the transaction commits, so that a
page rendered from the old data before the commit is not kept as current.

With a caching proxy in front (``WAGTAILFRONTENDCACHE``, ``pages.ops.edge_cache``)
the same events purge it once the transaction commits, after the page cache: a
page in both languages with the pages that list it (its ancestors); for a move
or a privacy change the pages below it too (their addresses change); for
settings and snippets every live page.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)
from wagtail.snippets.models import get_snippet_models

from pages.models.settings import ClinicSettings, NavigationItem
from pages.ops import edge_cache, page_cache


def clear_page_cache(**kwargs) -> None:
    page_cache.clear()
    transaction.on_commit(page_cache.clear)


def page_changed(instance: Page, **kwargs) -> None:
    """Published, unpublished or deleted: the page and the pages that list it."""
    clear_page_cache()
    edge_cache.purge_on_commit(edge_cache.listing_urls(instance))


def page_moved(instance: Page, **kwargs) -> None:
    """Sent before and after a move: the old addresses, then the new ones."""
    clear_page_cache()
    edge_cache.purge_on_commit(edge_cache.subtree_urls(instance))


def clear_if_shown(sender, instance, **kwargs) -> None:
    """Receiver for every save and delete: acts on the models pages show."""
    if sender is PageViewRestriction:
        clear_page_cache()
        edge_cache.purge_on_commit(edge_cache.subtree_urls(instance.page))
    elif sender in SHOWN_MODELS or sender in get_snippet_models():
        clear_page_cache()
        edge_cache.purge_on_commit(edge_cache.EVERY_PAGE)


# Besides pages and snippets. Snippets are registered after this app is ready,
# hence asked for on each save rather than listed here. A site (its host name or
# root page) is kept with the routes (pages.routing.site_for_request).
SHOWN_MODELS = {PageViewRestriction, ClinicSettings, NavigationItem, Site}


def connect() -> None:
    """Wire the receivers; called once from ``PagesConfig.ready``."""
    for signal in (page_published, page_unpublished):
        signal.connect(page_changed, dispatch_uid=f"page_cache_{id(signal)}")
    # Snippets and settings with drafts (none yet) are published too.
    for signal in (published, unpublished):
        signal.connect(clear_page_cache, dispatch_uid=f"page_cache_{id(signal)}")
    for signal in (pre_page_move, post_page_move):
        signal.connect(page_moved, dispatch_uid=f"page_cache_{id(signal)}")
    post_delete.connect(page_changed, sender=Page, dispatch_uid="page_cache_page")
    post_save.connect(clear_if_shown, dispatch_uid="page_cache_saved")
    post_delete.connect(clear_if_shown, dispatch_uid="page_cache_deleted")
