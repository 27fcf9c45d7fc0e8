"""Abuse protection for the consultation form, without any third-party service.

Two measures live here: a per-address rate limit counted in Django's cache, and
the signed "form started" timestamp behind the minimum fill time. The honeypot
and the CSRF token are part of the form and of Django's middleware.

django-ratelimit was considered for the rate limit; its system checks reject the
local-memory and database caches that the test and dev settings use, so the few
lines below count with ``cache.add`` and ``cache.incr`` directly (both atomic on
Redis, which production uses).
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

from clinic_site.client_address import client_address

FORM_STARTED_SALT = "pages.consultation.form-started"
FORM_STARTED_VALUE = "consultation-form"


@dataclass
class RateLimit:
    """At most ``limit`` counted requests per address in ``window`` seconds."""

    key: str
    limit: int
    window: int

    @classmethod
    def for_request(cls, request: HttpRequest) -> "RateLimit":
        # The address is hashed so that the cache holds no IP addresses.
        address = hashlib.sha256(client_address(request).encode()).hexdigest()
        return cls(
            key=f"consultation-rate:{address}",
            limit=settings.CONSULTATION_RATE_LIMIT_REQUESTS,
            window=settings.CONSULTATION_RATE_LIMIT_WINDOW,
        )

    def count(self) -> int:
        return cache.get(self.key, 0)

    def is_exceeded(self) -> bool:
        return self.count() >= self.limit

    def hit(self) -> int:
        """Count one request; the window starts with the first one."""
        if cache.add(self.key, 1, timeout=self.window):
            return 1
        try:
            return cache.incr(self.key)
        except ValueError:  # expired between add() and incr()
            cache.add(self.key, 1, timeout=self.window)
            return 1


def sign_form_started() -> str:
    """A token that proves when the form was handed out."""
    return signing.TimestampSigner(salt=FORM_STARTED_SALT).sign(FORM_STARTED_VALUE)


def form_started_age(token: str) -> float | None:
    """Seconds since ``token`` was signed, or None when it is forged or expired."""
    signer = signing.TimestampSigner(salt=FORM_STARTED_SALT)
    try:
        value = signer.unsign(token, max_age=settings.CONSULTATION_FORM_MAX_AGE)
    except signing.BadSignature:
        return None
    if value != FORM_STARTED_VALUE:
        return None
    timestamp = signing.b62_decode(token.rsplit(signer.sep, 2)[1])
    return time.time() - timestamp
