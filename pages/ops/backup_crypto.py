"""Encryption of a whole backup archive with ``BACKUP_ENCRYPTION_KEY``.

Fernet (``cryptography``: AES-128-CBC with an HMAC-SHA256) authenticates each
message but holds it in memory whole, and an archive with the media can be
large. So the file is a header and a row of length-prefixed Fernet tokens of at
most ``CHUNK_SIZE`` bytes each. Each token's plain text starts with its position
and a "last" flag, so that reordered, repeated or missing chunks are detected
like a wrong key: nothing is decrypted into the restore until the whole file
has been checked.
"""

import struct
from pathlib import Path

from django.conf import settings

from cryptography.fernet import Fernet, InvalidToken

MAGIC = b"ROC-BACKUP-FERNET-1\n"
CHUNK_SIZE = 4 * 1024 * 1024
LENGTH = struct.Struct(">I")
POSITION = struct.Struct(">Q?")  # chunk number, last chunk


class ArchiveKeyError(Exception):
    """The key is missing or invalid, or the archive was not sealed with it."""


def backup_fernet() -> Fernet:
    """The configured key, never ``SECRET_KEY``; a clear error when unusable."""
    key = getattr(settings, "BACKUP_ENCRYPTION_KEY", "")
    if not key:
        raise ArchiveKeyError("Set BACKUP_ENCRYPTION_KEY (see pages/ops/README.md).")
    if key in {settings.SECRET_KEY, *getattr(settings, "FIELD_ENCRYPTION_KEYS", [])}:
        # The archive is kept where the site's own keys are not.
        raise ArchiveKeyError("BACKUP_ENCRYPTION_KEY must be a key of its own.")
    try:
        return Fernet(key)
    except ValueError as error:
        raise ArchiveKeyError(
            "BACKUP_ENCRYPTION_KEY is not a Fernet key (32 url-safe base64 bytes)."
        ) from error


def seal(source: Path, target: Path) -> None:
    """Encrypt ``source`` into ``target`` chunk by chunk."""
    fernet = backup_fernet()
    size = source.stat().st_size
    chunks = max(1, -(-size // CHUNK_SIZE))
    with source.open("rb") as plain, target.open("wb") as sealed:
        sealed.write(MAGIC)
        for number in range(chunks):
            data = plain.read(CHUNK_SIZE)
            token = fernet.encrypt(POSITION.pack(number, number == chunks - 1) + data)
            sealed.write(LENGTH.pack(len(token)) + token)


def unseal(source: Path, target: Path) -> None:
    """Decrypt ``source`` into ``target``; raise ``ArchiveKeyError`` on any doubt."""
    fernet = backup_fernet()
    unreadable = ArchiveKeyError(
        f"{source} cannot be decrypted with BACKUP_ENCRYPTION_KEY "
        "(a different key, or not a complete backup archive)."
    )
    with source.open("rb") as sealed, target.open("wb") as plain:
        if sealed.read(len(MAGIC)) != MAGIC:
            raise unreadable
        number, last = 0, False
        while not last:
            length = sealed.read(LENGTH.size)
            if len(length) != LENGTH.size:
                raise unreadable
            try:
                data = fernet.decrypt(sealed.read(LENGTH.unpack(length)[0]))
            except InvalidToken as error:
                raise unreadable from error
            position, last = POSITION.unpack_from(data)
            if position != number:
                raise unreadable
            plain.write(data[POSITION.size :])
            number += 1
        if sealed.read(1):
            raise unreadable
