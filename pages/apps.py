from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Clear the page cache whenever what anonymous readers see changes.

        Signals, because publishing happens in Wagtail's code (the admin, the
        workflow's approval, scheduled publishing), not in this project's.
        """
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import post_page_move, published, unpublished

        from pages.page_cache import clear_on_signal

        published.connect(clear_on_signal, dispatch_uid="page_cache_published")
        unpublished.connect(clear_on_signal, dispatch_uid="page_cache_unpublished")
        post_page_move.connect(clear_on_signal, dispatch_uid="page_cache_moved")
        post_delete.connect(
            clear_on_signal, sender=Page, dispatch_uid="page_cache_page_deleted"
        )
        # A page made private (or public again) is not published anew.
        post_save.connect(
            clear_on_signal,
            sender=PageViewRestriction,
            dispatch_uid="page_cache_restriction_saved",
        )
        post_delete.connect(
            clear_on_signal,
            sender=PageViewRestriction,
            dispatch_uid="page_cache_restriction_deleted",
        )
