"""Passkeys (WebAuthn, django-otp-webauthn) as a second factor beside the app.

Passkeys confirm a password sign-in; they never replace it
(``OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False``). The library's scripts are
static files and read their settings from a JSON block, so the sign-in pages
keep their policy without inline scripts. A passkey belongs to the host it was
made on (the relying party), taken from the request, which ``ALLOWED_HOSTS``
has checked.
"""

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.http.request import split_domain_port
from django.middleware import csrf
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from django_otp_webauthn import exceptions
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from pages.staff.enrolment import finish_enrolment, session_link

RECOVERY_CODES_DUE = "two_factor_recovery_codes_due"


def relying_party_id(request: HttpRequest) -> str:
    """The host name the passkey is bound to: this request's, without the port."""
    domain, _port = split_domain_port(request.get_host())
    return domain


class SiteWebAuthnHelper(WebAuthnHelper):
    def get_relying_party_name(self) -> str:
        return settings.WAGTAIL_SITE_NAME

    def get_allowed_origins(self) -> list[str]:
        """The origin this request came to (a host from ``ALLOWED_HOSTS``).

        A page on another origin that relays a ceremony fails: the browser
        signs the origin it showed.
        """
        return [f"{self.request.scheme}://{self.request.get_host()}"]


class EnrolmentLinkRequired(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_detail = _(
        "A passkey can be added only through an enrolment link from an "
        "administrator, or after signing in with both factors."
    )
    default_code = "enrolment_link_required"


class RegistrationGuard:
    def check_can_register(self) -> None:
        """Without a verified session, only a valid enrolment link allows it.

        The library already refuses an unverified user who has a device.
        """
        if not self.request.user.is_verified() and session_link(self.request) is None:
            raise EnrolmentLinkRequired()


class BeginRegistrationView(RegistrationGuard, BeginCredentialRegistrationView):
    pass


class CompleteRegistrationView(RegistrationGuard, CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs) -> JsonResponse:
        enrolling = session_link(self.request) is not None
        response = super().post(*args, **kwargs)
        if enrolling:
            finish_enrolment(self.request)
            self.request.session[RECOVERY_CODES_DUE] = True
        return response


class CompleteAuthenticationView(CompleteCredentialAuthenticationView):
    def get_success_url(self) -> str:
        return self.get_redirect_url() or reverse("wagtailadmin_home")


def has_passkey(user) -> bool:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def script_configuration(request: HttpRequest) -> dict:
    """What the library's scripts read from the ``otp_webauthn_config`` block."""
    return {
        "autocompleteLoginFieldSelector": None,
        "nextFieldSelector": "input[name='next']",
        "csrfToken": csrf.get_token(request),
        "beginAuthenticationUrl": reverse("passkey_authentication_begin"),
        "completeAuthenticationUrl": reverse("passkey_authentication_complete"),
        "beginRegistrationUrl": reverse("passkey_registration_begin"),
        "completeRegistrationUrl": reverse("passkey_registration_complete"),
    }


urlpatterns = [
    path(
        "registration/begin/",
        BeginRegistrationView.as_view(),
        name="passkey_registration_begin",
    ),
    path(
        "registration/complete/",
        CompleteRegistrationView.as_view(),
        name="passkey_registration_complete",
    ),
    path(
        "authentication/begin/",
        BeginCredentialAuthenticationView.as_view(),
        name="passkey_authentication_begin",
    ),
    path(
        "authentication/complete/",
        CompleteAuthenticationView.as_view(),
        name="passkey_authentication_complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="passkey_javascript_catalog",
    ),
]
