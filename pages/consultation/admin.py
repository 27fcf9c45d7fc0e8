"""The front desk's inbox of consultation requests in the Wagtail admin.

Requests arrive only through the website's form, so nobody can add one here.
Whoever opens a request, changes its status, exports or deletes requests is
recorded in Wagtail's log (ModelLogEntry), next to Wagtail's own "edit" and
"delete" entries. The views are put together in ``viewset.py``, which
``pages/wagtail_hooks.py`` registers.
"""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import defaults

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.log_actions import LogFormatter, log
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from pages.consultation.dashboard import (
    INBOX_PERMISSIONS,
)
from pages.consultation.display import (
    format_clinic_time,
    or_empty,
    staff_name,
)
from pages.consultation.export import ExcelSafeExportMixin, csv_staff_name
from pages.consultation.models import ConsultationRequest
from pages.consultation.reminders import is_overdue
from pages.encryption import has_undecryptable, search_filter

# The group migration 0003 creates; only its members can be assigned requests.
FRONT_DESK_GROUP = "Front desk"

VIEW_ACTION = "pages.consultation_request.view"
STATUS_ACTION = "pages.consultation_request.status"
EXPORT_ACTION = "pages.consultation_request.export"


class StatusChangeFormatter(LogFormatter):
    """History entry of a status change: "Status changed: New -> Contacted"."""

    label = _("Change consultation status")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return gettext("Status changed: %(from)s -> %(to)s") % {
            "from": status_label(data.get("from")),
            "to": status_label(data.get("to")),
        }


def status_label(value: str | None) -> str:
    """The status as the front desk reads it, in the admin's language."""
    if value in ConsultationRequest.Status.values:
        return str(ConsultationRequest.Status(value).label)
    return or_empty(value)


class ConsultationRequestPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that nobody may add a request in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


class ConsultationRequestFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ConsultationRequest
        fields = ["status", "treatment", "preferred_language"]


class ForbiddenMixin:
    """Answer 403 where Wagtail would redirect to the dashboard with a message.

    A user who may not see health data gets an unambiguous "forbidden" status,
    which monitoring and tests can rely on.
    """

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as denied:
            return defaults.permission_denied(request, denied)


def inbox_status(consultation_request: ConsultationRequest) -> str:
    """The status, marked overdue when nobody has opened the request in time."""
    status = consultation_request.get_status_display()
    if is_overdue(consultation_request):
        return gettext("%(status)s, overdue") % {"status": status}
    return status


class ClinicTimeColumn(DateColumn):
    """Date and time in the clinic's zone, with Wagtail's "3 days ago" below."""

    cell_template_name = "pages/admin/clinic_time_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["clinic_time"] = format_clinic_time(context["raw_value"])
        return context


class ConsultationRequestIndexView(
    ForbiddenMixin, ExcelSafeExportMixin, generic.IndexView
):
    """Newest first; search by keyed hashes; export only with its permission."""

    any_permission_required = INBOX_PERMISSIONS
    custom_field_preprocess = {
        "assigned_to": {
            generic.IndexView.FORMAT_CSV: csv_staff_name,
            generic.IndexView.FORMAT_XLSX: csv_staff_name,
        }
    }

    def get(self, request, *args, **kwargs):
        if self.is_export and not self.show_export_buttons:
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    @cached_property
    def show_export_buttons(self) -> bool:
        return bool(self.list_export) and self.permission_policy.user_has_permission(
            self.request.user, "export"
        )

    def search_queryset(self, queryset):
        """Names and emails are encrypted: match their keyed hashes instead."""
        if not self.is_searching:
            return queryset
        return queryset.filter(search_filter(self.search_query))

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "reference",
                label=_("Request"),
                accessor="__str__",
                get_url=self.get_inspect_url,
            ),
            Column("name", label=_("Name")),
            Column("status", label=_("Status"), accessor=inbox_status),
            Column("topic", label=_("Topic")),
            Column(
                "preferred_language",
                label=_("Language"),
                accessor="get_preferred_language_display",
            ),
            Column(
                "assigned_to",
                label=_("Assigned to"),
                accessor=lambda request: staff_name(request.assigned_to),
            ),
            ClinicTimeColumn("created_at", label=_("Received"), sort_key="created_at"),
        ]

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            for consultation_request in context["object_list"]:
                log(consultation_request, EXPORT_ACTION, user=self.request.user)
        return super().render_to_response(context, **response_kwargs)


class ConsultationRequestCreateView(ForbiddenMixin, generic.CreateView):
    """Never allowed (see the permission policy); answers 403."""


class ConsultationRequestDeleteView(ForbiddenMixin, generic.DeleteView):
    """Deletion is Wagtail's, logged as "wagtail.delete"."""


class ConsultationRequestInspectView(ForbiddenMixin, generic.InspectView):
    """The request's details; every opening is logged."""

    # Wagtail hides "Edit" in the header's menu; the front desk's next step after
    # reading a request is to update it, so the page offers it as a button.
    template_name = "pages/admin/consultation_request_inspect.html"

    def get(self, request, *args, **kwargs):
        log(self.object, VIEW_ACTION, user=request.user)
        self.object.mark_opened()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(edit_url=self.get_edit_url(), **kwargs)

    def get_field_display_value(self, field_name, field):
        """Times in the clinic's zone, staff by name, "—" for what is empty."""
        value = super().get_field_display_value(field_name, field)
        if field_name == "assigned_to":
            return staff_name(value)
        if isinstance(value, datetime):
            return format_clinic_time(value)
        return or_empty(value)


def front_desk_members(current_assignee_id: int | None = None):
    """Active members of the front desk group, by name.

    The request's current assignee stays a choice even after leaving the
    group, so that saving a status does not fail on an assignment nobody
    changed.
    """
    members = Q(is_active=True, groups__name=FRONT_DESK_GROUP)
    if current_assignee_id is not None:
        members |= Q(pk=current_assignee_id)
    return (
        get_user_model()
        .objects.filter(members)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class ConsultationRequestAdminForm(WagtailAdminModelForm):
    """The edit form: assignment only to the front desk, by full name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        assigned_to = self.fields["assigned_to"]
        assigned_to.queryset = front_desk_members(self.instance.assigned_to_id)
        assigned_to.label_from_instance = staff_name

    def clean(self):
        """Refuse to save a request whose data failed to decrypt: saving would
        store the placeholder over the patient's data."""
        cleaned_data = super().clean()
        if has_undecryptable(self.instance):
            raise ValidationError(
                gettext(
                    "This request cannot be saved: some of its data cannot be "
                    "decrypted with the configured keys. Ask the administrator "
                    "to configure the key it was encrypted with."
                )
            )
        return cleaned_data


class ConsultationRequestEditView(ForbiddenMixin, generic.EditView):
    """Status, assignment and notes; a status change gets its own log entry.

    The template shows the request's summary above the fields.
    """

    template_name = "pages/admin/consultation_request_edit.html"

    def get_context_data(self, **kwargs):
        consultation_request = self.object
        summary = [
            (_("Received"), format_clinic_time(consultation_request.created_at)),
            (_("Name"), consultation_request.name),
            (_("Email address"), or_empty(consultation_request.email)),
            (_("Phone number"), or_empty(consultation_request.phone)),
            (
                _("Preferred contact method"),
                consultation_request.get_contact_method_display(),
            ),
            (_("Topic"), consultation_request.topic),
            (_("Preferred times"), or_empty(consultation_request.preferred_times)),
        ]
        return super().get_context_data(
            summary=summary,
            inspect_url=reverse(
                "consultation_requests:inspect", args=[consultation_request.pk]
            ),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(self.object, VIEW_ACTION, user=request.user)
        self.object.mark_opened()
        return response

    def form_valid(self, form):
        previous = (
            ConsultationRequest.objects.filter(pk=self.object.pk)
            .values_list("status", flat=True)
            .first()
        )
        response = super().form_valid(form)
        if previous != self.object.status:
            log(
                self.object,
                STATUS_ACTION,
                user=self.request.user,
                data={"from": previous, "to": self.object.status},
            )
        return response


class ConsultationRequestHistoryView(ForbiddenMixin, HistoryView):
    """Wagtail's history, each entry dated in the clinic's time zone."""

    @cached_property
    def columns(self):
        columns = super().columns
        return [
            ClinicTimeColumn(column.name, label=column.label, width=column.width)
            if column.name == "timestamp"
            else column
            for column in columns
        ]
