"""Site-wide settings: contact details, the Impressum facts and the navigation.

Editors change them in the admin under Settings → Clinic details, in both
languages. Templates read them through ``navigation_tags.site_shell``, once per
request (``ClinicSettings.for_request``); whole pages are cached instead
(``pages.ops``), and saving the settings clears that cache.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

PLACEHOLDER_HELP = _(
    "Until the clinic supplies the fact, keep a visible placeholder such as "
    '"[Von der Praxis zu ergänzen: …]".'
)


def optional_page_link(verbose_name) -> models.ForeignKey:
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


def text_field(verbose_name, help_text, max_length: int = 200) -> models.CharField:
    return models.CharField(
        verbose_name, max_length=max_length, blank=True, help_text=help_text
    )


@register_setting(icon="site")
class ClinicSettings(ClusterableModel, BaseSiteSetting):
    """Who runs the site and how patients reach the clinic."""

    # The footer links are read with the settings, in one query.
    select_related = ["legal_notice_page", "privacy_page", "accessibility_page"]

    clinic_name = models.CharField(
        _("clinic name"), max_length=120, default="ROC Ortho"
    )
    tagline = text_field(
        _("tagline"), _("Shown under the name in the header."), max_length=120
    )
    street_address = models.CharField(
        _("street and number"), max_length=120, blank=True, help_text=PLACEHOLDER_HELP
    )
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    locality = models.CharField(_("town"), max_length=80, blank=True)
    region_note = text_field(
        _("location note"), _('For example "near Munich".'), max_length=80
    )
    phone = models.CharField(
        _("phone number"), max_length=80, blank=True, help_text=PLACEHOLDER_HELP
    )
    email = models.CharField(
        _("email address"), max_length=120, blank=True, help_text=PLACEHOLDER_HELP
    )
    opening_hours = models.TextField(
        _("opening hours"), blank=True, help_text=PLACEHOLDER_HELP
    )

    provider = text_field(
        _("provider of the site"),
        _("Name and legal form of the practice (Impressum)."),
        max_length=200,
    )
    represented_by = text_field(
        _("represented by"),
        _("The doctor or doctors responsible for the practice."),
        max_length=200,
    )
    professional_title = text_field(
        _("professional title"),
        _('For example "Ärztin/Arzt, Fachärztin/Facharzt für …".'),
        max_length=200,
    )
    title_awarded_in = text_field(
        _("title awarded in"),
        _("The state (country) in which the professional title was awarded."),
        max_length=120,
    )
    chamber = text_field(
        _("medical chamber"),
        _("The medical association (Ärztekammer) the doctors belong to."),
        max_length=200,
    )
    chamber_url = models.URLField(_("medical chamber website"), blank=True)
    professional_rules = text_field(
        _("professional rules"),
        _("The professional code that applies (Berufsordnung)."),
        max_length=200,
    )
    professional_rules_url = models.URLField(_("professional rules link"), blank=True)
    supervisory_authority = models.CharField(
        _("supervisory authority"), max_length=200, blank=True
    )
    vat_id = models.CharField(
        _("VAT identification number"),
        max_length=120,
        blank=True,
        help_text=PLACEHOLDER_HELP,
    )
    content_responsible = models.CharField(
        _("responsible for the content"),
        max_length=200,
        blank=True,
        help_text=_("Name and address (section 18(2) MStV)."),
    )

    legal_notice_page = optional_page_link(_("Impressum page"))
    privacy_page = optional_page_link(_("privacy notice page"))
    accessibility_page = optional_page_link(_("accessibility statement page"))

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("clinic_name"),
                FieldPanel("tagline"),
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("locality"),
                FieldPanel("region_note"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Address and contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("provider"),
                FieldPanel("represented_by"),
                FieldPanel("professional_title"),
                FieldPanel("title_awarded_in"),
                FieldPanel("chamber"),
                FieldPanel("chamber_url"),
                FieldPanel("professional_rules"),
                FieldPanel("professional_rules_url"),
                FieldPanel("supervisory_authority"),
                FieldPanel("vat_id"),
                FieldPanel("content_responsible"),
            ],
            heading=_("Impressum"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("legal_notice_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Footer links"),
        ),
        InlinePanel("navigation_items", heading=_("Main navigation"), label=_("link")),
    ]

    class Meta:
        verbose_name = _("clinic details")


class NavigationItem(Orderable):
    """One link of the main navigation in the header."""

    settings = ParentalKey(
        ClinicSettings, on_delete=models.CASCADE, related_name="navigation_items"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    label = text_field(
        _("label"), _("Leave empty to use the page title."), max_length=60
    )

    panels = [FieldPanel("page"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("navigation link")
        verbose_name_plural = _("navigation links")

    def __str__(self):
        return self.label or str(self.page)
