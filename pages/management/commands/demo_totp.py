from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from pages.management.commands.load_demo_content import DEMO_ADMIN_USERNAME


class Command(BaseCommand):
    help = "Print the demo admin's current two-factor code (local demo only)."

    def handle(self, *args, **options) -> None:
        if not settings.DEMO_ADMIN_ALLOWED:
            raise CommandError("The demo admin is not allowed with these settings.")
        device = TOTPDevice.objects.filter(
            user__username=DEMO_ADMIN_USERNAME, confirmed=True
        ).first()
        if device is None:
            raise CommandError("No demo admin yet: run `manage.py load_demo_content`.")
        code = totp(
            device.bin_key, step=device.step, t0=device.t0, digits=device.digits
        )
        self.stdout.write(f"{code:0{device.digits}d}")
