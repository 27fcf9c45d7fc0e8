"""The body regions that treatments are grouped and filtered by."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class BodyRegion(models.Model):
    """A body region that treatments are grouped and filtered by."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        unique=True,
        help_text=_("Used in the address of the filtered treatment list."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("body region")
        verbose_name_plural = _("body regions")

    def __str__(self):
        return self.name
