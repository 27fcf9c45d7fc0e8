"""The English status in the page listings (treatments.english.listing)."""

import pytest

from tests.factories.treatments import TreatmentPageFactory
from tests.staff import sign_in_staff
from tests.treatments.english.helpers import change_german_side_effects, latest
from tests.treatments.utils import edit_page

pytestmark = pytest.mark.django_db

LISTING = "/admin/treatment_pages/"


def test_explorer_badge_shows_an_outdated_page_until_confirmed(
    admin_client, denervation_page
):
    index = denervation_page.get_parent()
    explorer = f"/admin/pages/{index.pk}/"
    assert "english-status-badge" not in admin_client.get(explorer).content.decode()

    change_german_side_effects(admin_client, denervation_page)

    html = admin_client.get(explorer).content.decode()
    assert 'data-english-status="outdated"' in html
    assert "Englisch veraltet" in html

    edit_page(admin_client, latest(denervation_page), confirm_english=["side_effects"])

    assert "english-status-badge" not in admin_client.get(explorer).content.decode()


def test_treatment_listing_shows_and_filters_the_english_status(
    admin_client, denervation_page
):
    knee = TreatmentPageFactory(
        parent=denervation_page.get_parent(), title_de="Knie", title_en=""
    )

    html = admin_client.get(LISTING).content.decode()
    assert "Englisch fehlt" in html
    assert "Englisch aktuell" in html

    html = admin_client.get(LISTING, {"english_status": "missing"}).content.decode()
    assert f"/admin/pages/{knee.pk}/edit/" in html
    assert f"/admin/pages/{denervation_page.pk}/edit/" not in html

    html = admin_client.get(LISTING, {"english_status": "up-to-date"}).content.decode()
    assert f"/admin/pages/{knee.pk}/edit/" not in html
    assert f"/admin/pages/{denervation_page.pk}/edit/" in html


def test_bad_filter_value_is_a_form_error_not_a_crash(admin_client, denervation_page):
    response = admin_client.get(LISTING, {"english_status": "nonsense"})

    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen" in response.content.decode()


def test_editor_sees_the_listing(client, editor, denervation_page):
    sign_in_staff(client, editor)

    assert client.get(LISTING).status_code == 200
