from django.utils import translation

import pytest

from pages.consultation.forms import ConsultationRequestForm
from tests.factories.treatments import (
    BodyRegionFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
)
from tests.pages.consultation.utils import started_token, valid_data

pytestmark = pytest.mark.django_db


def bound_form(**overrides) -> ConsultationRequestForm:
    return ConsultationRequestForm(data=valid_data(**overrides), language="en")


def test_topics_are_live_treatments_body_regions_and_not_sure(home_page):
    index = TreatmentIndexPageFactory(parent=home_page)
    live = TreatmentPageFactory(parent=index, title_de="Denervierung")
    draft = TreatmentPageFactory(parent=index, title_de="Entwurf", live=False)
    region = BodyRegionFactory(name_de="Knie")

    form = ConsultationRequestForm(language="de")
    values = [
        value
        for value, label in form.fields["topic"].choices
        if not isinstance(label, list)
    ] + [
        value
        for _group, options in form.fields["topic"].choices
        if isinstance(options, list)
        for value, _label in options
    ]

    assert values[0] == "unsure"
    assert f"treatment-{live.pk}" in values
    assert f"treatment-{draft.pk}" not in values
    assert f"region-{region.pk}" in values


def treatment_labels(form: ConsultationRequestForm) -> list[str]:
    return [
        label
        for _group, options in form.fields["topic"].choices
        if isinstance(options, list)
        for value, label in options
        if value.startswith("treatment-")
    ]


def test_english_topics_leave_out_german_only_treatments(home_page):
    index = TreatmentIndexPageFactory(parent=home_page)
    TreatmentPageFactory(parent=index, title_de="Nur Deutsch", title_en="")
    TreatmentPageFactory(parent=index, title_de="Beide", title_en="Both")

    with translation.override("en"):
        assert treatment_labels(ConsultationRequestForm(language="en")) == ["Both"]
    assert treatment_labels(ConsultationRequestForm(language="de")) == [
        "Beide",
        "Nur Deutsch",
    ]


def test_unknown_treatment_in_the_address_falls_back_to_not_sure():
    form = ConsultationRequestForm(language="de", initial_treatment="999999")

    assert form.fields["topic"].initial == "unsure"


def test_preferred_language_defaults_to_the_page_language():
    assert ConsultationRequestForm(language="en")["preferred_language"].initial == (
        "en"
    )
    assert ConsultationRequestForm(language="de")["preferred_language"].initial == (
        "de"
    )


def test_message_may_have_line_breaks_and_tabs():
    form = bound_form(message="Erste Zeile\r\nZweite Zeile\n\tEingerückt")

    assert form.is_valid(), form.errors


@pytest.mark.parametrize("field", ["name", "email", "preferred_times", "phone"])
def test_single_line_fields_reject_line_breaks(field):
    value = {
        "name": "Anna\nMüller",
        "email": "anna@example.org\r\nBcc: x@example.org",
        "preferred_times": "morgens\tabends",
        "phone": "089\n1234567",
    }[field]

    form = bound_form(**{field: value})

    assert not form.is_valid()
    assert field in form.errors


def test_phone_is_normalised_to_international_format():
    form = bound_form(phone="+44 20 7946 0958", contact_method="phone")

    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "+44 20 7946 0958"


def test_chosen_contact_method_needs_its_detail():
    form = bound_form(email="", phone="089 1234567", contact_method="email")

    assert not form.is_valid()
    assert form.errors["email"] == [
        "Geben Sie eine E-Mail-Adresse ein oder wählen Sie die Kontaktaufnahme "
        "per Telefon"
    ]


def test_request_without_message_is_valid_without_consent():
    form = bound_form(message="", consent=None)

    assert form.is_valid(), form.errors
    assert form.fields["consent"].required is False


@pytest.mark.parametrize("message", ["Rückenschmerzen", "  Rückenschmerzen\n"])
def test_message_needs_its_own_consent(message):
    form = bound_form(message=message, consent=None)

    assert not form.is_valid()
    assert list(form.errors) == ["consent"]
    assert form.errors.as_data()["consent"][0].code == "message_without_consent"
    assert form.error_summary[0]["target"] == "id_consent"


def test_blank_message_counts_as_no_message():
    assert bound_form(message="  \n ", consent=None).is_valid()


def test_honeypot_is_detected_before_validation():
    assert bound_form(website="x").is_bot() is True
    assert bound_form().is_bot() is False


def test_fill_time_token_is_kept_while_valid_and_renewed_when_not():
    token = started_token()

    assert bound_form(form_started=token).started_token == token
    forged = "consultation-form:1xVzXF:forged"
    assert bound_form(form_started=forged).started_token not in ("", forged)


def test_error_summary_links_radio_groups_to_their_first_option():
    form = bound_form(contact_method="fax")

    assert not form.is_valid()
    assert {
        "message": "Wählen Sie aus, wie wir Sie kontaktieren sollen",
        "target": "id_contact_method_0",
    } in form.error_summary
