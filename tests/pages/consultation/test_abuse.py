"""Abuse protection of the form: honeypot, fill time, rate limit, CSRF."""

import re

from django.core import mail
from django.test import Client

import pytest

from pages.models import ConsultationRequest
from tests.pages.consultation.utils import (
    FORM_URLS,
    LANDING_URLS,
    started_token,
    valid_data,
)

pytestmark = pytest.mark.django_db


def test_honeypot_looks_like_success_and_stores_nothing(client, consultation_page):
    response = client.post(FORM_URLS["de"], valid_data(website="https://spam.example"))

    assert response.status_code == 303
    assert response["Location"] == LANDING_URLS["de"]
    assert ConsultationRequest.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("de", "Das Formular wurde sehr schnell gesendet."),
        ("en", "The form was sent very quickly."),
    ],
)
def test_too_fast_submission_gets_the_form_again(
    client, consultation_page, settings, language, message
):
    # The token is signed now, in whole seconds; a minimum far above what the
    # request itself takes keeps a loaded machine from letting it through.
    settings.CONSULTATION_MIN_FILL_SECONDS = 60

    response = client.post(
        FORM_URLS[language], valid_data(form_started=started_token(seconds_ago=0))
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'value="anna.mueller@example.org"' in html
    assert ConsultationRequest.objects.count() == 0


def test_forged_or_missing_timestamp_is_rejected(client, consultation_page):
    for token in ("", "consultation-form:1xVzXF:forged"):
        response = client.post(FORM_URLS["en"], valid_data(form_started=token))
        assert response.status_code == 400
        assert "This form has expired." in response.content.decode()
    assert ConsultationRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("de", "Dieses Formular wurde bereits gesendet."),
        ("en", "This form has already been sent."),
    ],
)
def test_replayed_form_is_refused_and_stores_nothing_twice(
    client, consultation_page, settings, language, message
):
    data = valid_data(preferred_language=language)
    assert client.post(FORM_URLS[language], data).status_code == 303

    replay = client.post(FORM_URLS[language], data)

    assert replay.status_code == 400
    html = replay.content.decode()
    assert message in html
    assert ConsultationRequest.objects.count() == 1
    assert mail.outbox and len(mail.outbox) == 1
    # The form comes back with a new token, good for one new request.
    new_token = re.search(r'name="form_started" value="([^"]+)"', html)[1]
    assert new_token != data["form_started"]
    settings.CONSULTATION_MIN_FILL_SECONDS = 0
    again = client.post(FORM_URLS[language], {**data, "form_started": new_token})
    assert again.status_code == 303
    assert ConsultationRequest.objects.count() == 2


def test_rate_limit_answers_429_in_the_page_language(
    client, consultation_page, settings
):
    settings.CONSULTATION_RATE_LIMIT_REQUESTS = 2
    for _attempt in range(2):
        assert client.post(FORM_URLS["de"], valid_data()).status_code == 303

    response = client.post(FORM_URLS["de"], valid_data())

    assert response.status_code == 429
    html = response.content.decode()
    assert "Zu viele Anfragen" in html
    title = f"<title>Zu viele Anfragen – {consultation_page.title} – ROC Ortho</title>"
    assert title in html
    assert response["Retry-After"] == str(settings.CONSULTATION_RATE_LIMIT_WINDOW)
    assert ConsultationRequest.objects.count() == 2
    # Another address is not affected.
    other = client.post(FORM_URLS["de"], valid_data(), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 303


def test_a_form_sent_back_with_errors_does_not_use_up_the_limit(
    client, consultation_page, settings
):
    settings.CONSULTATION_RATE_LIMIT_REQUESTS = 1

    with_errors = client.post(FORM_URLS["de"], valid_data(email="keine-adresse"))
    corrected = client.post(FORM_URLS["de"], valid_data())
    again = client.post(FORM_URLS["de"], valid_data())

    assert (with_errors.status_code, corrected.status_code) == (400, 303)
    assert again.status_code == 429
    assert ConsultationRequest.objects.count() == 1


def post_forwarded(client, forwarded: str, remote: str = "127.0.0.1"):
    return client.post(
        FORM_URLS["en"],
        valid_data(),
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_rate_limit_uses_the_header_from_a_trusted_proxy(
    client, consultation_page, settings
):
    settings.CONSULTATION_RATE_LIMIT_REQUESTS = 1
    # The test client connects from 127.0.0.1, as nginx on the same host.
    settings.TRUSTED_PROXIES = ["127.0.0.1"]

    first = post_forwarded(client, "spoofed, 198.51.100.1")
    second = post_forwarded(client, "198.51.100.2")
    third = post_forwarded(client, "other, 198.51.100.1")

    assert (first.status_code, second.status_code, third.status_code) == (
        303,
        303,
        429,
    )
    assert "Too many requests" in third.content.decode()


def test_rate_limit_ignores_the_header_from_an_untrusted_address(
    client, consultation_page, settings
):
    settings.CONSULTATION_RATE_LIMIT_REQUESTS = 1
    settings.TRUSTED_PROXIES = ["10.0.0.1"]

    first = post_forwarded(client, "198.51.100.1", remote="203.0.113.7")
    second = post_forwarded(client, "198.51.100.2", remote="203.0.113.7")

    assert (first.status_code, second.status_code) == (303, 429)
    assert ConsultationRequest.objects.count() == 1


def test_post_without_csrf_token_is_forbidden(consultation_page):
    client = Client(enforce_csrf_checks=True)

    response = client.post(FORM_URLS["de"], valid_data())

    assert response.status_code == 403
    assert ConsultationRequest.objects.count() == 0


def test_post_with_csrf_token_is_accepted(consultation_page):
    client = Client(enforce_csrf_checks=True)
    html = client.get(FORM_URLS["de"]).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    response = client.post(FORM_URLS["de"], valid_data(csrfmiddlewaretoken=token))

    assert response.status_code == 303
    assert ConsultationRequest.objects.count() == 1
