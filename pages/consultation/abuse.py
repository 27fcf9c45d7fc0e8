"""Abuse protection for the consultation form, without any third-party service.

Two measures live here: the form's per-address rate limit (counted by
``clinic_site/rate_limit.py``, which the password reset uses too), and the
signed "form started" token behind the minimum fill time. The honeypot and
the CSRF token are part of the form and of Django's middleware.

The token carries a random id, and a request stores the id of the token it was
sent with (``ConsultationRequest.form_token``, unique): a token is accepted once,
so a captured form cannot be replayed for the day it stays valid. The database
rather than the cache keeps the used ids, because the cache may evict them (the
database cache of ``make run`` culls beyond 300 entries) and because the unique
column also settles two replays sent at the same moment.
"""

import secrets
import time

from django.conf import settings
from django.core import signing
from django.http import HttpRequest

from clinic_site.rate_limit import RateLimit

FORM_STARTED_SALT = "pages.consultation.form-started"
FORM_STARTED_VALUE = "consultation-form"
FORM_TOKEN_ID_BYTES = 16  # 22 characters in URL-safe base64


def consultation_rate_limit(request: HttpRequest) -> RateLimit:
    """The consultation form's limit for the request's address."""
    return RateLimit.for_address(
        request,
        "consultation-rate",
        limit=settings.CONSULTATION_RATE_LIMIT_REQUESTS,
        window=settings.CONSULTATION_RATE_LIMIT_WINDOW,
    )


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
