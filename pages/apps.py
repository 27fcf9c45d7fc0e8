from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pages.ops import invalidation
        from pages.ops.field_keys import check_field_encryption_keys
        from pages.staff import workflow_mail

        invalidation.connect()
        workflow_mail.connect()
        checks.register(check_field_encryption_keys)
