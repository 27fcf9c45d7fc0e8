"""Abuse protection for the consultation form, without any third-party service.

Two measures live here: a per-address rate limit counted in Django's cache, and
the signed "form started" token behind the minimum fill time. The honeypot and
the CSRF token are part of the form and of Django's middleware.

The token carries a random id, and a request stores the id of the token it was
sent with (``ConsultationRequest.form_token``, unique): a token is accepted once,
so a captured form cannot be replayed for the day it stays valid. The database
rather than the cache keeps the used ids, because the cache may evict them (the
database cache of ``make run`` culls beyond 300 entries) and because the unique
column also settles two replays sent at the same moment.

django-ratelimit was considered for the rate limit; its system checks reject the
local-memory and database caches that the test and dev settings use, so the few
lines below count with ``cache.add`` and ``cache.incr`` directly (both atomic on
Redis, which production uses, and on the local-memory cache of the tests).
"""

import contextlib
import hashlib
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest

from clinic_site.client_address import client_address

FORM_STARTED_SALT = "pages.consultation.form-started"
FORM_STARTED_VALUE = "consultation-form"
FORM_TOKEN_ID_BYTES = 16  # 22 characters in URL-safe base64


@dataclass
class RateLimit:
    """At most ``limit`` counted requests per address in ``window`` seconds."""

    key: str
    limit: int
    window: int

    @classmethod
    def for_request(cls, request: HttpRequest) -> "RateLimit":
        """The consultation form's limit for the request's address."""
        return cls.for_address(
            request,
            "consultation-rate",
            limit=settings.CONSULTATION_RATE_LIMIT_REQUESTS,
            window=settings.CONSULTATION_RATE_LIMIT_WINDOW,
        )

    @classmethod
    def for_address(
        cls, request: HttpRequest, name: str, limit: int, window: int
    ) -> "RateLimit":
        """A limit called ``name`` for the request's address."""
        # The address is hashed so that the cache holds no IP addresses.
        address = hashlib.sha256(client_address(request).encode()).hexdigest()
        return cls(key=f"{name}:{address}", limit=limit, window=window)

    def hit(self) -> int:
        """Count one request and return the count so far; the window starts
        with the first one.

        Counted before the request is handled, in one step: of requests that
        arrive together, only ``limit`` see a count within the limit. The
        database cache of ``make run`` increments with a read and a write; in
        one transaction, which takes SQLite's write lock when it begins
        (``transaction_mode``), no other worker comes between them.
        """
        with transaction.atomic():
            if cache.add(self.key, 1, timeout=self.window):
                return 1
            try:
                return cache.incr(self.key)
            except ValueError:  # expired between add() and incr()
                cache.add(self.key, 1, timeout=self.window)
                return 1

    def allows(self, count: int) -> bool:
        """Whether the request ``hit()`` counted as ``count`` is within the limit."""
        return count <= self.limit

    def release(self) -> None:
        """Take back a counted request that stored nothing (a form with errors)."""
        # ValueError: the window has expired meanwhile.
        with transaction.atomic(), contextlib.suppress(ValueError):
            cache.decr(self.key)


def sign_form_started() -> str:
    """A token that proves when the form was handed out, with a random id."""
    value = f"{FORM_STARTED_VALUE}:{secrets.token_urlsafe(FORM_TOKEN_ID_BYTES)}"
    return signing.TimestampSigner(salt=FORM_STARTED_SALT).sign(value)


def form_started_age(token: str) -> float | None:
    """Seconds since ``token`` was signed, or None when it is forged or expired."""
    if form_token_id(token) is None:
        return None
    signer = signing.TimestampSigner(salt=FORM_STARTED_SALT)
    timestamp = signing.b62_decode(token.rsplit(signer.sep, 2)[1])
    return time.time() - timestamp


def form_token_id(token: str) -> str | None:
    """The random id of a valid ``token``; None when it is forged or expired."""
    signer = signing.TimestampSigner(salt=FORM_STARTED_SALT)
    try:
        value = signer.unsign(token, max_age=settings.CONSULTATION_FORM_MAX_AGE)
    except signing.BadSignature:
        return None
    prefix, _sep, token_id = value.partition(":")
    if prefix != FORM_STARTED_VALUE or not token_id:
        return None
    return token_id
