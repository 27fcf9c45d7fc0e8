"""Data migrations of the treatments app."""

import datetime
import importlib

from django.apps import apps
from django.test import Client
from django.utils import timezone

import pytest

from tests.factories.treatments import TreatmentPageFactory
from tests.staff import sign_in_staff
from tests.treatments.utils import approve, submit_for_review
from treatments.models import TreatmentPage
from treatments.review import add_months

pytestmark = pytest.mark.django_db

review_from_approvals = importlib.import_module(
    "treatments.migrations.0003_clear_unapproved_review_claims"
).review_from_approvals


def test_0003_keeps_only_reviews_an_approval_backs(denervation_page, editor, reviewer):
    staff = Client()
    sign_in_staff(staff, editor)
    submit_for_review(staff, denervation_page, subtitle_de="Geprüft")
    sign_in_staff(staff, reviewer)
    approve(staff, denervation_page)
    typed = TreatmentPageFactory(parent=denervation_page.get_parent())
    TreatmentPage.objects.update(
        reviewed_by="orthopaedic-specialists",
        last_reviewed=datetime.date(2020, 1, 1),
        next_review_due=datetime.date(2030, 1, 1),
    )

    review_from_approvals(apps, None)

    approved = TreatmentPage.objects.get(pk=denervation_page.pk)
    today = timezone.localdate()
    assert approved.last_reviewed == today
    assert approved.next_review_due == add_months(today, 12)
    assert approved.reviewed_by == "medical-team"
    unbacked = TreatmentPage.objects.get(pk=typed.pk)
    assert unbacked.last_reviewed is None
    assert unbacked.next_review_due is None
    assert unbacked.reviewed_by == ""
