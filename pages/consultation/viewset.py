"""The front desk's inbox as one Wagtail viewset: its views, columns and exports."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from pages.consultation.admin import (
    ConsultationRequestAdminForm,
    ConsultationRequestCreateView,
    ConsultationRequestDeleteView,
    ConsultationRequestEditView,
    ConsultationRequestFilterSet,
    ConsultationRequestHistoryView,
    ConsultationRequestIndexView,
    ConsultationRequestInspectView,
)
from pages.consultation.dashboard import ConsultationRequestMenuItem
from pages.consultation.models import ConsultationRequest


class ConsultationRequestViewSet(ModelViewSet):
    model = ConsultationRequest
    icon = "mail"
    menu_label = _("Consultation requests")
    menu_order = 250
    add_to_admin_menu = True
    # Page editors must not learn from a page's "usage" that requests mention it.
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ConsultationRequestIndexView
    inspect_view_class = ConsultationRequestInspectView
    edit_view_class = ConsultationRequestEditView
    add_view_class = ConsultationRequestCreateView
    delete_view_class = ConsultationRequestDeleteView
    menu_item_class = ConsultationRequestMenuItem
    history_view_class = ConsultationRequestHistoryView

    ordering = ["-created_at", "-pk"]
    filterset_class = ConsultationRequestFilterSet
    search_fields = ["name", "email"]
    search_backend_name = None
    # Contact and triage data for call lists; the message and the internal
    # notes stay in the admin.
    list_export = [
        "pk",
        "created_at",
        "get_status_display",
        "name",
        "email",
        "phone",
        "get_contact_method_display",
        "get_preferred_language_display",
        "topic",
        "preferred_times",
        "assigned_to",
    ]
    export_headings = {
        "pk": _("Request"),
        "created_at": _("Received"),
        "get_status_display": _("Status"),
        "name": _("Name"),
        "email": _("Email address"),
        "phone": _("Phone number"),
        "get_contact_method_display": _("Preferred contact method"),
        "get_preferred_language_display": _("Preferred language"),
        "topic": _("Topic"),
        "preferred_times": _("Preferred times"),
        "assigned_to": _("Assigned to"),
    }
    export_filename = "consultation-requests"

    inspect_view_fields = [
        "created_at",
        "status",
        "assigned_to",
        "name",
        "email",
        "phone",
        "contact_method",
        "preferred_language",
        "treatment",
        "body_region",
        "preferred_times",
        "message",
        "internal_notes",
        "consent_version",
        "consented_at",
        "notified_at",
        "notification_attempts",
        "opened_at",
        "reminded_at",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            FieldPanel("assigned_to"),
            FieldPanel("internal_notes"),
        ],
        base_form_class=ConsultationRequestAdminForm,
    )

    def get_permissions_to_register(self):
        return (
            super()
            .get_permissions_to_register()
            .exclude(codename="add_consultationrequest")
        )


consultation_request_viewset = ConsultationRequestViewSet("consultation_requests")
