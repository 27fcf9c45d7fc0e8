"""The admin's reports on page feedback (Reports → Page feedback, Feedback comments).

Both need the "view page feedback" permission (``PageFeedback``'s own view
permission; superusers have it; give it to a group under Settings → Groups).
Exports neutralise formulas like the front desk's (``pages.consultation.export``):
a comment is text typed by anyone.
"""

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from pages.consultation.export import ExcelSafeExportMixin
from pages.feedback.models import PageFeedback

feedback_permission_policy = ModelPermissionPolicy(PageFeedback)


def answers(language: str, helpful: bool) -> Count:
    return Count(
        "page_feedback",
        filter=Q(page_feedback__language=language, page_feedback__helpful=helpful),
    )


class PageFeedbackReportView(ExcelSafeExportMixin, ReportView):
    """Answers per page and language, the pages with the most "no" first."""

    page_title = _("Page feedback")
    header_icon = "help"
    permission_policy = feedback_permission_policy
    any_permission_required = ["view"]
    index_url_name = "page_feedback_report"
    index_results_url_name = "page_feedback_report_results"
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        Column("yes_de", label=_("Yes (German)")),
        Column("no_de", label=_("No (German)")),
        Column("yes_en", label=_("Yes (English)")),
        Column("no_en", label=_("No (English)")),
        Column("comments", label=_("Comments")),
    ]
    list_export = ["title", "yes_de", "no_de", "yes_en", "no_en", "comments"]
    export_headings = {
        "title": _("Page"),
        "yes_de": _("Yes (German)"),
        "no_de": _("No (German)"),
        "yes_en": _("Yes (English)"),
        "no_en": _("No (English)"),
        "comments": _("Comments"),
    }

    def get_queryset(self):
        return (
            Page.objects.annotate(
                total=Count("page_feedback"),
                yes_de=answers("de", True),
                no_de=answers("de", False),
                yes_en=answers("en", True),
                no_en=answers("en", False),
                comments=Count("page_feedback", filter=~Q(page_feedback__comment="")),
            )
            .filter(total__gt=0)
            .order_by("-no_de", "-no_en", "title")
        )


class FeedbackCommentFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(
        label=_("Page"),
        queryset=lambda request: Page.objects.filter(
            page_feedback__isnull=False
        ).distinct(),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=lambda: settings.LANGUAGES
    )
    helpful = django_filters.BooleanFilter(label=_("Helpful"))

    class Meta:
        model = PageFeedback
        fields = ["page", "language", "helpful"]


class FeedbackCommentReportView(ExcelSafeExportMixin, ReportView):
    """Every comment, newest first, with its page, language and answer."""

    page_title = _("Feedback comments")
    header_icon = "comment"
    model = PageFeedback
    permission_policy = feedback_permission_policy
    any_permission_required = ["view"]
    filterset_class = FeedbackCommentFilterSet
    index_url_name = "page_feedback_comments"
    index_results_url_name = "page_feedback_comments_results"
    columns = [
        DateColumn("received_on", label=_("Received on")),
        Column("page", label=_("Page")),
        Column("language_name", label=_("Language")),
        Column("answer", label=_("Helpful")),
        Column("comment", label=_("Comment")),
    ]
    list_export = ["received_on", "page", "language_name", "answer", "comment"]
    export_headings = {
        "received_on": _("Received on"),
        "page": _("Page"),
        "language_name": _("Language"),
        "answer": _("Helpful"),
        "comment": _("Comment"),
    }

    def get_queryset(self):
        return (
            PageFeedback.objects.exclude(comment="")
            .select_related("page")
            .order_by("-received_on", "-pk")
        )
