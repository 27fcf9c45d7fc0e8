"""Demo content for the home page, in German and English."""

from django.db import transaction
from django.utils import translation

from wagtail.models import Page, Site

from pages.models import HomePage

HOME = {
    "de": {
        "title": "ROC Ortho – Orthopädie in Aschheim bei München",
        "slug": "start",
        "seo_title": "Orthopädie in Aschheim bei München",
        "search_description": (
            "Orthopädische Praxis ROC Ortho in Aschheim bei München: strukturierte "
            "Diagnostik und passende, auch minimalinvasive Behandlungen."
        ),
        "intro": (
            "Bei ROC Ortho in Aschheim bei München steht vor jeder Behandlung eine "
            "strukturierte Diagnostik. Auf dieser Grundlage besprechen wir mit "
            "Ihnen die passenden, auch minimalinvasiven Behandlungsmöglichkeiten."
        ),
    },
    "en": {
        "title": "ROC Ortho – orthopaedics in Aschheim near Munich",
        "slug": "home",
        "seo_title": "Orthopaedics in Aschheim near Munich",
        "search_description": (
            "ROC Ortho, an orthopaedic clinic in Aschheim near Munich: a structured "
            "diagnosis and suitable treatments, including minimally invasive ones."
        ),
        "intro": (
            "At ROC Ortho in Aschheim near Munich, a structured diagnosis comes "
            "before any treatment. On that basis, we discuss the options that suit "
            "you, including minimally invasive ones."
        ),
    },
}


def translated_values(content: dict, fields: tuple[str, ...]) -> dict:
    """Flatten ``{"de": {...}, "en": {...}}`` into ``field_de``/``field_en`` keys."""
    return {
        f"{field}_{language}": values[field]
        for language, values in content.items()
        for field in fields
    }


@transaction.atomic
def ensure_home_page() -> tuple[HomePage, bool]:
    """Return the site's home page, creating it (and the site) when missing.

    An existing home page is left exactly as editors left it.
    """
    existing = HomePage.objects.first()
    if existing is not None:
        return existing, False

    root = Page.get_first_root_node()
    with translation.override("de"):
        home = HomePage(
            **translated_values(
                HOME, ("title", "slug", "seo_title", "search_description", "intro")
            )
        )
        root.add_child(instance=home)
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    welcome = site.root_page if site else None
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "site_name": "ROC Ortho",
            "root_page": home,
        },
    )
    # Wagtail's install migration leaves a placeholder "Welcome" page behind.
    if welcome is not None and welcome.pk != home.pk and welcome.is_leaf():
        welcome.delete()
    return home, True
