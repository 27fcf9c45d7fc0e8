"""The consultation form's address, for the pages that link to it.

A template tag rather than a model method, so that treatment pages link to the
form without importing it (``pages`` builds on ``treatments``, not the reverse).
"""

from django import template

from pages.consultation.page import with_treatment
from pages.templatetags.navigation_tags import site_shell

register = template.Library()


@register.simple_tag(takes_context=True)
def consultation_url(context, treatment=None) -> str:
    """The form on the reader's site, with ``treatment`` preselected; "" if none."""
    url = site_shell(context).get("consultation_url", "")
    if url and treatment is not None:
        return with_treatment(url, treatment)
    return url
