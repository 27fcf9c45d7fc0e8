"""The backup archive's encryption (``pages.ops.backup_crypto``)."""

import os

from django.test import override_settings

import pytest

from pages.ops.backup_crypto import (
    CHUNK_SIZE,
    LENGTH,
    MAGIC,
    ArchiveKeyError,
    seal,
    unseal,
)


def chunks(sealed: bytes) -> list[bytes]:
    """The length-prefixed tokens of a sealed file, prefix included."""
    parts, offset = [], len(MAGIC)
    while offset < len(sealed):
        end = offset + LENGTH.size + LENGTH.unpack_from(sealed, offset)[0]
        parts.append(sealed[offset:end])
        offset = end
    return parts


@pytest.fixture
def sealed_file(tmp_path):
    plain = tmp_path / "plain"
    plain.write_bytes(os.urandom(2 * CHUNK_SIZE + 10))
    seal(plain, tmp_path / "sealed")
    return plain, tmp_path / "sealed"


def test_round_trip_over_several_chunks(tmp_path, sealed_file):
    plain, sealed = sealed_file

    unseal(sealed, tmp_path / "opened")

    assert len(chunks(sealed.read_bytes())) == 3
    assert (tmp_path / "opened").read_bytes() == plain.read_bytes()


@pytest.mark.parametrize("change", ["reorder", "drop_last", "repeat"])
def test_reordered_or_missing_chunks_are_refused(tmp_path, sealed_file, change):
    _, sealed = sealed_file
    first, second, last = chunks(sealed.read_bytes())
    body = {
        "reorder": [second, first, last],
        "drop_last": [first, second],
        "repeat": [first, second, last, last],
    }[change]
    sealed.write_bytes(MAGIC + b"".join(body))

    with pytest.raises(ArchiveKeyError, match="cannot be decrypted"):
        unseal(sealed, tmp_path / "opened")


def test_the_site_keys_are_refused_as_backup_key(tmp_path):
    plain = tmp_path / "plain"
    plain.write_bytes(b"data")

    with (
        override_settings(
            BACKUP_ENCRYPTION_KEY="AwwMFZqCUAzpV6j2wdCagOPHu-wcD91xpgxVQF_l1yM="
        ),
        pytest.raises(ArchiveKeyError, match="a key of its own"),
    ):
        seal(plain, tmp_path / "sealed")
