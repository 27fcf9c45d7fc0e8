"""The count of unopened requests on the dashboard and in the menu."""

import re
from datetime import date

import pytest

from tests.factories.consultation import ConsultationRequestFactory
from tests.pages.consultation.conftest import make_user
from tests.staff import sign_in_staff
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def new_count_on_dashboard(html: str) -> str:
    return re.search(r'data-new-requests="(\d+)"', html).group(1)


def test_new_requests_are_counted_on_the_dashboard_and_in_the_menu(client, front_desk):
    first = ConsultationRequestFactory()
    ConsultationRequestFactory()
    ConsultationRequestFactory(status="contacted")

    before = client.get("/admin/").content.decode()
    client.get(f"/admin/consultation_requests/inspect/{first.pk}/")
    after = client.get("/admin/").content.decode()

    assert new_count_on_dashboard(before) == "2"
    assert "Beratungsanfragen (2 neu)" in before
    assert "2 neue Anfragen, die noch niemand geöffnet hat" in before
    assert new_count_on_dashboard(after) == "1"
    assert "Beratungsanfragen (1 neu)" in after
    first.refresh_from_db()
    assert first.opened_at is not None


def test_front_desk_dashboard_shows_no_page_search_or_page_panels(client, front_desk):
    TreatmentPage.objects.update(next_review_due=date(2025, 1, 10))

    html = client.get("/admin/").content.decode()

    assert 'role="search"' not in html
    assert 'action="/admin/pages/' not in html
    assert "overdue-medical-reviews" not in html


def test_editor_dashboard_keeps_the_page_search_and_has_no_request_count(client):
    sign_in_staff(client, make_user("redaktion", "Editors"))
    ConsultationRequestFactory()

    html = client.get("/admin/").content.decode()

    assert 'role="search"' in html
    assert "data-new-requests" not in html
    assert "Beratungsanfragen" not in html
