"""Run the import wizard's student import from the command line, for large files and scripts:

    manage.py import_students --route <id> --file <path> [--mapping <json>] [--user <username>]
                              [--institution <BRIN>] [--check-only]

The same steps as the wizard (read with BSN pseudonymisation, map, check every row, import all rows
or none, one audit entry), run in this process instead of the worker. Prints rows per second; on
errors prints the error report (row, column, rule, message; BSNs hidden) and exits with status 1."""
import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.accounts.models import User
from apps.core.lib.tabular import TableError
from apps.registry.models import Institution
from apps.routes.models import Route
from apps.students import importing
from apps.students import models as m


class Command(BaseCommand):
    help = "Import a file of students into a route (all rows or none); prints rows per second."

    def add_arguments(self, parser):
        parser.add_argument("--route", type=int, required=True, help="id of the route")
        parser.add_argument("--file", required=True, help="CSV or Excel (.xlsx) file, header in row 1")
        parser.add_argument("--mapping", help='JSON {"field": "column", ...} or a path to a JSON file; default: '
                                              "the institution's saved mapping, else the columns' names")
        parser.add_argument("--user", help="username recorded as who imported (default: the first superuser)")
        parser.add_argument("--institution", help="BRIN of the institution whose student numbers the file holds "
                                                  "(default: the user's institution in the route)")
        parser.add_argument("--check-only", action="store_true", help="check every row, import nothing")

    def handle(self, *args, **options):
        route = Route.objects.filter(pk=options["route"]).first()
        if route is None:
            raise CommandError(f"Route {options['route']} bestaat niet.")
        user = self._user(options["user"])
        institution = self._institution(route, user, options["institution"])
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Bestand {path} bestaat niet.")
        kind = m.ImportJob.Kind.STUDENTS
        saved = m.ImportMapping.objects.filter(institution=institution, kind=kind).first()
        saved = saved.mapping if saved else {}
        started = time.perf_counter()
        try:
            parsed = importing.read_upload(kind, path.name, path.read_bytes(), saved)
        except (TableError, importing.ImportRefused) as problem:
            raise CommandError(str(problem)) from problem
        read_seconds = time.perf_counter() - started
        mapping = self._mapping(options["mapping"]) if options["mapping"] else importing.guess_mapping(
            kind, parsed.headers, saved, parsed.bsn_columns)
        unknown = {column for column in mapping.values() if column not in parsed.headers}
        if unknown:
            raise CommandError(f"Kolommen niet in het bestand: {', '.join(sorted(unknown))}. "
                               f"Kolommen: {', '.join(parsed.headers)}")
        # as in the wizard: a column a rule makes required for the route is asked before any row is checked
        missing = {key: why for key, why in importing.required_for_route(route, kind, institution).items()
                   if key not in mapping}
        if missing:
            raise CommandError(" ".join(f"{key}: {why}" for key, why in missing.items()))
        job = m.ImportJob.objects.create(
            route=route, institution=institution, user=user, kind=kind, filename=path.name[:255],
            headers=parsed.headers, rows=parsed.rows, row_count=len(parsed.rows), bsn_columns=parsed.bsn_columns,
            skipped_lines=list(parsed.skipped_lines))
        n = job.total
        self.stdout.write(f"{n} rijen gelezen in {read_seconds:.1f} s; BSN-kolommen: "
                          f"{', '.join(parsed.bsn_columns) or 'geen'}")
        try:
            importing.start_validation(job, mapping)
        except importing.ImportRefused as problem:
            job.delete()
            raise CommandError(str(problem)) from problem
        started = time.perf_counter()
        job = importing.validate(job, user)
        seconds = time.perf_counter() - started
        self.stdout.write(f"gecontroleerd: {n} rijen in {seconds:.1f} s ({n / max(seconds, 1e-9):.0f} rijen/s)")
        if job.status == m.ImportJob.State.VALIDATED and not options["check_only"]:
            importing.start_import(job)
            started = time.perf_counter()
            job = importing.run_import(job, user)
            seconds = time.perf_counter() - started
            self.stdout.write(f"geïmporteerd (opnieuw gecontroleerd en opgeslagen): {job.imported} rijen in "
                              f"{seconds:.1f} s ({job.imported / max(seconds, 1e-9):.0f} rijen/s)")
        if job.status == m.ImportJob.State.FAILED:
            for error in job.errors[:50]:
                self.stderr.write(f"rij {error['row']}, {error['column'] or '-'} ({error['rule']}): {error['message']}")
            if len(job.errors) > 50:
                self.stderr.write(f"... en nog {len(job.errors) - 50} fouten (foutrapport: /importeren/{job.pk}/)")
            raise CommandError(f"Niets geïmporteerd: {len(job.errors)} fouten. {job.message}".strip())
        self.stdout.write(f"import {job.pk}: {job.get_status_display()}")

    def _user(self, username):
        if username:
            user = User.objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"Gebruiker {username} bestaat niet.")
            return user
        user = User.objects.filter(is_superuser=True).order_by("pk").first()
        if user is None:
            raise CommandError("Geef --user: er is geen beheerder om de import op naam te zetten.")
        return user

    def _institution(self, route, user, brin):
        partners = Institution.objects.filter(route_partnerships__route=route).distinct()
        if brin:
            institution = partners.filter(brin__iexact=brin).first()
            if institution is None:
                raise CommandError(f"{brin} is geen partner van route {route.pk}.")
            return institution
        own = list(partners.filter(pk__in=user.institutions.all()).order_by("sector"))
        if len(own) == 1:
            return own[0]
        raise CommandError("Geef --institution <BRIN>: de instelling wier leerlingnummers het bestand bevat "
                           f"(partners: {', '.join(p.brin for p in partners)}).")

    def _mapping(self, value):
        text = Path(value).read_text() if not value.lstrip().startswith("{") and Path(value).is_file() else value
        try:
            mapping = json.loads(text)
        except json.JSONDecodeError as problem:
            raise CommandError(f"--mapping is geen JSON: {problem}") from problem
        keys = {t.key for t in importing.targets(m.ImportJob.Kind.STUDENTS)}
        if not isinstance(mapping, dict) or set(mapping) - keys:
            raise CommandError(f"--mapping: velden zijn {', '.join(sorted(keys))}.")
        return mapping
