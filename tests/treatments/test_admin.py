import datetime

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from tests.staff import sign_in_staff
from treatments.models import ReviewedBy, TreatmentPage, reviewer_role

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
    today = datetime.date.today()
    TreatmentPage.objects.update(
        last_reviewed=today, next_review_due=today + datetime.timedelta(days=200)
    )

    html = admin_client.get("/admin/").content.decode()

    assert "overdue-medical-reviews" not in html


def test_dashboard_lists_a_live_page_never_reviewed_as_due(
    admin_client, denervation_page
):
    """The demo page was published without an approval: its review is due now."""
    html = admin_client.get("/admin/").content.decode()

    assert 'id="overdue-medical-reviews' in html
    assert f"/admin/pages/{denervation_page.pk}/edit/" in html
    assert "Noch nie geprüft" in html


def test_edit_form_shows_both_languages(admin_client, denervation_page):
    html = admin_client.get(
        f"/admin/pages/{denervation_page.pk}/edit/"
    ).content.decode()

    for field in ("title_de", "title_en", "subtitle_de", "subtitle_en"):
        assert f'name="{field}"' in html
    for stream in ("faq_de", "faq_en", "procedure_steps_de", "procedure_steps_en"):
        assert f'id="{stream}"' in html or f'data-contentpath="{stream}"' in html


def test_admin_sets_a_reviewers_role(admin_client, reviewer):
    response = admin_client.post(
        "/admin/medical_reviewers/new/",
        {"user": reviewer.pk, "role": ReviewedBy.ORTHOPAEDIC_SPECIALISTS},
    )

    assert response.status_code == 302
    assert reviewer_role(reviewer) == ReviewedBy.ORTHOPAEDIC_SPECIALISTS


def test_reviewer_without_a_role_approves_as_the_team(reviewer):
    assert reviewer_role(reviewer) == ReviewedBy.MEDICAL_TEAM


def test_dashboard_panel_not_for_the_front_desk(client, django_user_model):
    user = django_user_model.objects.create_user("desk", password="x" * 16)
    user.groups.add(Group.objects.get(name="Front desk"))
    TreatmentPage.objects.update(next_review_due=datetime.date(2025, 1, 10))
    sign_in_staff(client, user)

    assert "overdue-medical-reviews" not in client.get("/admin/").content.decode()


def test_dashboard_panel_for_reviewers(client, reviewer):
    TreatmentPage.objects.update(next_review_due=datetime.date(2025, 1, 10))
    sign_in_staff(client, reviewer)

    assert "overdue-medical-reviews" in client.get("/admin/").content.decode()


def test_form_and_comparison_name_the_sections_alike(admin_client, denervation_page):
    first = denervation_page.get_latest_revision()
    page = first.as_object()
    page.side_effects_heading_de = "Nebenwirkungen"
    page.side_effects_de = []
    second = page.save_revision()
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=(denervation_page.pk, first.pk, second.pk),
    )

    form = admin_client.get(f"/admin/pages/{denervation_page.pk}/edit/")
    comparison = admin_client.get(compare)

    for label in (
        "Nebenwirkungen und Risiken [de]",
        "Nebenwirkungen und Risiken: Überschrift [de]",
    ):
        assert label in form.content.decode()
        assert label in comparison.content.decode()


def test_language_picker_is_in_german(admin_client, denervation_page):
    html = admin_client.get(
        f"/admin/pages/{denervation_page.pk}/edit/"
    ).content.decode()

    assert "viewEditString: 'Felder anzeigen und bearbeiten für'" in html
