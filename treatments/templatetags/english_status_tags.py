from django import template

from treatments.english.status import EnglishStatus, PartStatus, part_statuses

register = template.Library()


@register.simple_tag
def english_needing_work(task_state) -> list[PartStatus]:
    """The parts of the revision under review whose English is missing or
    outdated."""
    page = task_state.revision.as_object()
    return [
        status
        for status in part_statuses(page)
        if status.status != EnglishStatus.UP_TO_DATE
    ]
