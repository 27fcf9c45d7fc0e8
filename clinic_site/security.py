"""The Content-Security-Policy middleware: one policy for patients, two for staff."""

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from csp.middleware import CSPMiddleware, PolicyParts

from pages.staff.sign_in import SIGN_IN_VIEWS, is_admin_path


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own policies.

    Patient pages get ``CONTENT_SECURITY_POLICY``. Under the admin's address the
    sign-in pages get ``CONTENT_SECURITY_POLICY_ADMIN`` (no inline script or
    style) and every other admin page ``CONTENT_SECURITY_POLICY_ADMIN_EDITING``,
    which Wagtail's editing interface needs. A page rendered for the editor's
    preview (Wagtail's "dummy" request, run through this middleware under the
    page's own address) gets ``CONTENT_SECURITY_POLICY_PREVIEW``: the patients'
    policy, except that the admin itself may frame it.
    """

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if getattr(request, "is_dummy", False):
            parts.config = settings.CONTENT_SECURITY_POLICY_PREVIEW["DIRECTIVES"]
        elif is_admin_path(request.path_info):
            parts.config = admin_policy(request)["DIRECTIVES"]
        return parts


def admin_policy(request: HttpRequest) -> dict:
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name in SIGN_IN_VIEWS:
        return settings.CONTENT_SECURITY_POLICY_ADMIN
    return settings.CONTENT_SECURITY_POLICY_ADMIN_EDITING
