"""Clear the cached pages, e.g. after a deploy whose templates changed; with a
caching proxy in front (``WAGTAILFRONTENDCACHE``), purge every live page there."""

from django.core.management.base import BaseCommand

from pages.ops import edge_cache, page_cache


class Command(BaseCommand):
    help = "Clear every cached page; the next reader of each gets a fresh render."

    def handle(self, *args, **options) -> None:
        page_cache.clear()
        edge_cache.purge_on_commit(edge_cache.EVERY_PAGE)
        self.stdout.write("Cleared the page cache.")
