"""Patient pages and the admin work under their Content-Security-Policy."""

from django.contrib.auth import get_user_model

import pytest

from pages.staff.models import EnrolmentLink
from tests.browser.chromium import DESKTOP, PHONE
from tests.browser.csp import record_csp_violations
from tests.browser.staff import PASSWORD, enter_password, make_staff, sign_in
from tests.factories.consultation import ConsultationRequestFactory
from tests.factories.treatments import TreatmentPageFactory
from treatments.models import TreatmentIndexPage, TreatmentPage

pytestmark = pytest.mark.browser

VIDEO_URL = "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"


@pytest.fixture
def watched(new_context):
    """A context recording CSP violations; returns (context, violations)."""

    def make(**options):
        context = new_context(**options)
        return context, record_csp_violations(context)

    return make


@pytest.fixture
def video_page(writable_demo_site) -> str:
    """A treatment page with a real YouTube (no-cookie) video; returns its path."""
    index = TreatmentIndexPage.objects.get()
    video = [("video", {"title": "Video", "url": VIDEO_URL})]
    TreatmentPageFactory(
        parent=index,
        slug_de="video-test",
        slug_en="video-test",
        videos_de=video,
        videos_en=video,
    )
    return "/de/behandlungen/video-test/"


def test_patient_pages_cause_no_violation(watched, network_guard, video_page):
    context, violations = watched(**PHONE)
    page = context.new_page()

    page.goto("/de/", wait_until="networkidle")
    page.goto("/en/treatments/", wait_until="networkidle")
    page.goto(video_page, wait_until="networkidle")
    with (
        network_guard.expect_blocked("www.youtube-nocookie.com") as blocked,
        page.expect_request("**/embed/**"),
    ):
        page.locator(".video__play").click()
        network_guard.wait_until_blocked(page)
    page.goto("/de/beratung/", wait_until="networkidle")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")

    # The player's frame was allowed by frame-src, then stopped by the guard.
    assert [url.split("?")[0] for url in blocked] == [VIDEO_URL]
    assert page.title().startswith("Fehler:")
    assert violations == [], "\n".join(violations)


def test_an_inline_script_would_be_reported(watched):
    """The recorder works: the policy refuses a script injected into the page."""
    context, violations = watched(**PHONE)
    page = context.new_page()
    page.goto("/de/")

    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.ran = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_timeout(200)

    assert page.evaluate("window.ran") is None
    assert any("script-src" in violation for violation in violations)


@pytest.mark.usefixtures("writable_demo_site")  # signs in
def test_editor_works_in_the_admin_without_violation(watched):
    device = make_staff("redaktion", "Editors")
    treatment = TreatmentPage.objects.get()
    revisions = treatment.revisions.count()
    context, violations = watched(**DESKTOP, locale="en-GB")
    page = context.new_page()

    sign_in(page, device, PASSWORD)
    page.goto(f"/admin/pages/{treatment.get_parent().pk}/", wait_until="networkidle")
    page.get_by_role("link", name=treatment.title).first.wait_for()
    page.goto(f"/admin/pages/{treatment.pk}/edit/", wait_until="networkidle")
    page.fill("#id_subtitle_de", "Im Browser geändert")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")

    assert page.locator(".messages .success").count() == 1
    # Wagtail autosaves half a second after a change: on a slow machine that
    # is one more revision before the draft is saved.
    assert treatment.revisions.count() in (revisions + 1, revisions + 2)
    latest = treatment.revisions.order_by("-created_at", "-pk").first()
    assert latest.content["subtitle_de"] == "Im Browser geändert"
    assert violations == [], "\n".join(violations)


@pytest.mark.usefixtures("writable_demo_site")  # signs in
def test_front_desk_opens_the_requests_without_violation(watched):
    device = make_staff("empfang", "Front desk")
    ConsultationRequestFactory()
    context, violations = watched(**DESKTOP, locale="de-DE")
    page = context.new_page()

    sign_in(page, device, PASSWORD)
    page.goto("/admin/consultation_requests/", wait_until="networkidle")

    assert page.locator("table.listing tbody tr").count() == 1
    assert violations == [], "\n".join(violations)


@pytest.mark.usefixtures("writable_demo_site")  # signs in
def test_sign_in_pages_need_no_inline_style(watched):
    """The password, code and enrolment pages run under style-src 'self' alone."""
    device = make_staff("anmeldung", "Editors")
    context, violations = watched(**DESKTOP, locale="de-DE")
    page = context.new_page()

    enter_password(page, "anmeldung", "wrong-password")
    page.locator(".messages .error").wait_for()
    page.goto("/admin/two-factor/verify/", wait_until="networkidle")
    enter_password(page, "anmeldung", PASSWORD)
    page.wait_for_url("**/admin/two-factor/verify/**")
    page.fill("input[name=otp_token]", "000000")
    page.click("button[type=submit]")
    # Attached, not visible: the code field's error box stays hidden (as before).
    page.locator(".error-message").wait_for(state="attached")
    newcomer = get_user_model().objects.create_user("neu", password=PASSWORD)
    newcomer.groups.add(*device.user.groups.all())
    context.clear_cookies()
    enter_password(page, "neu", PASSWORD)
    page.wait_for_url("**/admin/two-factor/setup/**")
    _link, token = EnrolmentLink.issue(newcomer, created_by=None)
    page.goto(f"/admin/two-factor/enrol/?token={token}", wait_until="networkidle")
    page.locator("figure svg").wait_for()

    assert violations == [], "\n".join(violations)
    # The recorder sees what the policy refuses on these pages.
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<b style=\"x\">')")
    page.wait_for_timeout(200)
    assert any("style-src" in violation for violation in violations)
