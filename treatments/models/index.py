"""The treatment index: every treatment, grouped by body region."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from pages.i18n import BilingualPreviewMixin
from pages.routing import ViewRestrictionMixin, public, translated_q

from .listing import fill_groups, region_groups
from .pages import TreatmentPage
from .review import TreatmentIndexPermissionTester


class TreatmentIndexPage(BilingualPreviewMixin, ViewRestrictionMixin, Page):
    """Lists the treatments, grouped by body region, filterable without script."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["treatments.TreatmentPage"]
    max_count = 1

    class Meta:
        verbose_name = _("treatment index page")

    def permissions_for_user(self, user):
        """Treatment pages are not published on creation (four eyes)."""
        return TreatmentIndexPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = translation.get_language()
        # Live, public treatments with a version in the reader's language.
        links = public(
            TreatmentPage.body_regions.through.objects.filter(
                translated_q(language, "treatmentpage__"),
                treatmentpage__live=True,
                treatmentpage__path__startswith=self.path,
            ).select_related("bodyregion"),
            outer="treatmentpage__path",
        )
        groups = region_groups(links)
        selected = next(
            (g for g in groups if g.region.slug == request.GET.get("region")), None
        )
        shown = [selected] if selected else groups
        ids = {pk for group in shown for pk in group.treatment_ids}
        treatments = list(
            TreatmentPage.objects.filter(pk__in=ids)
            .defer_streamfields()
            .order_by("title")
        )
        fill_groups(shown, treatments, request.GET.get("page"))
        context.update(
            regions=[group.region for group in groups],
            region_counts=groups,
            selected_region=selected.region if selected else None,
            region_groups=shown,
            treatment_count=len({pk for g in groups for pk in g.treatment_ids}),
        )
        return context
