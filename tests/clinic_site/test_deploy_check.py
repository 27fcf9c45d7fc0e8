"""The production settings with the documented environment: `check --deploy`
passes and the cookies are locked down."""

import os
import subprocess

import pytest

from tests.clinic_site.test_settings import PRODUCTION_ENV, run_python

# Each test runs manage.py in a process of its own, with the production
# environment's DATABASE_URL whatever the suite's.
pytestmark = [pytest.mark.slow, pytest.mark.own_database]

# Long and random, as `secrets.token_urlsafe(50)` makes one.
SECRET_KEY = "q3Vh8kR2nW7yZ1xT5mB9cL4pJ6fD0sG2aE8uH3iK7oN1vX5rY9tQ"  # noqa: S105
COOKIE_SETTINGS = (
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
)


def manage_in_production(*args: str) -> subprocess.CompletedProcess:
    # Nothing from this process's Django environment: the browser suite sets
    # DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy check rightly refuses.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV and not key.startswith("DJANGO_")
    }
    env.update(PRODUCTION_ENV)
    env.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings.production", SECRET_KEY=SECRET_KEY
    )
    return run_python("manage.py", *args, env=env)


def test_deploy_check_passes_without_warnings():
    result = manage_in_production("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_cookies_are_secure_and_same_site():
    script = (
        "from django.conf import settings; "
        f"print(*[getattr(settings, name) for name in {COOKIE_SETTINGS!r}])"
    )
    result = manage_in_production("shell", "--no-imports", "-c", script)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "True",
        "Lax",
        "True",
        "True",
        "Strict",
        "True",
        "63072000",
    ]
