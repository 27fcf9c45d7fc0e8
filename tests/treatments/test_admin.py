import datetime

import pytest

from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def test_dashboard_flags_overdue_medical_review(admin_client, denervation_page):
    TreatmentPage.objects.filter(pk=denervation_page.pk).update(
        last_reviewed=datetime.date(2024, 1, 10),
        next_review_due=datetime.date(2025, 1, 10),
    )

    html = admin_client.get("/admin/").content.decode()

    assert 'id="overdue-medical-reviews' in html
    assert f"/admin/pages/{denervation_page.pk}/edit/" in html


def test_dashboard_has_no_flag_when_reviews_are_current(admin_client, denervation_page):
    html = admin_client.get("/admin/").content.decode()

    assert "overdue-medical-reviews" not in html


def test_edit_form_shows_both_languages(admin_client, denervation_page):
    html = admin_client.get(
        f"/admin/pages/{denervation_page.pk}/edit/"
    ).content.decode()

    for field in ("title_de", "title_en", "subtitle_de", "subtitle_en"):
        assert f'name="{field}"' in html
    for stream in ("faq_de", "faq_en", "procedure_steps_de", "procedure_steps_en"):
        assert f'id="{stream}"' in html or f'data-contentpath="{stream}"' in html
