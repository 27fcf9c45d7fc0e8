"""The "Medical review" report in the admin (Reports → Medical review)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

import django_filters

from .english.status import EnglishStatus
from .models import ReviewedBy, TreatmentPage
from .review import ReviewStatus, review_status, status_filters


class MedicalReviewFilterSet(WagtailFilterSet):
    review_status = django_filters.ChoiceFilter(
        label=_("Review status"),
        choices=ReviewStatus.choices,
        method="filter_review_status",
    )
    reviewed_by = django_filters.ChoiceFilter(
        label=_("Reviewed by"), choices=ReviewedBy.choices
    )
    english_status = django_filters.ChoiceFilter(
        label=_("English status"), choices=EnglishStatus.choices
    )

    class Meta:
        model = TreatmentPage
        fields = ["live"]

    def filter_review_status(self, queryset, name, value):
        return queryset.filter(status_filters(timezone.localdate())[value])


class MedicalReviewReportView(ReportView):
    """Every treatment page with its review status, reviewer role, dates and
    the English status of its latest revision (up to date, outdated, missing)."""

    page_title = _("Medical review")
    header_icon = "doc-full"
    model = TreatmentPage
    any_permission_required = ["change"]
    filterset_class = MedicalReviewFilterSet
    index_url_name = "medical_review_report"
    index_results_url_name = "medical_review_report_results"
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit"),
        LiveStatusTagColumn(),
        Column("review_status_label", label=_("Review status")),
        Column("reviewer_role", label=_("Reviewed by")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        DateColumn("next_review_due", label=_("Next review due")),
        Column("get_english_status_display", label=_("English version")),
    ]
    list_export = [
        "title",
        "status_string",
        "review_status_label",
        "reviewer_role",
        "last_reviewed",
        "next_review_due",
        "get_english_status_display",
    ]
    export_headings = {
        "title": _("Title"),
        "status_string": _("Status"),
        "review_status_label": _("Review status"),
        "reviewer_role": _("Reviewed by"),
        "last_reviewed": _("Last reviewed"),
        "next_review_due": _("Next review due"),
        "get_english_status_display": _("English version"),
    }

    def get_queryset(self):
        return TreatmentPage.objects.order_by("next_review_due", "title")

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        for page in object_list:
            page.review_status_label = review_status(page, today).label
            page.reviewer_role = page.get_reviewed_by_display()
        return object_list
