"""Readers of content pages get no cookie; only the consultation form sets one."""

import pytest

pytestmark = pytest.mark.django_db

# Each path with the status it must answer, so that a moved page fails here
# instead of passing as a cookieless 404.
CONTENT_PATHS = (
    ("/de/", 200),
    ("/en/", 200),
    ("/de/behandlungen/", 200),
    ("/en/treatments/", 200),
    ("/de/behandlungen/denervation-thermokoagulation/", 200),
    ("/en/treatments/denervation-thermocoagulation/", 200),
    ("/de/gibt-es-nicht/", 404),
    ("/en/no-such-page/", 404),
)


@pytest.mark.parametrize(("path", "status"), CONTENT_PATHS)
def test_content_pages_set_no_cookie(client, demo_site, path, status):
    response = client.get(path)

    assert response.status_code == status
    assert dict(response.cookies) == {}


def test_the_root_redirect_sets_no_cookie(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert dict(response.cookies) == {}


def test_consultation_form_sets_an_http_only_csrf_cookie(client, demo_site):
    response = client.get("/de/beratung/")

    assert response.status_code == 200
    cookie = response.cookies["csrftoken"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    # Without JavaScript the form posts the token from its hidden field.
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
