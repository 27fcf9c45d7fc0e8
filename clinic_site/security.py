"""The Content-Security-Policy middleware: one policy for patients, one for staff."""

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse

from csp.middleware import CSPMiddleware, PolicyParts


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own, looser policy.

    Patient pages get ``CONTENT_SECURITY_POLICY``. The Wagtail admin needs inline
    styles and its own preview frames, which the patient pages must not allow, so
    every response under the admin's address gets ``CONTENT_SECURITY_POLICY_ADMIN``.
    """

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and is_admin_path(request.path_info):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


def is_admin_path(path: str) -> bool:
    """True for the Wagtail admin's pages (and the two-factor pages inside it)."""
    return path.startswith(reverse("wagtailadmin_home"))
