"""The treatment index's list: grouped by body region, with counts and pages.

Plain functions over rows already read, so that the index reads its list in two
queries (the region of each treatment, then the treatments) at any size.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

# Without a filter each region shows its first treatments and a link to the rest;
# a filtered region is split into pages. Both keep the index small at any size.
PREVIEW_SIZE = 8
PAGE_SIZE = 20


@dataclass
class RegionGroup:
    region: object
    count: int = 0
    treatment_ids: list[int] = field(default_factory=list)
    treatments: list = field(default_factory=list)
    page: PaginatorPage | None = None

    @property
    def more(self) -> int:
        """How many of the region's treatments the unfiltered list leaves out."""
        return self.count - len(self.treatments)


def region_groups(links) -> list[RegionGroup]:
    """One group per region that has treatments, in the regions' order.

    ``links`` are rows of the treatments' region table with ``bodyregion``.
    """
    groups: dict[int, RegionGroup] = {}
    for link in links:
        group = groups.setdefault(link.bodyregion_id, RegionGroup(link.bodyregion))
        group.treatment_ids.append(link.treatmentpage_id)
        group.count += 1
    return sorted(
        groups.values(), key=lambda g: (g.region.sort_order, str(g.region.name))
    )


def fill_groups(
    groups: list[RegionGroup], treatments: list, page_number: str | None
) -> None:
    """Put the treatments (sorted by title) into their groups.

    A single group (the filtered list) gets one page of ``PAGE_SIZE``; a bad
    page number shows the first or last page. Several get ``PREVIEW_SIZE`` each.
    """
    for group in groups:
        ids = set(group.treatment_ids)
        members = [treatment for treatment in treatments if treatment.pk in ids]
        group.count = len(members)
        if len(groups) == 1:
            group.page = Paginator(members, PAGE_SIZE).get_page(page_number)
            group.treatments = list(group.page)
        else:
            group.treatments = members[:PREVIEW_SIZE]
