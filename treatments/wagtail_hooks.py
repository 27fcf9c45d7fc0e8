from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import page_permission_policy

from .english.listing import TreatmentPageListingViewSet, english_badge
from .english.views import export_english, import_english
from .models import MedicalReviewer, TreatmentIndexPage, TreatmentPage
from .reports import MedicalReviewReportView
from .review import pages_due
from .review_feedback import (
    ChangesRequestedPanel,
    confirm_decision,
    decision_confirmation,
    show_requested_changes,
)


class OverdueReviewsPanel(Component):
    """Dashboard panel listing live treatment pages whose medical review is due:
    never reviewed, or past their next review date."""

    name = "overdue_medical_reviews"
    template_name = "treatments/admin/overdue_reviews_panel.html"
    order = 90  # above Wagtail's own panels: a stale medical page matters most

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["overdue_pages"] = pages_due(timezone.localdate()).only(
            "id", "title", "next_review_due", "last_reviewed"
        )
        return context


def can_act_on_reviews(user) -> bool:
    """Whether ``user`` can revise or review treatment pages (edit the section)."""
    index = TreatmentIndexPage.objects.first()
    return index is not None and index.permissions_for_user(user).can_edit()


@hooks.register("construct_homepage_panels")
def add_overdue_reviews_panel(request, panels):
    # Only for those who can act on it: the front desk edits no pages.
    if can_act_on_reviews(request.user):
        panels.append(OverdueReviewsPanel())
        panels.append(ChangesRequestedPanel(request.user))


@hooks.register("insert_global_admin_css")
def language_picker_keeps_sections() -> SafeString:
    # A section with German and English fields stays visible whatever language
    # the picker shows (see the stylesheet).
    return format_html(
        '<link rel="stylesheet" href="{}">',
        static("css/admin-language-picker.css"),
    )


@hooks.register("insert_global_admin_css")
def side_by_side_languages() -> SafeString:
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/admin-side-by-side.css")
    )


@hooks.register("insert_editor_js")
def name_field_languages() -> SafeString:
    # Blocks render their fields in the browser: the script names their language.
    return format_html(
        '<script src="{}" defer></script>', static("js/admin-field-language.js")
    )


@hooks.register("before_edit_page")
def show_reviewers_request_for_changes(request, page):
    if request.method == "GET":
        show_requested_changes(request, page)


@hooks.register("after_edit_page")
def confirm_review_decision(request, page):
    # Approving or requesting changes from the editor's footer.
    if request.POST.get("action-workflow-action"):
        confirm_decision(request, page)


class MedicalReviewerViewSet(ModelViewSet):
    """Settings → Medical reviewers: the role each reviewer approves under."""

    model = MedicalReviewer
    icon = "user"
    add_to_settings_menu = True
    form_fields = ["user", "role"]
    list_display = ["user", "role"]


@hooks.register("register_admin_viewset")
def register_medical_reviewer_viewset():
    return MedicalReviewerViewSet("medical_reviewers")


class MedicalReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def register_medical_review_report_menu_item():
    return MedicalReviewReportMenuItem(
        _("Medical review"),
        reverse("medical_review_report"),
        name="medical-review",
        icon_name="doc-full",
        order=850,
    )


@hooks.register("register_admin_urls")
def register_medical_review_report_urls():
    return [
        path(
            "reports/medical-review/",
            MedicalReviewReportView.as_view(),
            name="medical_review_report",
        ),
        path(
            "medical-review/<int:page_id>/decision/",
            decision_confirmation,
            name="medical_review_decision",
        ),
        path(
            "reports/medical-review/results/",
            MedicalReviewReportView.as_view(results_only=True),
            name="medical_review_report_results",
        ),
        path(
            "treatments/<int:page_id>/english.po",
            export_english,
            name="treatment_english_export",
        ),
        path(
            "treatments/<int:page_id>/english/import/",
            import_english,
            name="treatment_english_import",
        ),
    ]


@hooks.register("register_admin_viewset")
def register_treatment_page_listing():
    return TreatmentPageListingViewSet("treatment_pages", model=TreatmentPage)


@hooks.register("register_page_listing_buttons")
def english_status_badge(page, user, next_url=None):
    if badge := english_badge(page, user):
        yield badge
