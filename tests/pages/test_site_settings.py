"""Clinic details and navigation: editable in the admin, in both languages."""

import io

from django.core.management import call_command

from wagtail.models import Site

import pytest

from pages.models import ClinicSettings
from pages.templatetags.navigation_tags import PLACEHOLDER
from tests.pages.conftest import page_html


def settings_url() -> str:
    site = Site.objects.get(is_default_site=True)
    return f"/admin/settings/pages/clinicsettings/{site.pk}/"


def test_admin_edits_both_languages(admin_client, demo_site):
    response = admin_client.get(settings_url())

    assert response.status_code == 200
    html = response.content.decode()
    for field in ("tagline", "street_address", "chamber", "opening_hours"):
        assert f'name="{field}_de"' in html
        assert f'name="{field}_en"' in html
    assert 'name="navigation_items-0-label_de"' in html
    assert 'name="navigation_items-0-label_en"' in html


def test_demo_values_are_marked_placeholders_never_invented(demo_site):
    clinic = ClinicSettings.objects.get()
    facts = (
        "street_address",
        "phone",
        "email",
        "opening_hours",
        "provider",
        "represented_by",
        "professional_title",
        "title_awarded_in",
        "chamber",
        "professional_rules",
        "supervisory_authority",
        "vat_id",
        "content_responsible",
    )
    for fact in facts:
        assert PLACEHOLDER.fullmatch(getattr(clinic, f"{fact}_de")), fact
        assert getattr(clinic, f"{fact}_de").startswith("[Von der Praxis zu ergänzen:")
        assert getattr(clinic, f"{fact}_en").startswith(
            "[To be supplied by the clinic:"
        )
    assert clinic.locality == "Aschheim"
    clinic.full_clean()  # fits the columns, which SQLite would not enforce


def test_demo_command_keeps_edited_settings(demo_site):
    clinic = ClinicSettings.objects.get()
    clinic.phone_de = "089 000"
    clinic.save()
    clinic.navigation_items.last().delete()

    call_command("load_demo_content", stdout=io.StringIO())

    clinic.refresh_from_db()
    assert clinic.phone_de == "089 000"
    assert clinic.navigation_items.count() == 2


@pytest.mark.parametrize(
    ("path", "locality"), [("/de/", "bei München"), ("/en/", "near Munich")]
)
def test_footer_shows_the_address_in_the_reader_language(
    client, demo_site, path, locality
):
    assert f"Aschheim ({locality})" in page_html(client, path)
