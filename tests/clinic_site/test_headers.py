"""Security headers on patient pages, error pages and the admin."""

import pytest

pytestmark = pytest.mark.django_db

# Each path with the status it must answer: a header test that passes on an
# unexpected 404 would check the error page instead of the page it names.
PATIENT_PATHS = (
    ("/de/", 200),
    ("/en/", 200),
    ("/de/behandlungen/denervation-thermokoagulation/", 200),
    ("/en/consultation/", 200),
    ("/de/gibt-es-nicht/", 404),
)


def directives(response) -> dict[str, set[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = set(values)
    return parsed


@pytest.mark.parametrize(("path", "status"), PATIENT_PATHS)
def test_patient_pages_get_the_strict_policy(client, demo_site, path, status):
    response = client.get(path)

    assert response.status_code == status
    policy = directives(response)
    assert policy["script-src"] == {"'self'"}
    assert policy["style-src"] == {"'self'"}
    assert policy["object-src"] == {"'none'"}
    assert policy["frame-ancestors"] == {"'none'"}
    assert policy["base-uri"] == {"'self'"}
    assert policy["form-action"] == {"'self'"}
    assert policy["frame-src"] == {
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    }


@pytest.mark.parametrize(("path", "status"), PATIENT_PATHS)
def test_patient_pages_get_the_other_security_headers(client, demo_site, path, status):
    response = client.get(path)

    assert response.status_code == status
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


@pytest.mark.parametrize(
    ("path", "redirects"),
    [
        ("/admin/login/", []),
        # Signed out, the second step sends the visitor back to the first.
        (
            "/admin/two-factor/verify/",
            [("/admin/login/?next=/admin/two-factor/verify/", 302)],
        ),
    ],
)
def test_admin_sign_in_allows_no_inline_script_or_style(client, path, redirects):
    response = client.get(path, follow=True)

    assert response.redirect_chain == redirects
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == {"'self'"}
    # No 'unsafe-inline' for styles either (the Observatory's full CSP credit).
    assert policy["style-src"] == {"'self'"}
    assert policy["object-src"] == {"'none'"}
    # The admin frames its own page previews, nobody else frames it.
    assert policy["frame-ancestors"] == {"'self'"}
    assert response["Permissions-Policy"].startswith("accelerometer=()")


def test_admin_editing_pages_allow_inline_scripts_but_no_eval(admin_client):
    response = admin_client.get("/admin/pages/")

    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == {"'self'", "'unsafe-inline'"}
    assert policy["style-src"] == {"'self'", "'unsafe-inline'"}
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert policy["connect-src"] == {"'self'"}
    assert policy["frame-ancestors"] == {"'self'"}


def test_patient_pages_contain_no_inline_script_or_style(client, demo_site):
    for path, status in PATIENT_PATHS:
        response = client.get(path)
        assert response.status_code == status, path
        html = response.content.decode()

        assert " style=" not in html, path
        assert " onclick=" not in html, path
        for chunk in html.split("<script")[1:]:
            tag = chunk.split(">", 1)[0]
            assert "src=" in tag or 'type="application/ld+json"' in tag, (path, tag)


# Cache-Control for the caching proxy in front (pages.ops.edge_cache).
SHARED_PATHS = (
    "/de/",
    "/en/",
    "/de/behandlungen/",
    "/en/treatments/",
    "/de/behandlungen/denervation-thermokoagulation/",
    "/en/treatments/denervation-thermocoagulation/",
)


def cache_control(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("path", SHARED_PATHS)
def test_content_pages_are_shared_for_ten_minutes_and_revalidated_by_browsers(
    client, demo_site, path
):
    first = client.get(path)
    second = client.get(path)

    assert (first.status_code, second.status_code) == (200, 200)
    assert second["X-Page-Cache"] == "hit"
    for response in (first, second):
        assert cache_control(response) == {
            "max-age=0",
            "s-maxage=600",
            "must-revalidate",
        }


def test_pages_are_shared_without_the_app_page_cache(client, demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 0

    response = client.get("/de/")

    assert "X-Page-Cache" not in response
    assert "s-maxage=600" in cache_control(response)


def test_zero_seconds_shares_nothing(client, demo_site, settings):
    settings.EDGE_CACHE_SECONDS = 0

    response = client.get("/de/")

    assert cache_control(response) == {"private"}


@pytest.mark.parametrize("path", ["/de/beratung/", "/en/consultation/"])
def test_the_consultation_form_is_private_and_never_stored(client, demo_site, path):
    response = client.get(path)

    assert response.status_code == 200
    assert "csrftoken" in response.cookies
    assert {"private", "no-store"} <= cache_control(response)
    assert not any(d.startswith("s-maxage") for d in cache_control(response))


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/de/suche/?q=Knie", 200),
        ("/en/treatments/?region=knee", 200),
        ("/admin/login/", 200),
        ("/de/gibt-es-nicht/", 404),
        ("/", 302),
        ("/sitemap.xml", 200),
    ],
)
def test_other_responses_are_private(client, demo_site, path, status):
    response = client.get(path)

    assert response.status_code == status
    assert "private" in cache_control(response)
    assert not any(d.startswith("s-maxage") for d in cache_control(response))


def test_an_editor_never_gets_a_shared_page(admin_client, demo_site):
    response = admin_client.get("/de/")

    assert response.status_code == 200
    assert "private" in cache_control(response)
    assert "s-maxage=600" not in cache_control(response)
