from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import prose_blocks
from pages.consultation.page import ConsultationPage
from pages.i18n import UNTRANSLATED_PATHS, BilingualPreviewMixin
from pages.routing import ViewRestrictionMixin, public, translated_q
from treatments.models import BodyRegion, TreatmentIndexPage


# The sub-route of the home page that says "this page is not translated".
class HomePage(BilingualPreviewMixin, ViewRestrictionMixin, RoutablePageMixin, Page):
    """The root of the site: one per site, shared by both languages.

    Its ``untranslated`` sub-route is where the language switch sends a reader
    whose page has no version in the other language: the home page with a note.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short paragraph under the heading: who the clinic is."),
    )
    about_heading = models.CharField(_("heading"), max_length=120, blank=True)
    about = StreamField(prose_blocks(), blank=True, verbose_name=_("about the clinic"))
    regions_heading = models.CharField(_("heading"), max_length=120, blank=True)
    regions_intro = models.TextField(_("introduction"), blank=True)
    consultation_heading = models.CharField(_("heading"), max_length=120, blank=True)
    consultation_text = models.TextField(_("text"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("about_heading"), FieldPanel("about")],
            heading=_("About the clinic"),
        ),
        MultiFieldPanel(
            [FieldPanel("regions_heading"), FieldPanel("regions_intro")],
            heading=_("Treatments by body region"),
        ),
        MultiFieldPanel(
            [FieldPanel("consultation_heading"), FieldPanel("consultation_text")],
            heading=_("The way to a consultation"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "treatments.TreatmentIndexPage",
        "pages.ConsultationPage",
        "pages.StandardPage",
        "pages.LegalNoticePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = translation.get_language()
        # Both links in one query; the template needs their titles and addresses.
        first = {}
        for page in public(
            Page.objects.child_of(self)
            .live()
            .type(TreatmentIndexPage, ConsultationPage)
            .order_by("path")
        ):
            first.setdefault(page.specific_class, page)
        context["treatment_index"] = first.get(TreatmentIndexPage)
        context["consultation_page"] = first.get(ConsultationPage)
        context["regions"] = (
            BodyRegion.objects.filter(
                translated_q(language, "treatments__"),
                treatments__live=True,
                treatments__view_restrictions__isnull=True,
            )
            .distinct()
            .order_by("sort_order", "name")
        )
        return context

    @path(UNTRANSLATED_PATHS["de"], name="untranslated_de")
    @path(UNTRANSLATED_PATHS["en"], name="untranslated_en")
    def untranslated_route(self, request: HttpRequest) -> HttpResponse:
        """The home page with a note that the reader's page is not translated."""
        return self.render(
            request, context_overrides={"untranslated": True, "noindex": True}
        )
