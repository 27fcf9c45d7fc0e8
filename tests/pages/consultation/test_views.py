import re

from django.core import mail

from wagtail.models import Page

import pytest

from pages.consultation.models import CONSENT_VERSION
from pages.models import ClinicSettings, ConsultationRequest
from tests.factories.treatments import (
    BodyRegionFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
)
from tests.pages.consultation.utils import (
    FORM_URLS,
    LANDING_URLS,
    valid_data,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading", "label"),
    [
        ("de", "Beratungstermin anfragen", "Vollständiger Name"),
        ("en", "Request a consultation", "Full name"),
    ],
)
def test_form_renders_in_its_language(
    client, consultation_page, language, heading, label
):
    response = client.get(FORM_URLS[language])

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f'<label class="form-label" for="id_name">{label}</label>' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="form_started"' in html
    assert "no-store" in response["Cache-Control"]


def test_form_is_accessible_without_javascript(client, consultation_page):
    html = client.get(FORM_URLS["en"]).content.decode()

    start = html.index('<form class="consultation-form"')
    form = html[start : html.index("</form>", start)]
    assert "<script" not in form
    assert 'method="post"' in form
    assert 'autocomplete="name"' in html
    assert 'autocomplete="email"' in html
    assert 'type="tel"' in html and 'autocomplete="tel"' in html
    assert '<legend class="fieldset__legend">How should we contact you?</legend>' in (
        html
    )
    assert 'aria-describedby="id_email_helptext"' in html
    # Each language is named in itself, marked up for screen readers.
    assert '<label for="id_preferred_language_0" lang="de">Deutsch</label>' in html
    assert '<label for="id_preferred_language_1" lang="en">English</label>' in html
    # The honeypot is out of sight, out of the accessibility tree and tab order.
    assert re.search(
        r'<div class="consultation-form__trap" aria-hidden="true">.*?'
        r'name="website" autocomplete="off" tabindex="-1"',
        html,
        re.S,
    )
    # The message's consent box is never ticked in advance.
    assert re.search(r'<input type="checkbox" name="consent"[^>]*>', html)
    assert "checked" not in re.search(r'<input type="checkbox"[^>]*>', html).group()


def test_consent_label_links_the_privacy_notice(client, consultation_page, home_page):
    privacy = home_page.add_child(
        instance=Page(
            title="Datenschutz",
            slug="datenschutz",
            title_de="Datenschutz",
            slug_de="datenschutz",
        )
    )
    consultation_page.privacy_page = privacy
    consultation_page.save()

    html = client.get(FORM_URLS["de"]).content.decode()

    assert 'href="/de/datenschutz/"' in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_valid_submission_is_stored_and_redirects(client, consultation_page, language):
    response = client.post(FORM_URLS[language], valid_data(preferred_language=language))

    assert response.status_code == 303
    assert response["Location"] == LANDING_URLS[language]
    stored = ConsultationRequest.objects.get()
    assert stored.name == "Anna Müller"
    assert stored.email == "anna.mueller@example.org"
    assert stored.message == "Seit drei Monaten Schmerzen im unteren Rücken."
    assert stored.preferred_language == language
    assert stored.status == ConsultationRequest.Status.NEW
    assert stored.consent_version == CONSENT_VERSION
    assert stored.consented_at is not None
    assert stored.treatment is None and stored.body_region is None


def test_request_without_message_needs_no_consent(client, consultation_page):
    # DSK, 16 June 2025: the request itself is processed under Art. 9(2)(h) GDPR.
    response = client.post(FORM_URLS["de"], valid_data(message="", consent=None))

    assert response.status_code == 303
    stored = ConsultationRequest.objects.get()
    assert stored.message == ""
    # Nothing was consented to, so no consent is recorded.
    assert stored.consent_version == ""
    assert stored.consented_at is None
    assert len(mail.outbox) == 1
    stored.refresh_from_db()
    assert stored.notified_at is not None


@pytest.mark.parametrize("language", ["de", "en"])
def test_message_without_consent_is_refused_and_nothing_stored(
    client, consultation_page, language
):
    response = client.post(FORM_URLS[language], valid_data(consent=None))

    assert response.status_code == 400
    html = response.content.decode()
    message = {
        "de": "Setzen Sie das Häkchen, wenn wir Ihre Nachricht verarbeiten dürfen, "
        "oder löschen Sie Ihre Nachricht",
        "en": "Tick the box to agree that we may process your message, or delete "
        "your message",
    }[language]
    assert f'<a href="#id_consent">{message}</a>' in html
    checkbox = re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group()
    assert 'aria-invalid="true"' in checkbox
    assert 'id="id_consent_error"' in html
    assert ConsultationRequest.objects.count() == 0
    assert mail.outbox == []


def test_consent_without_message_records_no_consent(client, consultation_page):
    client.post(FORM_URLS["de"], valid_data(message=""))

    stored = ConsultationRequest.objects.get()
    assert stored.consent_version == ""
    assert stored.consented_at is None


@pytest.mark.parametrize(
    ("language", "heading"), [("de", "Lieber anrufen?"), ("en", "Prefer to call?")]
)
def test_form_offers_the_phone_and_opening_hours_as_alternative(
    client, consultation_page, site, language, heading
):
    clinic = ClinicSettings.for_site(site)
    clinic.phone = "+49 89 1234567"
    clinic.opening_hours = "Mo-Fr 8-18 Uhr"
    clinic.save()

    html = client.get(FORM_URLS[language]).content.decode()

    start = html.index('<aside class="notice consultation__call"')
    aside = html[start : html.index("</aside>", start)]
    assert heading in aside
    assert 'href="tel:+49891234567"' in aside
    assert "Mo-Fr 8-18 Uhr" in aside
    # Offered before the form, not after it.
    assert start < html.index('<form class="consultation-form"')


@pytest.mark.parametrize(
    ("language", "heading"),
    [("de", "Ihre Anfrage wurde gesendet"), ("en", "Your request has been sent")],
)
def test_landing_page_says_what_happens_next_without_personal_data(
    client, consultation_page, language, heading
):
    response = client.post(FORM_URLS[language], valid_data(), follow=True)

    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert consultation_page.landing_text_de[:20] in html or (
        consultation_page.landing_text_en[:20] in html
    )
    for personal in ("Anna", "mueller", "Rücken", "vormittags"):
        assert personal not in html
        assert personal not in response.redirect_chain[0][0]


def test_treatment_is_preselected_and_stored(client, consultation_page, home_page):
    index = TreatmentIndexPageFactory(parent=home_page)
    treatment = TreatmentPageFactory(parent=index, title_de="Denervierung")

    html = client.get(f"{FORM_URLS['de']}?treatment={treatment.pk}").content.decode()
    assert f'<option value="treatment-{treatment.pk}" selected>Denervierung' in html

    client.post(FORM_URLS["de"], valid_data(topic=f"treatment-{treatment.pk}"))
    assert ConsultationRequest.objects.get().treatment == treatment.page_ptr.specific


def test_form_with_an_error_keeps_the_chosen_topic(
    client, consultation_page, home_page
):
    index = TreatmentIndexPageFactory(parent=home_page)
    treatments = [
        TreatmentPageFactory(parent=index, title_de=f"Behandlung {number}")
        for number in range(3)
    ]
    client.get(FORM_URLS["de"])  # the topic list is kept from here on
    chosen = treatments[1]

    response = client.post(
        FORM_URLS["de"], valid_data(topic=f"treatment-{chosen.pk}", name="")
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert html.count(" selected>") == 1
    assert f'<option value="treatment-{chosen.pk}" selected>Behandlung 1' in html


def test_body_region_can_be_chosen(client, consultation_page):
    region = BodyRegionFactory(name_de="Wirbelsäule")

    client.post(FORM_URLS["de"], valid_data(topic=f"region-{region.pk}"))

    assert ConsultationRequest.objects.get().body_region == region


def test_treatment_page_links_to_the_form(client, consultation_page, home_page):
    index = TreatmentIndexPageFactory(parent=home_page)
    treatment = TreatmentPageFactory(parent=index)

    html = client.get(treatment.get_url()).content.decode()

    assert f'href="/de/beratung/?treatment={treatment.pk}"' in html


INVALID_CASES = {
    "missing name": (
        {"name": ""},
        "Geben Sie Ihren vollständigen Namen ein",
        "Enter your full name",
    ),
    "no contact": (
        {"email": "", "phone": ""},
        "Geben Sie eine E-Mail-Adresse oder eine Telefonnummer ein, oder beides",
        "Enter an email address or a phone number, or both",
    ),
    "bad email": (
        {"email": "anna@"},
        "Geben Sie eine E-Mail-Adresse im richtigen Format ein, zum Beispiel "
        "name@example.com",
        "Enter an email address in the correct format, like name@example.com",
    ),
    "bad phone": (
        {"phone": "12ab", "contact_method": "phone"},
        "Geben Sie eine Telefonnummer ein, zum Beispiel 089 1234567 oder "
        "+49 89 1234567",
        "Enter a phone number, like 089 1234567 or +49 89 1234567",
    ),
    "message without its consent": (
        {"consent": None},
        "Setzen Sie das Häkchen, wenn wir Ihre Nachricht verarbeiten dürfen, oder "
        "löschen Sie Ihre Nachricht",
        "Tick the box to agree that we may process your message, or delete your "
        "message",
    ),
    "message over the cap": (
        {"message": "x" * 2001},
        "Die Nachricht darf höchstens 2000 Zeichen lang sein",
        "Message must be 2000 characters or fewer",
    ),
    "control characters in the name": (
        {"name": "Anna\x07Müller"},
        "Entfernen Sie die Sonderzeichen (etwa Tabulatoren oder Zeilenumbrüche)",
        "Remove the special characters (such as tabs or line breaks)",
    ),
    "control characters in the message": (
        {"message": "Schmerzen\x1b[31m"},
        "Entfernen Sie die Sonderzeichen aus Ihrer Nachricht",
        "Remove the special characters from your message",
    ),
    "unknown topic": (
        {"topic": "treatment-999999"},
        "Wählen Sie ein Thema aus der Liste",
        "Select a topic from the list",
    ),
}


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("case", INVALID_CASES)
def test_invalid_submission_is_a_400_in_the_page_language(
    client, consultation_page, case, language
):
    overrides, message_de, message_en = INVALID_CASES[case]

    response = client.post(FORM_URLS[language], valid_data(**overrides))

    assert response.status_code == 400
    html = response.content.decode()
    summary, title, prefix = {
        "de": ("Es gibt ein Problem", "<title>Fehler: ", "Fehler:"),
        "en": ("There is a problem", "<title>Error: ", "Error:"),
    }[language]
    assert summary in html
    assert title in html
    message = message_de if language == "de" else message_en
    # In the summary, linked to the field, and inline next to it.
    assert re.search(rf'<a href="#id_\w+">{re.escape(message)}</a>', html)
    assert f'<span class="visually-hidden">{prefix}</span> {message}' in html
    assert ConsultationRequest.objects.count() == 0


def test_invalid_submission_keeps_the_values(client, consultation_page):
    html = client.post(
        FORM_URLS["en"], valid_data(name="", preferred_times="afternoons")
    ).content.decode()

    assert 'value="anna.mueller@example.org"' in html
    assert 'value="afternoons"' in html
    assert "Seit drei Monaten Schmerzen im unteren Rücken.</textarea>" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_name_error"' in html
    assert 'role="alert"' in html


def test_empty_submission_stores_nothing(client, consultation_page):
    response = client.post(FORM_URLS["de"], {})

    assert response.status_code == 400
    assert "Es gibt ein Problem" in response.content.decode()
    assert ConsultationRequest.objects.count() == 0


def test_phone_only_request_is_stored_in_international_format(
    client, consultation_page
):
    client.post(
        FORM_URLS["de"],
        valid_data(email="", phone="089 1234567", contact_method="phone"),
    )

    stored = ConsultationRequest.objects.get()
    assert stored.phone == "+49 89 1234567"
    assert stored.email == ""


def test_front_desk_mail_has_a_link_and_no_patient_data(client, consultation_page):
    client.post(FORM_URLS["de"], valid_data(phone="089 1234567"))

    stored = ConsultationRequest.objects.get()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["empfang@roc-ortho.example"]
    assert sent.subject == "Neue Beratungsanfrage"
    assert (
        f"https://www.roc-ortho.example/admin/consultation_requests/inspect/{stored.pk}/"
        in sent.body
    )
    for personal in ("Anna", "Müller", "mueller", "1234567", "Rücken", "vormittags"):
        assert personal not in sent.subject
        assert personal not in sent.body
    stored.refresh_from_db()
    assert stored.notified_at is not None
    assert stored.notification_attempts == 1


def test_failing_mail_server_keeps_the_request_and_the_patient_sees_success(
    client, consultation_page, settings
):
    settings.EMAIL_BACKEND = "tests.pages.consultation.failing_mail.FailingEmailBackend"

    response = client.post(FORM_URLS["de"], valid_data())

    assert response.status_code == 303
    stored = ConsultationRequest.objects.get()
    assert stored.notified_at is None
    assert (
        stored.notification_attempts == settings.CONSULTATION_NOTIFICATION_MAX_ATTEMPTS
    )
