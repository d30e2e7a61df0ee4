from datetime import date

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = ("Write a synthetic national data set (about 400 vo-schools, 60 mbo institutions, 2,000 routes and "
            "500,000 students over 10 cohorts at scale 1) into the configured database, with progress. "
            "For measurements only: everything is marked synthetic.")

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Factor on the counts (0.01: 5,000 students).")
        parser.add_argument("--seed", type=int, default=2026, help="The same seed gives the same data set.")
        parser.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                            help="Write the paths up to this day (default: today); its school year is the last cohort.")
        parser.add_argument("--batch", type=int, default=10_000, help="Students per transaction.")

    def handle(self, *args, scale, seed, today, batch, **options):
        from apps.demo import national

        if not 0 < scale <= 10:
            raise CommandError("--scale ligt tussen 0 en 10.")
        try:
            result = national.generate(scale=scale, seed=seed, today=today, batch=batch,
                                       progress=lambda line: self.stdout.write(line))
        except national.AlreadyGenerated as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(
            ", ".join(f"{key} {value}" for key, value in result.items())))
