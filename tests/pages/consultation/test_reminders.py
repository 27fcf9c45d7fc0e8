"""The overdue reminder: working hours, the sweep command, the task, the inbox."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from pages.consultation.reminders import add_working_hours, remind_front_desk
from tests.factories.consultation import ConsultationRequestFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
INDEX_URL = "/admin/consultation_requests/"
FAILING_MAIL = "tests.pages.consultation.failing_mail.FailingEmailBackend"


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Tuesday morning, within the day.
        (berlin(2026, 12, 1, 9, 30), berlin(2026, 12, 1, 13, 30)),
        # Before opening: counted from 08:00.
        (berlin(2026, 12, 1, 2, 42), berlin(2026, 12, 1, 12, 0)),
        # Late on Friday: the rest of Friday, then Monday morning.
        (berlin(2026, 12, 4, 17, 0), berlin(2026, 12, 7, 11, 0)),
        # At the weekend: Monday from opening time.
        (berlin(2026, 12, 5, 10, 0), berlin(2026, 12, 7, 12, 0)),
        # After closing: the next morning.
        (berlin(2026, 12, 1, 19, 0), berlin(2026, 12, 2, 12, 0)),
    ],
)
def test_four_working_hours_mon_to_fri_8_to_18(received, due):
    assert add_working_hours(received, 4) == due


def test_working_hours_follow_the_settings(settings):
    settings.CONSULTATION_WORKING_HOURS = (9, 12)
    settings.CONSULTATION_WORKING_DAYS = (0,)  # Mondays only

    assert add_working_hours(berlin(2026, 12, 1, 10, 0), 4) == berlin(
        2026, 12, 14, 10, 0
    )


def sweep() -> str:
    out = io.StringIO()
    call_command("send_consultation_reminders", stdout=out)
    return out.getvalue()


def long_ago():
    return timezone.now() - timedelta(days=7)


def test_exactly_one_reminder_for_an_unopened_request_none_for_an_opened_one(
    client, front_desk
):
    unopened = ConsultationRequestFactory(created_at=long_ago())
    opened = ConsultationRequestFactory(created_at=long_ago())
    client.get(f"/admin/consultation_requests/inspect/{opened.pk}/")

    first = sweep()
    second = sweep()

    assert first == "sent 1 reminder(s)\n"
    assert second == "sent 0 reminder(s)\n"
    [reminder] = mail.outbox
    assert reminder.to == ["empfang@roc-ortho.example"]
    assert reminder.subject == "Beratungsanfrage noch nicht geöffnet"
    assert unopened.admin_url() + "\n" in reminder.body
    assert opened.admin_url() not in reminder.body
    assert "Patientin" not in reminder.body  # never the patient's name
    unopened.refresh_from_db()
    assert unopened.reminded_at is not None


def test_no_reminder_before_the_threshold_or_once_the_request_is_worked():
    ConsultationRequestFactory()
    ConsultationRequestFactory(created_at=long_ago(), status="contacted")

    assert sweep() == "sent 0 reminder(s)\n"
    assert mail.outbox == []


def test_the_task_reminds_once(front_desk):
    consultation_request = ConsultationRequestFactory(created_at=long_ago())

    first = remind_front_desk.enqueue(consultation_request.pk)
    second = remind_front_desk.enqueue(consultation_request.pk)

    assert first.return_value == "sent"
    assert second.return_value == "not needed"
    assert len(mail.outbox) == 1


def test_a_failed_reminder_is_sent_by_the_next_run(settings):
    consultation_request = ConsultationRequestFactory(created_at=long_ago())
    settings.EMAIL_BACKEND = FAILING_MAIL

    assert sweep() == "sent 0 reminder(s)\n"
    consultation_request.refresh_from_db()
    assert consultation_request.reminded_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert sweep() == "sent 1 reminder(s)\n"
    assert len(mail.outbox) == 1


def test_inbox_marks_unopened_requests_past_the_threshold_overdue(client, front_desk):
    ConsultationRequestFactory(name="Anna Alt", created_at=long_ago())
    opened = ConsultationRequestFactory(name="Berta Offen", created_at=long_ago())
    ConsultationRequestFactory(name="Carl Frisch")
    client.get(f"/admin/consultation_requests/inspect/{opened.pk}/")

    html = client.get(INDEX_URL).content.decode()

    assert html.count("Neu, überfällig") == 1
    # Newest first: Carl, Berta, then Anna with the only overdue mark.
    assert html.index("Berta Offen") < html.index("Anna Alt")
    assert html.index("Anna Alt") < html.index("Neu, überfällig")
