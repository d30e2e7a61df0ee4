from datetime import date

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from apps.routes.models import Route


class Command(BaseCommand):
    help = "Load the demo data set and demo accounts (development and demonstration only)."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Empty the database first.")
        parser.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                            help="Build the demo as of this day (default: today): its school year is filled in.")

    def handle(self, *args, reset=False, today=None, **options):
        from apps.demo.dataset import DemoDataError
        from apps.demo.loader import DemoLoader, accounts_table

        if not (settings.DEBUG or settings.DEMO):
            raise CommandError("Demo data and demo accounts are never loaded with DEBUG off (production). "
                               "Run with DEBUG=1 or LEERROUTE_DEMO=1 on a development or demonstration database.")
        if reset:
            call_command("flush", interactive=False, verbosity=0)
        if Route.objects.exists():
            self.stdout.write("The database already holds routes: demo data not loaded again "
                              "(use --reset to start over).")
        else:
            try:
                DemoLoader(today=today).load()
            except DemoDataError as error:
                raise CommandError(f"Demo data not loaded: {error}") from None
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {Route.objects.count()} routes."))
        self.stdout.write("Demo accounts:\n" + accounts_table())
