"""Site-wide error views."""

import sys

from django.http import HttpRequest, HttpResponse
from django.views import defaults

from clinic_site.middleware import UNAVAILABLE, unavailable_response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the 503 page when a shared service failed outside a view.

    ``DatabaseUnavailableMiddleware`` handles failures in views and templates;
    this catches the rest, raised by a middleware or while the 404 page was
    rendered. Django calls it while it handles the exception, so
    ``sys.exc_info()`` names it. Any other error gets the static 500 page.
    """
    if isinstance(sys.exc_info()[1], UNAVAILABLE):
        return unavailable_response()
    return defaults.server_error(request)
