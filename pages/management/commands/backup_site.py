from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pages.ops.backup import BackupError, create_archive


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump custom format, or a SQLite copy) and the "
        "uploaded media into one timestamped archive."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            default=Path("backups"),
            help="Folder for the archive (default: backups/).",
        )

    def handle(self, *args, output: Path, **options) -> None:
        try:
            archive = create_archive(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
