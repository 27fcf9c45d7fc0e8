"""Two-factor login for the Wagtail admin (django-otp, TOTP and recovery codes).

Wagtail's own login checks the password. Then ``RequireTwoFactorMiddleware``
keeps a signed-in staff member out of the admin until the session is verified
with a one-time code: a staff member without an authenticator app enrols first
(QR code made here, no third-party request) through a link from an
administrator (``enrolment``), everyone else enters the code or uses a passkey
(``passkeys``).
"""

import base64

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import include, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

import segno
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from pages.staff import passkeys
from pages.staff.enrolment import (
    finish_enrolment,
    issue_link_view,
    open_link_view,
    refused,
    session_link,
)
from pages.staff.sign_in import SIGN_IN_VIEWS, is_admin_path

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


class RequireTwoFactorMiddleware:
    """Send a signed-in, unverified user from the admin to enrolment or the code.

    Install it after django-otp's ``OTPMiddleware``, which marks a verified
    session (``request.user.is_verified()``). The sign-in steps themselves
    (``SIGN_IN_VIEWS``) stay open. Outside the admin, an unverified session
    counts as no session: a password alone (Wagtail's front-end login, or the
    admin's first step) must not open private pages or documents.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = request.user
        if not is_admin_path(request.path_info):
            if user.is_authenticated and not user.is_verified():
                request.user = AnonymousUser()
            return None
        if (
            not user.is_authenticated
            or user.is_verified()
            or request.resolver_match.url_name in SIGN_IN_VIEWS
        ):
            return None
        step = "two_factor_verify" if user_has_device(user) else "two_factor_setup"
        return redirect_to_login(request.get_full_path(), reverse(step))


class FocusOnErrorBoundField(forms.BoundField):
    """A field that takes the focus when the page shows its error.

    Screen readers then read the label with the error (``aria-describedby``)
    straight after a wrong code, and the staff member can type again at once.
    """

    def build_widget_attrs(self, attrs: dict, widget=None) -> dict:
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors:
            attrs["autofocus"] = True
        return attrs


class TokenForm(forms.Form):
    bound_field_class = FocusOnErrorBoundField
    otp_token = forms.CharField(
        label=_("Code"),
        max_length=16,
        # Not inputmode=numeric: recovery codes have letters.
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )

    def clean_otp_token(self) -> str:
        return "".join(self.cleaned_data["otp_token"].split())


def next_url(request: HttpRequest) -> str:
    """The admin address to continue to: ``next`` when it is on this site."""
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def recovery_codes_for(user) -> list[str]:
    """Replace the user's recovery codes with new single-use ones and return them."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def qr_code_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as inline SVG, drawn here (no request to another host)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4, dark="#000", light="#fff", svgclass=None, lineclass=None
    )


def secret_in_groups(device: TOTPDevice) -> str:
    """The secret in base32, as authenticator apps ask for it when typed in."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters("otp_token")
def setup_view(request: HttpRequest) -> HttpResponse:
    """Enrol a passkey or an authenticator app, then note recovery codes.

    Only a user without a confirmed device may enrol, so that a stolen password
    cannot add a second app to an account that already has one, and only in a
    session that opened an enrolment link, so that it cannot add the first.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    if user_has_device(request.user):
        return HttpResponseRedirect(next_url(request))
    if session_link(request) is None:
        return refused(request)
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name=APP_DEVICE_NAME, confirmed=False
        )
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            finish_enrolment(request)
            return render_recovery_codes(request)
        form.add_error("otp_token", _("The code is wrong or has expired."))
    return render(
        request,
        "two_factor/setup.html",
        {
            "form": form,
            "qr_code": qr_code_svg(device),
            "secret": secret_in_groups(device),
            "next": next_url(request),
            "passkey_configuration": passkeys.script_configuration(request),
        },
        status=400 if form.errors else 200,
    )


@never_cache
@sensitive_post_parameters("otp_token")
def verify_view(request: HttpRequest) -> HttpResponse:
    """Ask a signed-in staff member for the code from the app or a recovery code."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    if not user_has_device(request.user):
        return redirect(reverse("two_factor_setup"))
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["otp_token"])
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(next_url(request))
        form.add_error("otp_token", _("The code is wrong or has expired."))
    has_passkey = passkeys.has_passkey(request.user)
    return render(
        request,
        "two_factor/verify.html",
        {
            "form": form,
            "next": next_url(request),
            "has_passkey": has_passkey,
            "passkey_configuration": (
                passkeys.script_configuration(request) if has_passkey else None
            ),
        },
        status=400 if form.errors else 200,
    )


def render_recovery_codes(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "two_factor/recovery_codes.html",
        {"codes": recovery_codes_for(request.user), "next": next_url(request)},
    )


@never_cache
def recovery_codes_view(request: HttpRequest) -> HttpResponse:
    """The recovery codes, once, after a passkey finished the enrolment."""
    if not request.session.pop(passkeys.RECOVERY_CODES_DUE, False):
        return HttpResponseRedirect(reverse("wagtailadmin_home"))
    return render_recovery_codes(request)


urlpatterns = [
    path("setup/", setup_view, name="two_factor_setup"),
    path("verify/", verify_view, name="two_factor_verify"),
    path("enrol/", open_link_view, name="two_factor_enrol"),
    path("recovery-codes/", recovery_codes_view, name="two_factor_recovery_codes"),
    path(
        "enrolment-link/<int:user_id>/",
        issue_link_view,
        name="two_factor_issue_link",
    ),
    path("passkey/", include(passkeys.urlpatterns)),
]
