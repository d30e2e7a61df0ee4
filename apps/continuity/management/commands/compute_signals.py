"""Daily: compute the continuity signals of every active route and store them (apps.continuity.services.compute).
Cron: ``15 5 * * * cd /srv/leerroute && .venv/bin/python manage.py compute_signals``."""
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from apps.continuity import services
from domain import continuity as core


class Command(BaseCommand):
    help = "Bereken de continuïteitssignalen van alle actieve routes (dagelijks)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="rekendatum (JJJJ-MM-DD), standaard vandaag")
        parser.add_argument("--kind", action="append", choices=core.CODES, help="alleen deze soort(en)")

    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError as exc:
            raise CommandError(f"--date: {exc}") from exc
        result = services.compute(today, options["kind"])
        self.stdout.write(f"Signalen: {result.opened} nieuw, {result.kept} nog open, {result.resolved} opgelost.")
