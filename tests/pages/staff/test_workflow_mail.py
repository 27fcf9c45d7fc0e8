"""Wagtail's workflow mails as staff mails (pages.staff.workflow_mail): in the
recipient's admin language, German by default, in the clinic's name, naming the
workflow in the reader's language."""

from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import Site
from wagtail.users.models import UserProfile

import pytest

from pages.models import ClinicSettings
from tests.staff import sign_in_staff
from tests.treatments.utils import current_task_state, submit_for_review
from treatments.models import TreatmentPage
from treatments.workflow import REVIEWER_GROUP_NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def denervation_page():
    return TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")


@pytest.fixture
def editor(django_user_model):
    return staff_member(django_user_model, "redaktion", "Editors")


def staff_member(django_user_model, username: str, group: str, language: str = ""):
    """A member of ``group`` with an address, reading the admin in ``language``."""
    user = django_user_model.objects.create_user(
        username, f"{username}@roc-ortho.example", "x" * 16
    )
    user.groups.add(Group.objects.get(name=group))
    if language:
        UserProfile.objects.update_or_create(
            user=user, defaults={"preferred_language": language}
        )
    return user


def reviewer_reading(django_user_model, username: str, language: str = ""):
    return staff_member(django_user_model, username, REVIEWER_GROUP_NAME, language)


def mail_to(address: str):
    [message] = [sent for sent in mail.outbox if address in sent.to]
    return message


@pytest.fixture
def clinic_name(settings):
    settings.DEFAULT_FROM_EMAIL = "website@roc-ortho.example"
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.clinic_name = "ROC Ortho Aschheim"
    clinic.save()
    return "ROC Ortho Aschheim <website@roc-ortho.example>"


def test_submission_mail_is_german_by_default_whatever_the_submitters_language(
    client, denervation_page, editor, django_user_model, clinic_name
):
    """The editor works in English; a reviewer who chose nothing reads German."""
    UserProfile.objects.update_or_create(
        user=editor, defaults={"preferred_language": "en"}
    )
    reviewer_reading(django_user_model, "pruefer")
    sign_in_staff(client, editor)

    submit_for_review(client, denervation_page, subtitle_de="Zur Prüfung")

    message = mail_to("pruefer@roc-ortho.example")
    assert message.from_email == clinic_name
    assert "Medizinische Prüfung" in message.subject + message.body
    assert "Medical review" not in message.subject + message.body
    assert "eingereicht" in message.subject


def test_submission_mail_in_the_reviewers_chosen_language(
    client, denervation_page, editor, django_user_model, clinic_name
):
    reviewer_reading(django_user_model, "reviewer-en", "en")
    reviewer_reading(django_user_model, "pruefer")
    sign_in_staff(client, editor)

    submit_for_review(client, denervation_page, subtitle_de="Zur Prüfung")

    english = mail_to("reviewer-en@roc-ortho.example")
    assert "submitted" in english.subject
    assert "Medical review" in english.subject + english.body
    assert "Medizinische Prüfung" not in english.subject + english.body
    assert english.from_email == clinic_name
    assert "eingereicht" in mail_to("pruefer@roc-ortho.example").subject


def test_rejection_mail_to_the_author_names_the_review_in_german(
    denervation_page, editor, django_user_model, clinic_name
):
    staff = Client()
    sign_in_staff(staff, editor)
    submit_for_review(staff, denervation_page, subtitle_de="Zur Prüfung")
    mail.outbox.clear()
    sign_in_staff(staff, reviewer_reading(django_user_model, "reviewer-en", "en"))

    staff.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(
                denervation_page.pk,
                "reject",
                current_task_state(denervation_page).pk,
            ),
        ),
        {"comment": "Quelle fehlt"},
    )

    message = mail_to("redaktion@roc-ortho.example")
    assert message.from_email == clinic_name
    assert "Medizinische Prüfung" in message.body
    assert "Quelle fehlt" in message.body
