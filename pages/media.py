"""Image renditions from ``MEDIA_ROOT/images/`` when no web server sends them.

``make run`` and ``make dev`` serve the site without nginx, so the pages' images
and the admin's thumbnails would be missing. In production nginx serves
``/media/images/`` itself and nothing else of ``/media/``
(``clinic_site/deploy/nginx.conf.example``); this view does the same, so it is
routed only where ``SERVE_MEDIA_IMAGES`` is on. Documents (``media/documents/``)
and original uploads are never served from here: a document may be private, and
only Wagtail's ``/documents/`` view checks that. Only image types are sent
(never SVG, which can carry script), with ``nosniff`` and the same week of
caching as nginx's ``expires 7d``.
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views import static
from django.views.decorators.http import require_safe

IMAGE_TYPES = {".avif", ".gif", ".jpeg", ".jpg", ".png", ".webp"}
MAX_AGE = 60 * 60 * 24 * 7


@require_safe
def serve_image(request: HttpRequest, path: str) -> HttpResponse:
    """One rendition file; 404 for anything that is not an image."""
    if Path(path).suffix.lower() not in IMAGE_TYPES:
        raise Http404
    # static.serve refuses paths that leave the folder and answers
    # If-Modified-Since; "not for production" only because it is slower than nginx.
    response = static.serve(
        request, path, document_root=Path(settings.MEDIA_ROOT) / "images"
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
