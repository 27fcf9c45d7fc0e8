"""Cross-site request forgery protection without a cookie.

Django's CSRF token needs a cookie, and a page that sets one is never kept by the
page cache (``pages.ops.page_cache``); the feedback form sits on every content
page. So the feedback views check where the form was sent from instead, as the
OWASP CSRF cheat sheet ("Fetch Metadata", "Verifying Origin") and Go's
``http.CrossOriginProtection`` do: every current browser sends
``Sec-Fetch-Site`` or ``Origin`` with a form's POST. A request with neither
comes from no browser, so no visitor's browser was made to send it; the rate
limit and the honeypot deal with such clients.
"""

from django.conf import settings
from django.http import HttpRequest

SAME_ORIGIN_FETCH_SITES = {"same-origin", "none"}


def is_cross_site(request: HttpRequest) -> bool:
    """Whether a browser sent ``request`` from another site's page."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in SAME_ORIGIN_FETCH_SITES
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    own = f"{request.scheme}://{request.get_host()}"
    return origin != own and origin not in settings.CSRF_TRUSTED_ORIGINS
