"""The address a request came from, for the consultation rate limit and axes.

One function, so that the form's rate limit and the sign-in lockout
(``AXES_CLIENT_IP_CALLABLE``) always count the same client.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address: the proxy's header when configured, else REMOTE_ADDR.

    A proxy appends the address it saw to X-Forwarded-For, so its last entry is
    the one a client cannot forge.
    """
    header = settings.CONSULTATION_CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
