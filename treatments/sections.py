"""The sections of a treatment page, in reading order.

One list drives the page template, its "on this page" navigation and the admin
panels, so a new section is added in one place. Anchors are English and the same
in both languages, so a reader who switches language keeps the section.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    field: str
    anchor: str
    label: Promise  # short label for navigation, and the default heading
    level: int = 2


SECTIONS = (
    Section("what_it_is", "what-it-is", _("What it is")),
    Section("how_it_works", "how-it-works", _("How it works")),
    Section("indications", "suitability", _("Who it is suitable for")),
    Section("applications", "applications", _("Typical applications")),
    Section("contraindications", "not-recommended", _("When it is not recommended")),
    Section("diagnosis", "diagnosis", _("Diagnosis comes first")),
    Section("diagnostic_test", "test-block", _("Diagnostic test block")),
    Section("procedure_steps", "procedure", _("The procedure step by step")),
    Section("videos", "videos", _("Videos")),
    Section("effect", "effect", _("How quickly it works and how long it lasts")),
    Section("making_the_most", "making-the-most", _("Making the most of it"), 3),
    Section("benefits", "benefits", _("Benefits")),
    Section("side_effects", "risks", _("Side effects and risks")),
    Section("rare_risks", "rare-risks", _("Rare risks"), 3),
    Section("treatment_plan", "treatment-plan", _("Part of the treatment plan")),
    Section("faq", "faq", _("Frequently asked questions")),
    Section("consultation", "consultation", _("Consultation")),
)
