"""The KPI engine: the figures of domain.md section 7 computed in the database with aggregating
queries over Student and Event (one query for any number of cohorts and routes, never a loop over
students), on SQLite and PostgreSQL alike. ``domain.kpi`` holds the catalogue, the writing of
figures and a reference computation, one student at a time; the tests hold this engine to it.

A scope is a route (optionally one uitstroomrichting of it), a vo-school, an mbo institution, a region
or the whole country; cohort figures are "on date D" (default today), yearly figures per school year.

Each student's state on D is computed once, by one SQL statement in four steps (``state_sql``; the
figures, the students behind a figure and the grouped figures per route all read it):

1. ``plain`` and ``others``: the scope's students (``students_in``'s queryset, so a change of which
   students a scope holds flows through) with and without a plain path, with what their own row says:
   cohort, route, zij-instroom, the mbo diploma's date and level (the diploma's kwalificatie, else the
   student's own) and, from the date, its school year, K-06's half years and the year of the first
   1 October after it (columns the database generates on every write: ``apps.students.columns``).
2. ``events``: for the students without a plain path (below), one grouped pass over their events of
   the kinds the KPIs look at, reading only the columns of the index (student, kind, date): per
   student, conditional aggregates: entered by D, the last uitstroom and the last terugkeer on or
   before D, switches by D, and the first doorstroom (as the year of the first 1 October on or after it).
3. ``facts``: one row per cohort member (entered by D): holder (an mbo diploma by D), gone (a last
   uitstroom not undone by a later terugkeer, and no diploma), the destination of the last uitstroom
   (leavers) and whether a switch changed the kwalificatie (the first choice of an uitstroomrichting
   left open is not a switch). "Last" is the latest date, then the latest record. For a student without
   a plain path these come from step 2 and two point lookups in the same index (only for the students
   they concern); for a plain path (``Student.plain_entered_on`` ...: one entry, no terugkeer, at most one
   uitstroom; most students) from the dates kept on its row, the same facts on any day D without
   reading an event.
4. ``state``: the 0/1 flags every figure counts: member, zij, holder, gone, vsv, bound, counted,
   doorstroom, switched; K-04/k counts holders by elapsed school years (``elapsed`` <= k).

The cohort figures are one aggregate over ``state`` grouped by (route, cohort, destination of a
leaver); the rows of one route and cohort add up in Python, and their destinations give K-02's
breakdown (K-02/<destination>). The yearly figures (K-08) read the same events the same way at the
school year's first and last day (a plain path again from its dates). ``facts`` is MATERIALIZED
(SQLite >= 3.35, PostgreSQL >= 12) so its lookups run once per student.

Beside it: K-10 (bereik, from the registry's population counts) in ``apps.results.reach`` and K-12
(succes na doorstroom, from the students' vervolgdiploma records) in ``apps.results.followup``; the
figures a reader gets (``apps.results.figures``) combine them.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection
from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from apps.routes.models import Route, RoutePartner
from apps.students.columns import flag, teldatum_year_from
from apps.students.models import ENTRY_EVENTS, STATE_EVENTS, Event, EventKind, Student
from domain import kpi as core
from domain.calendar import latest_teldatum, year_end, year_start
from domain.kpi import Figure, figure

__all__ = ["Figure", "Scope", "cohort_figures", "cohort_figures_of", "cohort_figures_by_route", "year_figures",
           "cohorts_in", "trend", "students_behind", "students_with", "suppressed", "route_length", "students_in",
           "jaarresultaat", "year_figures_by_route", "route_lengths"]


@dataclass(frozen=True)
class Scope:
    """Whose students a figure counts; the fields given are combined (a route and one of its
    uitstroomrichtingen, a vo-school within a region, ...). ``national`` alone: every student."""
    route: int | None = None
    kwalificatie: int | None = None
    vo_school: int | None = None
    mbo_institution: int | None = None
    region: int | None = None
    national: bool = False


def _own_school(field: str, role: str, institution: int) -> Q:
    """The students whose own school of a side is ``institution``; a student without one recorded
    belongs to the route's partner of that side when the route has only that one."""
    partner_routes = RoutePartner.objects.filter(role=role, institution=institution).values("route")
    several = (RoutePartner.objects.filter(role=role).values("route").annotate(n=Count("pk"))
               .filter(n__gt=1).values("route"))
    return Q(**{field: institution}) | (Q(**{f"{field}__isnull": True}, route__in=partner_routes)
                                       & ~Q(route__in=several))


def routes_in(scope: Scope) -> QuerySet:
    """The routes of a scope's route or region (``Route.objects.in_region``, as a regional user sees
    them)."""
    routes = Route.objects.all()
    if scope.route is not None:
        routes = routes.filter(pk=scope.route)
    if scope.region is not None:
        routes = routes.in_region(scope.region)
    return routes


def students_in(scope: Scope) -> QuerySet:
    """The students a scope counts."""
    students = Student.objects.all()
    if scope.route is not None or scope.region is not None:
        # the route ids themselves (one small query): the planner then knows how few students they hold;
        # no route, no student (SQL cannot hold an empty IN list, and the engine writes the SQL out)
        ids = list(routes_in(scope).values_list("pk", flat=True))
        students = students.filter(route__in=ids) if ids else students.filter(pk__isnull=True)
    if scope.kwalificatie is not None:
        students = students.filter(kwalificatie=scope.kwalificatie)
    if scope.vo_school is not None:
        students = students.filter(_own_school("vo_school", "vo", scope.vo_school))
    if scope.mbo_institution is not None:
        students = students.filter(_own_school("mbo_institution", "mbo", scope.mbo_institution))
    return students


def _lengths(routes: QuerySet) -> dict[int, int]:
    """Each route's length in route years (its years, or its study duration)."""
    rows = routes.order_by().annotate(n=Count("years")).values_list("pk", "n", "study_duration_years")
    return {pk: max(n or 0, d or 0) for pk, n, d in rows}


def route_length(scope: Scope) -> int:
    """The longest route of the scope in route years (its years, or its study duration)."""
    return max(route_lengths(scope).values(), default=0)


# -- the state on a day: one SQL statement (see the module's docstring) -------------------------------

FLAGS = ("member", "zij", "holder", "gone", "vsv", "bound", "counted", "doorstroom", "switched")

def _compiled(queryset: QuerySet) -> tuple[str, list]:
    sql, params = queryset.query.sql_with_params()
    return sql, list(params)


def _day(day: date):
    """A date as a bound parameter of hand-written SQL (text on SQLite, a date on PostgreSQL)."""
    return connection.ops.adapt_datefield_value(day)


def _students(students: QuerySet, by_route: bool) -> QuerySet:
    """Step 1: the students with what their own row says, a plain path's dates included (``entered_on``
    is null for a student whose events the engine reads)."""
    return students.order_by().values(
        sid=F("pk"), yr=F("cohort"), grp=F("route_id") if by_route else Value(0), zij=flag(Q(zij_instroom=True)),
        diploma=F("mbo_diploma_on"), diploma_year=F("diploma_school_year"), halves=F("diploma_half_years"),
        teldatum_year=F("diploma_teldatum_year"), rank=F("doorstroom_rank"),
        level=Coalesce("mbo_diploma_level", "kwalificatie__level"),
        entered_on=F("plain_entered_on"), out_on=F("plain_out_on"), out_to=F("plain_out_to"),
        switched_on=F("plain_switched_on"), doorstroom_year=F("plain_doorstroom_year"))


def _events(students: QuerySet, on: date) -> QuerySet:
    """Step 2: per student of ``students`` (those without a plain path), conditional aggregates over their
    events."""
    return (Event.objects.filter(student_id__in=students.order_by().values("pk"), kind__in=STATE_EVENTS)
            .order_by().values(eid=F("student_id")).annotate(
                entries=Count("date", filter=Q(kind__in=ENTRY_EVENTS, date__lte=on)),
                last_out=Max("date", filter=Q(kind=EventKind.UITSTROOM, date__lte=on)),
                last_back=Max("date", filter=Q(kind=EventKind.TERUGKEER, date__lte=on)),
                switches=Count("date", filter=Q(kind=EventKind.SWITCH, date__lte=on)),
                # a doorstroom on or before 1 October of year Y has this year <= Y
                doorstroom_year=Min(teldatum_year_from("date"), filter=Q(kind=EventKind.DOORSTROOM))))


STATE_SQL = """
WITH peil AS (SELECT %s AS on_day, %s AS teldatum),
plain AS ({plain}),
others AS ({others}),
events AS ({events}),
looked_up AS MATERIALIZED (
    SELECT s.sid, s.yr, s.grp, s.zij, s.diploma, s.diploma_year, s.halves, s.teldatum_year, s.rank,
           e.doorstroom_year, d.teldatum,
           CASE WHEN s.diploma <= d.on_day THEN 1 ELSE 0 END AS holder,
           CASE WHEN {gone} THEN 1 ELSE 0 END AS gone,
           CASE WHEN {gone} THEN
               (SELECT x.destination FROM {event} x WHERE x.student_id = s.sid AND x.kind = 'uitstroom'
                AND x.date = e.last_out ORDER BY x.id DESC LIMIT 1) END AS out_to,
           CASE WHEN s.diploma <= d.on_day THEN s.level END AS level,
           CASE WHEN e.switches > 0 AND EXISTS (
               SELECT 1 FROM {event} w WHERE w.student_id = s.sid AND w.kind = 'switch' AND w.date <= d.on_day
               AND w.kwalificatie_id IS NOT NULL AND EXISTS (
                   SELECT 1 FROM {event} c WHERE c.student_id = s.sid
                   AND c.kind IN ('instroom', 'zij_instroom', 'switch') AND c.kwalificatie_id IS NOT NULL
                   AND c.kwalificatie_id <> w.kwalificatie_id
                   AND (c.date < w.date OR (c.date = w.date AND c.id < w.id))))
               THEN 1 ELSE 0 END AS switched
    FROM others s JOIN events e ON e.eid = s.sid CROSS JOIN peil d
    WHERE e.entries > 0),
facts AS (
    SELECT * FROM looked_up
    UNION ALL
    SELECT s.sid, s.yr, s.grp, s.zij, s.diploma, s.diploma_year, s.halves, s.teldatum_year, s.rank,
           s.doorstroom_year, d.teldatum,
           CASE WHEN s.diploma <= d.on_day THEN 1 ELSE 0 END AS holder,
           CASE WHEN {plain_gone} THEN 1 ELSE 0 END AS gone,
           CASE WHEN {plain_gone} THEN s.out_to END AS out_to,
           CASE WHEN s.diploma <= d.on_day THEN s.level END AS level,
           CASE WHEN s.switched_on <= d.on_day THEN 1 ELSE 0 END AS switched
    FROM plain s CROSS JOIN peil d
    WHERE s.entered_on <= d.on_day),
state AS (
    SELECT sid, yr, grp, out_to, holder, gone, switched, zij, level, diploma_year - yr + 1 AS elapsed,
           CASE WHEN holder = 1 THEN halves ELSE 0 END AS halves,
           1 AS member,
           CASE WHEN gone = 1 AND out_to IN ({vsv}) THEN 1 ELSE 0 END AS vsv,
           CASE WHEN (gone = 0 AND holder = 0) OR (holder = 1 AND (level IS NULL OR level >= %s)) THEN 1 ELSE 0 END
               AS bound,
           CASE WHEN holder = 1 AND diploma < teldatum THEN 1 ELSE 0 END AS counted,
           CASE WHEN holder = 1 AND diploma < teldatum AND doorstroom_year <= teldatum_year
                AND rank > COALESCE(level, %s) THEN 1 ELSE 0 END AS doorstroom
    FROM facts)
"""
# out of the route on D: a last uitstroom on or before D, no terugkeer after it, no mbo diploma by D
GONE = ("e.last_out IS NOT NULL AND (e.last_back IS NULL OR e.last_back <= e.last_out)"
        " AND (s.diploma IS NULL OR s.diploma > d.on_day)")
# the same for a plain path: its one uitstroom on or before D (it has no terugkeer)
PLAIN_GONE = "s.out_on <= d.on_day AND (s.diploma IS NULL OR s.diploma > d.on_day)"


def state_sql(students: QuerySet, on: date, by_route: bool = False) -> tuple[str, list]:
    """The WITH clause of each student's state on ``on`` (the CTE ``state``: one row per member of
    ``students``, see the module's docstring), and its parameters."""
    plain_sql, plain_params = _compiled(_students(students.filter(plain_entered_on__isnull=False), by_route))
    others = students.filter(plain_entered_on__isnull=True)
    others_sql, others_params = _compiled(_students(others, by_route))
    events_sql, events_params = _compiled(_events(others, on))
    sql = STATE_SQL.format(plain=plain_sql, others=others_sql, events=events_sql, gone=GONE, plain_gone=PLAIN_GONE,
                           event=Event._meta.db_table, vsv=", ".join(["%s"] * len(core.DESTINATIONS_VSV)))
    params = [_day(on), _day(latest_teldatum(on)), *plain_params, *others_params, *events_params,
              *core.DESTINATIONS_VSV, core.STARTKWALIFICATIE_LEVEL, core.STARTKWALIFICATIE_LEVEL]
    return sql, params


def _fetch(sql: str, params: list) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# -- cohort figures --------------------------------------------------------------------------------

def today() -> date:
    return timezone.localdate()


COUNTED = ("member", "zij", "holder", "gone", "vsv", "bound", "counted", "doorstroom", "switched", "halves")


def _cohort_sums(students: QuerySet, cohorts, on: date, ks: range, by_route: bool) -> dict:
    """(route or 0, cohort) -> the sums of the cohort figures, with "out" the leavers per destination:
    one query."""
    state, params = state_sql(students.filter(cohort__in=list(cohorts)), on, by_route)
    k_sums = "".join(f", SUM(CASE WHEN holder = 1 AND elapsed <= %s THEN 1 ELSE 0 END) AS k{k}" for k in ks)
    sql = (f"{state} SELECT grp, yr, out_to, {', '.join(f'SUM({c}) AS {c}' for c in COUNTED)}{k_sums} "
           "FROM state GROUP BY grp, yr, out_to")
    sums = defaultdict(lambda: defaultdict(int))
    for row in _fetch(sql, [*params, *ks]):
        total = sums[(row.pop("grp"), row.pop("yr"))]
        out_to = row.pop("out_to")
        for name, value in row.items():
            total[name] += value or 0
        if out_to is not None:
            destination = out_to or core.UNRECORDED_AS
            total[f"out_{destination}"] += row["gone"] or 0
    return sums


def _figures(cohort: int, sums: dict, ks: range) -> list[Figure]:
    """The cohort figures from their sums: K-01 (and its zij-instroom, K-01/zij), K-02 (and per
    destination, K-02/<destination>), K-03, K-04/k for k in ``ks``, K-05, K-06, K-07, K-11."""
    n, holders = sums["member"], sums["holder"]
    halves = sums["halves"] - 2 * (cohort - 1) * holders     # per holder: from the cohort's first school year
    return [
        figure("K-01", n, None), figure(core.ZIJ_INSTROOM, sums["zij"], None),
        figure("K-02", sums["gone"], n),
        *(figure(core.uitval_to(d), sums[f"out_{d}"], n) for d in core.DESTINATIONS),
        figure("K-03", sums["vsv"], n),
        *(figure(f"K-04/{k}", sums[f"k{k}"], n) for k in ks),
        figure("K-05", sums["doorstroom"], sums["counted"]),
        figure("K-06", None, holders, core.mean_years(halves, holders)),
        figure("K-07", sums["bound"], n),
        figure("K-11", sums["switched"], n),
    ]


def cohort_figures_of(scope: Scope, cohorts, on: date | None = None) -> dict[int, list[Figure]]:
    """The cohort KPIs of each of ``cohorts`` in ``scope`` on ``on`` (default today), in one
    aggregating query: cohort -> the figures ``cohort_figures`` gives."""
    on, cohorts = on or today(), list(cohorts)
    ks = core.k_range(route_length(scope))
    sums = _cohort_sums(students_in(scope), cohorts, on, ks, by_route=False) if cohorts else {}
    return {c: _figures(c, sums.get((0, c), defaultdict(int)), ks) for c in cohorts}


def cohort_figures(scope: Scope, cohort: int, on: date | None = None) -> list[Figure]:
    """The cohort KPIs of ``cohort`` in ``scope`` on ``on`` (default today), in one aggregating query:
    K-01 (and its zij-instroom, K-01/zij), K-02 (and per destination of the last uitstroom,
    K-02/<destination>), K-03, K-04/k for k = 2..route length (at least 4), K-05, K-06, K-07, K-11."""
    return cohort_figures_of(scope, [cohort], on)[cohort]


def route_lengths(scope: Scope, routes=None) -> dict[int, int]:
    """The routes the grouped figures are given for, with each route's length: ``routes`` (ids), else
    every route of the scope (``routes_in``) or, for a scope without route or region, every route the
    scope has students of. One query."""
    if routes is None:
        ids = routes_in(scope) if scope.route is not None or scope.region is not None else \
            Route.objects.filter(Exists(students_in(scope).filter(route=OuterRef("pk"))))
    else:
        ids = Route.objects.filter(pk__in=list(routes))
    return _lengths(ids)


def cohort_figures_by_route(scope: Scope, cohorts, on: date | None = None, routes=None) \
        -> dict[int, dict[int, list[Figure]]]:
    """The cohort KPIs per route of the scope, in one aggregating query: route id -> cohort -> the
    figures ``cohort_figures(Scope(route=<id>, <the scope's other fields>), cohort, on)`` gives (K-04/k
    up to each route's own length). ``cohorts`` is one cohort or several; ``routes`` (ids) limits the
    routes, else every route of the scope (``routes_in``) or, for a scope without route or region,
    every route the scope has students of."""
    on = on or today()
    cohorts = [cohorts] if isinstance(cohorts, int) else list(cohorts)
    lengths = route_lengths(scope, routes)
    students = students_in(scope).filter(route__in=list(lengths))
    longest = core.k_range(max(lengths.values(), default=0))
    sums = _cohort_sums(students, cohorts, on, longest, by_route=True) if lengths and cohorts else {}
    return {route: {c: _figures(c, sums.get((route, c), defaultdict(int)), core.k_range(length)) for c in cohorts}
            for route, length in lengths.items()}


def cohorts_in(scope: Scope) -> list[int]:
    """The cohorts the scope has students in, oldest first (for trends)."""
    return list(students_in(scope).order_by("cohort").values_list("cohort", flat=True).distinct())


def trend(scope: Scope, kpi_id: str, cohorts, on: date | None = None) -> list[Figure]:
    """One figure per cohort (for charts): ``kpi_id`` of each cohort on ``on`` (default today), in one
    query; a cohort without the figure (K-04/k beyond the route's length) gives none."""
    per_cohort = cohort_figures_of(scope, cohorts, on)
    return [f for cohort in cohorts for f in per_cohort[cohort] if f.id == kpi_id]


# -- yearly figures --------------------------------------------------------------------------------

def year_figures(scope: Scope, school_year: int) -> list[Figure]:
    """K-08 jaarresultaat of ``school_year`` over all cohorts of the scope (and the yearly uitval beside
    it, K-08/<year>/uitval, which yearly benchmarks are compared with), and K-09 groepsgrootte: the
    intake in route year 1 of that school year from the register (for a whole route also per group of
    the route's minimum scope, K-09/<year>/<group>)."""
    diplomas, ended, present = _year_ends(students_in(scope), school_year).get(0, (0, 0, 0))
    intake = (students_in(scope).filter(enrolments__school_year=school_year, enrolments__route_year=1)
              .aggregate(n=Count("pk", distinct=True))["n"])
    return [*_year(school_year, diplomas, ended, present, intake), *_intake_groups(scope, school_year)]


def _year(school_year: int, diplomas: int, ended: int, present: int, intake: int) -> list[Figure]:
    return [figure(f"K-08/{school_year}", diplomas, diplomas + ended),
            figure(f"K-08/{school_year}/{core.YEARLY_UITVAL}", ended, present),
            figure(f"K-09/{school_year}", intake, None)]


def year_figures_by_route(scope: Scope, school_years, routes=None) -> dict[int, list[Figure]]:
    """The yearly figures per route of the scope (the routes as ``cohort_figures_by_route`` takes them):
    route id -> for each of ``school_years`` in turn K-08/<year>, K-08/<year>/uitval and K-09/<year>, as
    ``year_figures(Scope(route=<id>, <the scope's other fields>), year)`` gives them (without K-09's
    groups). One query per school year, and one for every intake, however many routes."""
    ids = list(route_lengths(scope, routes))
    school_years = list(school_years)
    students = students_in(scope).filter(route__in=ids) if ids else Student.objects.none()
    ends = {year: _year_ends(students, year, by_route=True) for year in school_years} if ids else {}
    intake = {}
    if ids and school_years:
        for row in (students.filter(enrolments__school_year__in=school_years, enrolments__route_year=1)
                    .order_by().values("route", "enrolments__school_year").annotate(n=Count("pk", distinct=True))):
            intake[(row["route"], row["enrolments__school_year"])] = row["n"]
    return {route: [f for year in school_years
                    for f in _year(year, *ends[year].get(route, (0, 0, 0)), intake.get((route, year), 0))]
            for route in ids}


def jaarresultaat(scope: Scope, school_year: int) -> Figure:
    """K-08 of one school year alone (one query)."""
    diplomas, ended, _ = _year_ends(students_in(scope), school_year).get(0, (0, 0, 0))
    return figure(f"K-08/{school_year}", diplomas, diplomas + ended)


YEAR_SQL = """
WITH peil AS (SELECT %s AS first_day, %s AS last_day, %s AS day_before),
plain AS ({plain}),
others AS ({others}),
events AS ({events})
SELECT s.grp,
       SUM(CASE WHEN s.diploma >= d.first_day AND s.diploma <= d.last_day THEN 1 ELSE 0 END) AS diplomas,
       SUM(CASE WHEN e.last_out >= d.first_day AND (e.last_back IS NULL OR e.last_back <= e.last_out)
                AND (s.diploma IS NULL OR s.diploma < d.first_day OR s.diploma > d.last_day) THEN 1 ELSE 0 END)
           AS ended,
       SUM(CASE WHEN e.came > 0 OR (e.entered_before > 0 AND (s.diploma IS NULL OR s.diploma > d.day_before)
                AND NOT (e.out_before IS NOT NULL AND (e.back_before IS NULL OR e.back_before <= e.out_before)))
           THEN 1 ELSE 0 END) AS present
FROM others s CROSS JOIN peil d LEFT JOIN events e ON e.eid = s.sid
GROUP BY s.grp
UNION ALL
SELECT s.grp,
       SUM(CASE WHEN s.diploma >= d.first_day AND s.diploma <= d.last_day THEN 1 ELSE 0 END),
       SUM(CASE WHEN s.out_on >= d.first_day AND s.out_on <= d.last_day
                AND (s.diploma IS NULL OR s.diploma < d.first_day OR s.diploma > d.last_day) THEN 1 ELSE 0 END),
       SUM(CASE WHEN (s.entered_on >= d.first_day AND s.entered_on <= d.last_day)
                OR (s.entered_on <= d.day_before AND (s.diploma IS NULL OR s.diploma > d.day_before)
                    AND (s.out_on IS NULL OR s.out_on > d.day_before)) THEN 1 ELSE 0 END)
FROM plain s CROSS JOIN peil d
GROUP BY s.grp
"""
# The second part is the first for a plain path, whose events its dates stand for: its one entry (before
# the year, or came in it), its one uitstroom (last_out, out_before) and no terugkeer.


def _year_ends(students: QuerySet, school_year: int, by_route: bool = False) -> dict[int, tuple[int, int, int]]:
    """Per route (``by_route``, else 0 for all ``students``): the diplomas dated in the school year; the
    students whose time in the route ended in it without a diploma and who did not come back before its
    end; and the students in the route on some day of it (in it on the day before it starts, or entering
    or coming back during it). One query."""
    start, end = year_start(school_year), year_end(school_year)
    before = start - timedelta(days=1)
    # only the students the year can concern: not a later cohort, no diploma before it, and not out of
    # the route since before it (``left_on`` is the last uitstroom not undone by a terugkeer)
    concerned = (students.exclude(cohort__gt=school_year).exclude(mbo_diploma_on__lt=start)
                 .exclude(left_on__lt=start).order_by())

    def rows(students: QuerySet) -> tuple[str, list]:
        return _compiled(students.values(sid=F("pk"), grp=F("route_id") if by_route else Value(0),
                                         diploma=F("mbo_diploma_on"), entered_on=F("plain_entered_on"),
                                         out_on=F("plain_out_on")))

    # the events of the students without a plain path; a plain path's dates give the same (``YEAR_SQL``)
    others = concerned.filter(plain_entered_on__isnull=True)
    events = (Event.objects.filter(date__lte=end, kind__in=(*ENTRY_EVENTS, EventKind.UITSTROOM, EventKind.TERUGKEER),
                                   student_id__in=others.values("pk"))
              .order_by().values(eid=F("student_id")).annotate(
                  last_out=Max("date", filter=Q(kind=EventKind.UITSTROOM)),     # on or before the end
                  last_back=Max("date", filter=Q(kind=EventKind.TERUGKEER)),
                  out_before=Max("date", filter=Q(kind=EventKind.UITSTROOM, date__lte=before)),
                  back_before=Max("date", filter=Q(kind=EventKind.TERUGKEER, date__lte=before)),
                  entered_before=Count("date", filter=Q(kind__in=ENTRY_EVENTS, date__lte=before)),
                  came=Count("date", filter=Q(kind__in=(*ENTRY_EVENTS, EventKind.TERUGKEER), date__gte=start))))
    plain_sql, plain_params = rows(concerned.filter(plain_entered_on__isnull=False))
    others_sql, others_params = rows(others)
    events_sql, events_params = _compiled(events)
    sql = YEAR_SQL.format(plain=plain_sql, others=others_sql, events=events_sql)
    sums = defaultdict(lambda: (0, 0, 0))
    for row in _fetch(sql, [_day(start), _day(end), _day(before), *plain_params, *others_params, *events_params]):
        sums[row["grp"]] = tuple(a + (b or 0) for a, b in zip(sums[row["grp"]], (row["diplomas"], row["ended"],
                                                                                  row["present"]), strict=True))
    return dict(sums)


def _intake_groups(scope: Scope, school_year: int) -> list[Figure]:
    """A whole route's intake per group of its minimum scope (R-15's count)."""
    if scope.route is None or scope.kwalificatie or scope.vo_school or scope.mbo_institution:
        return []
    from apps.routes import compliance

    route = Route.objects.filter(pk=scope.route).first()
    if route is None or route.min_intake_scope == "route":
        return []
    return [figure(f"K-09/{school_year}/{c.key or '-'}", c.count, None)
            for c in compliance.intake_counts(route, school_year)]


# -- the students behind a figure, and suppression ---------------------------------------------------

BEHIND = {"K-01": "member", "K-02": "gone", "K-03": "vsv", "K-04": "holder", "K-05": "doorstroom",
          "K-06": "holder", "K-07": "bound", "K-11": "switched"}


def students_behind(queryset: QuerySet, kpi_id: str, cohort: int, on: date | None = None) -> QuerySet:
    """The students of ``queryset`` counted in the numerator of ``kpi_id`` for ``cohort`` on ``on``
    (K-06: the diploma holders it averages; K-02/<destination>: the leavers to it; K-08/<year>: the
    diplomas of that school year; K-09/<year>: the intake). The caller decides whose students the
    queryset holds (``Student.objects.visible_to``)."""
    on = on or today()
    kpi, _, parameter = kpi_id.partition("/")
    if kpi == "K-08":
        year = int(parameter)
        return queryset.filter(mbo_diploma_on__gte=year_start(year), mbo_diploma_on__lte=year_end(year))
    if kpi == "K-09":
        year = int(parameter.split("/")[0])
        return queryset.filter(enrolments__school_year=year, enrolments__route_year=1).distinct()
    if kpi not in BEHIND or (kpi == "K-02" and parameter and parameter not in core.DESTINATIONS):
        raise ValueError(f"Onbekende KPI {kpi_id!r}.")
    flag = "zij" if kpi_id == core.ZIJ_INSTROOM else BEHIND[kpi]
    state, params = state_sql(queryset.filter(cohort=cohort), on)
    sql, more = f"{state} SELECT sid FROM state WHERE {flag} = 1", []
    if kpi == "K-04":
        sql, more = sql + " AND elapsed <= %s", [int(parameter)]
    elif kpi == "K-02" and parameter:
        destinations = [parameter, ""] if parameter == core.UNRECORDED_AS else [parameter]
        sql += f" AND out_to IN ({', '.join(['%s'] * len(destinations))})"
        more = destinations
    ids = [row["sid"] for row in _fetch(sql, [*params, *more])]
    return queryset.filter(pk__in=ids)


def students_with(queryset: QuerySet, flag: str, cohort: int, on: date | None = None) -> QuerySet:
    """The cohort members of ``queryset`` with one of the state's flags (``FLAGS``) set on ``on``: e.g.
    "counted", the holders K-05's denominator counts."""
    if flag not in FLAGS:
        raise ValueError(f"Onbekende toestand {flag!r}.")
    state, params = state_sql(queryset.filter(cohort=cohort), on or today())
    return queryset.filter(pk__in=[row["sid"] for row in _fetch(f"{state} SELECT sid FROM state WHERE {flag} = 1",
                                                                params)])


def suppressed(figures: list[Figure], hidden=()) -> list[Figure]:
    """The figures as shown outside the route's partners: no count from 1 to 4 readable or derivable
    (``domain.kpi.suppress_figures``); ``hidden``: ids to hide in any case (and not give away)."""
    return core.suppress_figures(figures, hidden)
