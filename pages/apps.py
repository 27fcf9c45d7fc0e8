from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Clear the cached pages and site shell whenever readers' view changes.

        Signals, because publishing happens in Wagtail's code (the admin, the
        workflow's approval, scheduled publishing), not in this project's.
        """
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import post_page_move, published, unpublished

        from pages.page_cache import clear_on_signal
        from pages.site_settings import clear_shell_cache

        # The cached header and footer hold page titles and addresses: any page
        # that is published, unpublished, moved or deleted may be one of them.
        for receiver in (clear_on_signal, clear_shell_cache):
            name = receiver.__name__
            published.connect(receiver, dispatch_uid=f"{name}_published")
            unpublished.connect(receiver, dispatch_uid=f"{name}_unpublished")
            post_page_move.connect(receiver, dispatch_uid=f"{name}_moved")
            post_delete.connect(receiver, sender=Page, dispatch_uid=f"{name}_deleted")
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
