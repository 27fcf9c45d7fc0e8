"""Uploads into a full disk: no truncated file, no 500.

Django's ``FileSystemStorage`` writes an upload chunk by chunk; when the disk
fills up (``ENOSPC``), the quota is reached (``EDQUOT``) or the file size limit
(``EFBIG``) stops it, the part written so far stays in ``MEDIA_ROOT`` and the
``OSError`` becomes a 500. ``MediaStorage`` removes that part, and
``StorageFullMiddleware`` answers the editor with a translated message instead:
in the JSON that Wagtail's multiple upload expects, or on the form again.
"""

import errno
import logging
import os

from django.contrib import messages
from django.core.files.storage import FileSystemStorage
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


class StorageFullError(OSError):
    """The upload did not fit; nothing of it was kept."""


class MediaStorage(FileSystemStorage):
    """The file system storage, minus the truncated file a full disk leaves."""

    def _save(self, name, content):
        full_path = self.path(name)
        # The name is free when Django gets here (get_available_name); never
        # remove a file that was there before.
        existed = os.path.lexists(full_path)
        try:
            return super()._save(name, content)
        except OSError as error:
            if error.errno not in NO_SPACE:
                raise
            if not existed and os.path.lexists(full_path):
                os.remove(full_path)
            raise StorageFullError(error.errno, error.strerror, name) from error


def storage_full_message() -> str:
    return gettext(
        "The file could not be saved because the server's storage is full. "
        "Nothing was stored. Please tell the site's administrator."
    )


class StorageFullMiddleware(MiddlewareMixin):
    """Turns a ``StorageFullError`` raised by a view into the editor's message."""

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not isinstance(exception, StorageFullError):
            return None
        logger.error("Upload refused, media storage full: %s", exception)
        message = storage_full_message()
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The shape of Wagtail's answer to an invalid file (multiple upload).
            return JsonResponse({"success": False, "error_message": message})
        messages.error(request, message)
        response = HttpResponseRedirect(request.get_full_path())
        response.status_code = 303
        return response
