"""The consultation form as a page; its thank-you page is a sub-route.

Imports run one way, as in Wagtail's own ``contrib.forms``: the request model,
then the form and the notification task built on it, then this page.
"""

import logging

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from pages.consultation import abuse
from pages.consultation.forms import ConsultationRequestForm
from pages.consultation.models import ConsultationRequest
from pages.consultation.tasks import queue_front_desk_notification
from pages.i18n import BilingualPreviewMixin
from pages.routing import ViewRestrictionMixin

logger = logging.getLogger(__name__)


class ConsultationPage(
    BilingualPreviewMixin, ViewRestrictionMixin, RoutablePageMixin, Page
):
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

    # Read with the page when it is served (``pages.routing``).
    route_select_related = ["privacy_page"]

    landing_page_template = "pages/consultation_page_landing.html"
    rate_limited_template = "pages/consultation_page_rate_limited.html"

    class Meta:
        verbose_name = _("consultation page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if "form" not in context:
            context["form"] = self.get_form(request)
        context["privacy_url"] = (
            self.privacy_page.get_url(request)
            if self.privacy_page and self.privacy_page.live
            else ""
        )
        context["form"].privacy_url = context["privacy_url"]
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
        limiter = abuse.consultation_rate_limit(request)
        # Counted first: two requests sent at once cannot both pass as the last
        # one allowed.
        if not limiter.allows(limiter.hit()):
            return self.render_rate_limited(request)
        form = self.get_form(request, data=request.POST)
        if form.is_bot():
            # Looks like success to the bot, stores nothing, still counts.
            logger.info("Consultation form: honeypot filled, nothing stored")
            return self.redirect_to_landing_page(request)
        if not form.is_valid():
            return self.render_invalid_form(request, form, limiter)
        try:
            self.process_form_submission(form)
        except IntegrityError:
            # Two posts of one form at the same moment: the unique token id
            # let the first in.
            if not form.token_was_used():
                raise
            form.add_error("form_started", form.already_sent_error())
            return self.render_invalid_form(request, form, limiter)
        return self.redirect_to_landing_page(request)

    def render_invalid_form(self, request, form, limiter) -> HttpResponse:
        # A patient correcting the form is not counted for each attempt.
        limiter.release()
        response = self.render(request, context_overrides={"form": form})
        response.status_code = 400
        return response

    def get_form_class(self):
        """The form class; override to change the fields patients see."""
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
        """The form's address with ``treatment`` preselected."""
        return with_treatment(self.get_url(request), treatment)


def with_treatment(form_url: str, treatment: Page) -> str:
    """``form_url`` with ``treatment`` preselected (``?treatment=``)."""
    return f"{form_url}?treatment={treatment.pk}"
