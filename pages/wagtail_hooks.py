"""Wagtail admin hooks: the front desk's inbox, the page feedback reports, pages
without a translation and staff enrolment links."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy

from pages.consultation.admin import (
    EXPORT_ACTION,
    STATUS_ACTION,
    VIEW_ACTION,
    ConsultationRequestPermissionPolicy,
    StatusChangeFormatter,
)
from pages.consultation.dashboard import construct_dashboard
from pages.consultation.models import ConsultationRequest
from pages.consultation.viewset import consultation_request_viewset
from pages.feedback.reports import (
    FeedbackCommentReportView,
    PageFeedbackReportView,
    feedback_permission_policy,
)
from pages.i18n import has_translation, translated_url
from pages.routing import warm_site_root_paths
from pages.staff.enrolment import CHANGE_USER_PERMISSION

register_permission_policy(
    ConsultationRequest, ConsultationRequestPermissionPolicy(ConsultationRequest)
)


@hooks.register("register_admin_viewset")
def register_consultation_request_viewset():
    return consultation_request_viewset


@hooks.register("construct_homepage_panels")
def add_front_desk_dashboard_panels(request, panels):
    construct_dashboard(request.user, panels)


@hooks.register("register_log_actions")
def register_consultation_request_log_actions(actions):
    actions.register_action(
        VIEW_ACTION, _("View consultation request"), _("Viewed the request")
    )
    actions.register_action(STATUS_ACTION)(StatusChangeFormatter)
    actions.register_action(
        EXPORT_ACTION, _("Export consultation requests"), _("Exported the request")
    )


@hooks.register("before_serve_page")
def read_site_root_paths(page, request, serve_args, serve_kwargs):
    """Every page links both languages: read their site root paths at once."""
    warm_site_root_paths()


@hooks.register("before_serve_page")
def send_untranslated_page_home(page, request, serve_args, serve_kwargs):
    """A page without a version in the reader's language: that language's home.

    Without this, modeltranslation's fallback would show the German text under
    an English address (and ``lang="en"``). The home page says what happened.
    """
    language = translation.get_language()
    if has_translation(page, language):
        return None
    return redirect(translated_url(page, language, request))


@hooks.register("register_user_listing_buttons")
def add_enrolment_link_button(user, request_user):
    if request_user.has_perm(CHANGE_USER_PERMISSION):
        yield Button(
            _("Two-factor enrolment link"),
            reverse("two_factor_issue_link", args=[user.pk]),
            icon_name="key",
            priority=50,
        )


class PageFeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return feedback_permission_policy.user_has_permission(request.user, "view")


# (address under /admin/reports/, view, URL name, menu label, icon)
FEEDBACK_REPORTS = [
    (
        "page-feedback",
        PageFeedbackReportView,
        "page_feedback_report",
        _("Page feedback"),
        "help",
    ),
    (
        "feedback-comments",
        FeedbackCommentReportView,
        "page_feedback_comments",
        _("Feedback comments"),
        "comment",
    ),
]


def feedback_menu_item(index: int) -> PageFeedbackMenuItem:
    slug, _view, url_name, label, icon = FEEDBACK_REPORTS[index]
    return PageFeedbackMenuItem(
        label, reverse(url_name), name=slug, icon_name=icon, order=860 + index
    )


@hooks.register("register_reports_menu_item")
def register_page_feedback_menu_item():
    return feedback_menu_item(0)


@hooks.register("register_reports_menu_item")
def register_feedback_comments_menu_item():
    return feedback_menu_item(1)


@hooks.register("register_admin_urls")
def register_page_feedback_report_urls():
    urls = []
    for slug, view, url_name, _label, _icon in FEEDBACK_REPORTS:
        urls += [
            path(f"reports/{slug}/", view.as_view(), name=url_name),
            path(
                f"reports/{slug}/results/",
                view.as_view(results_only=True),
                name=f"{url_name}_results",
            ),
        ]
    return urls
