"""The consultation request form (a page) and the requests it stores.

A request holds health data (GDPR Art. 9): who the patient is, what they want
treated and what they write. The free-text fields and the contact details are
encrypted at rest (``pages.encryption``); the front desk finds a request by a
keyed hash of the email address or of the words of the name.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from pages import abuse
from pages.encryption import (
    EncryptedCharField,
    EncryptedEmailField,
    EncryptedTextField,
    email_search_hash,
    name_search_index,
)

logger = logging.getLogger(__name__)

# Bump whenever the consent text in pages/forms.py changes: each request keeps the
# version its patient agreed to.
CONSENT_VERSION = "2026-11"

NAME_MAX_LENGTH = 120
PHONE_MAX_LENGTH = 32
MESSAGE_MAX_LENGTH = 2000
PREFERRED_TIMES_MAX_LENGTH = 200


class ConsultationRequest(models.Model):
    """One patient's request for a consultation, worked by the front desk."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        APPOINTMENT_BOOKED = "appointment_booked", _("Appointment booked")
        CLOSED = "closed", _("Closed")

    class ContactMethod(models.TextChoices):
        EMAIL = "email", _("Email")
        PHONE = "phone", _("Phone")

    class Language(models.TextChoices):
        GERMAN = "de", _("German")
        ENGLISH = "en", _("English")

    created_at = models.DateTimeField(
        _("received"), default=timezone.now, db_index=True, editable=False
    )
    name = EncryptedCharField(_("name"), max_length=NAME_MAX_LENGTH)
    # Blank encrypted values are stored as NULL by the package.
    email = EncryptedEmailField(_("email address"), blank=True, null=True)
    phone = EncryptedCharField(
        _("phone number"), max_length=PHONE_MAX_LENGTH, blank=True, null=True
    )
    contact_method = models.CharField(
        _("preferred contact method"),
        max_length=10,
        choices=ContactMethod.choices,
        default=ContactMethod.EMAIL,
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=Language.choices,
        default=Language.GERMAN,
    )
    treatment = models.ForeignKey(
        "treatments.TreatmentPage",
        verbose_name=_("treatment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body_region = models.ForeignKey(
        "treatments.BodyRegion",
        verbose_name=_("body region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = EncryptedTextField(
        _("message"), max_length=MESSAGE_MAX_LENGTH, blank=True, null=True
    )
    preferred_times = EncryptedCharField(
        _("preferred times"),
        max_length=PREFERRED_TIMES_MAX_LENGTH,
        blank=True,
        null=True,
    )
    consent_version = models.CharField(
        _("consent text version"), max_length=20, editable=False
    )
    consented_at = models.DateTimeField(_("consent given"), editable=False)

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NEW,
        db_index=True,
    )
    closed_at = models.DateTimeField(
        _("closed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Closed requests are deleted a while after this date."),
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_active": True},
    )
    internal_notes = EncryptedTextField(
        _("internal notes"),
        blank=True,
        null=True,
        help_text=_("Only for the practice team; never sent to the patient."),
    )

    # Keyed hashes for the front desk's search; see pages.encryption.
    email_index = models.CharField(
        max_length=64, blank=True, editable=False, db_index=True
    )
    name_index = models.TextField(blank=True, editable=False)

    notified_at = models.DateTimeField(
        _("front desk notified"), null=True, blank=True, editable=False
    )
    notification_attempts = models.PositiveSmallIntegerField(
        _("notification attempts"), default=0, editable=False
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("consultation request")
        verbose_name_plural = _("consultation requests")
        permissions = [
            ("export_consultationrequest", _("Can export consultation requests")),
        ]

    def __str__(self):
        # Shown in the admin and Wagtail's log: never the patient's name.
        return gettext("Request %(number)s") % {"number": self.pk or "–"}

    def save(self, *args, **kwargs):
        self.email_index = email_search_hash(self.email or "")
        self.name_index = name_search_index(self.name or "")
        if self.status == self.Status.CLOSED and self.closed_at is None:
            self.closed_at = timezone.now()
        elif self.status != self.Status.CLOSED:
            self.closed_at = None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "email_index",
                "name_index",
                "closed_at",
            }
        super().save(*args, **kwargs)

    @property
    def topic(self) -> str:
        """What the request is about, for the front desk."""
        if self.treatment_id:
            return self.treatment.title
        if self.body_region_id:
            return self.body_region.name
        return gettext("Not sure yet")

    @property
    def age(self) -> timedelta:
        return timezone.now() - self.created_at

    def admin_url(self) -> str:
        """The absolute address of this request in the admin, for notifications."""
        path = reverse("consultation_requests:inspect", args=[self.pk])
        return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


class ConsultationPage(RoutablePageMixin, Page):
    """The consultation request form; its thank-you page is a sub-route."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown above the form: what the request is and is not."),
    )
    landing_text = models.TextField(
        _("what happens next"),
        blank=True,
        help_text=_("Shown after sending: when and how the practice gets in touch."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the consent checkbox."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("landing_text"),
        FieldPanel("privacy_page"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    landing_page_template = "pages/consultation_page_landing.html"
    rate_limited_template = "pages/consultation_page_rate_limited.html"

    class Meta:
        verbose_name = _("consultation page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if "form" not in context:
            context["form"] = self.get_form(request)
        context["privacy_url"] = (
            self.privacy_page.specific.get_url(request)
            if self.privacy_page and self.privacy_page.live
            else ""
        )
        return context

    @path("")
    def index_route(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """The page's own address: GET shows the form, POST handles it."""
        return self.serve_form(request)

    @path("danke/", name="landing_de")
    @path("thanks/", name="landing_en")
    def landing_route(self, request: HttpRequest) -> HttpResponse:
        return self.render_landing_page(request)

    def serve_form(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST":
            response = self.handle_post(request)
        else:
            response = self.render(request)
        add_never_cache_headers(response)
        return response

    def handle_post(self, request: HttpRequest) -> HttpResponse:
        limiter = abuse.RateLimit.for_request(request)
        if limiter.is_exceeded():
            return self.render_rate_limited(request)
        form = self.get_form(request, data=request.POST)
        if form.is_bot():
            # Looks like success to the bot, stores nothing, still counts.
            limiter.hit()
            logger.info("Consultation form: honeypot filled, nothing stored")
            return self.redirect_to_landing_page(request)
        if not form.is_valid():
            response = self.render(request, context_overrides={"form": form})
            response.status_code = 400
            return response
        limiter.hit()
        self.process_form_submission(form)
        return self.redirect_to_landing_page(request)

    def get_form_class(self):
        """The form class; override to change the fields patients see."""
        from pages.forms import ConsultationRequestForm  # imports this module

        return ConsultationRequestForm

    def get_form(self, request: HttpRequest, data=None):
        """A bound (POST) or unbound form, with the treatment from ``?treatment=``."""
        form_class = self.get_form_class()
        return form_class(
            data=data,
            language=translation.get_language(),
            initial_treatment=request.GET.get("treatment"),
        )

    def process_form_submission(self, form) -> ConsultationRequest:
        """Store the request, then queue the front-desk notification.

        The request is committed first, on its own: whatever fails afterwards
        (the queue, the mail server) cannot lose it.
        """
        from pages.tasks import queue_front_desk_notification  # imports this module

        with transaction.atomic():
            consultation_request = form.save()
        queue_front_desk_notification(consultation_request)
        return consultation_request

    def redirect_to_landing_page(self, request: HttpRequest) -> HttpResponse:
        """303 See Other: reloading the thank-you page never posts again."""
        response = HttpResponseRedirect(self.get_landing_url(request))
        response.status_code = 303
        return response

    def get_landing_url(self, request: HttpRequest | None = None) -> str:
        language = translation.get_language()
        name = "landing_en" if language == "en" else "landing_de"
        return self.get_url(request) + self.reverse_subpage(name).lstrip("/")

    def render_landing_page(self, request: HttpRequest) -> HttpResponse:
        """The thank-you page: what happens next, and no personal data."""
        response = TemplateResponse(
            request, self.landing_page_template, self.get_context(request)
        )
        add_never_cache_headers(response)
        return response

    def render_rate_limited(self, request: HttpRequest) -> HttpResponse:
        """Too many requests from one address: 429 with a way to call instead."""
        response = TemplateResponse(
            request,
            self.rate_limited_template,
            self.get_context(request),
            status=429,
        )
        response["Retry-After"] = str(settings.CONSULTATION_RATE_LIMIT_WINDOW)
        add_never_cache_headers(response)
        return response

    def url_for_treatment(self, treatment: Page, request: HttpRequest | None = None):
        """The form's address with ``treatment`` preselected.

        Needs only the page's URL, so it also serves a plain ``Page`` instance of
        this page (as treatment pages fetch it, without the specific query).
        """
        return f"{self.get_url(request)}?treatment={treatment.pk}"
