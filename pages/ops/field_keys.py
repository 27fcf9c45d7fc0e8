"""Field encryption keys: the start-up check and the rotation to the newest key.

``FIELD_ENCRYPTION_KEYS`` lists Fernet keys, newest first. The canary
(``pages.encryption.FieldEncryptionCanary``) holds a known text under the key
that was newest when it was last written; if no configured key opens it (or the
newest request), ``manage.py check`` fails, and with it ``migrate``, which
every start (``make run``, ``make prod``, the systemd unit) runs first.
"""

from django.conf import settings
from django.core import checks
from django.db import DatabaseError, transaction

from cryptography.fernet import Fernet, InvalidToken

from pages.consultation.models import ConsultationRequest
from pages.encryption import (
    EncryptedFieldFixesMixin,
    FieldEncryptionCanary,
    Undecryptable,
    field_fernet,
)

CANARY_TEXT = b"roc-ortho field encryption canary"


def encrypted_fields() -> list[str]:
    return [
        field.name
        for field in ConsultationRequest._meta.concrete_fields
        if isinstance(field, EncryptedFieldFixesMixin)
    ]


def key_errors() -> list[checks.CheckMessage]:
    keys = getattr(settings, "FIELD_ENCRYPTION_KEYS", [])
    if not keys:
        return [checks.Error("FIELD_ENCRYPTION_KEYS is empty.", id="pages.E001")]
    for key in keys:
        try:
            Fernet(key)
        except (TypeError, ValueError):
            return [
                checks.Error(
                    "FIELD_ENCRYPTION_KEYS holds a value that is not a Fernet key.",
                    id="pages.E001",
                )
            ]
    return []


def canary_opens() -> bool | None:
    """Whether a configured key decrypts the canary; None without one."""
    canary = FieldEncryptionCanary.objects.first()
    if canary is None:
        return None
    try:
        return field_fernet().decrypt(canary.token.encode()) == CANARY_TEXT
    except InvalidToken:
        return False


def newest_request_opens() -> bool:
    newest = ConsultationRequest.objects.order_by("-pk")
    values = newest.values(*encrypted_fields()).first() or {}
    return not any(isinstance(value, Undecryptable) for value in values.values())


def canary_is_current() -> bool:
    canary = FieldEncryptionCanary.objects.first()
    try:
        Fernet(settings.FIELD_ENCRYPTION_KEYS[0]).decrypt(canary.token.encode())
    except InvalidToken:
        return False
    return True


def check_field_encryption_keys(app_configs=None, **kwargs) -> list:
    """System check: the configured keys decrypt what is stored."""
    errors = key_errors()
    if errors:
        return errors
    try:
        opens = canary_opens()
        # Without a canary, migration 0009 has not converted the old data yet.
        if opens is None:
            return []
        request_opens = newest_request_opens()
        current = canary_is_current()
    except DatabaseError:
        return []  # no database yet, or not migrated: nothing stored to compare
    if not opens or not request_opens:
        return [
            checks.Error(
                "Stored consultation requests cannot be decrypted with the "
                "configured keys (FIELD_ENCRYPTION_KEYS).",
                hint="Put the key that encrypted them back into "
                "FIELD_ENCRYPTION_KEYS (pages/ops/README.md, field keys).",
                id="pages.E002",
            )
        ]
    if not current:
        return [
            checks.Warning(
                "Stored data is not encrypted with the newest field key.",
                hint="Run manage.py rotate_field_encryption.",
                id="pages.W001",
            )
        ]
    return []


def write_canary() -> None:
    """The canary under the newest key (the only row)."""
    FieldEncryptionCanary.objects.all().delete()
    FieldEncryptionCanary.objects.create(
        token=field_fernet().encrypt(CANARY_TEXT).decode()
    )


def undecryptable_ids() -> list[int]:
    fields = encrypted_fields()
    return [
        row["pk"]
        for row in ConsultationRequest.objects.values("pk", *fields)
        if any(isinstance(row[name], Undecryptable) for name in fields)
    ]


class RotationError(Exception):
    """Some rows cannot be decrypted; nothing was changed."""


def rotate_field_encryption() -> int:
    """Re-encrypt every request under the newest key, rebuild its search index
    (under the current ``CONSULTATION_SEARCH_KEY``) and the canary, all in one
    transaction; return the number of requests."""
    with transaction.atomic():
        requests = list(ConsultationRequest.objects.select_for_update().order_by("pk"))
        broken = undecryptable_ids()
        if broken:
            raise RotationError(broken)
        for consultation_request in requests:
            # save() rebuilds email_index and name_index from the plain text.
            consultation_request.save(update_fields=encrypted_fields())
        write_canary()
    return len(requests)
