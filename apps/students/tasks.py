"""Background work of the students app, run by the worker (`manage.py db_worker`, django-tasks with
its database backend: the queue is a table in the register's own database).

An import job is checked and imported here, not in a web request; the job page polls the job's
state and counters, which these tasks write. Each task works on a job that a conditional UPDATE put
in its state (``importing.claim``), so a button pressed twice starts the work once. A task that
breaks off with an error ends its job in failed with a message, never in done: the rows and the
job's end state are committed in one transaction. A job whose worker was stopped halfway (its
heartbeat, ``ImportJob.updated``, older than ``STALLED``) is queued again by ``resume_stalled``,
which the job page and the daily cleanup command call."""
from __future__ import annotations

import logging
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from . import importing
from . import models as m

logger = logging.getLogger(__name__)

STALLED = timedelta(minutes=5)   # a running job without progress this long lost its worker


def _run_job(job_id: int, work, what: str, message: str) -> str:
    """Run ``work(job)`` on an import job; an error ends the job in failed with ``message`` (no
    student data in the log: the job id and the kind of error only)."""
    job = m.ImportJob.objects.select_related("route", "institution", "user").filter(pk=job_id).first()
    if job is None:
        return "gone"
    try:
        return work(job).status
    except Exception:
        logger.exception("import job %s: the %s broke off", job_id, what)
        importing.fail(job, message)
        return m.ImportJob.State.FAILED


@task()
def validate_import(job_id: int) -> str:
    """Check the rows of a queued import job."""
    return _run_job(job_id, importing.validate, "check", _(
        "De controle is afgebroken door een fout in Leerroute; er is niets geïmporteerd. Probeer het opnieuw of "
        "meld het aan de beheerder."))


@task()
def run_import(job_id: int) -> str:
    """Import the rows of a job the Importeren button put in state importing."""
    return _run_job(job_id, importing.run_import, "import", _(
        "De import is afgebroken door een fout in Leerroute; er is niets geïmporteerd. Probeer het opnieuw of meld "
        "het aan de beheerder."))


def enqueue_validation(job: m.ImportJob) -> None:
    result = validate_import.enqueue(job.pk)
    m.ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))


def enqueue_import(job: m.ImportJob) -> None:
    result = run_import.enqueue(job.pk)
    m.ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))


def resume_stalled(jobs=None, now=None) -> int:
    """Queue again the jobs whose worker stopped halfway (no progress for ``STALLED``): a check goes
    back to queued, an import (nothing of it committed) runs again. Returns how many."""
    now = now or timezone.now()
    jobs = m.ImportJob.objects.all() if jobs is None else jobs
    count = 0
    for job in jobs.filter(status__in=[m.ImportJob.State.VALIDATING, m.ImportJob.State.IMPORTING],
                           updated__lt=now - STALLED):
        if job.status == m.ImportJob.State.VALIDATING:
            if importing.claim(job, [m.ImportJob.State.VALIDATING], m.ImportJob.State.QUEUED, position=0):
                enqueue_validation(job)
                count += 1
        elif m.ImportJob.objects.filter(pk=job.pk, status=m.ImportJob.State.IMPORTING,
                                        updated__lt=now - STALLED).update(position=0, updated=now):
            enqueue_import(job)
            count += 1
    return count
