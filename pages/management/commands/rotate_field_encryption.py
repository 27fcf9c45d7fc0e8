from django.core.management.base import BaseCommand, CommandError

from pages.ops.field_keys import RotationError, rotate_field_encryption


class Command(BaseCommand):
    help = (
        "Re-encrypt every consultation request with the newest key in "
        "FIELD_ENCRYPTION_KEYS and rebuild its search index; afterwards the older "
        "keys can be removed."
    )
    # Its own error names the requests; the system check would only refuse.
    requires_system_checks = []

    def handle(self, *args, **options) -> None:
        try:
            count = rotate_field_encryption()
        except RotationError as error:
            ids = ", ".join(str(pk) for pk in error.args[0])
            raise CommandError(
                "Nothing changed: these requests cannot be decrypted with the "
                f"configured keys: {ids}. Add the key that encrypted them to "
                "FIELD_ENCRYPTION_KEYS."
            ) from error
        self.stdout.write(f"Re-encrypted {count} requests with the newest key.")
