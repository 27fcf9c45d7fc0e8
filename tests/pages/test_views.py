"""robots.txt and the error pages."""

from django.template.loader import render_to_string

import pytest


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_admin(client, site):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize(
    ("path", "heading", "home"),
    [
        ("/de/gibt-es-nicht/", "Seite nicht gefunden", 'href="/de/"'),
        ("/en/no-such-page/", "Page not found", 'href="/en/"'),
    ],
)
def test_404_is_translated_and_has_the_shell(client, demo_site, path, heading, home):
    response = client.get(path)

    assert response.status_code == 404
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert home in html
    assert 'class="site-footer__links"' in html  # branded: header and footer


def test_500_page_renders_without_the_database():
    """It must render with the database down: no test database is open here."""
    html = render_to_string("500.html")

    assert "Ein Fehler ist aufgetreten" in html
    assert "Something went wrong" in html
    assert 'rel="stylesheet"' in html
