"""The coverage page of a region and the beheerder's import of DUO population counts. Both call the
same functions as the API (coverage_report.coverage_report, services.import_population)."""
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.registry.models import Region
from domain.calendar import school_year_of

from . import coverage as cov
from . import services
from .coverage_report import coverage_report
from .forms import PopulationImportForm
from .schemas import MAX_UPLOAD, MAX_UPLOAD_MB, PopulationImportIn


def _int_param(request, name: str, default: int, low: int, high: int) -> int:
    """A whole number from the query string; a bad value is a 400 naming the parameter."""
    value = request.GET.get(name, "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        raise ValueError(_("%(name)s: geef een heel getal van %(low)s tot en met %(high)s.")
                         % {"name": name, "low": low, "high": high})
    return int(value)


@login_required
def coverage_start(request):
    """The user's own region's coverage (a regional coordinator), else the first region they may read."""
    regions = Region.objects.readable_by(request.user).order_by("name")
    region = regions.filter(kind="rmc").first() or regions.first()
    if region is None:
        raise Http404
    return redirect("regional:coverage", region_id=region.pk)


@login_required
def coverage_page(request, region_id):
    region = get_object_or_404(Region.objects.readable_by(request.user), pk=region_id)
    current = school_year_of(timezone.localdate())
    try:
        school_year = _int_param(request, "schooljaar", current, 1990, 2100)
        leerjaar = _int_param(request, "leerjaar", cov.DEFAULT_BEREIK_LEERJAAR, 1, 4)
    except ValueError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    report = coverage_report(region, school_year, leerjaar)
    return render(request, "regional/coverage.html", {
        "report": report, "region": region, "school_year": school_year, "leerjaar": leerjaar,
        "years": range(current - 6, current + 1),
        "regions": Region.objects.readable_by(request.user).order_by("kind", "name"),
    })


@login_required
def population_import(request):
    if not request.user.is_beheerder:
        raise PermissionDenied
    result, errors = None, []
    form = PopulationImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            form.add_error("file", _("Het bestand is groter dan %(mb)s MB.") % {"mb": MAX_UPLOAD_MB})
        else:
            data = PopulationImportIn(school_year=form.cleaned_data["school_year"], filename=upload.name,
                                      content=upload.read())
            try:
                result = services.import_population(request.user, data)
            except services.PopulationImportError as refused:
                errors = refused.errors
    status = 422 if errors or (request.method == "POST" and form.errors) else 200
    return render(request, "regional/population_import.html", {
        "form": form, "result": result, "errors": errors[:services.SHOWN_ERRORS], "error_count": len(errors),
        "shown_errors": services.SHOWN_ERRORS}, status=status)
