"""The page cache for anonymous readers (pages.ops.page_cache), through HTTP and the
admin: what is kept, what never is, and that publishing shows at once."""

import gzip
import io
import re

from django.core.management import call_command
from django.test import Client

from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    streamfield,
)

import pytest
from modeltranslation.translator import translator

from pages.models import HomePage
from tests.factories.treatments import (
    BodyRegionFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
)
from tests.pages.consultation.utils import FORM_URLS, LANDING_URLS
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

CACHE_HEADER = "X-Page-Cache"


def cache_status(response) -> str | None:
    return response.headers.get(CACHE_HEADER)


@pytest.fixture
def treatments(home_page, site):
    index = TreatmentIndexPageFactory(parent=home_page)
    TreatmentPageFactory(
        parent=index,
        title_de="Denervation",
        title_en="Denervation (en)",
        slug_de="denervation",
        slug_en="denervation-en",
        body_regions=[BodyRegionFactory(slug="knie")],
    )
    return index


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "chief", "chief@roc-ortho.example", "x" * 16
    )


@pytest.fixture
def editor_client(superuser) -> Client:
    editor = Client()
    sign_in_staff(editor, superuser)
    return editor


def home_edit_data(page: HomePage, **changes) -> dict:
    """The home page's admin edit form, every translated field as it is now."""
    data = {"comments": inline_formset([])}
    for name in translator.get_options_for_model(HomePage).all_fields:
        for field in translator.get_options_for_model(HomePage).all_fields[name]:
            value = getattr(page, field.name)
            data[field.name] = (
                streamfield([]) if isinstance(field, StreamField) else value or ""
            )
    for field in ("title", "slug"):
        for language in ("de", "en"):
            data[f"{field}_{language}"] = getattr(page, f"{field}_{language}")
    return nested_form_data({**data, **changes})


def test_second_anonymous_get_is_served_from_the_cache(
    client, site, django_assert_num_queries
):
    first = client.get("/de/")

    with django_assert_num_queries(0):
        second = client.get("/de/")

    assert cache_status(first) == "miss"
    assert cache_status(second) == "hit"
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "de"


def test_readers_taking_gzip_get_the_page_compressed_once(
    client, site, django_assert_num_queries
):
    first = client.get("/de/", HTTP_ACCEPT_ENCODING="gzip, br")
    with django_assert_num_queries(0):
        second = client.get("/de/", HTTP_ACCEPT_ENCODING="gzip, br")
    plain = client.get("/de/")

    assert (cache_status(first), cache_status(second)) == ("miss", "hit")
    assert second["Content-Encoding"] == "gzip"
    assert second.content == first.content
    assert int(second["Content-Length"]) == len(second.content)
    assert "Accept-Encoding" in second["Vary"]
    assert '<html lang="de">' in gzip.decompress(second.content).decode()
    # Kept apart: a reader without gzip never gets the compressed copy.
    assert cache_status(plain) == "miss"
    assert "Content-Encoding" not in plain
    assert '<html lang="de">' in plain.content.decode()


def test_head_is_answered_from_the_cache(client, site):
    client.get("/de/")

    response = client.head("/de/")

    assert response.status_code == 200
    assert cache_status(response) == "hit"


def test_cached_pages_set_no_cookie(client, consultation_page):
    first = client.get("/en/")
    # A reader who opened the form carries its CSRF cookie along.
    assert "csrftoken" in client.get(FORM_URLS["en"]).cookies
    second = client.get("/en/")

    assert cache_status(second) == "hit"
    assert not first.cookies
    assert not second.cookies
    assert "Set-Cookie" not in second.headers


def test_languages_are_cached_separately(client, site, django_assert_num_queries):
    german = client.get("/de/")
    english = client.get("/en/")
    with django_assert_num_queries(0):
        german_again = client.get("/de/")
        english_again = client.get("/en/")

    assert (cache_status(german), cache_status(english)) == ("miss", "miss")
    assert '<html lang="de">' in german_again.content.decode()
    assert '<html lang="en">' in english_again.content.decode()
    assert cache_status(german_again) == cache_status(english_again) == "hit"


def test_draft_never_shows_and_publishing_shows_at_once(
    client, site, home_page, editor_client
):
    url = f"/admin/pages/{home_page.pk}/edit/"
    assert cache_status(client.get("/de/")) == "miss"

    draft = home_edit_data(home_page, intro_de="Entwurf, noch nicht geprüft.")
    assert editor_client.post(url, draft).status_code == 302
    after_draft = client.get("/de/")

    published = home_edit_data(
        home_page, intro_de="Jetzt veröffentlicht.", **{"action-publish": "1"}
    )
    assert editor_client.post(url, published).status_code == 302
    after_publish = client.get("/de/")

    assert cache_status(after_draft) == "hit"
    assert "Entwurf" not in after_draft.content.decode()
    assert cache_status(after_publish) == "miss"
    assert "Jetzt veröffentlicht." in after_publish.content.decode()
    assert "Entwurf" not in after_publish.content.decode()


def test_publishing_one_page_refreshes_the_pages_that_list_it(client, treatments):
    assert "Denervation</a>" in client.get("/de/behandlungen/").content.decode()
    treatment = treatments.get_children().get().specific
    treatment.title_de = "Denervation, neu benannt"
    treatment.save_revision().publish()

    response = client.get("/de/behandlungen/")

    assert cache_status(response) == "miss"
    assert "Denervation, neu benannt</a>" in response.content.decode()


def test_unpublishing_removes_the_page_at_once(client, treatments):
    treatment = treatments.get_children().get()
    assert client.get("/de/behandlungen/denervation/").status_code == 200
    assert cache_status(client.get("/de/behandlungen/denervation/")) == "hit"

    treatment.specific.unpublish()

    assert client.get("/de/behandlungen/denervation/").status_code == 404
    assert "Denervation</a>" not in client.get("/de/behandlungen/").content.decode()


def test_deleting_a_page_removes_it_at_once(client, treatments):
    assert client.get("/de/behandlungen/denervation/").status_code == 200

    treatments.get_children().get().delete()

    assert client.get("/de/behandlungen/denervation/").status_code == 404


def test_moving_a_page_refreshes_the_pages_that_listed_it(client, treatments):
    assert "Denervation</a>" in client.get("/de/behandlungen/").content.decode()
    other_index = Page.objects.get(pk=treatments.pk).add_sibling(
        instance=Page(title="Archiv", slug="archiv")
    )

    treatments.get_children().get().move(other_index, pos="last-child")

    assert "Denervation</a>" not in client.get("/de/behandlungen/").content.decode()


def test_making_a_page_private_takes_it_out_of_the_cache(client, treatments):
    treatment = treatments.get_children().get()
    client.get("/de/behandlungen/denervation/")

    PageViewRestriction.objects.create(
        page=treatment, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/de/behandlungen/denervation/")

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_logged_in_editor_neither_gets_nor_fills_the_cache(
    client, site, home_page, editor_client
):
    editors_view = editor_client.get("/de/")
    assert cache_status(client.get("/de/")) == "miss"  # the editor filled nothing
    # Live content changed behind the cache's back: anonymous readers still get
    # the cached page, the editor always a fresh one.
    HomePage.objects.filter(pk=home_page.pk).update(intro_de="Direkt geändert.")

    anonymous = client.get("/de/")
    editor_again = editor_client.get("/de/")

    assert editors_view.status_code == editor_again.status_code == 200
    assert cache_status(editors_view) is None
    assert cache_status(editor_again) is None
    assert "Direkt geändert." in editor_again.content.decode()
    assert cache_status(anonymous) == "hit"
    assert "Direkt geändert." not in anonymous.content.decode()


def test_clear_page_cache_command_drops_every_page(client, site):
    client.get("/de/")
    client.get("/en/")
    out = io.StringIO()

    call_command("clear_page_cache", stdout=out)

    assert out.getvalue() == "Cleared the page cache.\n"
    assert cache_status(client.get("/de/")) == "miss"
    assert cache_status(client.get("/en/")) == "miss"


@pytest.mark.parametrize("language", ["de", "en"])
def test_form_page_is_never_cached_and_gets_fresh_tokens(
    client, consultation_page, language
):
    first = client.get(FORM_URLS[language])
    second = Client().get(FORM_URLS[language])

    def csrf_token(response) -> str:
        html = response.content.decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]

    for response in (first, second):
        assert response.status_code == 200
        assert cache_status(response) is None
        assert "no-store" in response["Cache-Control"]
        assert "csrftoken" in response.cookies
        assert 'name="form_started"' in response.content.decode()
    assert csrf_token(first) != csrf_token(second)
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


@pytest.mark.parametrize("language", ["de", "en"])
def test_thank_you_page_is_never_cached(client, consultation_page, language):
    responses = [client.get(LANDING_URLS[language]) for _ in range(2)]

    assert [r.status_code for r in responses] == [200, 200]
    assert [cache_status(r) for r in responses] == [None, None]


def test_post_is_never_answered_from_the_cache(client, site):
    client.get("/de/")

    response = client.post("/de/", {})

    assert cache_status(response) is None


def test_addresses_with_a_query_are_never_cached(client, treatments):
    responses = [client.get("/de/behandlungen/?region=knie") for _ in range(2)]

    assert [r.status_code for r in responses] == [200, 200]
    assert [cache_status(r) for r in responses] == [None, None]


def test_missing_pages_are_never_cached(client, site):
    responses = [client.get("/de/gibt-es-nicht/") for _ in range(2)]

    assert [r.status_code for r in responses] == [404, 404]
    assert [cache_status(r) for r in responses] == [None, None]


def test_editing_a_snippet_in_the_admin_refreshes_the_pages(
    client, treatments, editor_client
):
    region = treatments.get_children().get().specific.body_regions.get()
    assert ">Region" in client.get("/de/behandlungen/").content.decode()

    response = editor_client.post(
        f"/admin/snippets/treatments/bodyregion/edit/{region.pk}/",
        {
            "name_de": "Kniegelenk",
            "name_en": "Knee joint",
            "slug": region.slug,
            "sort_order": "0",
        },
    )

    assert response.status_code == 302
    assert ">Kniegelenk</h2>" in client.get("/de/behandlungen/").content.decode()


def test_zero_seconds_turns_the_page_cache_off(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 0

    responses = [client.get("/de/") for _ in range(2)]

    assert [r.status_code for r in responses] == [200, 200]
    assert [cache_status(r) for r in responses] == [None, None]
