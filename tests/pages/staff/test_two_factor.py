"""Two-factor login for the admin: enrolment, the code step, recovery codes."""

import io
import re

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from pages.management.commands.load_demo_content import DEMO_ADMIN_USERNAME
from pages.staff.models import EnrolmentLink
from tests.staff import current_code

pytestmark = pytest.mark.django_db

SETUP_URL = "/admin/two-factor/setup/"
VERIFY_URL = "/admin/two-factor/verify/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "redaktion", password="x" * 16, is_superuser=True
    )


def open_enrolment_link(client, user) -> None:
    _link, token = EnrolmentLink.issue(user, created_by=None)
    assert client.get(f"/admin/two-factor/enrol/?token={token}").status_code == 302


def test_password_alone_does_not_open_the_admin(client, staff):
    TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    client.force_login(staff)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY_URL}?next=/admin/pages/"


def test_staff_without_an_app_is_sent_to_enrolment(client, staff):
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(SETUP_URL)


def test_real_password_login_then_code_reaches_the_dashboard(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="App", confirmed=True)

    response = client.post(
        "/admin/login/", {"username": "redaktion", "password": "x" * 16}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith(VERIFY_URL)

    response = client.post(
        VERIFY_URL, {"otp_token": current_code(device), "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_wrong_code_is_refused_with_a_translated_error(client, staff):
    TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    client.force_login(staff)

    response = client.post(
        VERIFY_URL, {"otp_token": "000000"}, HTTP_ACCEPT_LANGUAGE="de"
    )

    assert response.status_code == 400
    assert "Der Code ist falsch oder abgelaufen." in response.content.decode()
    assert client.get("/admin/").status_code == 302


def error_described_field(html: str) -> tuple[str, str]:
    """The code field's aria-describedby, and the text of the element it names."""
    described_by = re.search(
        r'<input[^>]*name="otp_token"[^>]*aria-describedby="([^"]+)"', html
    ).group(1)
    container = re.search(
        rf'<div[^>]*id="{described_by}"[^>]*>(.*?)</div>', html, re.DOTALL
    ).group(1)
    return described_by, re.sub(r"<[^>]+>|\s+", " ", container).strip()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("de", "Der Code ist falsch oder abgelaufen."),
        ("en", "The code is wrong or has expired."),
    ],
)
def test_wrong_code_error_describes_the_field(client, staff, language, message):
    TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    client.force_login(staff)

    response = client.post(
        VERIFY_URL, {"otp_token": "000000"}, HTTP_ACCEPT_LANGUAGE=language
    )

    html = response.content.decode()
    assert error_described_field(html) == ("id_otp_token_error", message)
    assert 'aria-invalid="true"' in html
    assert "login-form" not in html  # Wagtail's CSS hides the errors there


def test_enrolment_wrong_code_error_describes_the_field(client, staff):
    client.force_login(staff)
    open_enrolment_link(client, staff)

    response = client.post(SETUP_URL, {"otp_token": "12"}, HTTP_ACCEPT_LANGUAGE="en")

    assert error_described_field(response.content.decode()) == (
        "id_otp_token_error",
        "The code is wrong or has expired.",
    )


def test_code_form_carries_its_csrf_token(staff):
    device = TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    page = client.get(VERIFY_URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    response = client.post(
        VERIFY_URL, {"otp_token": current_code(device), "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302


def test_verify_ignores_a_next_address_on_another_host(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    client.force_login(staff)

    response = client.post(
        VERIFY_URL,
        {"otp_token": current_code(device), "next": "https://evil.example/"},
    )

    assert response["Location"] == "/admin/"


def test_enrolment_shows_a_local_qr_code_then_recovery_codes(client, staff):
    client.force_login(staff)
    open_enrolment_link(client, staff)

    page = client.get(SETUP_URL).content.decode()
    assert "<svg" in page
    assert "http" not in page.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org", ""
    )
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    secret = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', page).group(1)
    assert len(secret.replace(" ", "")) == 32

    response = client.post(SETUP_URL, {"otp_token": current_code(device)})

    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed is True
    assert client.get("/admin/").status_code == 200


def test_enrolment_with_a_wrong_code_confirms_nothing(client, staff):
    client.force_login(staff)
    open_enrolment_link(client, staff)
    client.get(SETUP_URL)

    response = client.post(SETUP_URL, {"otp_token": "12"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert "The code is wrong or has expired." in response.content.decode()
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).exists() is False


def test_an_enrolled_user_cannot_enrol_a_second_app(client, staff):
    TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    client.force_login(staff)
    open_enrolment_link(client, staff)

    client.get(SETUP_URL)

    assert TOTPDevice.objects.filter(user=staff).count() == 1


def test_a_recovery_code_signs_in_once(client, staff):
    TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    recovery = StaticDevice.objects.create(user=staff, name="Recovery codes")
    recovery.token_set.create(token="abcd2345")  # noqa: S106 (test code)

    client.force_login(staff)
    assert client.post(VERIFY_URL, {"otp_token": "abcd2345"}).status_code == 302
    client.logout()
    client.force_login(staff)
    assert client.post(VERIFY_URL, {"otp_token": "abcd2345"}).status_code == 400


def test_anonymous_visitor_of_the_code_page_is_sent_to_the_login(client):
    response = client.get(VERIFY_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_demo_admin_code_comes_from_demo_totp(client):
    call_command("load_demo_content", stdout=io.StringIO())
    out = io.StringIO()
    call_command("demo_totp", stdout=out)
    code = out.getvalue().strip()

    client.force_login(get_user_model().objects.get(username=DEMO_ADMIN_USERNAME))
    response = client.post(VERIFY_URL, {"otp_token": code})

    assert re.fullmatch(r"\d{6}", code)
    assert response.status_code == 302


def test_reset_two_factor_makes_the_next_sign_in_enrol(client, staff):
    TOTPDevice.objects.create(user=staff, name="App", confirmed=True)
    StaticDevice.objects.create(user=staff, name="Recovery codes")
    out = io.StringIO()

    call_command("reset_two_factor", "redaktion", stdout=out)
    client.force_login(staff)

    assert "removed 2 two-factor device(s)" in out.getvalue()
    assert client.get("/admin/")["Location"].startswith(SETUP_URL)
