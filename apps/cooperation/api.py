"""A route's cooperation over JSON: its meeting structure (overlegvormen), the meetings held with
attendance, the decisions with owner and due date, and the knelpunten of a route or a region. Scoped as
the pages: a route's partners (and the beheerder) read its overleg and decisions, the regiocoördinator of
the route's region also its knelpunten; the route's editors change them, the regiocoördinator keeps the
region's own knelpunten. Every change goes through the use cases in services.py."""
from datetime import date

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema

from apps.core.api_schemas import Errors
from apps.core.idempotency import idempotent
from apps.registry.models import Region
from apps.routes.api_calls import answer as _call
from apps.routes.models import Route

from . import models as m
from . import services
from .schemas import CancelIn, CloseIn, CompleteIn, DecisionIn, KnelpuntIn, MeetingIn, SeriesIn

router = Router(tags=["cooperation"])


# --- answers ------------------------------------------------------------------------------------------

class SeriesOut(Schema):
    id: int
    route: int
    kind: str
    name: str
    profiel: str
    times_per_year: int            # intended meetings per school year (0: as needed)
    months: str
    note: str
    active: bool


class AttendeeOut(Schema):
    person: int
    name: str
    institution: str
    present: bool


class MeetingOut(Schema):
    id: int
    route: int
    series: int | None
    kind: str
    held_on: date
    title: str
    minutes: str
    cancelled: bool
    cancel_reason: str
    both_sides: bool               # a person of a vo partner and one of an mbo partner were present
    attendance: list[AttendeeOut]


class DecisionOut(Schema):
    id: int
    route: int
    route_name: str
    meeting: int | None
    text: str
    owner: int | None
    owner_name: str
    due_on: date | None
    done_on: date | None
    overdue: bool                  # open and past its due date


class KnelpuntOut(Schema):
    id: int
    route: int | None              # None: a knelpunt of the region as a whole
    region: int
    category: str
    title: str
    description: str
    owner: int | None
    owner_name: str
    status: str
    action: str
    reported_on: date
    resolved_on: date | None


class CategoryCountOut(Schema):
    category: str
    routes: int                    # routes of the region with a knelpunt of the category
    total: int
    open: int
    recurring: bool                # logged on at least two routes


def series_out(s: m.MeetingSeries) -> dict:
    return dict(id=s.pk, route=s.route_id, kind=s.kind, name=s.name, profiel=s.profiel,
                times_per_year=s.times_per_year, months=s.months, note=s.note, active=s.active)


def meeting_out(meeting: m.Meeting) -> dict:
    attendance = [dict(person=a.person_id, name=a.person.name, institution=a.person.institution.name,
                       present=a.present)
                  for a in meeting.attendance.select_related("person__institution").order_by("person__name")]
    return dict(id=meeting.pk, route=meeting.route_id, series=meeting.series_id, kind=meeting.kind,
                held_on=meeting.held_on, title=meeting.title, minutes=meeting.minutes, cancelled=meeting.cancelled,
                cancel_reason=meeting.cancel_reason, both_sides=meeting.both_sides, attendance=attendance)


def decision_out(d: m.Decision) -> dict:
    return dict(id=d.pk, route=d.route_id, route_name=d.route.name, meeting=d.meeting_id, text=d.text,
                owner=d.owner_id, owner_name=d.owner.name if d.owner else "", due_on=d.due_on, done_on=d.done_on,
                overdue=d.overdue(timezone.localdate()))


def knelpunt_out(k: m.Knelpunt) -> dict:
    return dict(id=k.pk, route=k.route_id, region=k.region_id, category=k.category, title=k.title,
                description=k.description, owner=k.owner_id, owner_name=k.owner.name if k.owner else "",
                status=k.status, action=k.action, reported_on=k.reported_on, resolved_on=k.resolved_on)


def count_out(c) -> dict:
    return dict(category=c.category, routes=c.routes, total=c.total, open=c.open, recurring=c.recurring)


# --- lookups (404 for what the user may not read) -----------------------------------------------------

def _route(request, route_id: int) -> Route:
    return get_object_or_404(m.partner_routes(request.user), pk=route_id)


def _knelpunt_route(request, route_id: int) -> Route:
    """A route whose knelpunten the user reads (its partners, the region's regiocoördinator)."""
    route = get_object_or_404(Route.objects.visible_to(request.user), pk=route_id)
    if not (m.partner_routes(request.user).filter(pk=route.pk).exists() or request.user.is_regional):
        raise PermissionDenied
    return route


def _region(request, region_id: int) -> Region:
    region = get_object_or_404(Region, pk=region_id)
    if not (request.user.is_beheerder or (request.user.is_regional and request.user.region_id == region.pk)):
        raise PermissionDenied
    return region


# --- meeting structure --------------------------------------------------------------------------------

@router.get("/routes/{route_id}/meeting-series", response={200: list[SeriesOut], 404: Errors})
def list_series(request, route_id: int):
    """The route's overlegstructuur: each overlegvorm with its intended frequency. Whether the route runs
    without structural meetings is the route's `without_structural_meetings` (GET /routes/{id})."""
    return [series_out(s) for s in _route(request, route_id).meeting_series.all()]


@router.post("/routes/{route_id}/meeting-series", response={201: SeriesOut, 403: Errors, 404: Errors, 422: Errors})
@idempotent
def create_series(request, route_id: int, payload: SeriesIn):
    return _call(services.add_series, request.user, _route(request, route_id), payload, success=201, out=series_out)


def _series(request, series_id: int) -> m.MeetingSeries:
    return get_object_or_404(m.MeetingSeries.objects.visible_to(request.user).select_related("route"), pk=series_id)


@router.put("/meeting-series/{series_id}", response={200: SeriesOut, 403: Errors, 404: Errors, 422: Errors})
def update_series(request, series_id: int, payload: SeriesIn):
    return _call(services.change_series, request.user, _series(request, series_id), payload, out=series_out)


@router.delete("/meeting-series/{series_id}", response={204: None, 403: Errors, 404: Errors})
def delete_series(request, series_id: int):
    """Remove an overlegvorm; the meetings held in it stay."""
    return _call(services.remove_series, request.user, _series(request, series_id), success=204)


# --- meetings -----------------------------------------------------------------------------------------

@router.get("/routes/{route_id}/meetings", response={200: list[MeetingOut], 404: Errors})
def list_meetings(request, route_id: int):
    """The meetings held (and cancelled), the latest first, with attendance and whether both sides were there."""
    return [meeting_out(mt) for mt in _route(request, route_id).meetings.all()]


@router.post("/routes/{route_id}/meetings", response={201: MeetingOut, 403: Errors, 404: Errors, 422: Errors})
@idempotent
def create_meeting(request, route_id: int, payload: MeetingIn):
    """Record a meeting held. The route's `last_partner_meeting` follows: the latest meeting held, not
    cancelled, with both sides present."""
    return _call(services.record_meeting, request.user, _route(request, route_id), payload, success=201,
                 out=meeting_out)


def _meeting(request, meeting_id: int) -> m.Meeting:
    return get_object_or_404(m.Meeting.objects.visible_to(request.user).select_related("route"), pk=meeting_id)


@router.get("/meetings/{meeting_id}", response={200: MeetingOut, 404: Errors})
def get_meeting(request, meeting_id: int):
    return meeting_out(_meeting(request, meeting_id))


@router.put("/meetings/{meeting_id}", response={200: MeetingOut, 403: Errors, 404: Errors, 422: Errors})
def update_meeting(request, meeting_id: int, payload: MeetingIn):
    """Replace the meeting (its attendance too)."""
    return _call(services.change_meeting, request.user, _meeting(request, meeting_id), payload, out=meeting_out)


@router.post("/meetings/{meeting_id}/cancel", response={200: MeetingOut, 403: Errors, 404: Errors, 422: Errors})
def cancel_meeting(request, meeting_id: int, payload: CancelIn):
    """Mark the meeting cancelled, with the reason; it no longer counts as a partner meeting."""
    return _call(services.cancel_meeting, request.user, _meeting(request, meeting_id), payload, out=meeting_out)


# --- decisions ----------------------------------------------------------------------------------------

@router.get("/routes/{route_id}/decisions", response={200: list[DecisionOut], 404: Errors})
def list_decisions(request, route_id: int, open: bool = False):  # noqa: A002
    """The route's decisions; `open=true`: only those not yet done, the earliest due first."""
    route = _route(request, route_id)
    decisions = (services.open_decisions(request.user, route=route) if open
                 else route.decisions.select_related("route", "owner"))
    return [decision_out(d) for d in decisions]


@router.post("/routes/{route_id}/decisions", response={201: DecisionOut, 403: Errors, 404: Errors, 422: Errors})
@idempotent
def create_decision(request, route_id: int, payload: DecisionIn):
    return _call(services.add_decision, request.user, _route(request, route_id), payload, success=201,
                 out=decision_out)


def _decision(request, decision_id: int) -> m.Decision:
    return get_object_or_404(m.Decision.objects.visible_to(request.user).select_related("route"), pk=decision_id)


@router.post("/decisions/{decision_id}/complete", response={200: DecisionOut, 403: Errors, 404: Errors, 422: Errors})
def complete_decision(request, decision_id: int, payload: CompleteIn):
    return _call(services.complete_decision, request.user, _decision(request, decision_id), payload, out=decision_out)


@router.post("/decisions/{decision_id}/reopen", response={200: DecisionOut, 403: Errors, 404: Errors})
def reopen_decision(request, decision_id: int):
    """Open a completed decision again (`done_on` back to null), e.g. when its completion was recorded by
    mistake; an open decision stays as it is. The route's editors."""
    return _call(services.reopen_decision, request.user, _decision(request, decision_id), out=decision_out)


@router.get("/decisions/mine", response=list[DecisionOut])
def my_decisions(request):
    """The open decisions of the people the user is (Person.user), over every route the user reads."""
    people = services.people_of(request.user)
    return [decision_out(d) for d in services.open_decisions(request.user).filter(owner__in=people)]


# declared after /decisions/mine: its path would otherwise take "mine" as a decision id
@router.put("/decisions/{decision_id}", response={200: DecisionOut, 403: Errors, 404: Errors, 422: Errors})
def update_decision(request, decision_id: int, payload: DecisionIn):
    """Replace the decision's text, owner (a person of one of the route's partners), due date and meeting;
    whether it is done stays. The route's editors."""
    return _call(services.change_decision, request.user, _decision(request, decision_id), payload, out=decision_out)


@router.get("/people/{person_id}/decisions", response={200: list[DecisionOut], 404: Errors})
def person_decisions(request, person_id: int):
    """The open decisions of one person, in the routes whose overleg the user reads."""
    person = get_object_or_404(services.readable_people(request.user).distinct(), pk=person_id)
    return [decision_out(d) for d in services.open_decisions(request.user, owner=person)]


# --- knelpunten ---------------------------------------------------------------------------------------

@router.get("/routes/{route_id}/knelpunten", response={200: list[KnelpuntOut], 403: Errors, 404: Errors})
def list_route_knelpunten(request, route_id: int):
    route = _knelpunt_route(request, route_id)
    return [knelpunt_out(k) for k in m.Knelpunt.objects.visible_to(request.user).filter(route=route)
            .select_related("owner")]


@router.post("/routes/{route_id}/knelpunten", response={201: KnelpuntOut, 403: Errors, 404: Errors, 422: Errors})
@idempotent
def create_route_knelpunt(request, route_id: int, payload: KnelpuntIn):
    route = _knelpunt_route(request, route_id)
    return _call(lambda user, data: services.add_knelpunt(user, data, route=route), request.user, payload,
                 success=201, out=knelpunt_out)


def _knelpunt(request, knelpunt_id: int) -> m.Knelpunt:
    return get_object_or_404(m.Knelpunt.objects.visible_to(request.user).select_related("route", "owner"),
                             pk=knelpunt_id)


@router.get("/knelpunten/{knelpunt_id}", response={200: KnelpuntOut, 404: Errors})
def get_knelpunt(request, knelpunt_id: int):
    return knelpunt_out(_knelpunt(request, knelpunt_id))


@router.put("/knelpunten/{knelpunt_id}", response={200: KnelpuntOut, 403: Errors, 404: Errors, 422: Errors})
def update_knelpunt(request, knelpunt_id: int, payload: KnelpuntIn):
    return _call(services.change_knelpunt, request.user, _knelpunt(request, knelpunt_id), payload, out=knelpunt_out)


@router.post("/knelpunten/{knelpunt_id}/close", response={200: KnelpuntOut, 403: Errors, 404: Errors, 422: Errors})
def close_knelpunt(request, knelpunt_id: int, payload: CloseIn):
    """Mark the knelpunt solved (status "opgelost"), adding what solved it to the action taken."""
    return _call(services.close_knelpunt, request.user, _knelpunt(request, knelpunt_id), payload, out=knelpunt_out)


@router.get("/regions/{region_id}/knelpunten", response={200: list[KnelpuntOut], 403: Errors, 404: Errors})
def list_region_knelpunten(request, region_id: int):
    """Every knelpunt of the region's routes and the region's own (the regiocoördinator, the beheerder)."""
    region = _region(request, region_id)
    return [knelpunt_out(k) for k in m.Knelpunt.objects.visible_to(request.user).of_region(region)
            .select_related("owner")]


@router.get("/regions/{region_id}/knelpunten/counts", response={200: list[CategoryCountOut], 403: Errors,
                                                                 404: Errors})
def region_knelpunt_counts(request, region_id: int):
    """The region's knelpunten counted per category, recurring categories (on most routes) first."""
    region = _region(request, region_id)
    return [count_out(c) for c in services.category_counts(
        m.Knelpunt.objects.visible_to(request.user).of_region(region))]


@router.post("/regions/{region_id}/knelpunten", response={201: KnelpuntOut, 403: Errors, 404: Errors, 422: Errors})
@idempotent
def create_region_knelpunt(request, region_id: int, payload: KnelpuntIn):
    """Log a knelpunt of the region as a whole (the region's regiocoördinator, the beheerder)."""
    region = _region(request, region_id)
    return _call(lambda user, data: services.add_knelpunt(user, data, region=region), request.user, payload,
                 success=201, out=knelpunt_out)

