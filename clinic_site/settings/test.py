"""Settings for the pytest suite: fast, isolated, deterministic."""

import os
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEFAULT_FROM_EMAIL = "ROC Ortho <website@roc-ortho.example>"
FRONT_DESK_EMAIL = "empfang@roc-ortho.example"
WAGTAILADMIN_BASE_URL = "https://www.roc-ortho.example"

# Tasks run at once; the queue tests switch to the database backend themselves.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

FIELD_ENCRYPTION_KEYS = ["AwwMFZqCUAzpV6j2wdCagOPHu-wcD91xpgxVQF_l1yM="]
# The backup tests change it through the environment of the commands they run.
BACKUP_ENCRYPTION_KEY = os.environ.get(
    "BACKUP_ENCRYPTION_KEY", "hWjTDyeg9-VwT7YCEQtjT2Ot8JuMa-UXIPN3-KtzuEY="
)
# The key of requests stored before FIELD_ENCRYPTION_KEYS; see migration 0009.
SALT_KEY = "test-only-field-encryption-salt"
CONSULTATION_SEARCH_KEY = "test-only-search-index-key"

# Tests read the manifest-free storage so that no collectstatic run is needed.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEMO_ADMIN_ALLOWED = True

# No nginx in front: Django sends the image renditions (pages.media).
SERVE_MEDIA_IMAGES = True

# Tests that serve a site of their own (backup round trip) keep its uploads apart.
if os.environ.get("DJANGO_MEDIA_ROOT"):
    MEDIA_ROOT = Path(os.environ["DJANGO_MEDIA_ROOT"])
