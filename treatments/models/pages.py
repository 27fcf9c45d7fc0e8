"""The treatment page: structured sections in both languages, with review dates."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import illustrated_prose_blocks, prose_blocks
from pages.i18n import BilingualPreviewMixin
from pages.routing import ViewRestrictionMixin, translated_q
from treatments.blocks import (
    ApplicationBlock,
    FAQItemBlock,
    ProcedureStageBlock,
    VariantListBlock,
    VideoBlock,
)
from treatments.english.forms import TreatmentPageForm
from treatments.english.status import EnglishStatus, page_status, record_english
from treatments.sections import SECTIONS

from .panels import CONTENT_PANELS, PROMOTE_PANELS
from .regions import BodyRegion
from .review import (
    REVIEW_RECORD_FIELDS,
    ReviewedBy,
    TreatmentPagePermissionTester,
)

SECTION_LABELS = {section.field: section.label for section in SECTIONS}


def heading_field(section_field: str) -> models.CharField:
    return models.CharField(
        # Named after its section, as in the form and the revision comparison.
        format_lazy(_("{label}: heading"), label=SECTION_LABELS[section_field]),
        max_length=160,
        blank=True,
        help_text=format_lazy(
            _("Leave empty to use the standard heading: {label}"),
            label=SECTION_LABELS[section_field],
        ),
    )


def prose_field(**kwargs) -> StreamField:
    return StreamField(prose_blocks(), blank=True, **kwargs)


def illustrated_field(**kwargs) -> StreamField:
    """A section's prose, which may hold images."""
    return StreamField(illustrated_prose_blocks(), blank=True, **kwargs)


class TreatmentPage(BilingualPreviewMixin, ViewRestrictionMixin, Page):
    """A treatment explained in structured sections, with medical review dates."""

    subtitle = models.CharField(_("subtitle"), max_length=200, blank=True)
    summary = prose_field(verbose_name=_("summary"))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown under the heading, and when the page is shared."),
    )
    lead_image_decorative = models.BooleanField(
        _("lead image is decorative"),
        default=False,
        help_text=_("It adds nothing that the text does not say: no alt text."),
    )
    lead_image_alt = models.CharField(
        _("lead image alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    lead_image_caption = models.CharField(
        _("lead image caption"), max_length=250, blank=True
    )
    body_regions = ParentalManyToManyField(
        BodyRegion,
        blank=True,
        related_name="treatments",
        verbose_name=_("body regions"),
    )
    related_treatments = ParentalManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        verbose_name=_("related treatments"),
    )

    what_it_is_heading = heading_field("what_it_is")
    what_it_is = illustrated_field(verbose_name=SECTION_LABELS["what_it_is"])
    how_it_works_heading = heading_field("how_it_works")
    how_it_works = StreamField(
        [*illustrated_prose_blocks(), ("variants", VariantListBlock())],
        blank=True,
        verbose_name=SECTION_LABELS["how_it_works"],
    )
    indications_heading = heading_field("indications")
    indications = illustrated_field(verbose_name=SECTION_LABELS["indications"])
    applications_heading = heading_field("applications")
    applications = StreamField(
        [("application", ApplicationBlock())],
        blank=True,
        verbose_name=SECTION_LABELS["applications"],
    )
    contraindications_heading = heading_field("contraindications")
    contraindications = illustrated_field(
        verbose_name=SECTION_LABELS["contraindications"]
    )
    diagnosis_heading = heading_field("diagnosis")
    diagnosis = illustrated_field(verbose_name=SECTION_LABELS["diagnosis"])
    diagnostic_test_heading = heading_field("diagnostic_test")
    diagnostic_test = illustrated_field(verbose_name=SECTION_LABELS["diagnostic_test"])
    procedure_steps_heading = heading_field("procedure_steps")
    procedure_steps = StreamField(
        [("stage", ProcedureStageBlock())],
        blank=True,
        verbose_name=SECTION_LABELS["procedure_steps"],
    )
    videos_heading = heading_field("videos")
    videos = StreamField(
        [("video", VideoBlock())], blank=True, verbose_name=SECTION_LABELS["videos"]
    )
    effect_heading = heading_field("effect")
    effect = illustrated_field(verbose_name=SECTION_LABELS["effect"])
    making_the_most_heading = heading_field("making_the_most")
    making_the_most = illustrated_field(verbose_name=SECTION_LABELS["making_the_most"])
    benefits_heading = heading_field("benefits")
    benefits = illustrated_field(verbose_name=SECTION_LABELS["benefits"])
    side_effects_heading = heading_field("side_effects")
    side_effects = illustrated_field(verbose_name=SECTION_LABELS["side_effects"])
    rare_risks_heading = heading_field("rare_risks")
    rare_risks = illustrated_field(verbose_name=SECTION_LABELS["rare_risks"])
    treatment_plan_heading = heading_field("treatment_plan")
    treatment_plan = illustrated_field(verbose_name=SECTION_LABELS["treatment_plan"])
    faq_heading = heading_field("faq")
    faq = StreamField(
        [("question", FAQItemBlock())],
        blank=True,
        verbose_name=SECTION_LABELS["faq"],
    )
    consultation_heading = heading_field("consultation")
    consultation = illustrated_field(verbose_name=SECTION_LABELS["consultation"])

    reviewed_by = models.CharField(
        _("medically reviewed by"),
        max_length=40,
        choices=ReviewedBy.choices,
        blank=True,
        help_text=_("Set when a medical reviewer approves the page."),
    )
    last_reviewed = models.DateField(
        _("last medical review"),
        null=True,
        blank=True,
        help_text=_("Set when a medical reviewer approves the page."),
    )
    next_review_due = models.DateField(
        _("next medical review due"),
        null=True,
        blank=True,
        help_text=_("Set when a medical reviewer approves the page."),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval in months"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Shorter than the standard interval, for a page that needs more frequent "
            "review. Leave empty to use the standard interval."
        ),
    )
    # Per part, the German and English of the last written or confirmed English
    # (treatments.english.status); part of each revision, like the content.
    english_baseline = models.JSONField(
        _("English baseline"), default=dict, blank=True, editable=False
    )
    # The status of the latest revision, for the page listings and their filter.
    english_status = models.CharField(
        _("English status"),
        max_length=20,
        choices=EnglishStatus.choices,
        default=EnglishStatus.UP_TO_DATE,
        editable=False,
    )

    content_panels = CONTENT_PANELS

    # The title (boost 2, from Page) and the summary rank above the sections;
    # wagtail-modeltranslation copies each field, with its boost, per language.
    search_fields = [
        *Page.search_fields,
        index.SearchField("subtitle", boost=1.5),
        index.SearchField("summary", boost=1.5),
        *[index.SearchField(section.field, boost=1) for section in SECTIONS],
        index.FilterField("next_review_due"),
    ]

    promote_panels = PROMOTE_PANELS

    base_form_class = TreatmentPageForm

    # A copy is a new page: it has not been reviewed.
    exclude_fields_in_copy = list(REVIEW_RECORD_FIELDS)

    parent_page_types = ["treatments.TreatmentIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("treatment page")

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.record_english()
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        """Record the English status of the new revision; the listings show it."""
        self.record_english()
        revision = super().save_revision(*args, **kwargs)
        TreatmentPage.objects.filter(pk=self.pk).update(
            english_status=self.english_status
        )
        return revision

    def permissions_for_user(self, user):
        """Only the Medical review approval publishes (four eyes)."""
        return TreatmentPagePermissionTester(user, self)

    def clean(self):
        super().clean()
        self.clean_lead_image()
        standard = settings.MEDICAL_REVIEW_INTERVAL_MONTHS
        if self.review_interval_months and self.review_interval_months > standard:
            raise ValidationError(
                {
                    "review_interval_months": format_lazy(
                        _("At most the standard interval of {months} months."),
                        months=standard,
                    )
                }
            )

    def clean_lead_image(self) -> None:
        """Alt text in every language the page has, unless the image is
        decorative (as Wagtail's ``ImageBlock`` asks in the sections)."""
        if self.lead_image is None or self.lead_image_decorative:
            return
        missing = {
            f"lead_image_alt_{code}": _(
                "Add alt text for the lead image or mark it as decorative."
            )
            for code, _name in settings.LANGUAGES
            if getattr(self, f"title_{code}", None)
            and not getattr(self, f"lead_image_alt_{code}", None)
        }
        if missing:
            raise ValidationError(missing)

    @property
    def lead_image_alt_text(self) -> str:
        """The lead image's ``alt``: empty when it is decorative."""
        return "" if self.lead_image_decorative else self.lead_image_alt

    def with_content_json(self, content):
        """Keep the recorded medical review when a revision is loaded or published.

        The review belongs to the page as a whole, like ``first_published_at``:
        only the workflow's approval changes it (``treatments.review``).
        """
        page = super().with_content_json(content)
        for name in REVIEW_RECORD_FIELDS:
            setattr(page, name, getattr(self, name))
        return page

    def record_english(self, confirm=()) -> None:
        """Confirm the parts whose English changed (or in ``confirm``), then
        store the page's status. Override to track other fields."""
        record_english(self, confirm)
        self.english_status = page_status(self)

    def related_pages(self) -> list[Page]:
        """The related treatments a reader of the active language can open.

        Read when the template asks (once, in a ``{% with %}``), so a render
        whose content is shared (``{% page_fragment %}``) does without the
        query; not kept on the page, as the answer depends on the language.
        Plain pages (no specific query): the list needs titles and links only.
        """
        related_ids = TreatmentPage.related_treatments.through.objects.filter(
            from_treatmentpage=self
        ).values("to_treatmentpage")
        return list(
            Page.objects.live()
            .filter(
                translated_q(translation.get_language()),
                view_restrictions__isnull=True,
                pk__in=related_ids,
            )
            .order_by("title")
        )

    @cached_property
    def regions(self) -> list[BodyRegion]:
        return list(self.body_regions.all())

    @property
    def has_review(self) -> bool:
        """True once a medical reviewer has approved the page in the workflow."""
        return self.last_reviewed is not None

    @property
    def is_review_overdue(self) -> bool:
        return (
            self.next_review_due is not None
            and self.next_review_due < timezone.localdate()
        )

    @cached_property
    def sections(self) -> list[dict]:
        """The filled sections in reading order, with heading and anchor."""
        filled = []
        for section in SECTIONS:
            value = getattr(self, section.field)
            if not value:
                continue
            filled.append(
                {
                    "field": section.field,
                    "anchor": section.anchor,
                    "label": section.label,
                    "heading": getattr(self, f"{section.field}_heading")
                    or section.label,
                    "level": section.level,
                    "value": value,
                }
            )
        return filled
