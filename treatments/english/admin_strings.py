"""Admin strings of wagtail-modeltranslation, which ships no German catalogue.

Listed here so that ``makemessages`` keeps them in the project's catalogue,
which translates them: Django merges every catalogue of the "django" domain.
"""

from django.utils.translation import gettext_noop

MODELTRANSLATION_STRINGS = (
    # The language picker above the edit form.
    gettext_noop("View / edit fields for"),
)
