"""Re-encrypt consultation requests from the SECRET_KEY-derived key to
FIELD_ENCRYPTION_KEYS, and write the canary.

Before, django-fernet-encrypted-fields derived the key from SECRET_KEY (and
SECRET_KEY_FALLBACKS) with SALT_KEY (production: FIELD_ENCRYPTION_SALT). Run
``migrate`` once with those still set beside FIELD_ENCRYPTION_KEYS. A value
already under a field key is left as it is; a value neither opens stops the
migration, with nothing changed. Reversible while SALT_KEY is set.
"""

import base64

from django.conf import settings
from django.db import migrations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

COLUMNS = ["name", "email", "phone", "message", "preferred_times", "internal_notes"]
CANARY_TEXT = b"roc-ortho field encryption canary"


def legacy_keys() -> list[Fernet]:
    """The package's keys: PBKDF2-SHA256, 100,000 rounds, per secret and salt."""
    salts = getattr(settings, "SALT_KEY", None) or []
    salts = salts if isinstance(salts, list) else [salts]
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    keys = []
    for secret in secrets:
        for salt in salts:
            kdf = PBKDF2HMAC(
                algorithm=hashes.SHA256(),
                length=32,
                salt=salt.encode(),
                iterations=100_000,
            )
            keys.append(Fernet(base64.urlsafe_b64encode(kdf.derive(secret.encode()))))
    return keys


def field_keys() -> list[Fernet]:
    return [Fernet(key) for key in settings.FIELD_ENCRYPTION_KEYS]


def opens(keys: list[Fernet], token: str) -> bytes | None:
    try:
        return MultiFernet(keys).decrypt(token.encode()) if keys else None
    except InvalidToken:
        return None


def reencrypt(connection, source: list[Fernet], target: list[Fernet]) -> int:
    """Re-encrypt every value ``target`` cannot open from ``source`` to
    ``target``'s first key; return the number of rows changed."""
    quote = connection.ops.quote_name
    table = quote("pages_consultationrequest")
    columns = ", ".join(quote(column) for column in COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, {columns} FROM {table}")  # noqa: S608
        rows = cursor.fetchall()
    changed = 0
    for pk, *tokens in rows:
        update = {}
        for column, token in zip(COLUMNS, tokens, strict=True):
            if token is None or opens(target, token) is not None:
                continue
            plain = opens(source, token)
            if plain is None:
                raise RuntimeError(
                    f"Consultation request {pk}: {column} cannot be decrypted with "
                    "the configured keys (FIELD_ENCRYPTION_KEYS, or SECRET_KEY with "
                    "FIELD_ENCRYPTION_SALT as before). Nothing was changed."
                )
            update[column] = target[0].encrypt(plain).decode()
        if update:
            assignments = ", ".join(f"{quote(column)} = %s" for column in update)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET {assignments} WHERE id = %s",  # noqa: S608
                    [*update.values(), pk],
                )
            changed += 1
    return changed


def forwards(apps, schema_editor):
    target = field_keys()
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pages_consultationrequest")
        has_rows = cursor.fetchone() is not None
    if has_rows:
        reencrypt(connection, legacy_keys(), target)
    canary = apps.get_model("pages", "FieldEncryptionCanary")
    canary.objects.all().delete()
    canary.objects.create(token=target[0].encrypt(CANARY_TEXT).decode())


def backwards(apps, schema_editor):
    source, target = field_keys(), legacy_keys()
    if not target:
        raise RuntimeError("Set SALT_KEY (FIELD_ENCRYPTION_SALT) to migrate back.")
    reencrypt(schema_editor.connection, source, target)
    apps.get_model("pages", "FieldEncryptionCanary").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0008_field_encryption_canary"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
