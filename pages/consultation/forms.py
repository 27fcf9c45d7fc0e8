"""The patients' consultation request form.

Error messages follow the GOV.UK style: they say what to do ("Enter your name"),
and the page lists them in an error summary above the form.
"""

from django import forms
from django.conf import settings
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pages.consultation import abuse
from pages.consultation.models import (
    CONSENT_VERSION,
    MESSAGE_MAX_LENGTH,
    ConsultationRequest,
)
from pages.consultation.validation import (
    MULTILINE_CONTROLS,
    TelInput,
    control_characters,
    international_phone,
)
from pages.consultation.widgets import LongSelect, RenderedOptions
from pages.ops import page_cache
from pages.routing import public, translated_q
from treatments.models import BodyRegion, TreatmentPage

TOPIC_UNSURE = "unsure"
FIELD_TEMPLATES = {
    forms.RadioSelect: "includes/form_radios.html",
    forms.CheckboxInput: "includes/form_checkbox.html",
}


class ConsultationRequestForm(forms.ModelForm):
    """Everything a patient sends; the page stores it and notifies the front desk."""

    topic = forms.ChoiceField(
        widget=LongSelect,
        label=_("What would you like to discuss?"),
        help_text=_("Choose a treatment or a body region, or “Not sure yet”."),
        error_messages={
            "required": _("Select a topic from the list"),
            "invalid_choice": _("Select a topic from the list"),
        },
    )
    # The request itself (name, contact, topic) needs no consent: Art. 9(2)(h)
    # GDPR with § 22(1)(1)(b) BDSG (DSK position paper, 16 June 2025). Only the
    # optional message about complaints is sent with this separate consent.
    consent = forms.BooleanField(
        required=False,
        label=_(
            "I agree that ROC Ortho processes the health information in my "
            "message to prepare my consultation."
        ),
        help_text=_(
            "Only needed if you write a message. Your consent is voluntary: without "
            "it, leave the message empty and tell us at the appointment. You can "
            "withdraw it at any time by email or phone; we then delete your message."
        ),
    )
    # Honeypot: hidden from people and assistive technology; bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    form_started = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = ConsultationRequest
        fields = [
            "name",
            "email",
            "phone",
            "contact_method",
            "preferred_language",
            "preferred_times",
            "message",
        ]
        labels = {
            "name": _("Full name"),
            "email": _("Email address"),
            "phone": _("Phone number"),
            "contact_method": _("How should we contact you?"),
            "preferred_language": _("Which language should we use?"),
            "preferred_times": _("When can we best reach you? (optional)"),
            "message": _("Your message (optional)"),
        }
        help_texts = {
            "email": _("Give an email address, a phone number or both."),
            "phone": _("For example 089 1234567 or +49 89 1234567."),
            "preferred_times": _("For example: weekday mornings."),
            "message": format_lazy(
                _(
                    "Briefly describe your complaint, if you like, in up to {limit} "
                    "characters. Please do not send images or documents."
                ),
                limit=MESSAGE_MAX_LENGTH,
            ),
        }
        error_messages = {
            "name": {
                "required": _("Enter your full name"),
                "max_length": _("Name must be %(limit_value)d characters or fewer"),
            },
            "email": {
                "invalid": _(
                    "Enter an email address in the correct format, like "
                    "name@example.com"
                ),
                "max_length": _(
                    "Email address must be %(limit_value)d characters or fewer"
                ),
            },
            "phone": {
                "max_length": _(
                    "Phone number must be %(limit_value)d characters or fewer"
                ),
            },
            "contact_method": {
                "required": _("Select how we should contact you"),
                "invalid_choice": _("Select how we should contact you"),
            },
            "preferred_language": {
                "required": _("Select the language we should use"),
                "invalid_choice": _("Select the language we should use"),
            },
            "preferred_times": {
                "max_length": _(
                    "Preferred times must be %(limit_value)d characters or fewer"
                ),
            },
            "message": {
                "max_length": _("Message must be %(limit_value)d characters or fewer"),
            },
        }
        widgets = {
            "contact_method": forms.RadioSelect,
            "preferred_language": forms.RadioSelect,
            "phone": TelInput,
            "message": forms.Textarea(attrs={"rows": 6}),
        }

    # The consent label links the privacy notice; the page sets its address.
    privacy_url = ""

    # Autocomplete tokens (WCAG 1.3.5) and mobile keyboards.
    widget_attrs = {
        "name": {"autocomplete": "name"},
        "email": {"autocomplete": "email", "spellcheck": "false"},
        "phone": {"autocomplete": "tel"},
        "preferred_times": {"autocomplete": "off"},
        "message": {"autocomplete": "off"},
        "website": {"autocomplete": "off", "tabindex": "-1"},
    }

    def __init__(self, *args, language: str = "de", initial_treatment=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.fields["topic"].choices = self.topic_choices()
        self.fields["topic"].initial = self.initial_topic(initial_treatment)
        self.fields["contact_method"].initial = ConsultationRequest.ContactMethod.EMAIL
        self.fields["preferred_language"].initial = (
            language if language in dict(settings.LANGUAGES) else "de"
        )
        self.fields["form_started"].initial = abuse.sign_form_started()
        for name, field in self.fields.items():
            # Radio buttons come without a blank choice; errors are shown by the
            # page, so the browser's own (untranslated) bubbles stay off.
            field.widget.attrs.pop("maxlength", None)
            field.widget.attrs.update(self.widget_attrs.get(name, {}))
            # Django's own field rendering links hint and error to the control
            # (aria-describedby, aria-invalid); only the markup is ours.
            field.template_name = FIELD_TEMPLATES.get(
                type(field.widget), "includes/form_field.html"
            )
        self.fields["contact_method"].choices = [
            choice for choice in self.fields["contact_method"].choices if choice[0]
        ]
        # Each language named in itself ("Deutsch", "English"), as a reader of
        # that language looks for it.
        self.fields["preferred_language"].choices = settings.LANGUAGES
        self.fields["preferred_language"].labels_in_own_language = True

    def topic_choices(self) -> RenderedOptions:
        """The topics with their markup, kept between publishes
        (``page_cache.shared``): with every treatment in the list, reading and
        writing them would cost more than the rest of the form."""
        return page_cache.shared(
            f"consultation-topic-options:{self.language}", self.build_topic_choices
        )

    def build_topic_choices(self) -> RenderedOptions:
        with translation.override(self.language):
            treatments, regions = self.topic_options()
            choices = [(TOPIC_UNSURE, gettext("Not sure yet"))]
            if treatments:
                choices.append((gettext("Treatments"), treatments))
            if regions:
                choices.append((gettext("Body regions"), regions))
            return RenderedOptions(choices)

    def topic_options(self) -> tuple[list, list]:
        """Values and labels of the treatments and body regions."""
        # Only treatments with a version in the reader's language (an English
        # reader is never offered a German-only page), sorted by that title.
        treatments = (
            public(TreatmentPage.objects.live())
            .filter(translated_q(self.language))
            .defer_streamfields()
            .order_by("title")
        )
        regions = BodyRegion.objects.all()
        return (
            [(f"treatment-{page.pk}", page.title) for page in treatments],
            [(f"region-{region.pk}", region.name) for region in regions],
        )

    def initial_topic(self, treatment_id) -> str:
        value = f"treatment-{treatment_id}"
        return value if self.fields["topic"].choices.offers(value) else TOPIC_UNSURE

    def is_bot(self) -> bool:
        """Whether the honeypot was filled in: no person sees that field."""
        return bool(self.data.get("website", "").strip())

    @property
    def started_token(self) -> str:
        """The fill-time token to render: the original one while it is valid."""
        token = self.data.get("form_started", "") if self.is_bound else ""
        if self.is_bound and self.has_error("form_started", code="already_sent"):
            return abuse.sign_form_started()  # a new form, for a new request
        if token and abuse.form_started_age(token) is not None:
            return token
        return abuse.sign_form_started()

    def clean_single_line(self, name: str) -> str:
        value = self.cleaned_data.get(name) or ""
        if control_characters(value):
            raise forms.ValidationError(
                _("Remove the special characters (such as tabs or line breaks)"),
                code="control_characters",
            )
        return value

    def clean_name(self) -> str:
        return self.clean_single_line("name")

    def clean_email(self) -> str:
        return self.clean_single_line("email")

    def clean_preferred_times(self) -> str:
        return self.clean_single_line("preferred_times")

    def clean_message(self) -> str:
        value = self.cleaned_data.get("message") or ""
        if control_characters(value, allowed=MULTILINE_CONTROLS):
            raise forms.ValidationError(
                _("Remove the special characters from your message"),
                code="control_characters",
            )
        return value

    def clean_phone(self) -> str:
        value = self.clean_single_line("phone")
        return international_phone(value) if value else ""

    def clean_form_started(self) -> str:
        token = self.cleaned_data.get("form_started", "")
        age = abuse.form_started_age(token)
        if age is None:
            raise forms.ValidationError(
                _("This form has expired. Check your details and send the form again."),
                code="expired",
            )
        if age < settings.CONSULTATION_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _(
                    "The form was sent very quickly. Check your details and send "
                    "the form again."
                ),
                code="too_fast",
            )
        if self.token_was_used():
            raise self.already_sent_error()
        return token

    def token_was_used(self) -> bool:
        """Whether a stored request carries this form's token id."""
        token_id = abuse.form_token_id(self.data.get("form_started", ""))
        return ConsultationRequest.objects.filter(form_token=token_id).exists()

    def already_sent_error(self) -> forms.ValidationError:
        """The token was used for a stored request: this form was sent before."""
        return forms.ValidationError(
            _(
                "This form has already been sent. To send another request, check "
                "your details and send the form again."
            ),
            code="already_sent",
        )

    def clean(self):
        cleaned_data = super().clean()
        email = cleaned_data.get("email")
        phone = cleaned_data.get("phone")
        method = cleaned_data.get("contact_method")
        email_failed = "email" in self.errors
        phone_failed = "phone" in self.errors
        if not email and not phone and not email_failed and not phone_failed:
            self.add_error(
                "email", _("Enter an email address or a phone number, or both")
            )
        elif method == ConsultationRequest.ContactMethod.EMAIL and not (
            email or email_failed
        ):
            self.add_error(
                "email",
                _("Enter an email address, or choose to be contacted by phone"),
            )
        elif method == ConsultationRequest.ContactMethod.PHONE and not (
            phone or phone_failed
        ):
            self.add_error(
                "phone",
                _("Enter a phone number, or choose to be contacted by email"),
            )
        if cleaned_data.get("message") and not cleaned_data.get("consent"):
            self.add_error(
                "consent",
                forms.ValidationError(
                    _(
                        "Tick the box to agree that we may process your message, "
                        "or delete your message"
                    ),
                    code="message_without_consent",
                ),
            )
        return cleaned_data

    @property
    def form_errors(self) -> list[str]:
        """Errors that belong to no single field (the fill-time check)."""
        return [*self.non_field_errors(), *self.errors.get("form_started", [])]

    @property
    def error_summary(self) -> list[dict]:
        """The GOV.UK error summary: each message with the field it links to."""
        items = [{"message": message, "target": ""} for message in self.form_errors]
        for name, field in self.fields.items():
            if name in ("form_started", "website") or name not in self.errors:
                continue
            target = self[name].auto_id
            if isinstance(field.widget, forms.RadioSelect):
                target = f"{target}_0"
            items.extend(
                {"message": message, "target": target} for message in self.errors[name]
            )
        return items

    def save(self, commit: bool = True) -> ConsultationRequest:
        consultation_request = super().save(commit=False)
        topic = self.cleaned_data["topic"]
        consultation_request.treatment = None
        consultation_request.body_region = None
        if topic.startswith("treatment-"):
            consultation_request.treatment = TreatmentPage.objects.get(
                pk=int(topic.removeprefix("treatment-"))
            )
        elif topic.startswith("region-"):
            consultation_request.body_region = BodyRegion.objects.get(
                pk=int(topic.removeprefix("region-"))
            )
        consultation_request.form_token = abuse.form_token_id(
            self.cleaned_data["form_started"]
        )
        # Consent is recorded only for what it covers: a message.
        if consultation_request.message:
            consultation_request.consent_version = CONSENT_VERSION
            consultation_request.consented_at = timezone.now()
        else:
            consultation_request.consent_version = ""
            consultation_request.consented_at = None
        if commit:
            consultation_request.save()
        return consultation_request
