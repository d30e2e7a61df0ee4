"""Finding the continuity signals: one function per kind (domain.continuity.KINDS), each asking the database
about all given routes at once (a handful of aggregating queries per kind, no query per route) and the
domain core what the numbers mean. Each returns ``Found`` records; ``services.compute`` stores them.

Parameters hold what the message needs: names of institutions, agreements and (for S-01, S-02) persons,
dates as ISO strings, and counts. Never a student's name, number or any other student data."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Max, Min, Q

from apps.cooperation.models import Decision
from apps.finance.models import Settlement
from apps.routes.models import Agreement, Contact, Phase, RoutePartner, Uitstroomrichting
from apps.students import worklist as student_work
from apps.students.models import Student
from domain import continuity as core

RUNNING = (Phase.EERSTE_COHORT, Phase.REGULIER)   # routes with students: intake, settlement


@dataclass(frozen=True)
class Found:
    route_id: int
    kind: str
    key: str = ""
    severity: str = core.MEDIUM
    params: dict = field(default_factory=dict)
    link_name: str = "routes:detail"
    link_args: tuple = ()

    def link(self) -> tuple[str, list]:
        return self.link_name, list(self.link_args or (self.route_id,))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _active_on(today: date, prefix: str = "") -> Q:
    return ((Q(**{f"{prefix}start__isnull": True}) | Q(**{f"{prefix}start__lte": today}))
            & (Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gte": today})))


# --- S-01, S-02: people ------------------------------------------------------------------------------

def single_contact(routes, today: date) -> list[Found]:
    """S-01 (R-16): per partner institution of a route (counted per institution, not per side), fewer than
    two people with an active role (one person holding two roles counts once). Two queries: the partners,
    and the active roles."""
    partners = (RoutePartner.objects.filter(route__in=routes).order_by()
                .values_list("route", "institution", "institution__name").distinct())
    holders: dict[tuple[int, int], dict[int, tuple[str, str]]] = defaultdict(dict)   # one person, several roles: one
    for route_id, institution, person, name, role in (
            Contact.objects.filter(_active_on(today), route__in=routes).order_by("person", "role")
            .values_list("route", "institution", "person", "person__name", "role")):
        holders[(route_id, institution)].setdefault(person, (name or "", role))
    found = []
    for route_id, institution, institution_name in partners:
        people = list(holders.get((route_id, institution), {}).values())
        if core.too_few_contacts(len(people)):
            params = {"institution": institution_name, "count": len(people)}
            if people:
                params |= {"person": people[0][0], "role": people[0][1]}
            found.append(Found(route_id, "single_contact", str(institution), core.MEDIUM, params, "routes:people"))
    return found


def leaving_without_successor(routes, today: date) -> list[Found]:
    """S-02 (R-16): a role whose holder leaves within LEAVING_DAYS and has no successor. One query."""
    horizon = today + timedelta(days=core.LEAVING_DAYS)
    rows = (Contact.objects.filter(route__in=routes, successor__isnull=True, end__gte=today, end__lte=horizon)
            .values_list("pk", "route", "role", "end", "person__name", "institution__name"))
    return [Found(route_id, "leaving_without_successor", str(pk),
                  core.severity("leaving_without_successor", today, end),
                  {"role": role, "end": _iso(end), "person": person or "", "institution": institution},
                  "routes:people")
            for pk, route_id, role, end, person, institution in rows
            if core.leaving_soon(end, False, today)]


# --- S-03: overleg -----------------------------------------------------------------------------------

def last_meetings(routes, today: date) -> dict[int, date | None]:
    """Per route the last meeting held with both sides present (not cancelled), or the route's recorded
    last partner meeting when that is later (routes recorded before meetings were kept). One query."""
    rows = routes.order_by().annotate(last=Max("meetings__held_on", filter=Q(
        meetings__both_sides=True, meetings__cancelled=False, meetings__held_on__lte=today))
    ).values_list("pk", "last", "last_partner_meeting")
    return {pk: max((d for d in (last, recorded) if d), default=None) for pk, last, recorded in rows}


def no_meeting(routes, today: date) -> list[Found]:
    """S-03 (R-16): no meeting with both sides for longer than the configured interval, unless the route runs
    without structural meetings."""
    months = settings.LEERROUTE_MEETING_INTERVAL_MONTHS
    last = last_meetings(routes.filter(without_structural_meetings=False), today)
    return [Found(route_id, "no_meeting", "", core.MEDIUM, {"last": _iso(day), "months": months},
                  "cooperation:overleg")
            for route_id, day in last.items() if core.meeting_overdue(day, today, months, False)]


# --- S-04: money -------------------------------------------------------------------------------------

def no_approved_settlement(routes, today: date) -> list[Found]:
    """S-04 (R-16, the financial agreement): a running route without an approved settlement for the current
    school year. A route without a settlement model says so (no financial agreement at all). One query."""
    year = core.settlement_year(today)
    approved = Settlement.objects.filter(school_year=year, status=Settlement.Status.APPROVED).values("route")
    rows = routes.filter(phase__in=RUNNING).exclude(pk__in=approved).values_list("pk", "settlement_model")
    return [Found(route_id, "no_approved_settlement", str(year), core.MEDIUM,
                  {"school_year": year, "model": model or "", "due": _iso(core.settlement_due(today))},
                  "finance:route")
            for route_id, model in rows]


# --- S-05, S-06: intake ------------------------------------------------------------------------------

SCOPE_FIELD = {"uitstroomrichting": "kwalificatie__code", "klas": "klas", "vo_school": "vo_school__brin"}


def intake_below_minimum(routes, today: date) -> list[Found]:
    """S-05 (R-15): the current school year's intake (students in route year 1, from the register) per group
    of the route's scope below its minimum. Three queries for all routes: the intake per route and group,
    the uitstroomrichtingen with their minimums, the vo partners."""
    year = core.settlement_year(today)
    ids = routes.filter(phase__in=RUNNING)
    running = list(ids.values_list("pk", "min_intake", "min_intake_scope"))
    if not running:
        return []
    rows = (Student.objects.filter(route__in=ids, enrolments__school_year=year, enrolments__route_year=1)
            .order_by().values_list("route", "kwalificatie__code", "klas", "vo_school__brin")
            .annotate(n=Count("pk", distinct=True)))
    counts: dict[int, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for route_id, code, klas, brin, n in rows:
        for scope, value in (("uitstroomrichting", code), ("klas", klas), ("vo_school", brin), ("route", "")):
            counts[route_id][scope][value or ""] += n
    richtingen = defaultdict(list)
    for route_id, code, name, minimum in (Uitstroomrichting.objects.filter(route__in=ids, active=True)
                                          .values_list("route", "kwalificatie__code", "kwalificatie__name",
                                                       "min_intake")):
        richtingen[route_id].append((code, name, minimum))
    vo_schools = defaultdict(list)
    for route_id, brin, name in RoutePartner.objects.filter(route__in=ids, role="vo").values_list(
            "route", "institution__brin", "institution__name"):
        vo_schools[route_id].append((brin, name))
    found = []
    for route_id, minimum, scope in running:
        mine = counts[route_id][scope]
        if scope == "uitstroomrichting":
            groups = [(code, f"{name} ({code})", own if own is not None else minimum)
                      for code, name, own in richtingen[route_id]]
        elif scope == "vo_school":
            groups = [(brin, name, minimum) for brin, name in vo_schools[route_id]]
        elif scope == "klas":
            groups = [(klas, klas, minimum) for klas in sorted(mine) if klas]
        else:
            groups = [("", "", minimum)]
        for key, label, group_min in groups:
            count = mine.get(key, 0)
            if core.below_minimum(count, group_min):
                found.append(Found(route_id, "intake_below_minimum", f"{scope}:{key}", core.MEDIUM,
                                   {"scope": scope, "group": label, "count": count, "minimum": group_min,
                                    "school_year": year}))
    return found


def intake_falling(routes, today: date) -> list[Found]:
    """S-06 (R-15, K-01): the intake of the last FALLING_COHORTS cohorts (up to the current school year) falls
    every year. Counted from the register per route and cohort in one query; routes whose first cohort is
    later than the first of those are not judged."""
    year = core.settlement_year(today)
    first = year - core.FALLING_COHORTS + 1
    running = dict(routes.filter(phase__in=RUNNING).values_list("pk", "start_year"))
    rows = (Student.objects.filter(route__in=routes.filter(phase__in=RUNNING), cohort__gte=first, cohort__lte=year)
            .order_by().values_list("route", "cohort").annotate(n=Count("pk")))
    per_route: dict[int, dict[int, int]] = defaultdict(dict)
    for route_id, cohort, n in rows:
        per_route[route_id][cohort] = n
    found = []
    for route_id, start in running.items():
        if start is not None and start > first:
            continue
        counts = [per_route[route_id].get(y, 0) for y in range(first, year + 1)]
        if core.intake_falling(counts):
            found.append(Found(route_id, "intake_falling", "", core.MEDIUM,
                               {"cohorts": list(range(first, year + 1)), "counts": counts}, "results:route"))
    return found


# --- S-07: agreements --------------------------------------------------------------------------------

def agreement_expiring(routes, today: date) -> list[Found]:
    """S-07 (R-06): an agreement of the route ends within AGREEMENT_DAYS and nothing extends or replaces it.
    One query."""
    horizon = today + timedelta(days=core.AGREEMENT_DAYS)
    rows = (Agreement.objects.filter(routes__in=routes, valid_to__gte=today, valid_to__lte=horizon,
                                     superseded_by__isnull=True)
            .values_list("pk", "routes", "title", "valid_to"))
    return [Found(route_id, "agreement_expiring", str(pk), core.severity("agreement_expiring", today, valid_to),
                  {"agreement": title, "valid_to": _iso(valid_to), "days": (valid_to - today).days},
                  "routes:agreement", (pk,))
            for pk, route_id, title, valid_to in rows]


# --- S-08: R-04 --------------------------------------------------------------------------------------

def vmbo_parts_at_risk(routes, today: date) -> list[Found]:
    """S-08 (R-04): open vmbo exam parts whose R-04 deadline has passed or falls within R04_MONTHS; counted
    as the start page's work list counts them (``apps.students.worklist.vmbo_parts_at_risk``), only counts."""
    found = []
    for route_id, _name, passed, n, earliest in student_work.vmbo_parts_at_risk(
            Student.objects.filter(route__in=routes), today, core.R04_MONTHS):
        found.append(Found(route_id, "vmbo_parts_at_risk", "overdue" if passed else "due",
                           core.severity("vmbo_parts_at_risk", today, earliest, passed),
                           {"parts": n, "deadline": _iso(earliest), "passed": passed, "months": core.R04_MONTHS},
                           "students:exam_deadlines"))
    return found


# --- S-09: decisions ---------------------------------------------------------------------------------

def decisions_overdue(routes, today: date) -> list[Found]:
    """S-09: open decisions past their due date, counted per route in one query."""
    rows = (Decision.objects.filter(route__in=routes, done_on__isnull=True, due_on__lt=today).order_by()
            .values("route").annotate(n=Count("pk"), oldest=Min("due_on")).values_list("route", "n", "oldest"))
    return [Found(route_id, "decisions_overdue", "", core.severity("decisions_overdue", today, count=n),
                  {"count": n, "oldest_due": _iso(oldest)}, "cooperation:decisions")
            for route_id, n, oldest in rows]


FINDERS = {
    "single_contact": single_contact,
    "leaving_without_successor": leaving_without_successor,
    "no_meeting": no_meeting,
    "no_approved_settlement": no_approved_settlement,
    "intake_below_minimum": intake_below_minimum,
    "intake_falling": intake_falling,
    "agreement_expiring": agreement_expiring,
    "vmbo_parts_at_risk": vmbo_parts_at_risk,
    "decisions_overdue": decisions_overdue,
}
assert tuple(FINDERS) == core.CODES
