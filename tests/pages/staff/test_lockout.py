"""django-axes locks the admin login after repeated failures."""

from django.core.management import call_command

import pytest

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"
PASSWORD = "richtiges-passwort-2026"  # noqa: S105 (test account)


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "redaktion", password=PASSWORD, is_staff=True
    )


def fail_logins(client, times: int, language: str = "de"):
    response = None
    for _ in range(times):
        response = client.post(
            LOGIN_URL,
            {"username": "redaktion", "password": "falsch"},
            HTTP_ACCEPT_LANGUAGE=language,
        )
    return response


def test_four_failures_still_show_the_login_form(client, staff):
    response = fail_logins(client, 4)

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("de", "Dieses Konto wurde nach 5 fehlgeschlagenen Anmeldeversuchen gesperrt."),
        ("en", "This account was locked after 5 failed sign-in attempts."),
    ],
)
def test_fifth_failure_locks_with_a_translated_429(client, staff, language, message):
    response = fail_logins(client, 5, language)

    assert response.status_code == 429
    assert message in response.content.decode()


def test_locked_account_is_refused_even_with_the_right_password(client, staff):
    fail_logins(client, 5)

    response = client.post(LOGIN_URL, {"username": "redaktion", "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_axes_reset_unlocks(client, staff):
    fail_logins(client, 5)

    call_command("axes_reset", verbosity=0)
    response = client.post(LOGIN_URL, {"username": "redaktion", "password": PASSWORD})

    assert response.status_code == 302


def sign_in_forwarded(client, password: str, forwarded: str, remote="127.0.0.1"):
    return client.post(
        LOGIN_URL,
        {"username": "redaktion", "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_lockout_counts_per_address_behind_the_proxy(client, staff, settings):
    # The test client connects from 127.0.0.1, as nginx on the same host.
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for _ in range(5):
        sign_in_forwarded(client, "falsch", "203.0.113.7")

    other_patient = sign_in_forwarded(client, PASSWORD, "198.51.100.9")
    attacker = sign_in_forwarded(client, PASSWORD, "203.0.113.7")

    assert other_patient.status_code == 302
    assert attacker.status_code == 429


def test_lockout_ignores_the_header_from_an_untrusted_address(client, staff, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    for number in range(5):
        sign_in_forwarded(client, "falsch", f"198.51.100.{number}", "203.0.113.7")

    attacker = sign_in_forwarded(client, PASSWORD, "198.51.100.99", "203.0.113.7")

    assert attacker.status_code == 429
    assert "_auth_user_id" not in client.session


def test_passwords_must_be_long_and_uncommon(staff):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("kurz", "password1234", "123456789012"):
        with pytest.raises(ValidationError):
            validate_password(weak, staff)
    validate_password("Knie-Schulter-Huefte-2026", staff)
