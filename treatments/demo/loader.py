"""Load the demo treatments (body regions, index page, denervation page)."""

from django.db import transaction
from django.utils import translation

from wagtail.models import Page

from pages.demo.editor_form import as_saved_by_editor, paragraph_html
from treatments.models import BodyRegion, TreatmentIndexPage, TreatmentPage
from treatments.sections import SECTIONS
from treatments.workflow import ensure_medical_review_workflow

from .denervation import BODY_REGIONS, DENERVATION

INDEX = {
    "de": {
        "title": "Behandlungen",
        "slug": "behandlungen",
        "intro": "Unsere Behandlungen, geordnet nach Körperregion.",
    },
    "en": {
        "title": "Treatments",
        "slug": "treatments",
        "intro": "Our treatments, ordered by body region.",
    },
}
LANGUAGES = ("de", "en")


def raw_stream(items: list[tuple[str, object]]) -> list[dict]:
    """Turn ``(block_type, value)`` tuples of plain text into raw stream data."""
    raw = []
    for block_type, value in items:
        if block_type == "paragraph":
            value = paragraph_html(value)
        raw.append({"type": block_type, "value": value})
    return raw


def raw_items(block_type: str, items: list[dict]) -> list[dict]:
    return [{"type": block_type, "value": item} for item in items]


def ensure_body_regions() -> dict[str, BodyRegion]:
    regions = {}
    for order, (slug, names) in enumerate(BODY_REGIONS.items()):
        region, _created = BodyRegion.objects.get_or_create(
            slug=slug,
            defaults={
                "name_de": names["de"],
                "name_en": names["en"],
                "sort_order": order,
            },
        )
        regions[slug] = region
    return regions


def ensure_treatment_index(home: Page) -> tuple[TreatmentIndexPage, bool]:
    existing = TreatmentIndexPage.objects.first()
    if existing is not None:
        ensure_medical_review_workflow(existing)
        return existing, False
    index = TreatmentIndexPage(
        **{
            f"{field}_{language}": INDEX[language][field]
            for language in LANGUAGES
            for field in ("title", "slug", "intro")
        }
    )
    with translation.override("de"):
        home.add_child(instance=index)
        index.save_revision().publish()
    ensure_medical_review_workflow(index)
    return index, True


def treatment_values(content: dict, regions: dict[str, BodyRegion]) -> dict:
    values = {}
    for language in LANGUAGES:
        data = content[language]
        for field in ("title", "slug", "seo_title", "search_description", "subtitle"):
            values[f"{field}_{language}"] = data[field]
        values[f"summary_{language}"] = raw_stream(data["summary"])
        for section in SECTIONS:
            name = section.field
            values[f"{name}_heading_{language}"] = data[f"{name}_heading"]
            if name == "applications":
                stream = raw_items("application", data[name])
            elif name == "procedure_steps":
                stream = raw_items("stage", data[name])
            elif name == "faq":
                stream = raw_items("question", data[name])
            elif name == "videos":
                stream = raw_items("video", data[name])
            else:
                stream = raw_stream(data[name])
            values[f"{name}_{language}"] = stream
    return values


@transaction.atomic
def ensure_denervation_page(
    index: TreatmentIndexPage, regions: dict[str, BodyRegion]
) -> tuple[TreatmentPage, bool]:
    """Create the denervation page once; later runs leave editors' work alone."""
    slug = DENERVATION["de"]["slug"]
    existing = TreatmentPage.objects.filter(slug_de=slug).first()
    if existing is not None:
        return existing, False
    page = as_saved_by_editor(TreatmentPage(**treatment_values(DENERVATION, regions)))
    page.body_regions.set(
        regions[item["body_region"]] for item in DENERVATION["en"]["applications"]
    )
    with translation.override("de"):
        index.add_child(instance=page)
        page.save_revision().publish()
    return page, True
