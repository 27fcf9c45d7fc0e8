from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from django_otp import devices_for_user


class Command(BaseCommand):
    help = (
        "Remove a staff member's authenticator app and recovery codes, e.g. after "
        "a lost phone: the next sign-in enrols anew."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args, username: str, **options) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        self.stdout.write(f"{username}: removed {len(devices)} two-factor device(s)")
