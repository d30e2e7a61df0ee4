"""Scheduled clean-up of the import wizard (run daily, see README):

* import jobs that did not finish (not imported) are deleted after 7 days, with the file's rows
  they hold (data minimisation: the rows are personal data);
* a finished job keeps no rows (they are cleared when it is imported); its record stays;
* jobs whose worker stopped halfway are queued again (tasks.resume_stalled);
* the worker's finished task records older than 7 days are deleted."""
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from apps.students import models as m
from apps.students import tasks


class Command(BaseCommand):
    help = "Delete unfinished import jobs (and their rows) after 7 days; resume stalled jobs."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="age in days of unfinished jobs to delete")

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=options["days"])
        old = m.ImportJob.objects.exclude(status=m.ImportJob.State.DONE).filter(updated__lt=cutoff)
        deleted = old.count()
        old.delete()
        cleared = m.ImportJob.objects.filter(status=m.ImportJob.State.DONE).exclude(rows=[]).update(rows=[])
        resumed = tasks.resume_stalled()
        pruned = 0
        try:
            from django_tasks_db.models import DBTaskResult

            pruned, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
        except Exception:  # noqa: BLE001 - another task backend: nothing of its own to prune
            pass
        self.stdout.write(f"{deleted} onafgemaakte imports verwijderd, {cleared} afgeronde leeggemaakt, "
                          f"{resumed} hervat, {pruned} taakresultaten opgeruimd.")
