"""A private document opens only for staff who passed both sign-in steps."""

from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

PASSWORD = "x" * 16


@pytest.fixture
def private_document(settings, tmp_path) -> str:
    settings.MEDIA_ROOT = tmp_path
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Dienstplan",
        collection=collection,
        file=ContentFile(b"%PDF-1.4 internal", name="dienstplan.pdf"),
    )
    return document.url


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "redaktion", password=PASSWORD, is_superuser=True
    )


def test_anonymous_reader_is_sent_to_the_admin_sign_in(client, private_document):
    response = client.get(private_document)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


@pytest.mark.parametrize("login_path", ["/de/_util/login/", "/admin/login/"])
def test_a_password_alone_does_not_open_it(client, staff, private_document, login_path):
    response = client.post(login_path, {"username": "redaktion", "password": PASSWORD})
    assert response.status_code == 302  # the password step itself succeeded

    response = client.get(private_document)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


def test_both_steps_open_it(client: Client, staff, private_document):
    sign_in_staff(client, staff)

    response = client.get(private_document)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 internal"
