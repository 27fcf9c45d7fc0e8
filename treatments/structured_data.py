"""schema.org JSON-LD for a treatment page: MedicalWebPage, MedicalProcedure
and FAQPage, built from the structured fields."""

from django.utils import translation


def stage_text(page, stage: str) -> str:
    parts = []
    for block in page.procedure_steps:
        if block.value["stage"] == stage:
            parts += [
                block.value["intro"],
                *block.value["steps"],
                block.value["closing"],
            ]
    return " ".join(part for part in parts if part)


def treatment_graph(page, request=None) -> dict:
    """The JSON-LD graph describing ``page`` in the active language."""
    # The request's host, as for the canonical link: the Site record's hostname
    # may differ (``localhost`` in the demo).
    url = (
        request.build_absolute_uri(page.get_url(request))
        if request is not None
        else page.get_full_url()
    )
    procedure = {
        "@type": "MedicalProcedure",
        "@id": f"{url}#procedure",
        "name": page.title,
        "description": page.subtitle,
        "preparation": stage_text(page, "preparation"),
        "howPerformed": stage_text(page, "procedure"),
        "followup": stage_text(page, "follow_up"),
        "bodyLocation": [region.name for region in page.regions],
    }
    web_page = {
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": page.seo_title or page.title,
        "description": page.search_description or page.subtitle,
        "inLanguage": translation.get_language(),
        "about": {"@id": procedure["@id"]},
    }
    # A review is claimed only once a medical reviewer approved the page.
    if page.has_review:
        web_page["lastReviewed"] = page.last_reviewed.isoformat()
        web_page["reviewedBy"] = {
            "@type": "Organization",
            "name": page.get_reviewed_by_display(),
        }
    faq = {
        "@type": "FAQPage",
        "@id": f"{url}#faq",
        "mainEntity": [
            {
                "@type": "Question",
                "name": block.value["question"],
                "acceptedAnswer": {"@type": "Answer", "text": block.value["answer"]},
            }
            for block in page.faq
        ],
    }
    nodes = [web_page, procedure]
    if faq["mainEntity"]:
        nodes.append(faq)
    return {"@context": "https://schema.org", "@graph": nodes}
