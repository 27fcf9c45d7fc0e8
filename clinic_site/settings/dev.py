"""Laptop settings: SQLite, a throwaway secret key, the demo admin account.

``make dev`` runs with DEBUG on; ``make run`` sets ``DJANGO_DEBUG=0`` to serve
the way production does (gunicorn, whitenoise, DEBUG off).
"""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DJANGO_DEBUG", "1").lower() in {"1", "true", "yes"}

SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
if os.environ.get("HOST") and os.environ["HOST"] not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(os.environ["HOST"])

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

DEMO_ADMIN_ALLOWED = True
