"""Laptop settings: SQLite, a throwaway secret key, the demo admin account.

``make dev`` runs with DEBUG on; ``make run`` sets ``DJANGO_DEBUG=0`` to serve
the way production does (gunicorn, whitenoise, DEBUG off).
"""

import os
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = os.environ.get("DJANGO_DEBUG", "1").lower() in {"1", "true", "yes"}

SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
if os.environ.get("HOST") and os.environ["HOST"] not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(os.environ["HOST"])

# `make budget` and `make bench` serve a throwaway copy of the demo site: these
# keep its collected static files (and any uploads) out of the working tree.
if os.environ.get("DJANGO_STATIC_ROOT"):
    STATIC_ROOT = Path(os.environ["DJANGO_STATIC_ROOT"])
if os.environ.get("DJANGO_MEDIA_ROOT"):
    MEDIA_ROOT = Path(os.environ["DJANGO_MEDIA_ROOT"])

# Links in staff mails point where the site really serves: `make run` passes
# http://HOST:PORT.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL)  # noqa: F405

# `make run` writes each mail as a file into DJANGO_EMAIL_FILE_PATH (.mail/,
# ignored by git) to be read there; otherwise mails go to the console.
if os.environ.get("DJANGO_EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = Path(os.environ["DJANGO_EMAIL_FILE_PATH"])
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "ROC Ortho <website@roc-ortho.example>"
FRONT_DESK_EMAIL = "empfang@roc-ortho.example"

# Shared by gunicorn's workers (rate limit counts); `make prepare` creates the table.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
    }
}

# The caching proxy in front, when a script starts one (tests/perf/edge_proxy.py).
WAGTAILFRONTENDCACHE = edge_cache_backends(os.environ.get("EDGE_CACHE_PURGE_URLS", ""))  # noqa: F405

# `make dev` (DEBUG on) shows every template change at once: no page cache.
if DEBUG:
    PAGE_CACHE_SECONDS = 0

# Fixed keys for local data only; production reads its own from the environment.
FIELD_ENCRYPTION_KEYS = ["DluLTQPEdgNYOurncu59hsGoqs7popSoWZMrhfDxhgM="]
BACKUP_ENCRYPTION_KEY = os.environ.get(
    "BACKUP_ENCRYPTION_KEY", "pH2baelYvxqfgLCZaBltOkHdYFPPfGlgzU8ceIRyIkk="
)
# The key of requests stored before FIELD_ENCRYPTION_KEYS (SECRET_KEY + salt):
# migration 0009 converts them.
SALT_KEY = "dev-only-field-encryption-salt"
CONSULTATION_SEARCH_KEY = "dev-only-search-index-key"

DEMO_ADMIN_ALLOWED = True

# No nginx in front: Django sends the image renditions (pages.media).
SERVE_MEDIA_IMAGES = True
