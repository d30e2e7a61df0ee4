"""Weekly: mail every subscriber the open continuity signals of their routes (apps.continuity.services.send_digest).
Cron: ``0 6 * * 1 cd /srv/leerroute && .venv/bin/python manage.py send_signal_digest`` (Monday, after
compute_signals)."""
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from apps.continuity import services


class Command(BaseCommand):
    help = "Verstuur de wekelijkse samenvatting van de continuïteitssignalen aan de abonnees."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="datum (JJJJ-MM-DD), standaard vandaag")

    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError as exc:
            raise CommandError(f"--date: {exc}") from exc
        result = services.send_digest(today)
        self.stdout.write(f"Samenvatting: {result.mails} verstuurd, {result.skipped} overgeslagen.")
