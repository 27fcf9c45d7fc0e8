"""Subresource Integrity for the site's own scripts.

``<script src="{% static p %}" integrity="{% static_integrity p %}">``: the
browser refuses a script whose bytes differ from what the page was rendered
with (a tampered or half-deployed static folder).
"""

import base64
import hashlib
from functools import lru_cache
from pathlib import Path

from django import template
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage

register = template.Library()


@register.simple_tag
def static_integrity(path: str) -> str:
    """``sha384-…`` of the static file ``path`` exactly as it is served."""
    storage = staticfiles_storage
    if isinstance(storage, ManifestFilesMixin):
        # Collected and possibly rewritten (source map names): read the copy that
        # whitenoise serves. It cannot change under a running process.
        return collected_digest(storage.stored_name(path))
    # No manifest (tests, runserver): the finders serve the source file, which
    # may be edited while the process runs.
    found = finders.find(path)
    if not found:
        raise ValueError(f"No static file {path!r}")
    source = Path(found)
    stat = source.stat()
    return source_digest(source, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def collected_digest(stored_name: str) -> str:
    with staticfiles_storage.open(stored_name) as collected:
        return digest(collected.read())


@lru_cache(maxsize=64)
def source_digest(source: Path, mtime_ns: int, size: int) -> str:
    """Cached per modification time and size: an edited file gets a new digest."""
    return digest(source.read_bytes())


def digest(content: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(content).digest()).decode()
