"""A patient reads the denervation page on a phone (issue 7's reading journeys)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import PHONE
from treatments.models import TreatmentPage

pytestmark = pytest.mark.browser

DENERVATION_DE = "/de/behandlungen/denervation-thermokoagulation/"
DENERVATION_EN = "/en/treatments/denervation-thermocoagulation/"
VIDEO_HOST = "www.youtube-nocookie.com"
VIDEO_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def publish_video_address(url: str) -> None:
    """Give the demo page's first video an address, as an editor would."""
    page = TreatmentPage.objects.get(slug_en="denervation-thermocoagulation")
    for field in ("videos_de", "videos_en"):
        videos = getattr(page, field)
        videos[0].value["url"] = url
        setattr(page, field, videos)
    page.save_revision().publish()


def test_switching_language_keeps_the_page_and_the_section(phone_page):
    phone_page.goto(DENERVATION_DE)
    expect(phone_page.locator("html")).to_have_attribute("lang", "de")

    phone_page.locator(".toc a[href='#faq']").click()
    expect(phone_page).to_have_url(re.compile(r"#faq$"))
    phone_page.locator(".language-switch a[hreflang=en]").click()

    expect(phone_page).to_have_url(re.compile(re.escape(DENERVATION_EN) + "#faq$"))
    expect(phone_page.locator("html")).to_have_attribute("lang", "en")
    expect(phone_page.locator("h1")).to_contain_text("Denervation")
    expect(phone_page.locator("#faq")).to_be_in_viewport()

    phone_page.locator(".language-switch a[hreflang=de]").click()
    expect(phone_page).to_have_url(re.compile(re.escape(DENERVATION_DE) + "#faq$"))
    expect(phone_page.locator("html")).to_have_attribute("lang", "de")


def test_an_faq_answer_opens_without_javascript(new_context):
    page = new_context(**PHONE, java_script_enabled=False).new_page()
    page.goto(DENERVATION_EN)
    question = page.locator("details.faq").first
    answer = question.locator("p")
    expect(answer).to_be_hidden()

    question.locator("summary").click()

    expect(question).to_have_attribute("open", "")
    expect(answer).to_be_visible()
    expect(answer).not_to_be_empty()


def test_an_faq_answer_opens_with_the_keyboard(phone_page):
    phone_page.goto(DENERVATION_DE)
    question = phone_page.locator("details.faq").first

    question.locator("summary").focus()
    phone_page.keyboard.press("Enter")

    expect(question.locator("p")).to_be_visible()


@pytest.mark.usefixtures("writable_demo_site")  # publishes a video
def test_a_video_loads_from_its_host_only_after_the_click(phone_page, network_guard):
    publish_video_address(VIDEO_URL)

    phone_page.goto(DENERVATION_EN, wait_until="networkidle")
    placeholder = phone_page.locator("[data-video-embed]").first
    video_title = phone_page.locator(".video__title").first.inner_text()
    expect(placeholder).to_contain_text("YouTube")
    assert not [url for url in network_guard.requests if VIDEO_HOST in url]
    assert phone_page.locator("iframe").count() == 0

    with (
        network_guard.expect_blocked(VIDEO_HOST) as blocked,
        phone_page.expect_request(re.compile(re.escape(VIDEO_HOST))),
    ):
        placeholder.locator(".video__play").click()
        network_guard.wait_until_blocked(phone_page)

    assert blocked
    assert all(url.startswith(f"https://{VIDEO_HOST}/embed/") for url in blocked)
    frame = phone_page.locator("iframe.video__frame")
    expect(frame).to_have_attribute("title", video_title)
    expect(frame).to_be_focused()
