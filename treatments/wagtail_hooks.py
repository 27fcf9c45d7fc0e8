from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import page_permission_policy

from .models import TreatmentPage


class OverdueReviewsPanel(Component):
    """Dashboard panel listing treatment pages whose medical review is overdue."""

    name = "overdue_medical_reviews"
    template_name = "treatments/admin/overdue_reviews_panel.html"
    order = 90  # above Wagtail's own panels: a stale medical page matters most

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["overdue_pages"] = (
            TreatmentPage.objects.filter(next_review_due__lt=timezone.localdate())
            .order_by("next_review_due")
            .only("id", "title", "next_review_due", "last_reviewed")
        )
        return context


@hooks.register("construct_homepage_panels")
def add_overdue_reviews_panel(request, panels):
    # Only for those who can act on it: the front desk edits no pages.
    if page_permission_policy.user_has_permission(request.user, "change"):
        panels.append(OverdueReviewsPanel())
