"""The regional report is made by the background worker (`manage.py db_worker`), not in a web request:
``start`` queues a job once per region and school year (a second press finds the queued or running
job), ``make_report`` builds the tables (report.build) and the PDF, writing each step's progress on the job,
which the report page polls. A job whose worker stopped halfway (no progress for ``STALLED``) is
queued again when its page is opened (``resume_stalled``)."""
from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from apps.registry.models import Region

from . import report, report_pdf
from .report_models import ReportJob
from .report_shown import shown

logger = logging.getLogger(__name__)

STALLED = timedelta(minutes=5)


def running_job(region: Region, school_year: int) -> ReportJob | None:
    return ReportJob.objects.filter(region=region, school_year=school_year,
                                    status__in=ReportJob.RUNNING_STATES).first()


def reader_language() -> str:
    """The active language as reports are kept: "nl" or "en"."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def latest_done(region: Region, school_year: int, language: str | None = None) -> ReportJob | None:
    """The newest finished report in ``language`` (default: the reader's)."""
    return ReportJob.objects.filter(region=region, school_year=school_year, status=ReportJob.State.DONE,
                                    language=language or reader_language()).first()


def start(region: Region, school_year: int, user) -> ReportJob:
    """Queue the report of ``region`` and ``school_year`` in the requester's language; the job already
    queued or running when there is one (the constraint decides between two presses at the same moment)."""
    job = running_job(region, school_year)
    if job is not None:
        return job
    try:
        with transaction.atomic():
            job = ReportJob.objects.create(region=region, school_year=school_year, requested_by=user,
                                           step=_("wacht op de verwerker"), language=reader_language())
    except IntegrityError:
        return running_job(region, school_year) or latest_done(region, school_year)
    _enqueue(job)
    job.refresh_from_db()
    return job


def _enqueue(job: ReportJob) -> None:
    result = make_report.enqueue(job.pk)
    ReportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))


@task()
def make_report(job_id: int) -> str:
    """Build the report of a queued job; an error ends the job in failed (logged with the job id)."""
    job = ReportJob.objects.select_related("region").filter(pk=job_id).first()
    if job is None:
        return "gone"
    if not ReportJob.objects.filter(pk=job.pk, status=ReportJob.State.QUEUED).update(
            status=ReportJob.State.RUNNING, updated=timezone.now()):
        return job.status   # another worker has it, or it ended

    def progress(done: int, total: int, step: str) -> None:   # the tables' steps, then the PDF
        ReportJob.objects.filter(pk=job.pk).update(position=done, total=total + 1, step=(step or _("PDF maken"))[:120],
                                                   updated=timezone.now())

    try:
        with translation.override(job.language):
            result = report.build(job.region, job.school_year, progress=progress)
            job.finished = timezone.now()
            pdf = report_pdf.render(result, {**shown(result), "job": job})
    except Exception:
        logger.exception("regional report job %s broke off", job_id)
        ReportJob.objects.filter(pk=job.pk).update(
            status=ReportJob.State.FAILED, finished=timezone.now(), step="",
            message=_("Het rapport is afgebroken door een fout in Leerroute. Probeer het opnieuw of meld het aan de "
                      "beheerder."))
        return ReportJob.State.FAILED
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.State.DONE, result=result, pdf=pdf, step="",
                                               position=F("total"), finished=job.finished, updated=timezone.now())
    # the newest report replaces the older ones of the region, year and language (and their PDFs)
    ReportJob.objects.filter(region=job.region_id, school_year=job.school_year, language=job.language,
                             pk__lt=job.pk).exclude(status__in=ReportJob.RUNNING_STATES).delete()
    return ReportJob.State.DONE


def resume_stalled(job: ReportJob, now=None) -> ReportJob:
    """Queue a job again whose worker stopped halfway (no progress for ``STALLED``)."""
    now = now or timezone.now()
    if job.running and job.updated < now - STALLED and ReportJob.objects.filter(
            pk=job.pk, status__in=ReportJob.RUNNING_STATES, updated__lt=now - STALLED).update(
            status=ReportJob.State.QUEUED, position=0, updated=now):
        _enqueue(job)
        job.refresh_from_db()
    return job
