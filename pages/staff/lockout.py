"""The page django-axes shows a locked-out sign-in (``AXES_LOCKOUT_CALLABLE``).

Failed sign-ins are counted per client address and user name; the address comes
from ``clinic_site.client_address``, as for the consultation form's rate limit.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None,
    credentials: dict | None,
) -> HttpResponse:
    """django-axes' answer to a locked-out login: a translated page and 429."""
    return render(
        request,
        "two_factor/lockout.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
        status=429,
    )
