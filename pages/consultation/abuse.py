"""Abuse protection for the consultation form, without any third-party service.

Two measures live here: the form's per-address rate limit (counted by
``clinic_site/rate_limit.py``, which the password reset uses too), and the
signed "form started" timestamp behind the minimum fill time. The honeypot and
the CSRF token are part of the form and of Django's middleware.
"""

import time

from django.conf import settings
from django.core import signing
from django.http import HttpRequest

from clinic_site.rate_limit import RateLimit

FORM_STARTED_SALT = "pages.consultation.form-started"
FORM_STARTED_VALUE = "consultation-form"


def consultation_rate_limit(request: HttpRequest) -> RateLimit:
    """The consultation form's limit for the request's address."""
    return RateLimit.for_address(
        request,
        "consultation-rate",
        limit=settings.CONSULTATION_RATE_LIMIT_REQUESTS,
        window=settings.CONSULTATION_RATE_LIMIT_WINDOW,
    )


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
