"""Sign staff in to the admin in tests, second factor included."""

import html
import re

from django.test import Client

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def current_code(device: TOTPDevice) -> str:
    """The code an authenticator app shows now for ``device``."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"


def sign_in_staff(client: Client, user, device: TOTPDevice | None = None) -> Client:
    """Sign ``user`` in to the admin with both factors.

    The password step is skipped (``force_login``); the second step goes through
    the real code form with a code from ``device``, or from a new authenticator
    device.
    """
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
    client.force_login(user)
    response = client.post(
        "/admin/two-factor/verify/", {"otp_token": current_code(device)}
    )
    assert response.status_code == 302, response.content.decode()
    return client


def issue_enrolment_link(admin_client: Client, user) -> str:
    """The enrolment link an administrator creates for ``user`` in the admin."""
    response = admin_client.post(f"/admin/two-factor/enrolment-link/{user.pk}/")
    assert response.status_code == 200, response.content.decode()
    match = re.search(r'id="enrolment-link">([^<]+)<', response.content.decode())
    return html.unescape(match.group(1))
