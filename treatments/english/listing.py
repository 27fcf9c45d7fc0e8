"""The English status in the admin's page listings: a badge and a filter."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets import ListingButton

import django_filters

from .status import EnglishStatus


def status_of(page) -> EnglishStatus | None:
    """The stored English status of a treatment page; None for other pages."""
    value = getattr(page, "english_status", None)
    return EnglishStatus(value) if value else None


def needs_english(page) -> bool:
    return status_of(page) in (EnglishStatus.OUTDATED, EnglishStatus.MISSING)


def english_badge(page, user) -> ListingButton | None:
    """A badge beside a treatment page in the explorer when its English needs
    work; it leads to the edit form, where each section shows its status."""
    if not needs_english(page) or not page.permissions_for_user(user).can_edit():
        return None
    status = status_of(page)
    return ListingButton(
        status.label,
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        classname="english-status-badge",
        attrs={"data-english-status": status.value},
        priority=5,
    )


class TreatmentPageFilterSet(PageFilterSet):
    english_status = django_filters.ChoiceFilter(
        label=_("English status"), choices=EnglishStatus.choices
    )


class TreatmentPageListingViewSet(PageListingViewSet):
    """Treatment pages in the menu: every treatment page with its English
    status. Registered with ``model=TreatmentPage`` (this module imports no
    models)."""

    icon = "doc-full"
    menu_label = _("Treatment pages")
    add_to_admin_menu = True
    menu_order = 150
    filterset_class = TreatmentPageFilterSet

    @property
    def columns(self):
        return [
            *PageListingViewSet.columns,
            StatusTagColumn(
                "english_status",
                label=_("English status"),
                accessor="get_english_status_display",
                primary=needs_english,
            ),
        ]
