"""A per-address rate limit counted in Django's cache.

Used by the consultation form (``pages/consultation/abuse.py``) and the password
reset (``pages/staff/password_reset.py``); the address comes from
``client_address.py``, as for django-axes.

django-ratelimit was considered; its system checks reject the local-memory and
database caches that the test and dev settings use, so the few lines below count
with ``cache.add`` and ``cache.incr`` directly (both atomic on Redis, which
production uses, and on the local-memory cache of the tests).
"""

import contextlib
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest

from clinic_site.client_address import client_address


@dataclass
class RateLimit:
    """At most ``limit`` counted requests per address in ``window`` seconds."""

    key: str
    limit: int
    window: int

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
