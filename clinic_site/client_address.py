"""The address a request came from, for the consultation rate limit and axes.

One function, so that the form's rate limit and the sign-in lockout
(``AXES_CLIENT_IP_CALLABLE``) always count the same client.
"""

import ipaddress
from functools import cache

from django.conf import settings
from django.http import HttpRequest

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind a trusted proxy the address
    it appended to X-Forwarded-For.

    The header is read only when the connection comes from a proxy in
    ``TRUSTED_PROXIES``: anyone else who reaches the app server could write any
    address into it. Each proxy appends the address it saw, so the entries are
    read from the right, past the trusted proxies; the first other address is
    the client, and what the client wrote before it is ignored.
    """
    address = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(address):
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(forwarded):
        if not hop.strip():
            continue
        if not is_address(hop.strip()):
            # Text a client wrote, not an address a proxy appended; stored by
            # axes it failed PostgreSQL's inet column with a 500 (make fuzz).
            break
        address = hop.strip()
        if not is_trusted_proxy(address):
            break
    return address


def is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def is_trusted_proxy(address: str) -> bool:
    """Whether ``address`` belongs to one of the ``TRUSTED_PROXIES``."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    return any(ip in network for network in networks)


@cache
def trusted_networks(proxies: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    """The networks of ``proxies`` (addresses or CIDR ranges), parsed once."""
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)
