"""Mail to the practice team: sent in the clinic's name.

The sender shows the clinic's name from the site settings ("ROC Ortho
<website@…>"), the address part comes from ``DEFAULT_FROM_EMAIL``. Links in
the mails are built from ``WAGTAILADMIN_BASE_URL``
(``ConsultationRequest.admin_url``), the texts are in ``LANGUAGE_CODE``.
"""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import send_mail

from wagtail.models import Site

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


def send_front_desk_mail(subject: str, body: str) -> None:
    """Send one mail to ``FRONT_DESK_EMAIL`` in the clinic's name."""
    send_mail(subject, body, staff_sender(), [settings.FRONT_DESK_EMAIL])
