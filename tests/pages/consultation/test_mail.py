"""Staff mails: links from WAGTAILADMIN_BASE_URL, the clinic's name, German."""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from wagtail.users.models import UserProfile

import pytest

from pages.consultation.mail import staff_sender
from pages.consultation.reminders import remind_front_desk
from pages.consultation.tasks import notify_front_desk
from pages.models import ClinicSettings
from tests.factories.consultation import ConsultationRequestFactory

pytestmark = pytest.mark.django_db

BASE_URL = "http://127.0.0.1:8123"  # as `make run PORT=8123` passes it


def links(message) -> list[str]:
    texts = [message.body, *(content for content, _type in message.alternatives)]
    return [
        link for text in texts for link in re.findall(r"https?://[^\s\"'<>]+", text)
    ]


def send_notification_and_reminder() -> None:
    """Both front-desk mails: a new request's notification, an old one's reminder."""
    new = ConsultationRequestFactory()
    overdue = ConsultationRequestFactory(created_at=timezone.now() - timedelta(days=7))
    notify_front_desk.enqueue(new.pk)
    remind_front_desk.enqueue(overdue.pk)


def test_staff_sender_is_the_clinic_name_from_the_site_settings(settings, site):
    settings.DEFAULT_FROM_EMAIL = "website@roc-ortho.example"
    clinic = ClinicSettings.for_site(site)
    clinic.clinic_name = "ROC Ortho Aschheim"
    clinic.save()

    assert staff_sender() == "ROC Ortho Aschheim <website@roc-ortho.example>"


def test_staff_sender_keeps_a_configured_name_without_clinic_settings(settings):
    settings.DEFAULT_FROM_EMAIL = "Praxis <website@roc-ortho.example>"
    ClinicSettings.objects.all().delete()

    assert staff_sender() == "Praxis <website@roc-ortho.example>"


def test_every_front_desk_mail_links_to_the_base_url_in_german(settings, site):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    settings.DEFAULT_FROM_EMAIL = "website@roc-ortho.example"

    send_notification_and_reminder()

    assert [message.subject for message in mail.outbox] == [
        "Neue Beratungsanfrage",
        "Beratungsanfrage noch nicht geöffnet",
    ]
    for message in mail.outbox:
        assert message.from_email == "ROC Ortho <website@roc-ortho.example>"
        assert links(message)
        for link in links(message):
            assert link.startswith(f"{BASE_URL}/admin/"), link


def test_front_desk_mail_in_the_admin_language_of_the_account_behind_it(site):
    """The front desk's account chose English for the admin: its mails follow."""
    desk = get_user_model().objects.create_user(
        "empfang", "empfang@roc-ortho.example", "x" * 16
    )
    UserProfile.objects.create(user=desk, preferred_language="en")

    send_notification_and_reminder()

    assert [message.subject for message in mail.outbox] == [
        "New consultation request",
        "Consultation request not opened yet",
    ]
    assert "Open it in the admin" in mail.outbox[0].body


def test_front_desk_mail_german_when_the_accounts_behind_it_disagree(site):
    for username, language in (("empfang1", "en"), ("empfang2", "")):
        user = get_user_model().objects.create_user(
            username, "empfang@roc-ortho.example", "x" * 16
        )
        UserProfile.objects.create(user=user, preferred_language=language)

    notify_front_desk.enqueue(ConsultationRequestFactory().pk)

    assert mail.outbox[0].subject == "Neue Beratungsanfrage"
