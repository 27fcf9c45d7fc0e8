"""A page's own content shared between renders until the next publish
(``{% page_fragment %}``): fewer queries, the same page, never a stale one."""

from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.staff import sign_in_staff
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

# A query string: the page cache plays no part, only the shared fragments.
ADDRESSES = {
    "de": "/de/behandlungen/denervation-thermokoagulation/?ref=newsletter",
    "en": "/en/treatments/denervation-thermocoagulation/?ref=newsletter",
}


def denervation() -> TreatmentPage:
    return TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")


def render(client, url: str, **headers) -> tuple[str, list[str]]:
    """The page's HTML and the SQL of the queries its render made."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode(), [query["sql"] for query in queries]


# Read by the treatment page's own content: its body regions (structured data)
# and its related treatments.
CONTENT_TABLES = ("treatments_treatmentpage_body_regions", "related_treatments")


@pytest.mark.parametrize("language", ["de", "en"])
def test_second_render_shares_the_content_and_is_the_same_page(
    client, demo_site, language
):
    first, first_queries = render(client, ADDRESSES[language])
    second, second_queries = render(client, ADDRESSES[language])

    assert second == first
    for table in CONTENT_TABLES:
        assert any(table in sql for sql in first_queries), table
        assert not any(table in sql for sql in second_queries), table


@pytest.mark.parametrize(
    ("language", "subtitle"),
    [("de", "Neuer Untertitel nach der Freigabe"), ("en", "New subtitle, published")],
)
def test_publishing_shows_the_new_content_at_once(
    client, demo_site, language, subtitle
):
    client.get(ADDRESSES[language])
    page = denervation()
    setattr(page, f"subtitle_{language}", subtitle)
    page.save_revision().publish()

    html = client.get(ADDRESSES[language]).content.decode()

    assert subtitle in html


def test_each_host_gets_its_own_absolute_addresses(client, demo_site):
    client.get(ADDRESSES["de"], HTTP_HOST="localhost")

    html = client.get(ADDRESSES["de"], HTTP_HOST="127.0.0.1").content.decode()

    assert '"url": "http://127.0.0.1/de/behandlungen/' in html
    assert "http://localhost/" not in html


def test_viewing_a_draft_shows_the_draft_not_the_shared_live_page(
    client, demo_site, admin_user
):
    live = client.get(ADDRESSES["de"]).content.decode()
    page = denervation()
    page.subtitle_de = "Entwurf, noch nicht geprüft"
    revision = page.save_revision()
    editor = sign_in_staff(Client(), admin_user)

    draft = editor.get(
        reverse("wagtailadmin_pages:revisions_view", args=(page.pk, revision.pk))
    ).content.decode()
    after = client.get(ADDRESSES["de"]).content.decode()

    assert "Entwurf, noch nicht geprüft" in draft
    assert "Entwurf" not in live
    assert "Entwurf" not in after


def test_fragment_needs_one_quoted_name():
    with pytest.raises(TemplateSyntaxError):
        Template(
            "{% load fragment_tags %}{% page_fragment content %}x{% endpage_fragment %}"
        )


def test_fragment_without_a_page_renders_its_content():
    html = Template(
        '{% load fragment_tags %}{% page_fragment "content" %}{{ text }}'
        "{% endpage_fragment %}"
    ).render(Context({"text": "<b>"}))

    assert html == "&lt;b&gt;"
