"""Field encryption keys (``pages.ops.field_keys``, ``pages.encryption``, migration
0009): rotation by command, the system check, and independence from SECRET_KEY."""

import importlib
import os
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError
from django.db import connection
from django.test import override_settings

import pytest
from cryptography.fernet import Fernet

from pages.encryption import search_filter
from pages.models import ConsultationRequest
from pages.ops.field_keys import CANARY_TEXT, write_canary
from tests.factories.consultation import ConsultationRequestFactory
from tests.perf.prepared import ROOT, prepare_database

pytestmark = pytest.mark.django_db

OLD_KEY = "AwwMFZqCUAzpV6j2wdCagOPHu-wcD91xpgxVQF_l1yM="  # the test settings' key
NEW_KEY = Fernet.generate_key().decode()
WRONG_KEY = Fernet.generate_key().decode()
migration = importlib.import_module("pages.migrations.0009_encrypt_with_field_keys")


def raw(pk: int, column: str) -> str:
    table = ConsultationRequest._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_changed_secret_key_with_the_field_keys_kept_loses_nothing():
    consultation_request = ConsultationRequestFactory(name="Anna Müller")
    write_canary()

    with override_settings(SECRET_KEY=WRONG_KEY):
        reloaded = ConsultationRequest.objects.get(pk=consultation_request.pk)
        assert reloaded.name == "Anna Müller"
        assert reloaded.message == "Seit Wochen Schmerzen im unteren Rücken."
        call_command("check")  # no error


def test_a_wrong_field_key_fails_manage_py_check():
    ConsultationRequestFactory(name="Anna Müller")
    write_canary()

    with (
        override_settings(FIELD_ENCRYPTION_KEYS=[WRONG_KEY]),
        pytest.raises(SystemCheckError, match="pages.E002"),
    ):
        call_command("check")
    call_command("check")


def test_a_wrong_field_key_stops_migrate_which_every_start_runs():
    write_canary()

    with (
        override_settings(FIELD_ENCRYPTION_KEYS=[WRONG_KEY]),
        pytest.raises(SystemCheckError, match="pages.E002"),
    ):
        call_command("migrate", "--noinput", skip_checks=False, verbosity=0)


def test_the_canary_alone_fails_the_check_without_any_request():
    write_canary()

    with (
        override_settings(FIELD_ENCRYPTION_KEYS=[WRONG_KEY]),
        pytest.raises(SystemCheckError, match="cannot be decrypted"),
    ):
        call_command("check")


def test_an_invalid_key_fails_the_check():
    with (
        override_settings(FIELD_ENCRYPTION_KEYS=["not-a-fernet-key"]),
        pytest.raises(SystemCheckError, match="pages.E001"),
    ):
        call_command("check")


def test_rotation_re_encrypts_every_row_and_the_index_under_the_newest_key():
    consultation_request = ConsultationRequestFactory(
        name="Anna Müller", email="anna@example.org", internal_notes="Rückruf"
    )
    write_canary()
    old_index = raw(consultation_request.pk, "name_index")

    with override_settings(
        FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY],
        CONSULTATION_SEARCH_KEY="a-new-search-key",
    ):
        # The old key still reads everything; the check only warns.
        assert ConsultationRequest.objects.get().name == "Anna Müller"
        call_command("check")
        call_command("rotate_field_encryption")
        assert (
            ConsultationRequest.objects.filter(search_filter("anna@example.org")).get()
            == consultation_request
        )

    assert raw(consultation_request.pk, "name_index") != old_index
    new = Fernet(NEW_KEY)
    for column in ("name", "email", "message", "internal_notes"):
        token = raw(consultation_request.pk, column)
        assert new.decrypt(token.encode()).decode()  # the newest key alone
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]):
        reloaded = ConsultationRequest.objects.get()
        assert (reloaded.name, reloaded.internal_notes) == ("Anna Müller", "Rückruf")
        call_command("check")


def test_rotation_warning_until_the_command_ran(capsys):
    write_canary()

    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        call_command("check")
        assert "pages.W001" in capsys.readouterr().err
        call_command("rotate_field_encryption")
        call_command("check")
        assert "pages.W001" not in capsys.readouterr().err


def test_rotation_refuses_rows_it_cannot_decrypt_and_changes_nothing():
    readable = ConsultationRequestFactory(name="Anna Müller")
    with override_settings(FIELD_ENCRYPTION_KEYS=[WRONG_KEY]):
        unreadable = ConsultationRequestFactory(name="Berta Alt")
    before = raw(readable.pk, "name")

    with (
        override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]),
        pytest.raises(CommandError, match=f"decrypted .*: {unreadable.pk}"),
    ):
        call_command("rotate_field_encryption")

    assert raw(readable.pk, "name") == before


def test_migration_converts_requests_from_the_secret_key_derived_key():
    legacy = migration.legacy_keys()[0]
    consultation_request = ConsultationRequestFactory(name="Anna Müller")
    table = ConsultationRequest._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET name = %s WHERE id = %s",  # noqa: S608
            [legacy.encrypt("Anna Müller".encode()).decode(), consultation_request.pk],
        )
    assert ConsultationRequest.objects.get().name != "Anna Müller"

    changed = migration.reencrypt(
        connection, migration.legacy_keys(), [Fernet(OLD_KEY)]
    )

    assert changed == 1
    assert ConsultationRequest.objects.get().name == "Anna Müller"
    # Run again, it leaves what is already converted alone.
    assert (
        migration.reencrypt(connection, migration.legacy_keys(), [Fernet(OLD_KEY)]) == 0
    )


def test_migration_stops_on_a_value_no_key_opens():
    with override_settings(FIELD_ENCRYPTION_KEYS=[WRONG_KEY]):
        ConsultationRequestFactory()

    with pytest.raises(RuntimeError, match="cannot be decrypted"):
        migration.reencrypt(connection, migration.legacy_keys(), [Fernet(OLD_KEY)])


def test_canary_holds_the_known_text_under_the_newest_key():
    write_canary()
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM pages_fieldencryptioncanary")
        [(token,)] = cursor.fetchall()

    assert Fernet(OLD_KEY).decrypt(token.encode()) == CANARY_TEXT


# A request as the site stored it before FIELD_ENCRYPTION_KEYS: under the key
# django-fernet-encrypted-fields derives from SECRET_KEY and SALT_KEY.
STORE_LEGACY_REQUEST = """
import base64
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from django.conf import settings
from django.test import override_settings
from tests.factories.consultation import ConsultationRequestFactory
kdf = PBKDF2HMAC(
    algorithm=hashes.SHA256(), length=32,
    salt=settings.SALT_KEY.encode(), iterations=100_000,
)
legacy = base64.urlsafe_b64encode(kdf.derive(settings.SECRET_KEY.encode())).decode()
with override_settings(FIELD_ENCRYPTION_KEYS=[legacy]):
    ConsultationRequestFactory(name="Anna Müller", email="anna@example.org")
"""
READ_REQUEST = """
from pages.encryption import search_filter
from pages.models import ConsultationRequest
found = ConsultationRequest.objects.filter(search_filter("anna@example.org")).get()
print(found.name)
"""


def manage_py(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )


@pytest.mark.slow
@pytest.mark.own_database
def test_migrate_converts_requests_stored_under_the_secret_key(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
    }
    # Stored with today's model (its every column), then taken back to before
    # the conversion, which leaves a value under the legacy key as it is (the
    # check would refuse that value until the conversion has run again).
    prepare_database(env, demo=False)  # migrated, as `migrate` leaves it
    manage_py(env, "shell", "-c", STORE_LEGACY_REQUEST)
    manage_py(env, "migrate", "pages", "0008", "--noinput", "-v", "0", "--skip-checks")

    manage_py(env, "migrate", "--noinput", "-v", "0")

    assert manage_py(env, "shell", "-c", READ_REQUEST).stdout.splitlines()[-1] == (
        "Anna Müller"
    )
    manage_py(env, "check")  # canary written, everything decrypts
