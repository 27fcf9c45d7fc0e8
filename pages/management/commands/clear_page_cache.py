"""Clear the cached pages, e.g. after a deploy whose templates changed."""

from django.core.management.base import BaseCommand

from pages.ops import page_cache


class Command(BaseCommand):
    help = "Clear every cached page; the next reader of each gets a fresh render."

    def handle(self, *args, **options) -> None:
        page_cache.clear()
        self.stdout.write("Cleared the page cache.")
