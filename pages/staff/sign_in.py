"""Which addresses are the admin, and which of its views are the sign-in steps.

Two-factor sign-in (``two_factor``) and the admin's Content-Security-Policy
(``clinic_site.security``) both ask.
"""

from django.urls import reverse

# The admin's sign-in steps (and what their pages load): the strict admin policy.
SIGN_IN_VIEWS = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "two_factor_setup",
        "two_factor_verify",
        "two_factor_enrol",
        "passkey_registration_begin",
        "passkey_registration_complete",
        "passkey_authentication_begin",
        "passkey_authentication_complete",
        "passkey_javascript_catalog",
    }
)


def is_admin_path(path: str) -> bool:
    """True for the Wagtail admin's pages (and the two-factor pages inside it)."""
    return path.startswith(reverse("wagtailadmin_home"))
