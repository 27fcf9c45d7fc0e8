"""English readers see which sections' German changed after their English
(templates/includes/translation_notice.html, treatments.english.status)."""

import re

from django.test import Client
from django.utils import timezone

import pytest

from tests.staff import sign_in_staff
from tests.treatments.english.helpers import NEW_GERMAN, add_paragraph, latest
from tests.treatments.utils import approve, edit_page
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

URLS = {
    "de": "/de/behandlungen/denervation-thermokoagulation/",
    "en": "/en/treatments/denervation-thermocoagulation/",
}
NOTICE = "The German version of this section was updated on"
SECTION = re.compile(r"<section [^>]*>", re.DOTALL)


@pytest.fixture
def publish(editor, reviewer):
    """Submit ``page`` as changed on the object and approve it, which publishes."""
    staff = sign_in_staff(Client(), editor)
    approver = sign_in_staff(Client(), reviewer)

    def publish(page: TreatmentPage, **changes) -> None:
        response = edit_page(staff, page, **changes, **{"action-submit": "1"})
        assert response.status_code == 302
        assert approve(approver, page).status_code == 302
        assert TreatmentPage.objects.get(pk=page.pk).has_unpublished_changes is False

    return publish


def outdated_sections(html: str) -> list[str]:
    return [
        re.search(r'id="([^"]+)"', tag).group(1)
        for tag in SECTION.findall(html)
        if 'data-translation-status="outdated"' in tag
    ]


def test_a_german_change_shows_a_notice_on_that_english_section_until_updated(
    admin_client, denervation_page, publish
):
    client = Client()  # a patient; its first visit fills the page cache
    assert outdated_sections(client.get(URLS["en"]).content.decode()) == []

    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)
    publish(denervation_page)

    html = client.get(URLS["en"]).content.decode()
    assert outdated_sections(html) == ["risks"]
    assert html.count(NOTICE) == 1
    risks = html[html.index('id="risks"') : html.index('id="rare-risks"')]
    today = timezone.localdate()
    assert f'{NOTICE} <time datetime="{today:%Y-%m-%d}">' in risks
    german = client.get(URLS["de"]).content.decode()
    assert NEW_GERMAN in german
    assert "data-translation-status" not in german
    assert "Die deutsche Fassung dieses Abschnitts" not in german
    explorer = admin_client.get(f"/admin/pages/{denervation_page.get_parent().pk}/")
    assert 'data-english-status="outdated"' in explorer.content.decode()

    page = latest(denervation_page)
    add_paragraph(page, "side_effects_en", "New: the skin may be red where it was.")
    publish(page)

    html = client.get(URLS["en"]).content.decode()
    assert outdated_sections(html) == []
    assert NOTICE not in html
    explorer = admin_client.get(f"/admin/pages/{denervation_page.get_parent().pk}/")
    assert "english-status-badge" not in explorer.content.decode()


def test_confirming_the_english_removes_the_notice(client, denervation_page, publish):
    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)
    publish(denervation_page)
    assert outdated_sections(client.get(URLS["en"]).content.decode()) == ["risks"]

    publish(latest(denervation_page), confirm_english=["side_effects"])

    assert outdated_sections(client.get(URLS["en"]).content.decode()) == []


def test_the_day_is_the_german_change_not_a_later_save(denervation_page):
    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)
    denervation_page.record_english()
    changed = denervation_page.english_baseline["side_effects"]["de_changed"]
    changed["on"] = "2026-01-02"  # as if saved that day

    denervation_page.subtitle_de = denervation_page.subtitle_en = "Neu / new"
    denervation_page.save_revision().publish()

    html = Client().get(URLS["en"]).content.decode()
    assert f'{NOTICE} <time datetime="2026-01-02">' in html


def test_a_baseline_from_before_days_were_kept_gives_the_notice_without_a_day(
    denervation_page,
):
    add_paragraph(denervation_page, "side_effects_de", NEW_GERMAN)
    baseline = denervation_page.english_baseline
    for record in baseline.values():
        record.pop("de_changed", None)
    denervation_page.save_revision().publish()

    html = Client().get(URLS["en"]).content.decode()
    assert outdated_sections(html) == ["risks"]
    assert NOTICE not in html
    assert "The German version of this section has been updated;" in html
