"""Readers of content pages get no cookie; only the consultation form sets one."""

import pytest

pytestmark = pytest.mark.django_db

CONTENT_PATHS = (
    "/de/",
    "/en/",
    "/de/behandlungen/",
    "/en/treatments/",
    "/de/behandlungen/denervation-thermokoagulation/",
    "/en/treatments/denervation-thermocoagulation/",
    "/de/gibt-es-nicht/",
    "/en/no-such-page/",
)


@pytest.mark.parametrize("path", CONTENT_PATHS)
def test_content_pages_set_no_cookie(client, demo_site, path):
    response = client.get(path)

    assert response.status_code in {200, 404}
    assert dict(response.cookies) == {}


def test_the_root_redirect_sets_no_cookie(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert dict(response.cookies) == {}


def test_consultation_form_sets_an_http_only_csrf_cookie(client, demo_site):
    response = client.get("/de/beratung/")

    cookie = response.cookies["csrftoken"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    # Without JavaScript the form posts the token from its hidden field.
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
