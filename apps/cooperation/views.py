"""The cooperation pages: a route's overleg (its structure against the meetings held this school year,
the meetings, the decisions), a meeting with its attendance grid, the route's open decisions, "mijn
openstaande besluiten" and a person's, the knelpunten of a route and of a region (counted per category
with a chart). Every record comes from the models' visibility methods; every change goes through the
use cases in services.py, whose refusals are put back on the form."""
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from pydantic import ValidationError

from apps.core.lib.charts import Chart, Kind, Series
from apps.core.lib.tabular import table_response
from apps.core.schema_errors import problems
from apps.registry.models import Region
from apps.routes.models import Route
from domain.calendar import school_year_label, school_year_of, year_start

from . import exports, services
from . import forms as f
from . import models as m
from .schemas import CancelIn, CloseIn, CompleteIn, DecisionIn, KnelpuntIn, MeetingIn, SeriesIn

# --- helpers ------------------------------------------------------------------------------------------

def _partner_route(user, pk) -> Route:
    return get_object_or_404(m.partner_routes(user), pk=pk)


def _editable(user, route) -> bool:
    return Route.objects.editable_by(user).filter(pk=route.pk).exists()


def _parsed(form, schema, fields=None):
    """The form's input as ``schema``; None (the errors on the form) when it is not valid."""
    if not form.is_valid():
        return None
    try:
        return schema.model_validate(form.data_in())
    except ValidationError as exc:
        f.show_errors(form, problems(exc), fields)
        return None


def _saved(form, action, *args, fields=None):
    """Run a use case; its result, or None with its refusal on the form."""
    try:
        return action(*args)
    except services.ChangeRefused as refusal:
        f.show_errors(form, refusal.errors, fields)
        return None


def _flash(request, form):
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for e in errors:
            messages.error(request, f"{label}: {e}" if label else e)


# --- overleg ------------------------------------------------------------------------------------------

@dataclass
class StructureRow:
    series: m.MeetingSeries
    held: int              # meetings held this school year (not cancelled)
    form: f.SeriesForm | None = None   # for the route's editors: change it


@login_required
def overleg(request, pk):
    """The route's meeting structure against the meetings held this school year, the meetings and the
    open decisions."""
    route = _partner_route(request.user, pk)
    today = timezone.localdate()
    school_year = school_year_of(today)
    held = services.held_this_year(route, year_start(school_year))
    can_change = _editable(request.user, route)
    series = list(route.meeting_series.all())
    per_kind = {}
    for s in series:
        per_kind.setdefault(s.kind, []).append(s)
    # a meeting recorded without its overlegvorm counts for the only overlegvorm of its kind
    rows = [StructureRow(s, held.get(s.pk, 0) + (held.get(s.kind, 0) if len(per_kind[s.kind]) == 1 else 0),
                         f.SeriesForm(initial=f.series_initial(s), auto_id=f"series{s.pk}_%s") if can_change else None)
            for s in series]
    loose = [(m.MeetingKind(kind).label, count) for kind, count in held.items()
             if isinstance(kind, str) and len(per_kind.get(kind, ())) != 1]
    return render(request, "cooperation/overleg.html", {
        "route": route, "rows": rows, "loose": loose, "school_year": school_year_label(school_year),
        "meetings": route.meetings.select_related("series").prefetch_related("attendance"),
        "decisions": services.open_decisions(request.user, route=route)[:10], "today": today,
        "can_change": can_change, "series_form": f.SeriesForm() if can_change else None,
        "export_years": _export_years(route, school_year),
    })


def _export_years(route, current: int) -> list[tuple[int, str]]:
    """The school years to export: the current one and every earlier year with a meeting, latest first."""
    first = route.meetings.order_by("held_on").values_list("held_on", flat=True).first()
    start = min(current, school_year_of(first)) if first else current
    return [(y, school_year_label(y)) for y in range(current, start - 1, -1)]


def _school_year_param(request, default: int) -> int:
    """?schooljaar=2025 (the first year of the school year); a bad value is a ValueError naming it."""
    value = request.GET.get("schooljaar", "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()) or not 1990 <= int(value) <= 2100:
        raise ValueError(_("schooljaar: geef het eerste jaar van een schooljaar, bijvoorbeeld %(year)s.")
                         % {"year": default})
    return int(value)


@login_required
def overleg_export(request, pk):
    """The meetings of one school year (?schooljaar=2025, default the current one) as an Excel file: date,
    overlegvorm, held or cancelled (with the reason), both sides present, who was there per side and
    the number of decisions. For the readers of the overleg page."""
    route = _partner_route(request.user, pk)
    try:
        school_year = _school_year_param(request, school_year_of(timezone.localdate()))
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    return table_response(f"overleg-{route.pk}-{school_year}-{school_year + 1}", exports.meeting_headers(),
                          exports.meeting_rows(route, school_year), "xlsx")


def _series(user, pk) -> m.MeetingSeries:
    series = get_object_or_404(m.MeetingSeries.objects.visible_to(user).select_related("route"), pk=pk)
    if not _editable(user, series.route):
        raise PermissionDenied
    return series


def _series_action(request, form, action, target, route, success):
    data = _parsed(form, SeriesIn)
    if data is not None and _saved(form, action, request.user, target, data) is not None:
        messages.success(request, success)
    else:
        _flash(request, form)
    return redirect("cooperation:overleg", route.pk)


@login_required
@require_POST
def series_add(request, pk):
    route = _partner_route(request.user, pk)
    if not _editable(request.user, route):
        raise PermissionDenied
    return _series_action(request, f.SeriesForm(request.POST), services.add_series, route, route,
                          _("Overlegvorm toegevoegd."))


@login_required
@require_POST
def series_change(request, pk):
    series = _series(request.user, pk)
    return _series_action(request, f.SeriesForm(request.POST), services.change_series, series, series.route,
                          _("Overlegvorm gewijzigd."))


@login_required
@require_POST
def series_remove(request, pk):
    series = _series(request.user, pk)
    services.remove_series(request.user, series)
    messages.success(request, _("Overlegvorm verwijderd; de gehouden overleggen blijven bewaard."))
    return redirect("cooperation:overleg", series.route_id)


def _meeting_form(request, route, meeting=None):
    people = services.partner_people(route)
    form = f.MeetingForm(request.POST or None, route=route, people=people, meeting=meeting)
    if request.method == "POST":
        data = _parsed(form, MeetingIn, form.error_fields() if form.is_valid() else None)
        if data is not None:
            saved = (_saved(form, services.record_meeting, request.user, route, data, fields=form.error_fields())
                     if meeting is None else
                     _saved(form, services.change_meeting, request.user, meeting, data, fields=form.error_fields()))
            if saved is not None:
                messages.success(request, _("Overleg vastgelegd."))
                return redirect(saved.get_absolute_url())
    sides = services.sides(route)
    grid = [(p, field, "/".join(sorted(sides.get(p.institution_id, ())))) for p, field in form.grid()]
    return render(request, "cooperation/meeting_form.html",
                  {"route": route, "meeting": meeting, "form": form, "grid": grid}, status=400 if form.errors else 200)


@login_required
def meeting_create(request, pk):
    route = _partner_route(request.user, pk)
    if not _editable(request.user, route):
        raise PermissionDenied
    return _meeting_form(request, route)


def _meeting(user, pk) -> m.Meeting:
    return get_object_or_404(m.Meeting.objects.visible_to(user).select_related("route", "series"), pk=pk)


@login_required
def meeting_edit(request, pk):
    meeting = _meeting(request.user, pk)
    if not _editable(request.user, meeting.route):
        raise PermissionDenied
    return _meeting_form(request, meeting.route, meeting)


@login_required
def meeting_detail(request, pk):
    meeting = _meeting(request.user, pk)
    route = meeting.route
    can_change = _editable(request.user, route)
    sides = services.sides(route)
    attendance = [(a, "/".join(sorted(sides.get(a.person.institution_id, ()))))
                  for a in meeting.attendance.select_related("person__institution").order_by("person__name")]
    return render(request, "cooperation/meeting_detail.html", {
        "route": route, "meeting": meeting, "attendance": attendance, "can_change": can_change,
        "decisions": meeting.decisions.select_related("owner"), "today": timezone.localdate(),
        "cancel_form": f.CancelForm() if can_change and not meeting.cancelled else None,
        "decision_form": f.DecisionForm(people=services.partner_people(route), initial={"meeting": meeting.pk},
                                        meetings=[meeting]) if can_change else None,
    })


@login_required
@require_POST
def meeting_cancel(request, pk):
    meeting = _meeting(request.user, pk)
    if not _editable(request.user, meeting.route):
        raise PermissionDenied
    form = f.CancelForm(request.POST)
    data = _parsed(form, CancelIn)
    if data is not None:
        services.cancel_meeting(request.user, meeting, data)
        messages.success(request, _("Overleg afgelast; het telt niet meer als partneroverleg."))
    else:
        _flash(request, form)
    return redirect(meeting.get_absolute_url())


# --- decisions ----------------------------------------------------------------------------------------

@login_required
def decisions(request, pk):
    """The route's open decisions (GET); an editor adds one (POST)."""
    route = _partner_route(request.user, pk)
    can_change = _editable(request.user, route)
    people = services.partner_people(route)
    form = None
    if can_change:
        form = f.DecisionForm(request.POST or None, people=people, meetings=route.meetings.all()[:20])
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        data = _parsed(form, DecisionIn)
        if data is not None and _saved(form, services.add_decision, request.user, route, data) is not None:
            messages.success(request, _("Besluit vastgelegd."))
            return redirect("cooperation:decisions", route.pk)
    today = timezone.localdate()
    return render(request, "cooperation/decisions.html", {
        "route": route, "decisions": services.open_decisions(request.user, route=route), "today": today,
        "done": route.decisions.exclude(done_on=None).select_related("owner").order_by("-done_on")[:20],
        "form": form, "can_change": can_change,
    }, status=400 if form is not None and form.errors else 200)


def _editable_decision(user, pk) -> m.Decision:
    """A decision the user reads (else 404) and may change (else 403)."""
    decision = get_object_or_404(m.Decision.objects.visible_to(user).select_related("route", "meeting"), pk=pk)
    if not _editable(user, decision.route):
        raise PermissionDenied
    return decision


def _back(request, decision):
    """Where a decision's change returns to: the page it came from (a local path), else the route's decisions."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and not target.startswith("//"):
        return target
    return reverse("cooperation:decisions", args=[decision.route_id])


@login_required
def decision_edit(request, pk):
    """Change a decision's text, owner, due date and meeting (the route's editors)."""
    decision = _editable_decision(request.user, pk)
    route = decision.route
    form = f.DecisionForm(request.POST or None, people=services.partner_people(route),
                          meetings=route.meetings.all()[:20], decision=decision)
    if request.method == "POST":
        data = _parsed(form, DecisionIn)
        if data is not None and _saved(form, services.change_decision, request.user, decision, data) is not None:
            messages.success(request, _("Besluit gewijzigd."))
            return redirect(_back(request, decision))
    return render(request, "cooperation/decision_form.html", {
        "route": route, "decision": decision, "form": form, "next": _back(request, decision),
    }, status=400 if form.errors else 200)


@login_required
@require_POST
def decision_reopen(request, pk):
    """Open a completed decision again (its completion recorded by mistake)."""
    decision = _editable_decision(request.user, pk)
    services.reopen_decision(request.user, decision)
    messages.success(request, _("Besluit heropend."))
    return redirect(_back(request, decision))


@login_required
@require_POST
def decision_done(request, pk):
    decision = get_object_or_404(m.Decision.objects.visible_to(request.user).select_related("route"), pk=pk)
    if not _editable(request.user, decision.route):
        raise PermissionDenied
    try:
        services.complete_decision(request.user, decision, CompleteIn())
    except services.ChangeRefused as refusal:
        for e in refusal.errors:
            messages.error(request, e["message"])
    else:
        messages.success(request, _("Besluit afgerond."))
    return redirect(_back(request, decision))


def _per_person(user, people):
    today = timezone.localdate()
    return [(p, list(services.open_decisions(user, owner=p))) for p in people], today


def _editable_routes(user, rows) -> set[int]:
    """The ids of the routes of the decisions shown that the user may change (an edit link per row)."""
    route_ids = {d.route_id for _person, decisions in rows for d in decisions}
    return set(Route.objects.editable_by(user).filter(pk__in=route_ids).values_list("pk", flat=True))


@login_required
def my_decisions(request):
    """Mijn openstaande besluiten: the open decisions of the people the user is (Person.user)."""
    people = services.people_of(request.user).select_related("institution")
    rows, today = _per_person(request.user, people)
    return render(request, "cooperation/person_decisions.html",
                  {"rows": rows, "today": today, "mine": True, "editable_routes": _editable_routes(request.user, rows)})


@login_required
def person_decisions(request, pk):
    """The open decisions of one person, in the routes whose overleg the user reads."""
    person = get_object_or_404(services.readable_people(request.user).distinct().select_related("institution"), pk=pk)
    rows, today = _per_person(request.user, [person])
    return render(request, "cooperation/person_decisions.html", {
        "rows": rows, "today": today, "person": person, "editable_routes": _editable_routes(request.user, rows)})


# --- knelpunten ---------------------------------------------------------------------------------------

def _knelpunt_route(user, pk) -> Route:
    route = get_object_or_404(Route.objects.visible_to(user), pk=pk)
    if not (m.partner_routes(user).filter(pk=route.pk).exists() or user.is_regional):
        raise Http404
    return route


def _region_people(region):
    from apps.routes.models import Person
    return Person.objects.filter(institution__regions=region).select_related("institution").order_by("name")


@login_required
def route_knelpunten(request, pk):
    """The route's knelpunten (GET); an editor logs one (POST)."""
    route = _knelpunt_route(request.user, pk)
    can_change = _editable(request.user, route)
    form = f.KnelpuntForm(request.POST or None, people=services.partner_people(route)) if can_change else None
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        data = _parsed(form, KnelpuntIn)
        if data is not None and _saved(form, lambda user, d: services.add_knelpunt(user, d, route=route),
                                       request.user, data) is not None:
            messages.success(request, _("Knelpunt vastgelegd."))
            return redirect("cooperation:route_knelpunten", route.pk)
    return render(request, "cooperation/route_knelpunten.html", {
        "route": route, "can_change": can_change, "form": form,
        "partner": m.partner_routes(request.user).filter(pk=route.pk).exists(),
        "knelpunten": m.Knelpunt.objects.visible_to(request.user).filter(route=route).select_related("owner"),
    }, status=400 if form is not None and form.errors else 200)


def _knelpunt(user, pk) -> m.Knelpunt:
    return get_object_or_404(m.Knelpunt.objects.visible_to(user).select_related("route", "region", "owner"), pk=pk)


@login_required
def knelpunt_detail(request, pk):
    """A knelpunt; its keepers change it here."""
    knelpunt = _knelpunt(request.user, pk)
    can_change = m.Knelpunt.objects.editable_by(request.user).filter(pk=knelpunt.pk).exists()
    people = services.partner_people(knelpunt.route) if knelpunt.route else _region_people(knelpunt.region)
    form = f.KnelpuntForm(request.POST or None, people=people, knelpunt=knelpunt) if can_change else None
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        data = _parsed(form, KnelpuntIn)
        if data is not None and _saved(form, services.change_knelpunt, request.user, knelpunt, data) is not None:
            messages.success(request, _("Knelpunt gewijzigd."))
            return redirect(knelpunt.get_absolute_url())
    return render(request, "cooperation/knelpunt.html", {"knelpunt": knelpunt, "form": form,
                                                         "can_change": can_change},
                  status=400 if form is not None and form.errors else 200)


@login_required
@require_POST
def knelpunt_close(request, pk):
    knelpunt = _knelpunt(request.user, pk)
    if not m.Knelpunt.objects.editable_by(request.user).filter(pk=knelpunt.pk).exists():
        raise PermissionDenied
    try:
        services.close_knelpunt(request.user, knelpunt, CloseIn(action=request.POST.get("action", "")[:10000]))
    except services.ChangeRefused as refusal:
        for e in refusal.errors:
            messages.error(request, e["message"])
    else:
        messages.success(request, _("Knelpunt opgelost."))
    return redirect(knelpunt.get_absolute_url())


def category_chart(counts) -> Chart:
    labels = [str(m.KnelpuntCategory(c.category).label) for c in counts]
    return Chart("knelpunten-per-categorie", Kind.BARS, _("Knelpunten per categorie"), labels, [
        Series(_("Routes"), [c.routes for c in counts]),
        Series(_("Knelpunten"), [c.total for c in counts]),
        Series(_("Open"), [c.open for c in counts]),
    ], axis_label=_("aantal"), label_header=_("Categorie"), horizontal=True)


@login_required
def region_knelpunten(request, pk):
    """The region's knelpunten: those of all its routes counted per category (recurring categories on
    top, with a chart) and the region's own; the regiocoördinator logs one of the region as a whole."""
    region = get_object_or_404(Region, pk=pk)
    user = request.user
    if not (user.is_beheerder or (user.is_regional and user.region_id == region.pk)):
        raise Http404
    can_change = m.keeps_region_knelpunten(user, region)
    form = f.KnelpuntForm(request.POST or None, people=_region_people(region)) if can_change else None
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        data = _parsed(form, KnelpuntIn)
        if data is not None and _saved(form, lambda u, d: services.add_knelpunt(u, d, region=region),
                                       user, data) is not None:
            messages.success(request, _("Knelpunt van de regio vastgelegd."))
            return redirect("cooperation:region_knelpunten", region.pk)
    knelpunten = m.Knelpunt.objects.visible_to(user).of_region(region).select_related("route", "owner")
    counts = services.category_counts(knelpunten)
    return render(request, "cooperation/region_knelpunten.html", {
        "region": region, "chart": category_chart(counts),
        "counts": [dict(category=c.category, label=m.KnelpuntCategory(c.category).label, routes=c.routes,
                        total=c.total, open=c.open, recurring=c.recurring) for c in counts],
        "routes": knelpunten.exclude(route=None).order_by("category", "route__name"),
        "own": knelpunten.filter(route=None), "form": form, "can_change": can_change,
    }, status=400 if form is not None and form.errors else 200)
