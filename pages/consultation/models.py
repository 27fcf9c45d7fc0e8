"""The consultation requests the form stores.

A request holds health data (GDPR Art. 9): who the patient is, what they want
treated and what they write. The free-text fields and the contact details are
encrypted at rest (``pages.encryption``); the front desk finds a request by a
keyed hash of the email address or of the words of the name.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pages.encryption import (
    EncryptedCharField,
    EncryptedEmailField,
    EncryptedTextField,
    email_search_hash,
    name_search_index,
)

# Bump whenever the consent text in forms.py changes: each request with a
# message keeps the version its patient agreed to. 2026-12: consent covers only
# the optional message (DSK position paper of 16 June 2025).
CONSENT_VERSION = "2026-12"

NAME_MAX_LENGTH = 120
PHONE_MAX_LENGTH = 32
MESSAGE_MAX_LENGTH = 2000
PREFERRED_TIMES_MAX_LENGTH = 200


class ConsultationRequestQuerySet(models.QuerySet):
    def unopened(self):
        """New requests nobody has opened yet: what the front desk still has to see.

        A request the front desk has read but not yet answered keeps the status
        "new" but is no longer counted as news.
        """
        return self.filter(status=ConsultationRequest.Status.NEW, opened_at=None)

    def unnotified(self):
        """Requests whose front-desk notification has not been sent (yet)."""
        return self.filter(notified_at=None)


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
    # Consent covers only the optional message: a request without one is
    # processed under Art. 9(2)(h) GDPR and stores no consent (blank, null).
    consent_version = models.CharField(
        _("consent text version"), max_length=20, blank=True, editable=False
    )
    consented_at = models.DateTimeField(
        _("consent given"), null=True, blank=True, editable=False
    )

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

    # The random id of the form's fill-time token (pages.consultation.abuse):
    # unique, so that one handed-out form stores at most one request.
    form_token = models.CharField(
        max_length=32, unique=True, null=True, blank=True, editable=False
    )

    notified_at = models.DateTimeField(
        _("front desk notified"), null=True, blank=True, editable=False
    )
    notification_attempts = models.PositiveSmallIntegerField(
        _("notification attempts"), default=0, editable=False
    )
    # When a member of staff first opened the request (detail or edit view).
    # A field rather than a query over Wagtail's log: the menu count, the
    # dashboard and the overdue reminder ask it on every admin page load.
    opened_at = models.DateTimeField(
        _("first opened"), null=True, blank=True, editable=False
    )
    # When the overdue reminder went out (pages.consultation.reminders): once.
    reminded_at = models.DateTimeField(
        _("reminder sent"), null=True, blank=True, editable=False
    )

    objects = ConsultationRequestQuerySet.as_manager()

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

    def mark_opened(self) -> None:
        """Record the first opening; later openings change nothing."""
        if self.opened_at is not None:
            return
        now = timezone.now()
        ConsultationRequest.objects.filter(pk=self.pk, opened_at=None).update(
            opened_at=now
        )
        self.opened_at = now

    def admin_url(self) -> str:
        """The absolute address of this request in the admin, for notifications."""
        path = reverse("consultation_requests:inspect", args=[self.pk])
        return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"
