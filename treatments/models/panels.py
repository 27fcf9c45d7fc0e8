"""The edit form of the treatment page: each translated field as a
LanguagePairPanel, German and English side by side on a wide screen
(treatments/english/layout.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from treatments.english.layout import LanguagePairPanel
from treatments.english.panels import EnglishStatusPanel
from treatments.sections import SECTIONS

CONTENT_PANELS = [
    LanguagePairPanel(Page.content_panels),
    EnglishStatusPanel(["title", "subtitle", "summary"], first=True),
    LanguagePairPanel([FieldPanel("subtitle")]),
    # Collapsed like the sections below, so the form opens as an overview.
    MultiFieldPanel(
        [LanguagePairPanel([FieldPanel("summary")])],
        heading=_("Summary"),
        classname="collapsed",
    ),
    MultiFieldPanel(
        [
            FieldPanel("lead_image"),
            FieldPanel("lead_image_decorative"),
            LanguagePairPanel([FieldPanel("lead_image_alt")]),
            LanguagePairPanel([FieldPanel("lead_image_caption")]),
        ],
        heading=_("Lead image"),
    ),
    FieldPanel("body_regions", widget=forms.CheckboxSelectMultiple),
    *[
        MultiFieldPanel(
            [
                EnglishStatusPanel([section.field]),
                LanguagePairPanel([FieldPanel(f"{section.field}_heading")]),
                LanguagePairPanel([FieldPanel(section.field)]),
            ],
            heading=section.label,
            classname="collapsed",
        )
        for section in SECTIONS
    ],
    FieldPanel("related_treatments"),
    MultiFieldPanel(
        [
            FieldPanel("reviewed_by", read_only=True),
            FieldPanel("last_reviewed", read_only=True),
            FieldPanel("next_review_due", read_only=True),
            FieldPanel("review_interval_months"),
        ],
        heading=_("Medical review"),
    ),
]

PROMOTE_PANELS = [
    MultiFieldPanel(
        [
            LanguagePairPanel([FieldPanel("slug")]),
            LanguagePairPanel([FieldPanel("seo_title")]),
            LanguagePairPanel([FieldPanel("search_description")]),
        ],
        heading=_("For search engines"),
    ),
    MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("For site menus")),
    EnglishStatusPanel(["seo"]),
]
