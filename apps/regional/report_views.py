"""The regional report's pages: `/regio/<id>/rapport/?schooljaar=2020` shows the latest report made
for the region and school year (or the progress of the one being made), with its PDF and Excel
workbook; the button queues the work in the background worker once.

Who: the beheerder and the regional coordinators of the region (``may_read_report``); everyone else
gets a 404. The report shows no student: counts only, suppressed as a regional view (report.py), so
it writes no read-log entry. A missing school year is the current one; one that is not a year is a
400 naming the field."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.registry.models import Region
from domain.calendar import school_year_label, school_year_of

from . import report_pdf, report_tasks, report_xlsx
from .report_shown import shown

FIRST_YEAR = 2000
YEAR_FIELD = "schooljaar"


class BadYear(ValueError):
    pass


def may_read_report(user, region: Region) -> bool:
    """Whoever reads the region's figures reads its report (``Region.objects.readable_by``)."""
    return Region.objects.readable_by(user).filter(pk=region.pk).exists()


def region_for(user, pk: int) -> Region:
    region = get_object_or_404(Region, pk=pk)
    if not may_read_report(user, region):
        raise Http404
    return region


def parse_year(value: str | None, today=None) -> int:
    """The school year asked for ("2020" or "2020-2021"); the current one when none is given."""
    current = school_year_of(today or timezone.localdate())
    if value in (None, ""):
        return current
    text = value.strip().split("-", 1)[0]
    if not (text.isascii() and text.isdigit()) or not FIRST_YEAR <= int(text) <= current + 1:   # "²" is a digit
        raise BadYear(_("Schooljaar moet een jaar zijn van %(first)s tot en met %(last)s, bijvoorbeeld 2020 voor "
                        "2020-2021.") % {"first": FIRST_YEAR, "last": current + 1})
    return int(text)


def _bad_year(problem: BadYear) -> HttpResponse:
    return HttpResponseBadRequest(f"{YEAR_FIELD}: {problem}", content_type="text/plain; charset=utf-8")


def page_url(region: Region, year: int) -> str:
    return f"{reverse('regional_report:report', args=[region.pk])}?{YEAR_FIELD}={year}"


def _asked(request, pk):
    region = region_for(request.user, pk)
    return region, parse_year(request.GET.get(YEAR_FIELD) or request.POST.get(YEAR_FIELD))


@login_required
def report_page(request, pk):
    try:
        region, year = _asked(request, pk)
    except BadYear as problem:
        return _bad_year(problem)
    running = report_tasks.running_job(region, year)
    if running is not None:
        running = report_tasks.resume_stalled(running)
    done = report_tasks.latest_done(region, year)
    failed = None
    if running is None and done is None:
        failed = region.report_jobs.filter(school_year=year, status="failed").first()
    current = school_year_of(timezone.localdate())
    return render(request, "regional/report.html", {
        "region": region, "year": year, "year_label": school_year_label(year), "running": running, "job": done,
        "failed": failed, "report": done.result if done else None,
        **(shown(done.result) if done else {}),
        "years": [(y, school_year_label(y)) for y in range(current, FIRST_YEAR + 10, -1)],
    })


@login_required
@require_POST
def generate(request, pk):
    """The "Rapport maken" button: queues the report once, however often it is pressed."""
    try:
        region, year = _asked(request, pk)
    except BadYear as problem:
        return _bad_year(problem)
    report_tasks.start(region, year, request.user)
    return redirect(page_url(region, year))


@login_required
def progress(request, pk):
    """The progress of the job being made, polled by the page (htmx); a redirect to the page once it
    stopped running."""
    try:
        region, year = _asked(request, pk)
    except BadYear as problem:
        return _bad_year(problem)
    job = report_tasks.running_job(region, year)
    page = page_url(region, year)
    if job is None or not request.headers.get("HX-Request"):
        response = HttpResponse(status=204) if request.headers.get("HX-Request") else redirect(page)
        if request.headers.get("HX-Request"):
            response["HX-Redirect"] = page
        return response
    job = report_tasks.resume_stalled(job)
    return render(request, "regional/report_progress.html", {"running": job, "region": region, "year": year})


def _report_file(request, pk, extension: str, content_type: str, render) -> HttpResponse:
    """The region's finished report of the school year as a file (``render(job)`` makes its bytes); back
    to the report page, with a message, when there is none yet. A PDF opens in the browser with ?inline=1."""
    try:
        region, year = _asked(request, pk)
    except BadYear as problem:
        return _bad_year(problem)
    job = report_tasks.latest_done(region, year)
    if job is None:
        messages.info(request, _("Er is nog geen rapport voor dit schooljaar: maak het eerst."))
        return redirect(page_url(region, year))
    response = HttpResponse(render(job), content_type=content_type)
    disposition = "inline" if extension == "pdf" and request.GET.get("inline") else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{_filename(region, year, extension)}"'
    return response


def _filename(region: Region, year: int, extension: str) -> str:
    name = "".join(c if c.isalnum() else "-" for c in region.name.lower()).strip("-")
    return f"regiorapport-{name}-{school_year_label(year)}.{extension}"


@login_required
def report_pdf_view(request, pk):
    return _report_file(request, pk, "pdf", "application/pdf", lambda job: bytes(job.pdf) if job.pdf
                        else report_pdf.render(job.result, {**shown(job.result), "job": job}))


@login_required
def report_xlsx_view(request, pk):
    return _report_file(request, pk, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        lambda job: report_xlsx.render(job.result))
