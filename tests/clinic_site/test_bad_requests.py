"""Requests the site cannot read get the static 400 page, never a 500.

Through the test client with the CSRF check on, as a browser meets it: the
token comes from the form page, as in a real session.
"""

from django.test import Client

import pytest

from pages.consultation.models import ConsultationRequest

pytestmark = pytest.mark.django_db

FORM_URL = "/en/consultation/"
# Django reads form data in "utf-8" alone, not even under another name ("utf8").
CHARSETS = [
    "utf-16",
    "latin-1",
    "utf8",
    "x-bogus",
    "rot13",
    '"utf-16"',
    "utf-8; charset=utf-16",
]


def assert_static_bad_request_page(response) -> None:
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Ungültige Anfrage</h1>" in html
    assert "Bad request" in html
    assert "Traceback" not in html
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


@pytest.fixture
def browser(demo_site) -> tuple[Client, str]:
    """A client holding the CSRF cookie, and the token from the form."""
    client = Client(enforce_csrf_checks=True)
    client.get(FORM_URL)
    return client, client.cookies["csrftoken"].value


def post_form(client: Client, token: str, charset: str):
    return client.generic(
        "POST",
        FORM_URL,
        f"csrfmiddlewaretoken={token}&name=Anna",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )


@pytest.mark.parametrize("charset", CHARSETS)
def test_form_post_in_another_charset_gets_the_bad_request_page(browser, charset):
    response = post_form(*browser, charset)

    assert_static_bad_request_page(response)
    assert not ConsultationRequest.objects.exists()


@pytest.mark.parametrize("charset", ["utf-16", "rot13"])
def test_multipart_post_in_another_charset_gets_the_bad_request_page(browser, charset):
    client, token = browser
    body = (
        "--b\r\n"
        'Content-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{token}\r\n--b--\r\n"
    )

    response = client.generic(
        "POST",
        FORM_URL,
        body,
        content_type=f"multipart/form-data; boundary=b; charset={charset}",
    )

    assert_static_bad_request_page(response)


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", '"utf-8"'])
def test_form_post_declaring_utf8_is_read(browser, charset):
    response = post_form(*browser, charset)

    # Read and validated: the form is incomplete, so it comes back with errors.
    assert response.status_code == 400
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


@pytest.mark.parametrize("accept", ["/", "text/html, garbage", "*/*;q=0.5;="])
def test_health_check_with_an_unparsable_accept_header_is_a_bad_request(client, accept):
    response = client.get("/healthz/", HTTP_ACCEPT=accept)

    assert_static_bad_request_page(response)


def test_health_check_reads_a_well_formed_accept_header(client):
    response = client.get("/healthz/", HTTP_ACCEPT="application/json;q=0.9, */*;q=0.1")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


# Found by `make fuzz`: on an address that does not exist, the first to read an
# unreadable body was the 404 handler's CSRF check, and the client got a 500.
@pytest.mark.parametrize("path", ["/healthz/%ff/", "/de/no-such-page/", FORM_URL])
def test_multipart_body_without_boundary_gets_the_bad_request_page(browser, path):
    client, _token = browser

    response = client.generic(
        "POST", path, "name=Anna", content_type="multipart/form-data"
    )

    assert_static_bad_request_page(response)


# Found by the fuzz run on PostgreSQL, which refuses a NUL byte in a query.
@pytest.mark.parametrize("session_key", ["\x00" * 32, "abc\x00defghijk", "ÄÖÜ" * 4])
def test_a_malformed_session_cookie_is_no_session(demo_site, session_key):
    client = Client()
    client.cookies["sessionid"] = session_key

    for path in ("/de/", "/admin/login/", "/admin/"):
        response = client.get(path)
        assert response.status_code in (200, 302), path


# Found by the fuzz run on PostgreSQL: django-axes stored the User-Agent of a
# failed login, and PostgreSQL refuses a NUL byte in text.
@pytest.mark.parametrize("header", ["HTTP_USER_AGENT", "HTTP_ACCEPT_LANGUAGE"])
def test_a_nul_byte_in_a_header_gets_the_bad_request_page(demo_site, header):
    client = Client()

    response = client.post(
        "/admin/login/", {"username": "someone", "password": "x"}, **{header: "\x00"}
    )

    assert_static_bad_request_page(response)
