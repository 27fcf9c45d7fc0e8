"""Site-wide information pages: the clinic, privacy, accessibility, Impressum."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import page_body_blocks
from pages.i18n import BilingualPreviewMixin
from pages.routing import ViewRestrictionMixin


class StandardPage(BilingualPreviewMixin, ViewRestrictionMixin, Page):
    """A page of prose: the clinic, the privacy notice, accessibility statement."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short paragraph under the heading; also the page summary."),
    )
    body = StreamField(page_body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class LegalNoticePage(BilingualPreviewMixin, ViewRestrictionMixin, Page):
    """The Impressum (section 5 DDG): its facts come from the site settings."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(
        page_body_blocks(),
        blank=True,
        verbose_name=_("further information"),
        help_text=_(
            "Shown after the facts from Settings → Clinic details, e.g. on "
            "dispute resolution."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("legal notice (Impressum)")
        verbose_name_plural = _("legal notices (Impressum)")
