"""Wagtail admin hooks: the front desk's inbox and pages without a translation."""

from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
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
from pages.i18n import has_translation, translated_url
from pages.routing import warm_site_root_paths

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
