"""Production settings: everything secret or site-specific comes from the
environment, and the process refuses to start when something is missing."""

import ipaddress
import os
from email.utils import formataddr, parseaddr
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url
from cryptography.fernet import Fernet

from .base import *  # noqa: F403


def require_env(name: str) -> str:
    """Return the environment variable ``name`` or stop with a clear message."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


SECRET_KEY = require_env("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in require_env("ALLOWED_HOSTS").split(",")]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]
DATABASES = {
    "default": dj_database_url.parse(
        require_env("DATABASE_URL"), conn_max_age=60, conn_health_checks=True
    )
}
WAGTAILADMIN_BASE_URL = require_env("WAGTAILADMIN_BASE_URL")

EMAIL_HOST = require_env("EMAIL_HOST")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "1") == "1"
DEFAULT_FROM_EMAIL = require_env("DEFAULT_FROM_EMAIL")
# Staff mails (Wagtail's review mails too) go out in the clinic's name,
# "ROC Ortho <website@…>", unless the environment names a sender itself.
if not parseaddr(DEFAULT_FROM_EMAIL)[0]:
    DEFAULT_FROM_EMAIL = formataddr((WAGTAIL_SITE_NAME, DEFAULT_FROM_EMAIL))  # noqa: F405
SERVER_EMAIL = DEFAULT_FROM_EMAIL
FRONT_DESK_EMAIL = require_env("FRONT_DESK_EMAIL")

# Stateless app servers: everything they share lives outside them. Uploads go
# to a path every instance mounts (NFS or similar); static files are collected
# on each instance and served by whitenoise.
MEDIA_ROOT = Path(require_env("MEDIA_ROOT"))
if os.environ.get("STATIC_ROOT"):
    STATIC_ROOT = Path(os.environ["STATIC_ROOT"])

# Shared by every gunicorn worker and every instance: the consultation form's
# rate limit counts here, and the page cache lives here.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": require_env("REDIS_URL"),
    }
}

# The caching proxy in front (deploy/nginx.conf.example): where each one takes
# PURGE requests, comma-separated. Unset: no proxy, the page cache alone.
WAGTAILFRONTENDCACHE = edge_cache_backends(os.environ.get("EDGE_CACHE_PURGE_URLS", ""))  # noqa: F405

# Encryption at rest of consultation requests: Fernet keys, comma-separated,
# newest first. New data uses the first; the others still decrypt until
# `manage.py rotate_field_encryption` has re-encrypted every row
# (pages/ops/README.md). Independent of SECRET_KEY.
FIELD_ENCRYPTION_KEYS = [
    key.strip()
    for key in require_env("FIELD_ENCRYPTION_KEYS").split(",")
    if key.strip()
]
for key in FIELD_ENCRYPTION_KEYS:
    try:
        Fernet(key)
    except ValueError as error:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS: each key must be a Fernet key "
            "(32 url-safe base64 bytes)."
        ) from error
# Only to convert requests stored before FIELD_ENCRYPTION_KEYS existed, whose
# key came from SECRET_KEY (and SECRET_KEY_FALLBACKS) with this salt; migration
# 0009 does it once. Not needed afterwards.
SALT_KEY = [
    salt.strip()
    for salt in os.environ.get("FIELD_ENCRYPTION_SALT", "").split(",")
    if salt.strip()
]
SECRET_KEY_FALLBACKS = [
    key.strip()
    for key in os.environ.get("SECRET_KEY_FALLBACKS", "").split(",")
    if key.strip()
]
# Encrypts each backup archive as a whole (pages/ops/backup.py); only the
# backup and restore commands need it.
BACKUP_ENCRYPTION_KEY = os.environ.get("BACKUP_ENCRYPTION_KEY", "").strip()
# Keyed hashes of name and email that the front desk searches by.
CONSULTATION_SEARCH_KEY = require_env("CONSULTATION_SEARCH_KEY")
# The reverse proxies whose X-Forwarded-For is believed (comma-separated
# addresses or CIDR ranges); by default nginx on the same host, as gunicorn.
TRUSTED_PROXIES = [
    proxy.strip()
    for proxy in os.environ.get("TRUSTED_PROXIES", "127.0.0.1").split(",")
    if proxy.strip()
]
for proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(proxy, strict=False)
    except ValueError as error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error

# Behind a TLS-terminating reverse proxy.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
# The load balancer probes each instance directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = 63072000  # two years
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Strict"
