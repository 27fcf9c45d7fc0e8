"""Review provenance: only the Medical review workflow's approval claims a review."""

import datetime
import json
import re

from django.test import Client
from django.utils import timezone

import pytest

from tests.staff import sign_in_staff
from tests.treatments.utils import approve, submit_for_review
from treatments.models import MedicalReviewer, ReviewedBy, TreatmentPage
from treatments.review import add_months

pytestmark = pytest.mark.django_db

URLS = {
    "de": "/de/behandlungen/denervation-thermokoagulation/",
    "en": "/en/treatments/denervation-thermocoagulation/",
}
CLAIMS = ("medizinisch geprüft", "medically reviewed", "zuletzt geprüft")


def web_page_node(html: str) -> dict:
    raw = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    ).group(1)
    graph = json.loads(raw)["@graph"]
    return next(node for node in graph if node["@type"] == "MedicalWebPage")


def review_approved(editor, reviewer, page: TreatmentPage, **changes) -> None:
    """The editor submits ``changes`` and the reviewer approves them."""
    staff = Client()
    sign_in_staff(staff, editor)
    submit_for_review(staff, page, **changes)
    sign_in_staff(staff, reviewer)
    approve(staff, page)


@pytest.mark.parametrize("language", ["de", "en"])
def test_fresh_demo_claims_no_review(client, denervation_page, language):
    html = client.get(URLS[language]).content.decode()
    footer = html[html.index('<footer class="review"') :]

    for claim in CLAIMS:
        assert claim not in html.lower()
    assert "lastReviewed" not in html
    assert "reviewedBy" not in web_page_node(html)
    published = timezone.localdate(denervation_page.last_published_at).isoformat()
    assert f'datetime="{published}"' in footer
    assert ("Stand:" if language == "de" else "Last updated:") in footer


def test_fresh_demo_page_has_no_review_record(denervation_page):
    assert denervation_page.has_review is False
    assert denervation_page.reviewed_by == ""
    assert denervation_page.next_review_due is None


def test_approval_shows_date_and_role_in_both_languages(
    client, denervation_page, editor, reviewer
):
    MedicalReviewer.objects.create(
        user=reviewer, role=ReviewedBy.ORTHOPAEDIC_SPECIALISTS
    )
    for url in URLS.values():
        client.get(url)  # cached before the approval

    review_approved(editor, reviewer, denervation_page, subtitle_de="Geprüft")

    today = timezone.localdate().isoformat()
    de = client.get(URLS["de"]).content.decode()
    en = client.get(URLS["en"]).content.decode()
    assert "Fachärzte für Orthopädie bei ROC Ortho" in de
    assert "ROC Ortho specialists in orthopaedics" in en
    for html in (de, en):
        assert f'datetime="{today}"' in html
        assert web_page_node(html)["lastReviewed"] == today


def test_approval_sets_next_review_a_standard_interval_later(
    denervation_page, editor, reviewer
):
    review_approved(editor, reviewer, denervation_page, subtitle_de="Geprüft")

    page = TreatmentPage.objects.get(pk=denervation_page.pk)
    today = timezone.localdate()
    assert page.reviewed_by == ReviewedBy.MEDICAL_TEAM
    assert page.last_reviewed == today
    assert page.next_review_due == add_months(today, 12)


def test_page_interval_shortens_the_next_review(denervation_page, editor, reviewer):
    review_approved(editor, reviewer, denervation_page, review_interval_months="6")

    page = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert page.next_review_due == add_months(timezone.localdate(), 6)


def test_editor_cannot_type_review_dates(client, denervation_page, editor):
    sign_in_staff(client, editor)

    submit_for_review(
        client,
        denervation_page,
        reviewed_by=ReviewedBy.MEDICAL_TEAM,
        last_reviewed="2026-01-01",
        next_review_due="2027-01-01",
    )

    latest = TreatmentPage.objects.get(
        pk=denervation_page.pk
    ).get_latest_revision_as_object()
    assert latest.last_reviewed is None
    assert latest.next_review_due is None


def test_edit_form_shows_review_fields_read_only(admin_client, denervation_page):
    html = admin_client.get(
        f"/admin/pages/{denervation_page.pk}/edit/"
    ).content.decode()

    assert 'name="last_reviewed"' not in html
    assert 'name="next_review_due"' not in html
    assert 'name="reviewed_by"' not in html
    assert 'name="review_interval_months"' in html


def test_later_revision_keeps_the_recorded_review(denervation_page):
    TreatmentPage.objects.filter(pk=denervation_page.pk).update(
        reviewed_by=ReviewedBy.MEDICAL_TEAM,
        last_reviewed=datetime.date(2026, 3, 1),
        next_review_due=datetime.date(2027, 3, 1),
    )
    stale = denervation_page.get_latest_revision()  # saved before the review

    stale.publish()

    page = TreatmentPage.objects.get(pk=denervation_page.pk)
    assert page.last_reviewed == datetime.date(2026, 3, 1)


def test_page_interval_may_not_exceed_the_standard(denervation_page):
    from django.core.exceptions import ValidationError

    denervation_page.review_interval_months = 13

    with pytest.raises(ValidationError):
        denervation_page.full_clean()


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 12, 2), 12, datetime.date(2027, 12, 2)),
        (datetime.date(2028, 2, 29), 12, datetime.date(2029, 2, 28)),
        (datetime.date(2026, 11, 15), 3, datetime.date(2027, 2, 15)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_a_copy_claims_no_review(denervation_page):
    TreatmentPage.objects.filter(pk=denervation_page.pk).update(
        reviewed_by=ReviewedBy.MEDICAL_TEAM,
        last_reviewed=datetime.date(2026, 3, 1),
        next_review_due=datetime.date(2027, 3, 1),
    )
    original = TreatmentPage.objects.get(pk=denervation_page.pk)

    copy = original.copy(
        update_attrs={"slug": "kopie", "slug_de": "kopie", "slug_en": "copy"},
        keep_live=False,
    )

    copy = TreatmentPage.objects.get(pk=copy.pk)
    assert copy.has_review is False
    assert copy.reviewed_by == ""
