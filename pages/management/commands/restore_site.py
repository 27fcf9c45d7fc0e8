from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pages.ops.backup import BackupError, restore_archive


class Command(BaseCommand):
    help = (
        "Restore an archive from backup_site into an empty database (create it "
        "first, do not migrate) and into MEDIA_ROOT."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)

    def handle(self, *args, archive: Path, **options) -> None:
        if not archive.is_file():
            raise CommandError(f"{archive} is not a file")
        try:
            manifest = restore_archive(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the {manifest['database']} backup of {manifest['created']}."
        )
