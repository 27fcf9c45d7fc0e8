"""`manage.py check --deploy` passes with the documented production environment."""

import os
import subprocess
import sys
from pathlib import Path

from tests.test_settings import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parent.parent
# Long and random, as `secrets.token_urlsafe(50)` makes one.
SECRET_KEY = "q3Vh8kR2nW7yZ1xT5mB9cL4pJ6fD0sG2aE8uH3iK7oN1vX5rY9tQ"  # noqa: S105


def test_deploy_check_passes_without_warnings():
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV and key != "DJANGO_SETTINGS_MODULE"
    }
    env.update(PRODUCTION_ENV)
    env.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings.production", SECRET_KEY=SECRET_KEY
    )

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
