"""Standard pages and the Impressum, in both languages."""

import re

from django.conf import settings

import pytest

from pages.models import (
    ClinicSettings,
    ConsultationPage,
    HomePage,
    LegalNoticePage,
    StandardPage,
)
from tests.pages.conftest import page_html

LEGAL_PAGES = [
    ("/de/impressum/", "de", "Impressum"),
    ("/en/legal-notice/", "en", "Legal notice"),
    ("/de/datenschutz/", "de", "Datenschutzerklärung"),
    ("/en/privacy/", "en", "Privacy notice"),
    ("/de/barrierefreiheit/", "de", "Erklärung zur Barrierefreiheit"),
    ("/en/accessibility/", "en", "Accessibility statement"),
    ("/de/praxis/", "de", "Die Praxis"),
    ("/en/clinic/", "en", "The clinic"),
]


@pytest.mark.parametrize(("path", "language", "title"), LEGAL_PAGES)
def test_legal_and_information_pages_serve_in_both_languages(
    client, demo_site, path, language, title
):
    html = page_html(client, path)

    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html
    assert "Set-Cookie" not in client.get(path).headers  # readers get no cookie


@pytest.mark.parametrize(
    ("path", "labels"),
    [
        (
            "/de/impressum/",
            ["Vertreten durch", "Berufsbezeichnung", "Zuständige Ärztekammer"],
        ),
        (
            "/en/legal-notice/",
            ["Represented by", "Professional title", "Medical chamber"],
        ),
    ],
)
def test_impressum_shows_the_facts_required_of_doctors(client, demo_site, path, labels):
    html = page_html(client, path)

    for label in [
        *labels,
    ]:
        assert f"<dt>{label}</dt>" in html
    # Nothing is invented: every fact is a marked placeholder until supplied.
    assert html.count('<mark class="placeholder">') >= 10


def test_impressum_follows_the_site_settings(client, demo_site):
    clinic = ClinicSettings.objects.get()
    clinic.chamber_de = "Bayerische Landesärztekammer"
    clinic.chamber_url = "https://example.org/kammer"
    clinic.save()

    html = page_html(client, "/de/impressum/")

    assert '<a href="https://example.org/kammer">Bayerische Landesärztekammer</a>' in (
        html
    )


@pytest.mark.parametrize(
    ("path", "phrases"),
    [
        (
            "/de/datenschutz/",
            [
                "Art. 9 Abs. 2 lit. h DSGVO",
                "§ 22 Abs. 1 Nr. 1 lit. b BDSG",
                "Art. 9 Abs. 2 lit. a DSGVO",
                "telefonisch",
                "Server-Protokolle",
                "keine Cookies",
                "YouTube",
            ],
        ),
        (
            "/en/privacy/",
            [
                "Art. 9(2)(h) GDPR",
                "§ 22(1)(1)(b) BDSG",
                "Art. 9(2)(a) GDPR",
                "by phone",
                "Server logs",
                "no cookies",
                "YouTube",
            ],
        ),
    ],
)
def test_privacy_notice_covers_form_logs_cookies_and_videos(
    client, demo_site, path, phrases
):
    html = page_html(client, path)

    for phrase in phrases:
        assert phrase in html
    assert str(settings.CONSULTATION_RETENTION_CLOSED_DAYS) in html
    assert str(settings.CONSULTATION_RETENTION_OPEN_DAYS) in html


@pytest.mark.parametrize(
    ("path", "sentence", "placeholder"),
    [
        (
            "/de/datenschutz/",
            "Kommentare löschen wir {days} Tage nach dem Eingang.",
            "Speicherdauer der Rückmeldungen",
        ),
        (
            "/en/privacy/",
            "We delete comments {days} days after they arrived.",
            "how long feedback is kept",
        ),
    ],
)
def test_privacy_notice_gives_the_feedback_comment_retention(
    client, demo_site, path, sentence, placeholder
):
    html = page_html(client, path)

    days = settings.PAGE_FEEDBACK_COMMENT_RETENTION_DAYS
    assert sentence.format(days=days) in html
    assert placeholder not in html


@pytest.mark.parametrize(
    ("path", "phrases"),
    [
        ("/de/barrierefreiheit/", ["WCAG 2.2", "Barrieren melden", "Durchsetzung"]),
        ("/en/accessibility/", ["WCAG 2.2", "Report a barrier", "Enforcement"]),
    ],
)
def test_accessibility_statement_has_status_feedback_and_enforcement(
    client, demo_site, path, phrases
):
    html = page_html(client, path)

    for phrase in phrases:
        assert phrase in html
    assert '<div class="contact">' in html.split("<main")[1].split("</main>")[0]


@pytest.mark.parametrize(
    ("form", "privacy", "name"),
    [
        ("/de/beratung/", "/de/datenschutz/", "Datenschutzerklärung"),
        ("/en/consultation/", "/en/privacy/", "privacy notice"),
    ],
)
def test_consent_label_links_to_the_privacy_notice(
    client, demo_site, form, privacy, name
):
    html = page_html(client, form)
    label = re.search(r'<label for="id_consent">(.*?)</label>', html, re.S).group(1)

    # The link calls the page by the title it has in the footer and its <h1>.
    assert f'<a href="{privacy}">{name}</a>' in label
    assert ConsultationPage.objects.get().privacy_page.specific == (
        StandardPage.objects.get(slug_de="datenschutz")
    )


def test_admin_edits_standard_pages_in_both_languages(admin_client, demo_site):
    home = HomePage.objects.get()
    response = admin_client.get(f"/admin/pages/add/pages/standardpage/{home.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    for field in ("title", "slug", "intro"):
        assert f'name="{field}_de"' in html
        assert f'name="{field}_en"' in html
    assert 'id="body_de-' in html or 'data-contentpath="body_de"' in html
    assert 'id="body_en-' in html or 'data-contentpath="body_en"' in html


def test_only_one_impressum(admin_client, demo_site):
    home = HomePage.objects.get()
    response = admin_client.get(f"/admin/pages/add/pages/legalnoticepage/{home.pk}/")

    assert response.status_code == 302  # Wagtail refuses: the demo has one
    assert LegalNoticePage.can_create_at(home) is False
