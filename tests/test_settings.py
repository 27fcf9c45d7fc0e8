import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_check(settings_module: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean_env, "DJANGO_SETTINGS_MODULE": settings_module, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_refuse_to_start_without_secret_key():
    result = run_check("clinic_site.settings.production", {})

    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable." in result.stderr


def test_base_settings_keep_debug_off():
    from clinic_site.settings import base

    assert base.DEBUG is False
    assert not hasattr(base, "SECRET_KEY")
