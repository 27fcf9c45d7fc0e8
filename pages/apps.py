from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from pages.site_settings import clear_shell_cache

        # The cached header and footer hold page titles and addresses: any page
        # that is published, unpublished, moved or deleted may be one of them.
        # Wagtail announces these only as signals.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(clear_shell_cache, dispatch_uid=f"shell-{id(signal)}")
        post_delete.connect(clear_shell_cache, sender=Page, dispatch_uid="shell-del")
