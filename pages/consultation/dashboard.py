"""The front desk's news in the admin: the count of unopened requests.

The dashboard gets a panel with the count, the menu shows it beside
"Consultation requests" (``ConsultationRequestMenuItem``, the viewset's menu
item), both counted again on every admin page load. Users who may not explore
pages see neither the page search nor Wagtail's page panels on the dashboard.
``pages/wagtail_hooks.py`` calls ``construct_dashboard``.
"""

from django.urls import reverse
from django.utils.translation import gettext

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.views.home import (
    LockedPagesPanel,
    RecentEditsPanel,
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import Page
from wagtail.permissions import policy_registry

from pages.consultation.models import ConsultationRequest

# Any of these lets a user open the inbox (the index view requires the same).
INBOX_PERMISSIONS = ["view", "change", "delete"]


def may_see_requests(user) -> bool:
    """Whether ``user`` may open the inbox (the index view's permissions)."""
    policy = policy_registry.get_by_type(ConsultationRequest)
    return policy.user_has_any_permission(user, INBOX_PERMISSIONS)


def new_requests_label(label: str, count: int) -> str:
    """The menu label with the number of unopened requests beside it."""
    if not count:
        return label
    return gettext("%(label)s (%(count)s new)") % {"label": label, "count": count}


class ConsultationRequestMenuItem(MenuItem):
    """The menu entry with the number of unopened requests beside its label."""

    def is_shown(self, request):
        return may_see_requests(request.user)

    def render_component(self, request):
        count = ConsultationRequest.objects.unopened().count()
        return LinkMenuItemComponent(
            self.name,
            new_requests_label(self.label, count),
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class NewRequestsPanel(Component):
    """The dashboard's count of unopened requests, with a link to the inbox."""

    name = "new_consultation_requests"
    order = 10
    template_name = "pages/admin/new_requests_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "count": ConsultationRequest.objects.unopened().count(),
            "inbox_url": reverse("consultation_requests:index"),
        }


# Wagtail's dashboard panels about pages and their review: nothing the front
# desk can act on.
PAGE_PANELS = (
    WorkflowObjectsToModeratePanel,
    UserObjectsInWorkflowModerationPanel,
    RecentEditsPanel,
    LockedPagesPanel,
)


def construct_dashboard(user, panels: list) -> None:
    """The new-request count for whoever may see requests; page panels only
    for users who may explore pages (the page search is left out by
    ``templates/wagtailadmin/home.html`` on the same condition)."""
    if policy_registry.get_by_type(Page).explorable_root_instance(user) is None:
        panels[:] = [panel for panel in panels if not isinstance(panel, PAGE_PANELS)]
    if may_see_requests(user):
        panels.insert(0, NewRequestsPanel())
