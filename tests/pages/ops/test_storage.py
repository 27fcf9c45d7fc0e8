"""Uploads into a full disk (pages/ops/storage.py).

The disk fills up for real: the kernel's per-process file size limit
(``RLIMIT_FSIZE``) stops the write of the upload part-way with ``EFBIG``, after
some bytes are on disk, as a full disk stops it with ``ENOSPC``; both take the
same path. No part of Django or Wagtail is replaced.
"""

import io
import json
import os
import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db

LIMIT = 4096  # bytes a file may grow to while the disk is "full"
MESSAGE = (
    "Die Datei konnte nicht gespeichert werden, weil der Speicher des Servers voll ist."
)


@contextmanager
def disk_full_after(limit: int) -> Iterator[None]:
    """Writes past ``limit`` bytes of a file fail, as on a full disk."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    # Without this the kernel's SIGXFSZ would end the test process.
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def noisy_png() -> bytes:
    """A PNG several times larger than LIMIT (noise does not compress)."""
    image = Image.frombytes("RGB", (64, 64), os.urandom(64 * 64 * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    assert len(buffer.getvalue()) > 3 * LIMIT
    return buffer.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root) -> list[str]:
    return [name for _folder, _dirs, names in os.walk(root) for name in names]


def test_image_upload_into_a_full_disk_says_so_and_keeps_nothing(
    admin_client, media_root
):
    images = get_image_model().objects.count()
    upload = SimpleUploadedFile("xray.png", noisy_png(), content_type="image/png")

    # A savepoint stands in for production's autocommit: the failed save marks
    # the enclosing transaction, here the test's own, for rollback.
    with disk_full_after(LIMIT), transaction.atomic():
        response = admin_client.post(
            "/admin/images/multiple/add/",
            {"files[]": upload},
            headers={"x-requested-with": "XMLHttpRequest"},
        )

    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert MESSAGE in answer["error_message"]
    assert stored_files(media_root) == []
    assert get_image_model().objects.count() == images


def test_document_upload_into_a_full_disk_shows_the_form_with_the_message(
    admin_client, media_root
):
    documents = get_document_model().objects.count()
    upload = SimpleUploadedFile(
        "leaflet.pdf", b"%PDF-1.4\n" + os.urandom(4 * LIMIT), "application/pdf"
    )

    with disk_full_after(LIMIT):
        response = admin_client.post(
            "/admin/documents/add/", {"title": "Leaflet", "file": upload}
        )

    assert response.status_code == 303
    assert response["Location"] == "/admin/documents/add/"
    form = admin_client.get(response["Location"])
    assert MESSAGE in form.content.decode()
    assert stored_files(media_root) == []
    assert get_document_model().objects.count() == documents
