from django.core.management.base import BaseCommand

from apps.routes import compliance
from apps.routes.models import Route


class Command(BaseCommand):
    help = ("Re-evaluate the rules for every route and every student of it (run daily: some rules depend on "
            "the date).")

    def handle(self, *args, **options):
        counts = {}
        routes = Route.objects.all()
        for route in routes.iterator():
            findings = compliance.refresh(route, students=True)
            status = compliance.worst(findings)
            counts[status] = counts.get(status, 0) + 1
        self.stdout.write(f"{routes.count()} routes evaluated: "
                          + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
