"""The start page's work items that the students app owns (collected per role by apps.dashboard): funding
errors on the last or coming teldatum, cohorts not yet promoted into the current school year, open vmbo
exam parts past or near their R-04 deadline, imports waiting for their uploader, and routes whose rule
check fails. Each function takes the user and the day and returns ``WorkItem``s, one per route (and
cohort or teldatum), never one per student: the students are counted in the database, and only the
students the user may see (``Student.objects.visible_to``) are counted."""
from __future__ import annotations

from datetime import date

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.core.lib.worklist import WorkItem
from apps.routes.models import ComplianceFinding, Route, RoutePartner
from domain.calendar import latest_teldatum, school_year_label, school_year_of, teldatum

from . import models as m
from . import services

R04_MONTHS = 6      # open vmbo parts whose R-04 deadline is within this many months (as the exam deadlines page)


# --- funding errors on a teldatum -------------------------------------------------------------------------

def teldata(today: date) -> list[date]:
    """The count dates that matter today: the last one, and the coming one when its school year has begun
    (in August and September; before that its enrolments do not exist yet)."""
    coming = teldatum(school_year_of(today))
    return [latest_teldatum(today)] + ([coming] if coming > today else [])


def _on(day: date, prefix: str = "") -> Q:
    """Enrolments running on ``day`` in its school year."""
    return (Q(**{f"{prefix}school_year": school_year_of(day), f"{prefix}start__lte": day})
            & (Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gte": day})))


def with_funding_error(students, day: date):
    """The students enrolled on ``day`` whose funding on that 1 October is wrong (R-10, the part the
    teldatum page checks first): not exactly one funded enrolment, or the funded one at an institution
    that is not the route's partner on the side of the enrolment's phase. One query."""
    right_side = RoutePartner.objects.filter(route=OuterRef("student__route"), institution=OuterRef("institution"),
                                             role=OuterRef("phase"))
    wrong_side = m.Enrolment.objects.filter(_on(day), student=OuterRef("pk"), funded=True).exclude(Exists(right_side))
    running = _on(day, "enrolments__")
    return (students.annotate(wrong_side=Exists(wrong_side),
                              enrolled=Count("enrolments", filter=running, distinct=True),
                              funded_n=Count("enrolments", filter=running & Q(enrolments__funded=True), distinct=True))
            .filter(Q(enrolled__gt=0) & (~Q(funded_n=1) | Q(wrong_side=True))))


def _per_route(students):
    """(route id, route name, count) of ``students``, in one aggregating query."""
    return (m.Student.objects.filter(pk__in=students.values("pk")).order_by("route__name")
            .values_list("route", "route__name").annotate(n=Count("pk")))


def funding_errors(user, today: date) -> list[WorkItem]:
    """Per route and count date: how many of the user's students have a funding error on it; the link
    opens the route's teldatum check of that day. A count date that has passed is overdue."""
    items = []
    for day in teldata(today):
        for route_id, name, n in _per_route(with_funding_error(m.Student.objects.visible_to(user), day)):
            label = ngettext("%(n)d leerling met een bekostigingsfout op de teldatum",
                             "%(n)d leerlingen met een bekostigingsfout op de teldatum", n) % {"n": n}
            link = f"{reverse('students:teldatum', args=[route_id])}?date={day.isoformat()}"
            items.append(WorkItem.on(today, "funding", label, link, name, due=day))
    return items


# --- promotion into the current school year ---------------------------------------------------------------

def not_promoted(students, school_year: int):
    """Active students whose latest enrolment lies before ``school_year``: their cohort has not been moved
    into it yet (students without any enrolment are not counted: nothing to move)."""
    return (students.filter(status=m.Status.ACTIEF).annotate(last_year=Max("enrolments__school_year"))
            .filter(last_year__lt=school_year))


def promotions_waiting(user, today: date) -> list[WorkItem]:
    """Per route and cohort with students not yet in the current school year: the link opens the cohort's
    promotion; due on the school year's teldatum (funding counts then), overdue after it."""
    if not user.changes_students:
        return []
    school_year = school_year_of(today)
    late = not_promoted(m.Student.objects.visible_to(user), school_year)
    rows = (m.Student.objects.filter(pk__in=late.values("pk")).order_by("route__name", "cohort")
            .values_list("route", "route__name", "cohort").annotate(n=Count("pk")))
    due = teldatum(school_year)
    items = []
    for route_id, name, cohort, n in rows:
        label = ngettext("Cohort %(cohort)s: %(n)d leerling nog niet doorgezet naar %(year)s",
                         "Cohort %(cohort)s: %(n)d leerlingen nog niet doorgezet naar %(year)s", n) % {
            "cohort": school_year_label(cohort), "n": n, "year": school_year_label(school_year)}
        items.append(WorkItem.on(today, "promotion", label, reverse("students:promote", args=[route_id, cohort]),
                                 name, due=due))
    return items


# --- open vmbo exam parts and R-04 ------------------------------------------------------------------------

def vmbo_parts_at_risk(students, today: date, months: int = R04_MONTHS) -> list[tuple[int, str, bool, int, date]]:
    """Per route and overdue or not: (route id, route name, overdue, open parts, earliest deadline) of the open
    vmbo exam parts of the active ``students`` whose R-04 deadline has passed or falls within ``months``.
    The parts are counted per student in the database; the deadline is computed for those students only
    (``services.vmbo_deadlines``). The start page's work item and the continuity signal (apps.continuity)
    both count this way."""
    open_parts = (m.ExamPart.objects.filter(student__in=students, student__status=m.Status.ACTIEF, sector="vmbo")
                  .exclude(result=m.ExamPart.Result.PASSED))
    counts = dict(open_parts.order_by().values_list("student").annotate(n=Count("pk")))
    found = m.Student.objects.filter(pk__in=counts).select_related("route")
    deadlines = services.vmbo_deadlines(found)
    horizon = services.deadline_horizon(today, months)
    groups: dict[tuple, list] = {}      # (route id, name, overdue) -> [(deadline, parts)]
    for student in found:
        deadline = deadlines[student.pk]
        if deadline and deadline <= horizon:
            key = (student.route_id, student.route.name, deadline < today)
            groups.setdefault(key, []).append((deadline, counts[student.pk]))
    return [(route_id, name, overdue, sum(p for _d, p in rows), min(d for d, _p in rows))
            for (route_id, name, overdue), rows in groups.items()]


def vmbo_parts_due(user, today: date, months: int = R04_MONTHS) -> list[WorkItem]:
    """Per route: the open vmbo exam parts of the user's active students whose R-04 deadline has passed
    (overdue) or falls within ``months`` (due on the earliest deadline)."""
    items = []
    for route_id, name, overdue, n, earliest in vmbo_parts_at_risk(m.Student.objects.visible_to(user), today,
                                                                   months):
        if overdue:
            label = ngettext("%(n)d open vmbo-examenonderdeel voorbij de R-04-termijn",
                             "%(n)d open vmbo-examenonderdelen voorbij de R-04-termijn", n) % {"n": n}
        else:
            label = ngettext("%(n)d open vmbo-examenonderdeel met de R-04-termijn binnen %(m)d maanden",
                             "%(n)d open vmbo-examenonderdelen met de R-04-termijn binnen %(m)d maanden", n) % {
                "n": n, "m": months}
        items.append(WorkItem.on(today, "r04", label, reverse("students:exam_deadlines", args=[route_id]), name,
                                 due=earliest, passed=overdue))
    return items


# --- imports ----------------------------------------------------------------------------------------------

WAITING = {m.ImportJob.State.MAPPING: "students:import_mapping", m.ImportJob.State.VALIDATED: "students:import_job"}


def imports_waiting(user, today: date) -> list[WorkItem]:
    """The user's own imports that wait for them: columns to map, or checked and ready to import (the
    same jobs the import pages let them open)."""
    if not user.changes_students:
        return []
    jobs = (m.ImportJob.objects.filter(user=user, status__in=list(WAITING),
                                       route__in=Route.objects.with_students_for(user),
                                       institution__in=user.institutions.all())
            .select_related("route").defer("rows", "headers", "errors").order_by("created"))
    return [WorkItem.on(today, "import", _("Import %(file)s: %(state)s") % {
        "file": job.filename, "state": job.get_status_display()}, reverse(WAITING[job.status], args=[job.pk]),
        job.route.name) for job in jobs]


# --- the rule check ---------------------------------------------------------------------------------------

def rule_check_errors(user, today: date) -> list[WorkItem]:
    """Per active route the user sees (``Route.objects.visible_to``) whose stored rule check has errors
    (also a student rule that students fail, kept as one finding per rule): which rules; the link opens
    the route's rule check. One query."""
    rows = (ComplianceFinding.objects.filter(route__in=Route.objects.visible_to(user).active(),
                                             status=ComplianceFinding.Status.FAILED)
            .order_by("route__name", "rule").values_list("route", "route__name", "rule").distinct())
    per_route: dict[tuple, list[str]] = {}
    for route_id, name, rule in rows:
        per_route.setdefault((route_id, name), []).append(rule)
    return [WorkItem.on(today, "rules", ngettext("Regeltoets: %(n)d regel voldoet niet (%(rules)s)",
                                                 "Regeltoets: %(n)d regels voldoen niet (%(rules)s)", len(rules)) % {
        "n": len(rules), "rules": ", ".join(rules)}, reverse("students:compliance", args=[route_id]), name)
        for (route_id, name), rules in per_route.items()]

