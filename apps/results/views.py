"""The route's results page (its cohort KPIs on a date, the yearly figures, the route's targets and
the sources' benchmarks with the signal whether a figure meets them) and the list of the students
behind a figure (for the staff who may see the route's students; the read is logged)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from apps.routes.models import Route
from apps.students.models import Student
from apps.students.privacy import log_reads
from domain import kpi as core
from domain.calendar import end_of_year, school_year_of
from domain.numbers import format_number, format_percent

from . import access, engine, followup
from .figures import figures_for
from .forms import PeilForm
from .models import Benchmark


@dataclass
class Comparison:
    text: str                    # "streefcijfer ≥ 85" / "benchmark Amsterdam 2019-2020: 65"
    signal: str | None           # core.MEETS, core.MISSES or None (no value, or still running)
    source: str = ""
    running: bool = False        # K-04/k before the end of year k: not judged yet


@dataclass
class Row:
    figure: core.Figure
    link: str = ""
    comparisons: list[Comparison] = field(default_factory=list)

    @property
    def part(self) -> bool:
        """A part of the figure above it (K-02 by destination), shown as a breakdown under it."""
        return self.figure.kpi == "K-02" and "/" in self.figure.id


def _running(figure: core.Figure, cohort: int, on: date) -> bool:
    """Diploma within k years on a date before the end of year k is still running."""
    return figure.kpi == "K-04" and on < end_of_year(cohort, int(figure.id.split("/")[1]))


def _comparisons(figure: core.Figure, targets, benchmarks, running: bool = False) -> list[Comparison]:
    found = [Comparison(_("streefcijfer %(op)s %(value)s") % {"op": t.get_operator_display(),
                                                                "value": format_number(t.value.normalize())},
                        core.signal(figure.value, t.operator, t.value))
             for t in targets if core.matches(figure.id, t.kpi, t.parameter)]
    found += [Comparison(f"{b.label} ({b.school_year}-{b.school_year + 1}): {format_percent(b.value.normalize())}",
                         core.signal(figure.value, core.benchmark_operator(figure.id), b.value), b.source)
              for b in benchmarks if core.matches(figure.id, b.kpi, b.parameter)]
    if running:
        found = [Comparison(c.text, None, c.source, running=True) for c in found]
    return found


def _rows(route, figures, cohort, on, show_names) -> list[Row]:
    targets, benchmarks = list(route.targets.all()), list(Benchmark.objects.all())
    rows = []
    for f in figures:
        link = ""
        if show_names and not f.suppressed and (f.numerator or (f.kpi == "K-06" and f.denominator)):
            link = (reverse("results:students", args=[route.pk, f.id]) + f"?cohort={cohort}&on={on.isoformat()}")
        rows.append(Row(f, link, _comparisons(f, targets, benchmarks, _running(f, cohort, on))))
    return rows


def _default_cohort(cohorts: list[int], on: date) -> int | None:
    """The newest cohort that has finished its third school year, else the newest."""
    done = [c for c in cohorts if c + 3 <= school_year_of(on)]
    return (done or cohorts or [None])[-1]


@login_required
def route_results(request, pk):
    reading = access.for_route(request.user, pk)
    route: Route = reading.route
    today = engine.today()
    cohorts = engine.cohorts_in(reading.scope)
    form = PeilForm(request.GET or None, cohorts=cohorts)
    status, cohort, on = 200, _default_cohort(cohorts, today), today
    if request.GET:
        if form.is_valid():
            cohort, on = form.cleaned_data["cohort"], form.cleaned_data["on"] or today
        else:
            status = 400
    show_names = not reading.outside and Student.objects.visible_to(request.user, route=route).exists()
    context = {"route": route, "form": form, "cohort": cohort, "on": on, "outside": reading.outside,
               "show_names": show_names, "rows": [], "year_rows": []}
    if cohort is not None:
        figures = figures_for(reading, cohort, on, yearly=True)
        yearly = {"K-08", "K-09"}
        context["rows"] = _rows(route, [f for f in figures if f.kpi not in yearly], cohort, on, show_names)
        context["year_rows"] = _rows(route, [f for f in figures if f.kpi in yearly], cohort, on, show_names)
        context["min_intake"] = route.min_intake
    return render(request, "results/route_results.html", context, status=status)


def _behind_input(request, kpi: str) -> tuple[int | None, date | None, dict]:
    """The cohort and date of the students-behind page, with the problems per field."""
    errors, cohort, on = {}, None, engine.today()
    try:
        cohort = int(request.GET.get("cohort", ""))
        if not 1990 <= cohort <= 2100:
            raise ValueError
    except ValueError:
        errors["cohort"] = _("Geef het cohort als jaartal, bijvoorbeeld 2019.")
    if request.GET.get("on"):
        try:
            on = date.fromisoformat(request.GET["on"])
            if not core.FIRST_DAY <= on <= core.LAST_DAY:
                raise ValueError
        except ValueError:
            errors["on"] = _("Geef de peildatum als JJJJ-MM-DD, tussen 1990 en 2100.")
    base, _sep, rest = kpi.partition("/")
    number = rest.split("/")[0]
    number = int(number) if re.fullmatch(r"[0-9]{1,4}", number) else None   # ASCII digits only ("²" is a digit too)
    known = base in ("K-01", "K-02", "K-03", "K-05", "K-06", "K-07", "K-11", "K-12") and rest in ("", "zij") \
        or base == "K-02" and rest in core.DESTINATIONS \
        or base == "K-04" and number is not None and 1 <= number <= 10 and rest == str(number) \
        or base in ("K-08", "K-09") and number is not None and 1990 <= number <= 2100
    if not known:
        errors["kpi"] = _("Onbekende KPI: %(kpi)s.") % {"kpi": kpi}
    return cohort, on, errors


@login_required
@require_GET
def students_behind(request, pk, kpi):
    reading = access.for_route(request.user, int(pk))
    route = reading.route
    if not Route.objects.with_students_for(request.user).filter(pk=route.pk).exists():
        raise PermissionDenied
    cohort, on, errors = _behind_input(request, kpi)
    context = {"route": route, "kpi": kpi, "label": "", "cohort": cohort, "on": on, "errors": errors, "students": []}
    if errors:
        return render(request, "results/students_behind.html", context, status=400)
    visible = Student.objects.visible_to(request.user, route=route)
    behind = (followup.students_behind(visible, cohort, on) if kpi == followup.KPI
              else engine.students_behind(visible, kpi, cohort, on))
    students = list(behind.select_related("kwalificatie").order_by("last_name", "first_name"))
    log_reads(request.user, students)
    context.update(label=core.label_of(kpi), students=students)
    return render(request, "results/students_behind.html", context)
