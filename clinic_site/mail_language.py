"""The language of a mail to a staff member: their admin language, else German.

A staff member who chose a language for the admin (Wagtail's account settings,
``UserProfile.preferred_language``) gets mails in it; everyone else, and a shared
address no single account owns, gets ``LANGUAGE_CODE``. Wagtail's own fallback,
the language active while the mail is sent, would follow whoever triggered it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist


def user_language(user) -> str:
    """The admin language ``user`` chose, else the site's default language."""
    try:
        preferred = user.wagtail_userprofile.preferred_language
    except ObjectDoesNotExist:
        preferred = ""
    return preferred or settings.LANGUAGE_CODE


def address_language(address: str) -> str:
    """The language for mail to ``address``: that of the active accounts using it,
    when they agree; else the site's default language."""
    users = get_user_model().objects.filter(email__iexact=address, is_active=True)
    users = users.select_related("wagtail_userprofile")
    languages = {user_language(user) for user in users}
    return languages.pop() if len(languages) == 1 else settings.LANGUAGE_CODE
