"""Generated placeholder treatment pages for measuring a large site.

Only ``load_demo_content --treatments N`` creates them, never the default demo.
Every title says "generated test content", the text is neutral filler with no
medical statement, and the pages are spread over the body regions. Their number
of paragraphs and FAQ items varies, so that a measurement covers pages of
different length. They are published without a revision or a medical review: a
review is a medical claim, which they must not make.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation

from wagtail.models import Page

from treatments.models import BodyRegion, TreatmentIndexPage, TreatmentPage

from .loader import LANGUAGES, raw_items, raw_stream

SLUG_PREFIX = {"de": "generierte-testbehandlung-", "en": "generated-test-treatment-"}
TEXT = {
    "de": {
        "title": "Testbehandlung {number} (generierter Testinhalt)",
        "subtitle": "Generierter Platzhalter für Messungen, kein echter Inhalt",
        "description": "Automatisch erzeugte Testseite ohne medizinische Aussage.",
        "paragraph": (
            "Dieser Absatz ist ein automatisch erzeugter Platzhalter für Mess- und "
            "Lasttests der Website. Er enthält keine medizinische Aussage und "
            "beschreibt keine Behandlung."
        ),
        "question": "Platzhalterfrage {number}?",
        "answer": "Platzhalterantwort {number}: generierter Testinhalt.",
    },
    "en": {
        "title": "Test treatment {number} (generated test content)",
        "subtitle": "Generated placeholder for measurements, not real content",
        "description": "Generated test page without any medical statement.",
        "paragraph": (
            "This paragraph is a generated placeholder for measuring and load "
            "testing the website. It makes no medical statement and describes "
            "no treatment."
        ),
        "question": "Placeholder question {number}?",
        "answer": "Placeholder answer {number}: generated test content.",
    },
}
# Sections that get filler paragraphs; the rest stay empty, as on a short page.
FILLED_SECTIONS = ("what_it_is", "how_it_works", "benefits", "treatment_plan")


def generated_values(number: int) -> dict:
    values = {}
    label = f"{number:03d}"
    for language in LANGUAGES:
        text = TEXT[language]
        paragraphs = raw_stream([("paragraph", text["paragraph"])] * (1 + number % 3))
        values.update(
            {
                f"title_{language}": text["title"].format(number=label),
                f"slug_{language}": f"{SLUG_PREFIX[language]}{label}",
                f"subtitle_{language}": text["subtitle"],
                f"search_description_{language}": text["description"],
                f"summary_{language}": raw_stream([("paragraph", text["paragraph"])]),
                f"faq_{language}": raw_items(
                    "question",
                    [
                        {
                            "question": text["question"].format(number=item),
                            "answer": text["answer"].format(number=item),
                        }
                        for item in range(1, 2 + number % 5)
                    ],
                ),
                **{f"{name}_{language}": paragraphs for name in FILLED_SECTIONS},
            }
        )
    return values


def generated_pages() -> list[TreatmentPage]:
    return list(
        TreatmentPage.objects.filter(slug_de__startswith=SLUG_PREFIX["de"]).order_by(
            "slug_de"
        )
    )


@transaction.atomic
def ensure_generated_treatments(index: TreatmentIndexPage, count: int) -> int:
    """Make sure ``count`` generated pages exist; returns how many were added.

    Idempotent: numbers that exist are left alone.
    """
    existing = set(
        TreatmentPage.objects.filter(slug_de__startswith=SLUG_PREFIX["de"]).values_list(
            "slug_de", flat=True
        )
    )
    regions = list(BodyRegion.objects.all())
    now = timezone.now()
    added = 0
    previous = None
    for number in range(1, count + 1):
        if f"{SLUG_PREFIX['de']}{number:03d}" in existing:
            continue
        page = TreatmentPage(
            **generated_values(number),
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
        )
        if regions:
            # Spread over the regions; every third page has a second one.
            chosen = {regions[number % len(regions)]}
            if number % 3 == 0:
                chosen.add(regions[(number + 1) % len(regions)])
            page.body_regions.set(chosen)
        with translation.override("de"):
            if previous:
                append_sibling_unchecked(previous, page)
            else:  # Wagtail's full validation, sibling slug check included
                index.add_child(instance=page)
        previous = page
        added += 1
    if added > 1:  # the pages appended after the first, counted once
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + added - 1)
        # add_child raised the caller's copy for the first: keep it true, as a
        # later save of the index writes numchild back.
        index.numchild += added - 1
    return added


def append_sibling_unchecked(last: TreatmentPage, page: TreatmentPage) -> None:
    """``page`` in the tree right after ``last``, the last child of its parent,
    saved without the validation the first generated page passed (every
    generated page has its shape, and its numbered slugs are unique): the
    sibling slug check reads every sibling, so 500 pages took a quarter of a
    minute more, growing with the square. The parent's child count is the
    caller's to raise."""
    page.depth = last.depth
    page.path = last._inc_path()
    page.locale_id = last.locale_id
    page.draft_title = page.title
    page.save(clean=False)
