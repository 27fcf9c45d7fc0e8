import re

from django.conf import settings

from wagtail.models import Page

import pytest

from pages.models import PageFeedback
from tests.pages.feedback.conftest import DENERVATION, SAME_ORIGIN, vote_url

pytestmark = pytest.mark.django_db


def thanks_url(response) -> str:
    assert response.status_code == 303
    return response["Location"]


@pytest.mark.parametrize(
    ("language", "legend", "action"),
    [
        ("de", "War diese Seite hilfreich?", "/de/rueckmeldung/"),
        ("en", "Was this page helpful?", "/en/feedback/"),
    ],
)
def test_treatment_page_asks_for_feedback_and_stays_cacheable(
    client, denervation_page, language, legend, action
):
    first = client.get(DENERVATION[language])
    second = client.get(DENERVATION[language])

    html = first.content.decode()
    form = html[html.index('<form class="feedback"') :]
    form = form[: form.index("</form>")]
    assert f'action="{action}{denervation_page.pk}/"' in form
    assert 'method="post"' in form
    assert f'<legend class="feedback__legend">{legend}</legend>' in form
    assert 'name="helpful" value="yes"' in form
    assert 'name="helpful" value="no"' in form
    assert "csrfmiddlewaretoken" not in html
    assert not first.cookies
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"


def test_standard_page_asks_for_feedback(client, clinic_page):
    html = client.get("/en/clinic/").content.decode()

    assert f'action="/en/feedback/{clinic_page.pk}/"' in html


def test_home_page_does_not_ask_for_feedback(client):
    home = Page.objects.get(depth=2)

    assert 'class="feedback"' not in client.get("/de/").content.decode()
    response = client.post(vote_url(home), {"helpful": "yes"}, headers=SAME_ORIGIN)
    assert response.status_code == 404
    assert not PageFeedback.objects.exists()


def test_no_with_comment_is_stored_masked_without_a_cookie(client, denervation_page):
    response = client.post(
        vote_url(denervation_page),
        {"helpful": "no", "website": ""},
        headers=SAME_ORIGIN,
    )
    url = thanks_url(response)
    thanks = client.get(url)
    commented = client.post(
        url,
        {"comment": "Unclear. Mail me: anna@example.org or 0171 2345678"},
        headers=SAME_ORIGIN,
    )
    after = client.get(url)

    assert url.startswith("/de/rueckmeldung/danke/")
    assert not response.cookies and not thanks.cookies and not commented.cookies
    assert "csrfmiddlewaretoken" not in thanks.content.decode()
    assert "Danke für Ihre Rückmeldung" in thanks.content.decode()
    assert "nichts über Ihre Gesundheit" in thanks.content.decode()
    assert "no-store" in thanks["Cache-Control"]
    assert commented.status_code == 303
    feedback = PageFeedback.objects.get()
    assert feedback.page_id == denervation_page.pk
    assert feedback.language == "de"
    assert feedback.helpful is False
    assert "anna@example.org" not in feedback.comment
    assert "2345678" not in feedback.comment
    assert feedback.comment == (
        "Unclear. Mail me: [E-Mail-Adresse entfernt] or [Telefonnummer entfernt]"
    )
    assert "Ihr Kommentar ist angekommen" in after.content.decode()
    assert 'name="comment"' not in after.content.decode()
    assert not client.cookies


def test_yes_in_english_is_stored_in_english(client, denervation_page):
    response = client.post(
        vote_url(denervation_page, "en"), {"helpful": "yes"}, headers=SAME_ORIGIN
    )
    thanks = client.get(thanks_url(response))

    assert thanks.status_code == 200
    assert "Thank you for your feedback" in thanks.content.decode()
    assert PageFeedback.objects.get().language == "en"
    assert PageFeedback.objects.get().helpful is True


def test_a_comment_is_taken_once(client, denervation_page):
    url = thanks_url(
        client.post(vote_url(denervation_page), {"helpful": "no"}, headers=SAME_ORIGIN)
    )
    client.post(url, {"comment": "first"}, headers=SAME_ORIGIN)
    client.post(url, {"comment": "second"}, headers=SAME_ORIGIN)

    assert PageFeedback.objects.get().comment == "first"


def test_an_empty_comment_leads_back_to_the_page(client, denervation_page):
    url = thanks_url(
        client.post(vote_url(denervation_page), {"helpful": "no"}, headers=SAME_ORIGIN)
    )
    response = client.post(url, {"comment": "  "}, headers=SAME_ORIGIN)

    assert response.status_code == 303
    assert response["Location"] == DENERVATION["de"]
    assert PageFeedback.objects.get().comment == ""


def test_too_long_a_comment_is_refused_with_a_message(client, denervation_page):
    url = thanks_url(
        client.post(vote_url(denervation_page), {"helpful": "no"}, headers=SAME_ORIGIN)
    )
    response = client.post(url, {"comment": "x" * 501}, headers=SAME_ORIGIN)

    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Fehler:" in html
    assert "höchstens 500 Zeichen" in html
    assert 'href="#id_comment"' in html
    assert PageFeedback.objects.get().comment == ""


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
    ],
)
def test_a_post_from_another_site_is_refused(client, denervation_page, headers):
    response = client.post(
        vote_url(denervation_page), {"helpful": "no"}, headers=headers
    )

    assert response.status_code == 403
    assert "nur von dieser Website" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_a_comment_from_another_site_is_refused(client, denervation_page):
    url = thanks_url(
        client.post(vote_url(denervation_page), {"helpful": "no"}, headers=SAME_ORIGIN)
    )
    response = client.post(
        url, {"comment": "forged"}, headers={"Sec-Fetch-Site": "cross-site"}
    )

    assert response.status_code == 403
    assert PageFeedback.objects.get().comment == ""


def test_honeypot_stores_nothing_and_offers_no_comment(client, denervation_page):
    response = client.post(
        vote_url(denervation_page),
        {"helpful": "yes", "website": "https://spam.example"},
        headers=SAME_ORIGIN,
    )
    thanks = client.get(thanks_url(response))

    assert thanks.status_code == 200
    assert 'name="comment"' not in thanks.content.decode()
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("data", [{}, {"helpful": "maybe"}, {"helpful": "\x00"}])
def test_a_bad_answer_gets_400(client, denervation_page, data):
    response = client.post(vote_url(denervation_page), data, headers=SAME_ORIGIN)

    assert response.status_code == 400
    assert "Bitte wählen Sie Ja oder Nein." in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_get_of_the_answer_address_is_not_allowed(client, denervation_page):
    assert client.get(vote_url(denervation_page)).status_code == 405


@pytest.mark.parametrize("token", ["forged", "WzEsMl0:1abc:def"])
def test_a_bad_token_gets_404(client, token):
    assert client.get(f"/de/rueckmeldung/danke/{token}/").status_code == 404


def test_unpublished_page_takes_no_feedback(client, denervation_page):
    denervation_page.unpublish()

    response = client.post(
        vote_url(denervation_page), {"helpful": "no"}, headers=SAME_ORIGIN
    )

    assert response.status_code == 404


def test_answers_are_rate_limited_per_address(client, denervation_page):
    limit = settings.PAGE_FEEDBACK_RATE_LIMIT_REQUESTS
    statuses = [
        client.post(
            vote_url(denervation_page), {"helpful": "yes"}, headers=SAME_ORIGIN
        ).status_code
        for _ in range(limit + 1)
    ]

    assert statuses == [303] * limit + [429]
    assert PageFeedback.objects.count() == limit
    last = client.post(vote_url(denervation_page), {"helpful": "no"})
    assert re.search("Versuchen Sie es in einigen Minuten", last.content.decode())


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/de/datenschutz/", "Rückmeldung „War diese Seite hilfreich?“"),
        ("/en/privacy/", "Feedback: “Was this page helpful?”"),
    ],
)
def test_privacy_notice_explains_the_feedback(client, path, heading):
    html = client.get(path).content.decode()

    assert heading in html
    assert "IP" in html[html.index(heading) :]
