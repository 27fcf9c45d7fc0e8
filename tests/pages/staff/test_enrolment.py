"""First enrolment only through a one-time link an administrator issues."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from pages.staff.models import EnrolmentLink, hash_token
from tests.staff import current_code, issue_enrolment_link, sign_in_staff

pytestmark = pytest.mark.django_db

SETUP_URL = "/admin/two-factor/setup/"
REFUSED_DE = "Bitten Sie eine Administratorin oder einen Administrator um einen neuen"


@pytest.fixture
def newcomer(django_user_model):
    return django_user_model.objects.create_user(
        "neu", password="x" * 16, is_superuser=True
    )


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_admin_issues_a_link_shown_once_and_stored_hashed(admin_client, newcomer):
    url = issue_enrolment_link(admin_client, newcomer)

    token = url.split("token=", 1)[1]
    link = EnrolmentLink.objects.get(user=newcomer)
    assert url.startswith("http://testserver/admin/two-factor/enrol/?token=")
    assert link.token_hash == hash_token(token)
    assert token not in link.token_hash
    assert link.used_at is None


def test_the_user_listing_offers_the_link(admin_client, newcomer):
    page = admin_client.get("/admin/users/").content.decode()

    assert f"/admin/two-factor/enrolment-link/{newcomer.pk}/" in page


def test_staff_without_permission_cannot_issue_links(newcomer, django_user_model):
    editor = django_user_model.objects.create_user(
        "redaktion", password="x" * 16, is_staff=True
    )
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = sign_in_staff(Client(), editor)

    response = client.post(f"/admin/two-factor/enrolment-link/{newcomer.pk}/")

    assert response.status_code == 403
    assert EnrolmentLink.objects.exists() is False


def test_the_link_opens_enrolment_once(admin_client, newcomer):
    url = issue_enrolment_link(admin_client, newcomer)
    client = signed_in(newcomer)

    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == SETUP_URL
    page = client.get(SETUP_URL).content.decode()
    assert 'id="two-factor-secret"' in page
    device = TOTPDevice.objects.get(user=newcomer, confirmed=False)
    assert (
        client.post(SETUP_URL, {"otp_token": current_code(device)}).status_code == 200
    )
    assert client.get("/admin/").status_code == 200

    other_session = signed_in(newcomer)
    assert other_session.get(url).status_code == 403


def test_a_used_link_is_refused_with_a_translated_message(admin_client, newcomer):
    url = issue_enrolment_link(admin_client, newcomer)
    signed_in(newcomer).get(url)
    second = signed_in(newcomer)

    response = second.get(url, HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 403
    assert REFUSED_DE in response.content.decode()
    assert second.get(SETUP_URL).status_code == 403
    assert TOTPDevice.objects.filter(user=newcomer).exists() is False


def test_an_expired_link_is_refused(admin_client, newcomer):
    url = issue_enrolment_link(admin_client, newcomer)
    EnrolmentLink.objects.update(
        created_at=timezone.now() - timedelta(hours=24, seconds=1)
    )
    client = signed_in(newcomer)

    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 403
    assert REFUSED_DE in response.content.decode()
    assert client.get(SETUP_URL).status_code == 403


def test_a_link_expiring_during_enrolment_stops_it(admin_client, newcomer):
    url = issue_enrolment_link(admin_client, newcomer)
    client = signed_in(newcomer)
    client.get(url)
    EnrolmentLink.objects.update(created_at=timezone.now() - timedelta(hours=25))

    assert client.get(SETUP_URL).status_code == 403


def test_another_users_link_is_refused_and_stays_valid(admin_client, newcomer):
    url = issue_enrolment_link(admin_client, newcomer)
    intruder = get_user_model().objects.create_user("fremd", password="y" * 16)

    response = signed_in(intruder).get(url, HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 403
    assert REFUSED_DE in response.content.decode()
    assert signed_in(newcomer).get(url).status_code == 302


def test_a_made_up_token_is_refused(newcomer):
    response = signed_in(newcomer).get("/admin/two-factor/enrol/?token=abc")

    assert response.status_code == 403


def test_without_a_link_the_password_alone_cannot_enrol(newcomer):
    client = signed_in(newcomer)

    assert client.get("/admin/")["Location"].startswith(SETUP_URL)
    response = client.get(SETUP_URL, HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 403
    assert REFUSED_DE in response.content.decode()
    assert TOTPDevice.objects.filter(user=newcomer).exists() is False


def test_without_a_link_no_passkey_can_be_registered(newcomer):
    client = signed_in(newcomer)

    response = client.post("/admin/two-factor/passkey/registration/begin/")

    assert response.status_code == 403
    assert response.json()["code"] == "enrolment_link_required"


def test_opening_the_link_signed_out_asks_for_the_password_first(
    admin_client, newcomer
):
    url = issue_enrolment_link(admin_client, newcomer)

    response = Client().get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    assert EnrolmentLink.objects.get(user=newcomer).used_at is None


def test_a_new_link_replaces_an_unopened_one(admin_client, newcomer):
    first = issue_enrolment_link(admin_client, newcomer)
    second = issue_enrolment_link(admin_client, newcomer)
    client = signed_in(newcomer)

    assert client.get(first).status_code == 403
    assert client.get(second).status_code == 302
