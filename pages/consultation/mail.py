"""Mail to the practice team: sent in the clinic's name, in the reader's language.

The sender shows the clinic's name from the site settings ("ROC Ortho
<website@…>"), the address part comes from ``DEFAULT_FROM_EMAIL``. Links in
the mails are built from ``WAGTAILADMIN_BASE_URL``
(``ConsultationRequest.admin_url``). The texts are in the admin language of
the account behind ``FRONT_DESK_EMAIL`` if it chose one, else in
``LANGUAGE_CODE`` (``clinic_site/mail_language.py``).
"""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext

from wagtail.models import Site

from clinic_site.mail_language import address_language
from pages.models.settings import ClinicSettings


def staff_sender() -> str:
    """``DEFAULT_FROM_EMAIL`` with the clinic's name as the sender name.

    The name in the default site's settings wins; without a site, the name
    already in ``DEFAULT_FROM_EMAIL``, else ``WAGTAIL_SITE_NAME``.
    """
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        clinic = ClinicSettings.objects.filter(site=site).first()
        if clinic is not None and clinic.clinic_name:
            name = clinic.clinic_name
    return formataddr((name or settings.WAGTAIL_SITE_NAME, address))


def front_desk_language() -> str:
    return address_language(settings.FRONT_DESK_EMAIL)


def admin_link_message(
    subject: Promise, intro: Promise, url: str, language: str, **values
) -> tuple[str, str]:
    """Subject and body of a mail that points to one page of the admin.

    ``subject`` and ``intro`` are lazy translations, formatted with ``values``
    in ``language``. The body names no patient: the intro and the link.
    """
    with translation.override(language):
        body = gettext(
            "%(intro)s\n\nOpen it in the admin (login required):\n%(url)s\n"
        ) % {"intro": str(intro) % values, "url": url}
        return str(subject) % values, body


def send_front_desk_mail(subject: str, body: str) -> None:
    """Send one mail to ``FRONT_DESK_EMAIL`` in the clinic's name."""
    send_mail(subject, body, staff_sender(), [settings.FRONT_DESK_EMAIL])
