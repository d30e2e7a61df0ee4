"""The use cases of a route's cooperation, shared by the pages and the API: one function per action,
taking the user, the typed input of ``schemas`` and the record. Each checks who may do it
(PermissionDenied), checks the input against the register (ChangeRefused naming the field, nothing
written) and writes in one transaction; django-auditlog records every change.

A route's "laatste partneroverleg" (Route.last_partner_meeting, read by R-16) is derived here from the
meetings held: the latest meeting that was not cancelled and had both sides present. Every use case
that changes a meeting keeps it in step (``keep_last_partner_meeting``)."""
from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.registry.models import Region
from apps.routes import compliance
from apps.routes.models import Person, Route, RoutePartner
from apps.routes.services import ChangeRefused, error
from domain.cooperation import MEETING_FREQUENCY, Attendee, LoggedKnelpunt, both_sides_present, count_per_category

from . import models as m
from .schemas import CancelIn, CloseIn, CompleteIn, DecisionIn, KnelpuntIn, MeetingIn, SeriesIn

__all__ = ["ChangeRefused"]


def _today(today: date | None) -> date:
    return today or timezone.localdate()


def _require_editable(user, route: Route) -> None:
    if not Route.objects.editable_by(user).filter(pk=route.pk).exists():
        raise PermissionDenied(_("U mag het overleg van deze route lezen maar niet wijzigen."))


def _refuse(errors: list[dict]) -> None:
    if errors:
        raise ChangeRefused(errors)


# --- the route's partners and their people ------------------------------------------------------------

def sides(route: Route) -> dict[int, set[str]]:
    """Institution id -> the sides ("vo", "mbo") it takes in the route."""
    out: dict[int, set[str]] = {}
    for institution, role in RoutePartner.objects.filter(route=route).values_list("institution", "role"):
        out.setdefault(institution, set()).add(role)
    return out


def partner_people(route: Route):
    """The people of the route's partner institutions, those with a role in the route first."""
    return (Person.objects.filter(institution__in=RoutePartner.objects.filter(route=route).values("institution"))
            .select_related("institution").order_by("institution__name", "name"))


def _partner_person(route: Route, person_id: int | None, field: str, errors: list[dict]) -> Person | None:
    if person_id is None:
        return None
    person = partner_people(route).filter(pk=person_id).first()
    if person is None:
        errors.append(error(field, _("Persoon %(id)s werkt niet bij een partner van deze route.") % {"id": person_id}))
    return person


# --- the last partner meeting (R-16) ------------------------------------------------------------------

def last_partner_meeting(route: Route) -> date | None:
    """The latest meeting held with both sides present (a cancelled one does not count)."""
    return route.meetings.filter(cancelled=False, both_sides=True).aggregate(last=Max("held_on"))["last"]


def keep_last_partner_meeting(route: Route, refresh: bool = True) -> date | None:
    """Set Route.last_partner_meeting from the meetings held; when it changed, evaluate the route's
    rules again (``refresh``; the demo evaluates every route once at the end)."""
    latest = last_partner_meeting(route)
    if route.last_partner_meeting != latest:
        Route.objects.filter(pk=route.pk).update(last_partner_meeting=latest)
        route.last_partner_meeting = latest
        if refresh:
            compliance.refresh(route)
    return latest


# --- the meeting structure ----------------------------------------------------------------------------

def _series_values(data: SeriesIn) -> dict:
    values = data.model_dump()
    if values["times_per_year"] is None:
        values["times_per_year"] = MEETING_FREQUENCY[data.kind]
    return values


def add_series(user, route: Route, data: SeriesIn) -> m.MeetingSeries:
    """Add an overlegvorm (stuurgroep, werkgroep per profiel, ...) with its intended frequency."""
    _require_editable(user, route)
    return m.MeetingSeries.objects.create(route=route, **_series_values(data))


def change_series(user, series: m.MeetingSeries, data: SeriesIn) -> m.MeetingSeries:
    _require_editable(user, series.route)
    values = _series_values(data)
    if any(getattr(series, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(series, name, value)
        series.save()
    return series


def remove_series(user, series: m.MeetingSeries) -> None:
    """Remove an overlegvorm; the meetings held in it stay (with their kind)."""
    _require_editable(user, series.route)
    series.delete()


def held_this_year(route: Route, school_year_start: date) -> dict:
    """Per overlegvorm (its id) and per kind without a series (the kind): the meetings held (not
    cancelled) since ``school_year_start``."""
    counts: dict = {}
    for series_id, kind in route.meetings.filter(cancelled=False, held_on__gte=school_year_start).values_list(
            "series", "kind"):
        key = series_id or kind
        counts[key] = counts.get(key, 0) + 1
    return counts


# --- meetings -----------------------------------------------------------------------------------------

def _check_meeting(route: Route, data: MeetingIn, today: date) -> tuple[dict, list[tuple[Person, bool]]]:
    errors: list[dict] = []
    series = None
    if data.series is not None:
        series = route.meeting_series.filter(pk=data.series).first()
        if series is None:
            errors.append(error("series", _("Overlegvorm %(id)s hoort niet bij deze route.") % {"id": data.series}))
    kind = data.kind or (series.kind if series else None)
    if kind is None and not errors:
        errors.append(error("kind", _("Kies een soort overleg of een overlegvorm.")))
    if data.held_on > today:
        errors.append(error("held_on", _("Een overleg in de toekomst is nog niet gehouden; leg het vast na afloop.")))
    attendance, seen = [], set()
    for i, row in enumerate(data.attendance):
        if row.person in seen:
            errors.append(error(f"attendance[{i}].person", _("Deze persoon staat al in de lijst.")))
            continue
        seen.add(row.person)
        person = _partner_person(route, row.person, f"attendance[{i}].person", errors)
        if person is not None:
            attendance.append((person, row.present))
    _refuse(errors)
    values = dict(series=series, kind=kind, held_on=data.held_on, title=data.title, minutes=data.minutes)
    return values, attendance


def _both_sides(route: Route, attendance: list[tuple[Person, bool]]) -> bool:
    side_of = sides(route)
    return both_sides_present([Attendee(side, present) for person, present in attendance
                               for side in side_of.get(person.institution_id, ())])


def _write_attendance(meeting: m.Meeting, attendance: list[tuple[Person, bool]]) -> None:
    current = {a.person_id: a for a in meeting.attendance.all()}
    wanted = {person.pk: present for person, present in attendance}
    for person_id, row in current.items():
        if person_id not in wanted:
            row.delete()
    for person, present in attendance:
        row = current.get(person.pk)
        if row is None:
            m.Attendance.objects.create(meeting=meeting, person=person, present=present)
        elif row.present != present:
            row.present = present
            row.save()


def record_meeting(user, route: Route, data: MeetingIn, today: date | None = None,
                   refresh: bool = True) -> m.Meeting:
    """Record a meeting held, with who was there; both_sides is worked out from the attendance."""
    _require_editable(user, route)
    values, attendance = _check_meeting(route, data, _today(today))
    with transaction.atomic():
        meeting = m.Meeting.objects.create(route=route, both_sides=_both_sides(route, attendance), **values)
        _write_attendance(meeting, attendance)
        keep_last_partner_meeting(route, refresh)
    return meeting


def change_meeting(user, meeting: m.Meeting, data: MeetingIn, today: date | None = None) -> m.Meeting:
    """Replace a meeting's date, kind, minutes and attendance."""
    route = meeting.route
    _require_editable(user, route)
    values, attendance = _check_meeting(route, data, _today(today))
    with transaction.atomic():
        values["both_sides"] = _both_sides(route, attendance)
        if any(getattr(meeting, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(meeting, name, value)
            meeting.save()
        _write_attendance(meeting, attendance)
        keep_last_partner_meeting(route)
    return meeting


def cancel_meeting(user, meeting: m.Meeting, data: CancelIn, refresh: bool = True) -> m.Meeting:
    """Mark a meeting as cancelled, with the reason (Profijt: "als een van beide afwezig is, is het
    overleg niet nuttig"); it no longer counts as a partner meeting."""
    _require_editable(user, meeting.route)
    with transaction.atomic():
        meeting.cancelled, meeting.cancel_reason = True, data.reason
        meeting.save()
        keep_last_partner_meeting(meeting.route, refresh)
    return meeting


# --- decisions ----------------------------------------------------------------------------------------

def _decision_values(route: Route, data: DecisionIn) -> dict:
    """The decision's fields from the input, checked against the route: the owner a person of one of its
    partners, the meeting one of its meetings (ChangeRefused naming the field, nothing written)."""
    errors: list[dict] = []
    owner = _partner_person(route, data.owner, "owner", errors)
    meeting = None
    if data.meeting is not None:
        meeting = route.meetings.filter(pk=data.meeting).first()
        if meeting is None:
            errors.append(error("meeting", _("Overleg %(id)s hoort niet bij deze route.") % {"id": data.meeting}))
    _refuse(errors)
    return dict(meeting=meeting, text=data.text, owner=owner, due_on=data.due_on)


def add_decision(user, route: Route, data: DecisionIn) -> m.Decision:
    """Record a decision or action point with its owner (a person of a partner) and due date."""
    _require_editable(user, route)
    return m.Decision.objects.create(route=route, **_decision_values(route, data))


def change_decision(user, decision: m.Decision, data: DecisionIn) -> m.Decision:
    """Replace a decision's text, owner, due date and meeting (checked as when it was added); whether it
    is done stays as it is. Nothing changed: nothing written (and no audit entry)."""
    _require_editable(user, decision.route)
    values = _decision_values(decision.route, data)
    if any(getattr(decision, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(decision, name, value)
        decision.save()
    return decision


def complete_decision(user, decision: m.Decision, data: CompleteIn, today: date | None = None) -> m.Decision:
    """Mark a decision done (on ``done_on``, default today). Completing a completed one changes nothing."""
    _require_editable(user, decision.route)
    done_on = data.done_on or _today(today)
    if done_on > _today(today):
        raise ChangeRefused([error("done_on", _("Een besluit kan niet in de toekomst afgerond zijn."))])
    if decision.done_on is None:
        decision.done_on = done_on
        decision.save()
    return decision


def reopen_decision(user, decision: m.Decision) -> m.Decision:
    """Open a completed decision again (done_on back to empty), e.g. when its completion was recorded by
    mistake. Reopening an open one changes nothing."""
    _require_editable(user, decision.route)
    if decision.done_on is not None:
        decision.done_on = None
        decision.save()
    return decision


def open_decisions(user, route: Route | None = None, owner: Person | None = None):
    """The open decisions the user may see, of one route and/or one owner, the earliest due first."""
    decisions = m.Decision.objects.visible_to(user).open().select_related("route", "owner", "owner__institution")
    if route is not None:
        decisions = decisions.filter(route=route)
    if owner is not None:
        decisions = decisions.filter(owner=owner)
    return decisions.order_by(F("due_on").asc(nulls_last=True), "pk")


def people_of(user):
    """The people the user is (Person.user), for "mijn openstaande besluiten"."""
    return Person.objects.filter(user=user) if user.is_authenticated else Person.objects.none()


def readable_people(user):
    """The people whose open decisions the user may look up: the beheerder everyone; others the people of
    their own institutions and of the partners of the routes whose overleg they read."""
    if not user.is_authenticated:
        return Person.objects.none()
    if user.is_beheerder:
        return Person.objects.all()
    partners = RoutePartner.objects.filter(route__in=m.partner_routes(user).values("pk")).values("institution")
    return Person.objects.filter(institution__in=partners) | Person.objects.filter(
        institution__in=user.institutions.all())


# --- knelpunten ---------------------------------------------------------------------------------------

def _knelpunt_values(data: KnelpuntIn, route: Route | None, region: Region, today: date) -> dict:
    errors: list[dict] = []
    owner = None
    if route is not None:
        owner = _partner_person(route, data.owner, "owner", errors)
    elif data.owner is not None:
        owner = Person.objects.filter(pk=data.owner, institution__regions=region).first()
        if owner is None:
            errors.append(error("owner", _("Persoon %(id)s werkt niet bij een instelling in deze regio.")
                                % {"id": data.owner}))
    _refuse(errors)
    values = data.model_dump(exclude={"owner"})
    values["owner"] = owner
    values["reported_on"] = data.reported_on or today
    return values


def _resolution(knelpunt: m.Knelpunt, today: date) -> None:
    if knelpunt.status == m.Knelpunt.Status.OPGELOST:
        knelpunt.resolved_on = knelpunt.resolved_on or today
    else:
        knelpunt.resolved_on = None


def add_knelpunt(user, data: KnelpuntIn, route: Route | None = None, region: Region | None = None,
                 today: date | None = None) -> m.Knelpunt:
    """Log a knelpunt of a route (its editors) or of a region as a whole (the region's regiocoördinator
    or the beheerder)."""
    if route is not None:
        _require_editable(user, route)
        region = route.region
    elif region is None or not m.keeps_region_knelpunten(user, region):
        raise PermissionDenied(_("Alleen de regiocoördinator van de regio legt knelpunten van de regio vast."))
    knelpunt = m.Knelpunt(route=route, region=region, **_knelpunt_values(data, route, region, _today(today)))
    _resolution(knelpunt, _today(today))
    knelpunt.save()
    return knelpunt


def _require_keeps(user, knelpunt: m.Knelpunt) -> None:
    if not m.Knelpunt.objects.editable_by(user).filter(pk=knelpunt.pk).exists():
        raise PermissionDenied(_("U mag dit knelpunt lezen maar niet wijzigen."))


def change_knelpunt(user, knelpunt: m.Knelpunt, data: KnelpuntIn, today: date | None = None) -> m.Knelpunt:
    """Replace a knelpunt's category, text, owner, status and action taken."""
    _require_keeps(user, knelpunt)
    values = _knelpunt_values(data, knelpunt.route, knelpunt.region, _today(today))
    for name, value in values.items():
        setattr(knelpunt, name, value)
    _resolution(knelpunt, _today(today))
    knelpunt.save()
    return knelpunt


def close_knelpunt(user, knelpunt: m.Knelpunt, data: CloseIn, today: date | None = None) -> m.Knelpunt:
    """Mark a knelpunt solved, adding what solved it to the action taken."""
    _require_keeps(user, knelpunt)
    resolved_on = data.resolved_on or _today(today)
    if resolved_on > _today(today) or resolved_on < knelpunt.reported_on:
        raise ChangeRefused([error("resolved_on", _("Kies een datum tussen de melding en vandaag."))])
    if data.action:
        knelpunt.action = f"{knelpunt.action}\n{data.action}".strip()
    knelpunt.status, knelpunt.resolved_on = m.Knelpunt.Status.OPGELOST, resolved_on
    knelpunt.save()
    return knelpunt


def category_counts(knelpunten) -> list:
    """Knelpunten counted per category (domain.cooperation.count_per_category), recurring ones on top."""
    return count_per_category([LoggedKnelpunt(category, route, status != m.Knelpunt.Status.OPGELOST)
                               for category, route, status in knelpunten.values_list("category", "route", "status")])
