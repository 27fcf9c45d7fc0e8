from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pages.ops import invalidation
        from pages.staff import workflow_mail

        invalidation.connect()
        workflow_mail.connect()
