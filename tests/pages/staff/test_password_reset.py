"""The admin's "forgot password" form sends a limited number of mails."""

from django.core import mail

import pytest

pytestmark = pytest.mark.django_db

RESET_URL = "/admin/password_reset/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "redaktion", email="redaktion@roc-ortho.example", password="x" * 16
    )


def test_requests_beyond_the_limit_get_429_and_send_no_mail(client, staff, settings):
    settings.PASSWORD_RESET_RATE_LIMIT_REQUESTS = 3

    statuses = [
        client.post(RESET_URL, {"email": staff.email}).status_code for _ in range(5)
    ]

    assert statuses == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3


def test_the_limit_page_is_translated_and_says_when_to_try_again(
    client, staff, settings
):
    settings.PASSWORD_RESET_RATE_LIMIT_REQUESTS = 1
    client.post(RESET_URL, {"email": staff.email})

    response = client.post(
        RESET_URL, {"email": staff.email}, headers={"accept-language": "de"}
    )

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Versuchen Sie es in 60 Minuten erneut" in response.content.decode()
