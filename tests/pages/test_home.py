import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "language", "title"),
    [("/de/", "de", "Startseite der Praxis"), ("/en/", "en", "Clinic home page")],
)
def test_home_page_renders_in_its_language(client, site, path, language, title):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html


def test_home_page_links_to_the_other_language(client, site):
    html = client.get("/de/").content.decode()

    assert 'href="/en/" hreflang="en"' in html


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [("de-DE,de;q=0.9", "/de/"), ("en-GB,en;q=0.9,de;q=0.5", "/en/"), ("", "/de/")],
)
def test_root_redirects_by_accept_language(client, site, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/de/gibt-es-nicht/", "Seite nicht gefunden"),
        ("/en/no-such-page/", "Page not found"),
    ],
)
def test_unknown_url_is_a_translated_404(client, site, path, heading):
    response = client.get(path)

    assert response.status_code == 404
    assert heading in response.content.decode()


@pytest.mark.parametrize(
    ("path", "index", "heading"),
    [
        ("/de/", "/de/behandlungen/", "Behandlungen nach Körperregion"),
        ("/en/", "/en/treatments/", "Treatments by body region"),
    ],
)
def test_home_page_lists_body_regions_linking_to_the_filter(
    client, demo_site, path, index, heading
):
    html = client.get(path).content.decode()

    assert heading in html
    assert f'href="{index}?region=knee"' in html
    assert f'href="{index}?region=spine"' in html


@pytest.mark.parametrize(
    ("path", "about", "consultation"),
    [
        ("/de/", "strukturierte Diagnostik", 'href="/de/beratung/"'),
        ("/en/", "structured diagnosis", 'href="/en/consultation/"'),
    ],
)
def test_home_page_says_who_the_clinic_is_and_the_way_to_a_consultation(
    client, demo_site, path, about, consultation
):
    html = client.get(path).content.decode()

    assert about in html
    assert "Aschheim" in html
    assert "minimal" in html
    assert consultation in html


def test_home_page_sets_no_cookie(client, demo_site):
    assert not client.get("/de/").cookies
