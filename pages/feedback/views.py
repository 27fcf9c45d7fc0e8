"""The feedback views: the answer from a page's form, then the thank-you page
with the optional comment.

Neither sets a cookie or uses a CSRF token (``pages.feedback.origin`` says why);
both count against a rate limit per address like the consultation form's. The
answer is a POST to its own address, so the page it sits on stays cacheable.
The thank-you page's address holds a signed, short-lived token of the stored
answer: only whoever gave it can add a comment, once.
"""

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.models import Page

from pages.consultation.abuse import RateLimit
from pages.feedback.forms import CommentForm, VoteForm
from pages.feedback.models import PageFeedback
from pages.feedback.origin import is_cross_site
from pages.i18n import has_translation, translated_url

COMMENT_SALT = "pages.feedback.comment"
# The answer of a bot that filled the honeypot: a token that stores nothing.
NO_FEEDBACK = 0


def feedback_page(page_id: int, language: str) -> Page:
    """The live, public page of a type that asks for feedback, or 404."""
    page = (
        Page.objects.live()
        .public()
        .filter(pk=page_id)
        .select_related("content_type")
        .first()
    )
    if page is None or not has_translation(page, language):
        raise Http404
    model = f"{page.content_type.app_label}.{page.content_type.model}"
    if model not in settings.PAGE_FEEDBACK_PAGE_TYPES:
        raise Http404
    return page


def rate_limit(request: HttpRequest) -> RateLimit:
    return RateLimit.for_address(
        request,
        "feedback-rate",
        limit=settings.PAGE_FEEDBACK_RATE_LIMIT_REQUESTS,
        window=settings.PAGE_FEEDBACK_RATE_LIMIT_WINDOW,
    )


def refuse(request: HttpRequest, message: str, status: int) -> HttpResponse:
    """A translated page explaining why the answer was not taken."""
    response = render(
        request,
        "pages/feedback_problem.html",
        {"message": message, "noindex": True},
        status=status,
    )
    add_never_cache_headers(response)
    return response


def check_request(request: HttpRequest) -> HttpResponse | None:
    """The refusal for a forged or over-limit POST, else None."""
    if is_cross_site(request):
        return refuse(
            request, gettext("Feedback can only be sent from this website."), 403
        )
    limit = rate_limit(request)
    if not limit.allows(limit.hit()):
        return refuse(
            request,
            gettext(
                "Several answers have been sent from your connection in a short "
                "time. Please try again in a few minutes."
            ),
            429,
        )
    return None


def see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


@csrf_exempt
@require_POST
def vote(request: HttpRequest, page_id: int) -> HttpResponse:
    """Store a yes or no for the page in the reader's language."""
    language = translation.get_language()
    page = feedback_page(page_id, language)
    refusal = check_request(request)
    if refusal is not None:
        return refusal
    form = VoteForm(request.POST)
    if not form.is_valid():
        rate_limit(request).release()
        return refuse(request, gettext("Choose yes or no."), 400)
    feedback_id = NO_FEEDBACK
    if not form.is_bot():
        feedback_id = PageFeedback.objects.create(
            page=page, language=language, helpful=form.cleaned_data["helpful"]
        ).pk
    token = signing.dumps([page.pk, feedback_id], salt=COMMENT_SALT)
    return see_other(reverse("page_feedback_thanks", args=[token]))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    """Thank the reader; take the optional comment once."""
    try:
        page_id, feedback_id = signing.loads(
            token, salt=COMMENT_SALT, max_age=settings.PAGE_FEEDBACK_COMMENT_MAX_AGE
        )
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise Http404 from error
    language = translation.get_language()
    page = feedback_page(page_id, language)
    feedback = PageFeedback.objects.filter(
        pk=feedback_id, page=page, language=language
    ).first()
    commented = feedback is not None and bool(feedback.comment)
    form = CommentForm()
    status = 200
    if request.method == "POST":
        refusal = check_request(request)
        if refusal is not None:
            return refusal
        form = CommentForm(request.POST)
        if form.is_valid():
            comment = form.cleaned_data["comment"]
            if not comment:
                return see_other(page.get_url(request))
            if feedback is not None and not form.is_bot():
                # One comment per answer, also when two tabs send at once.
                PageFeedback.objects.filter(pk=feedback.pk, comment="").update(
                    comment=comment
                )
            return see_other(request.path)
        rate_limit(request).release()
        status = 400
    response = render(
        request,
        "pages/feedback_thanks.html",
        {
            "rated_page": page,
            "page_url": page.get_url(request),
            "form": form,
            "ask_comment": feedback is not None and not commented,
            "commented": commented,
            "noindex": True,
            "alternate_urls": {
                code: translated_url(page, code, request)
                for code, _name in settings.LANGUAGES
            },
        },
        status=status,
    )
    add_never_cache_headers(response)
    return response
