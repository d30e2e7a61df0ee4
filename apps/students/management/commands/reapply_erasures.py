"""After restoring a backup: erase again every student that was erased on request since the backup.

The register of erasures (no personal data) is kept in the database and in the file
LEERROUTE_ERASURE_FILE outside it; run this after every restore. Running it again changes nothing."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.students import privacy


class Command(BaseCommand):
    help = ("Wist opnieuw elke leerling uit het register van wissingen die na een herstel weer in de "
            "database staat. Draai dit na elk herstel van een back-up; nogmaals draaien verandert niets.")

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=None,
                            help="het register van wissingen buiten de database (standaard LEERROUTE_ERASURE_FILE)")

    def handle(self, *args, file=None, **options):
        try:
            erased, records = privacy.reapply_erasures(file)
        except (ValueError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{erased} leerling(en) opnieuw gewist; {records} wissing(en) in het register.")
