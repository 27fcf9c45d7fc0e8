import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_python(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """``python *args`` in the project folder with exactly ``env``; never raises
    on failure, the caller reads the result."""
    return subprocess.run(  # noqa: S603 (python with the tests' own arguments)
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# The process tests below give manage.py an environment of their own, its
# DATABASE_URL included: marked own_database, CI runs them once (SQLite suite).
def run_check(settings_module: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", *PRODUCTION_ENV}
    }
    return run_python(
        "manage.py",
        "check",
        env={**clean_env, "DJANGO_SETTINGS_MODULE": settings_module, **env},
    )


@pytest.mark.slow
@pytest.mark.own_database
def test_production_settings_refuse_to_start_without_secret_key():
    result = run_check("clinic_site.settings.production", {})

    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable." in result.stderr


def test_base_settings_keep_debug_off():
    from clinic_site.settings import base

    assert base.DEBUG is False
    assert not hasattr(base, "SECRET_KEY")


PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "www.roc-ortho.example",
    "DATABASE_URL": "postgres://roc:roc@127.0.0.1:5432/roc",
    "WAGTAILADMIN_BASE_URL": "https://www.roc-ortho.example",
    "EMAIL_HOST": "mail.roc-ortho.example",
    "DEFAULT_FROM_EMAIL": "website@roc-ortho.example",
    "FRONT_DESK_EMAIL": "empfang@roc-ortho.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "FIELD_ENCRYPTION_KEYS": "pH2baelYvxqfgLCZaBltOkHdYFPPfGlgzU8ceIRyIkk=",
    "CONSULTATION_SEARCH_KEY": "z" * 32,
    "MEDIA_ROOT": "/srv/roc-ortho-media",
}


@pytest.mark.slow
@pytest.mark.own_database
def test_production_settings_require_the_consultation_secrets():
    for name in (
        "FRONT_DESK_EMAIL",
        "REDIS_URL",
        "FIELD_ENCRYPTION_KEYS",
        "CONSULTATION_SEARCH_KEY",
        "MEDIA_ROOT",
    ):
        env = {key: value for key, value in PRODUCTION_ENV.items() if key != name}
        result = run_check("clinic_site.settings.production", env)

        assert result.returncode != 0
        assert f"Set the {name} environment variable." in result.stderr


@pytest.mark.slow
@pytest.mark.own_database
def test_production_settings_refuse_a_field_key_that_is_no_fernet_key():
    env = {**PRODUCTION_ENV, "FIELD_ENCRYPTION_KEYS": "y" * 32}

    result = run_check("clinic_site.settings.production", env)

    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS: each key must be a Fernet key" in result.stderr


@pytest.mark.slow
@pytest.mark.own_database
def test_production_settings_start_with_every_variable_set():
    result = run_check("clinic_site.settings.production", PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr


@pytest.mark.slow
@pytest.mark.own_database
def test_env_example_holds_every_variable_production_requires():
    lines = (ROOT / "clinic_site/deploy/env.example").read_text().splitlines()
    example = dict(
        line.split("=", 1) for line in lines if line and not line.startswith("#")
    )
    required = re.findall(
        r'require_env\("(\w+)"\)',
        (ROOT / "clinic_site/settings/production.py").read_text(),
    )

    assert set(required) <= {key for key, value in example.items() if value}
    assert run_check("clinic_site.settings.production", example).returncode == 0


@pytest.mark.slow
@pytest.mark.own_database
def test_production_settings_purge_each_edge_cache_named():
    show = "from django.conf import settings; print(settings.WAGTAILFRONTENDCACHE)"
    env = {
        **os.environ,
        **PRODUCTION_ENV,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
    }

    def frontend_cache(purge_urls: str) -> subprocess.CompletedProcess:
        return run_python(
            *("manage.py", "shell", "--no-imports", "-c", show),
            env={**env, "EDGE_CACHE_PURGE_URLS": purge_urls},
        )

    two = frontend_cache("http://127.0.0.1:8081, http://10.0.0.5:8081")
    none = frontend_cache("")
    wrong = frontend_cache("127.0.0.1:8081")

    assert "'LOCATION': 'http://127.0.0.1:8081'" in two.stdout
    assert "'LOCATION': 'http://10.0.0.5:8081'" in two.stdout
    assert none.stdout.strip() == "{}"
    assert wrong.returncode != 0
    assert "EDGE_CACHE_PURGE_URLS" in wrong.stderr


@pytest.mark.slow
@pytest.mark.own_database
def test_loading_the_app_opens_no_database_connection(tmp_path):
    """gunicorn loads the app once and forks its workers from it (``preload_app``):
    a connection opened while loading would be shared by every worker."""
    database = tmp_path / "db.sqlite3"
    load = (
        "import clinic_site.wsgi; from django.db import connections; "
        "print([connections[alias].connection for alias in connections])"
    )
    result = run_python(
        "-c",
        load,
        env={
            **os.environ,
            **PRODUCTION_ENV,
            "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
            "DATABASE_URL": f"sqlite:///{database}",
        },
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[None]"
    assert not database.exists()  # SQLite creates the file on connecting
