"""The daily mail to the Medical reviewers (treatments.reminders)."""

import datetime
import io

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from wagtail.models import Site
from wagtail.users.models import UserProfile

import pytest

from pages.models import ClinicSettings
from pages.ops.scheduler import JOBS
from tests.factories.treatments import TreatmentPageFactory
from treatments.models import TreatmentPage
from treatments.reminders import send_review_reminder
from treatments.workflow import REVIEWER_GROUP_NAME

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)


def due_on(page: TreatmentPage, due: datetime.date) -> TreatmentPage:
    TreatmentPage.objects.filter(pk=page.pk).update(
        reviewed_by="medical-team",
        last_reviewed=due - datetime.timedelta(days=365),
        next_review_due=due,
    )
    return TreatmentPage.objects.get(pk=page.pk)


@pytest.fixture
def pages(denervation_page) -> dict[str, TreatmentPage]:
    """A page due in a year (the denervation page), one in 10 days, one overdue."""
    index = denervation_page.get_parent()
    return {
        "year": due_on(denervation_page, TODAY + datetime.timedelta(days=365)),
        "soon": due_on(
            TreatmentPageFactory(parent=index, title_de="Bald fällig"),
            TODAY + datetime.timedelta(days=10),
        ),
        "overdue": due_on(
            TreatmentPageFactory(parent=index, title_de="Überfällig"),
            TODAY - datetime.timedelta(days=3),
        ),
    }


@pytest.fixture
def reviewer_with_address(reviewer):
    reviewer.email = "aerztin@roc-ortho.example"
    reviewer.save()
    return reviewer


def test_one_mail_lists_the_due_and_the_overdue_page(pages, reviewer_with_address):
    listed = send_review_reminder(TODAY)

    assert listed == 2
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["aerztin@roc-ortho.example"]
    assert "Medizinische Prüfung" in message.subject
    body = message.body
    assert "Bald fällig" in body
    assert "Überfällig (überfällig seit" in body
    assert pages["year"].title not in body
    for key in ("soon", "overdue"):
        url = f"https://www.roc-ortho.example/admin/pages/{pages[key].pk}/edit/"
        assert url in body


def test_no_mail_for_a_page_due_in_a_year(denervation_page, reviewer_with_address):
    due_on(denervation_page, TODAY + datetime.timedelta(days=365))

    assert send_review_reminder(TODAY) == 0
    assert mail.outbox == []


def test_a_live_page_never_reviewed_is_listed(denervation_page, reviewer_with_address):
    send_review_reminder(TODAY)

    assert "nicht geprüft" in mail.outbox[0].body
    assert denervation_page.title in mail.outbox[0].body


def test_at_most_one_mail_a_day(pages, reviewer_with_address):
    send_review_reminder(TODAY)
    send_review_reminder(TODAY)
    send_review_reminder(TODAY + datetime.timedelta(days=1))

    assert len(mail.outbox) == 2


def test_command_runs_daily_in_the_scheduler(pages, reviewer_with_address):
    call_command("send_medical_review_reminders", stdout=io.StringIO())

    assert len(mail.outbox) == 1
    assert any(
        job.command == "send_medical_review_reminders"
        and job.every == datetime.timedelta(hours=24)
        for job in JOBS
    )


def test_review_reminder_links_to_the_base_url_in_the_clinics_name(
    settings, pages, reviewer_with_address
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"

    send_review_reminder(TODAY)

    [message] = mail.outbox
    assert message.from_email == "ROC Ortho <website@roc-ortho.example>"
    assert message.subject.startswith("Medizinische Prüfung")
    links = [word for word in message.body.split() if "://" in word]
    assert links
    for link in links:
        assert link.startswith("http://127.0.0.1:8123/admin/pages/"), link


def test_each_reviewer_reads_the_reminder_in_their_admin_language(
    pages, reviewer_with_address, django_user_model
):
    english = django_user_model.objects.create_user(
        "reviewer-en", "reviewer@roc-ortho.example", "x" * 16
    )
    english.groups.add(Group.objects.get(name=REVIEWER_GROUP_NAME))
    UserProfile.objects.create(user=english, preferred_language="en")

    send_review_reminder(TODAY)

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["aerztin@roc-ortho.example"].startswith("Medizinische Prüfung")
    assert subjects["reviewer@roc-ortho.example"].startswith("Medical review")
    assert len(mail.outbox) == 2


def test_scheduled_reminder_goes_out_in_the_clinics_name(
    settings, pages, reviewer_with_address
):
    settings.DEFAULT_FROM_EMAIL = "website@roc-ortho.example"
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.clinic_name = "ROC Ortho Aschheim"
    clinic.save()

    call_command("send_medical_review_reminders", stdout=io.StringIO())

    assert mail.outbox[0].from_email == (
        "ROC Ortho Aschheim <website@roc-ortho.example>"
    )
