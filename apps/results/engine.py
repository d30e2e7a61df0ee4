"""The KPI engine: the figures of domain.md section 7 computed in the database with aggregating
queries over Student and Event (one query per cohort or school year, never a loop over students), on
SQLite and PostgreSQL alike. ``domain.kpi`` holds the catalogue, the writing of figures and a
reference computation, one student at a time; the tests hold this engine to it.

A scope is a route (optionally one uitstroomrichting of it), a vo-school, an mbo institution, a region
or the whole country; cohort figures are "on date D" (default today), yearly figures per school year.

Where the state on D differs from the students' summary fields (a student who left after D, who came
back, ...), it is read from the events: the last uitstroom and the last terugkeer on or before D decide
whether a student is out of the route on D. The mbo diploma is final and read from the summary field.

Not here: K-10 (bereik) needs population counts per region that the registry does not hold yet, and
K-12 (succes na doorstroom) needs follow-up records of a diploma at the higher level that the register
does not hold; the reference computes K-12 for when it does.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, ExtractDay, ExtractMonth, ExtractYear
from django.utils import timezone

from apps.routes.models import Route, RoutePartner
from apps.students.models import Event, EventKind, Student
from domain import kpi as core
from domain.calendar import end_of_year, latest_teldatum, year_end, year_start
from domain.kpi import Figure, figure

__all__ = ["Figure", "Scope", "cohort_figures", "year_figures", "cohorts_in", "trend", "students_behind",
           "suppressed", "route_length", "students_in", "jaarresultaat"]


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
        students = students.filter(route__in=routes_in(scope))
    if scope.kwalificatie is not None:
        students = students.filter(kwalificatie=scope.kwalificatie)
    if scope.vo_school is not None:
        students = students.filter(_own_school("vo_school", "vo", scope.vo_school))
    if scope.mbo_institution is not None:
        students = students.filter(_own_school("mbo_institution", "mbo", scope.mbo_institution))
    return students


def route_length(scope: Scope) -> int:
    """The longest route of the scope in route years (its years, or its study duration)."""
    routes = routes_in(scope) if scope.route is not None or scope.region is not None else \
        Route.objects.filter(pk__in=students_in(scope).values("route"))
    lengths = routes.annotate(n=Count("years")).values_list("n", "study_duration_years")
    return max((max(n or 0, d or 0) for n, d in lengths), default=0)


# -- the state on a day, as annotations --------------------------------------------------------------

def _events(kind, on: date, **more) -> QuerySet:
    return Event.objects.filter(student=OuterRef("pk"), kind=kind, date__lte=on, **more)


def _latest(kind, on: date, field: str = "date") -> Subquery:
    return Subquery(_events(kind, on).order_by("-date", "-pk").values(field)[:1])


def _flag(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


DOORSTROOM_RANK = Case(*(When(doorstroom_level=level, then=Value(rank))
                         for level, rank in core.DOORSTROOM_LEVELS.items()),
                       default=Value(0), output_field=IntegerField())


def _switched(on: date) -> Exists:
    """K-11: a switch on or before ``on`` to a kwalificatie other than one chosen before it (the
    first choice of an uitstroomrichting left open is not a switch)."""
    earlier = (Event.objects.filter(student=OuterRef("student"), kwalificatie__isnull=False,
                                    kind__in=(EventKind.INSTROOM, EventKind.ZIJ_INSTROOM, EventKind.SWITCH))
               .filter(Q(date__lt=OuterRef("date")) | Q(date=OuterRef("date"), pk__lt=OuterRef("pk")))
               .exclude(kwalificatie=OuterRef("kwalificatie")))
    return Exists(_events(EventKind.SWITCH, on, kwalificatie__isnull=False).filter(Exists(earlier)))


def _doorstroom_in_time() -> Exists:
    """A doorstroom event dated on or before the first 1 October after the diploma (that 1 October
    falls in the diploma's calendar year, or the next one for a diploma from 1 October on)."""
    events = (Event.objects.filter(student=OuterRef("pk"), kind=EventKind.DOORSTROOM)
              .annotate(y=ExtractYear("date"), m=ExtractMonth("date"), d=ExtractDay("date")))
    teldatum_year = OuterRef("teldatum_year")
    return Exists(events.filter(Q(y__lt=teldatum_year) | Q(y=teldatum_year, m__lt=10)
                                | Q(y=teldatum_year, m=10, d=1)))


# Which base annotations each flag needs (the flags are built only when asked for: an aggregate over
# annotated rows computes every annotation of the query).
NEEDS = {"gone": ("last_out", "last_back"), "vsv": ("last_out", "last_back", "out_to"),
         "bound": ("last_out", "last_back", "level"), "doorstroom": ("level", "teldatum_year", "rank")}
FLAGS = ("member", "zij", "holder", "gone", "vsv", "bound", "counted", "doorstroom", "switched", "half_years")


def _base(name: str, on: date):
    if name == "level":
        diploma_level = Subquery(Event.objects.filter(student=OuterRef("pk"), kind=EventKind.MBO_DIPLOMA)
                                 .order_by("-date", "-pk").values("kwalificatie__level")[:1])
        return Coalesce(diploma_level, F("kwalificatie__level"))
    return {"last_out": lambda: _latest(EventKind.UITSTROOM, on),
            "last_back": lambda: _latest(EventKind.TERUGKEER, on),
            "out_to": lambda: _latest(EventKind.UITSTROOM, on, "destination"),
            "teldatum_year": lambda: ExtractYear("mbo_diploma_on") + _flag(Q(mbo_diploma_on__month__gte=10)),
            "rank": lambda: DOORSTROOM_RANK}[name]()


def _flags(on: date) -> dict:
    entry = Event.objects.filter(student=OuterRef("pk"), kind__in=(EventKind.INSTROOM, EventKind.ZIJ_INSTROOM),
                                 date__lte=on)
    holder = Q(mbo_diploma_on__lte=on)
    gone = Q(last_out__isnull=False) & (Q(last_back__isnull=True) | Q(last_back__lte=F("last_out"))) & ~holder
    startkwalificatie = holder & (Q(level__isnull=True) | Q(level__gte=core.STARTKWALIFICATIE_LEVEL))
    counted = holder & Q(mbo_diploma_on__lt=latest_teldatum(on))
    return {
        "member": lambda: _flag(Exists(entry)),
        "zij": lambda: _flag(Q(zij_instroom=True)),
        "holder": lambda: _flag(holder),
        "gone": lambda: _flag(gone),
        "vsv": lambda: _flag(gone & Q(out_to__in=core.DESTINATIONS_VSV)),
        "bound": lambda: _flag((~gone & ~holder) | startkwalificatie),
        "counted": lambda: _flag(counted),
        "doorstroom": lambda: _flag(counted & _doorstroom_in_time()
                                    & Q(rank__gt=Coalesce(F("level"), Value(core.STARTKWALIFICATIE_LEVEL)))),
        "switched": lambda: _flag(_switched(on)),
        "half_years": _half_years,
    }


def with_state(students: QuerySet, on: date, only=FLAGS) -> QuerySet:
    """The students with their state on ``on`` as 0/1 flags (``only`` those named): member (entered by
    then), zij, holder (mbo diploma by then), gone (out of the route), vsv, bound (in the route or with a
    startkwalificatie), counted (a diploma whose first 1 October has passed), doorstroom (enrolled higher
    on it), switched, and half_years (K-06, see ``_half_years``)."""
    bases = [name for flag in only for name in NEEDS.get(flag, ()) if name]
    students = students.annotate(**{name: _base(name, on) for name in dict.fromkeys(bases)})
    flags = _flags(on)
    return students.annotate(**{flag: flags[flag]() for flag in only})


def _half_years():
    """K-06 per holder in half years, before subtracting the cohort: 2 x the diploma's school year,
    minus 1 for a diploma dated 1 August - 31 January (see ``domain.kpi.half_years``)."""
    school_year = ExtractYear("mbo_diploma_on") - Case(When(mbo_diploma_on__month__lt=8, then=Value(1)),
                                                       default=Value(0), output_field=IntegerField())
    early = Case(When(Q(mbo_diploma_on__month__gte=8) | Q(mbo_diploma_on__month=1), then=Value(1)),
                 default=Value(0), output_field=IntegerField())
    return 2 * school_year - early


# -- cohort figures --------------------------------------------------------------------------------

def today() -> date:
    return timezone.localdate()


def _member_sum(flag: str) -> Sum:
    return Sum(flag, filter=Q(member=1), default=0)


def cohort_figures(scope: Scope, cohort: int, on: date | None = None) -> list[Figure]:
    """The cohort KPIs of ``cohort`` in ``scope`` on ``on`` (default today), in one aggregating query:
    K-01 (and its zij-instroom, K-01/zij), K-02, K-03, K-04/k for k = 2..route length (at least 4),
    K-05, K-06, K-07, K-11."""
    on = on or today()
    ks = core.k_range(route_length(scope))
    students = with_state(students_in(scope).filter(cohort=cohort), on)
    diploma_by = {k: min(end_of_year(cohort, k), on) for k in ks}
    flags = ("member", "zij", "gone", "vsv", "holder", "counted", "doorstroom", "bound", "switched")
    sums = students.aggregate(   # aliases apart from the annotations' names (an alias may not shadow one)
        **{f"sum_{flag}": _member_sum(flag) for flag in flags},
        sum_halves=Sum("half_years", filter=Q(member=1, holder=1), default=0),
        **{f"sum_k{k}": Count("pk", filter=Q(member=1, mbo_diploma_on__lte=by)) for k, by in diploma_by.items()},
    )
    sums = {key.removeprefix("sum_"): value for key, value in sums.items()}
    sums["n"], sums["holders"], sums["halves"] = sums["member"], sums["holder"], sums["halves"]
    n, holders = sums["n"], sums["holders"]
    halves = sums["halves"] - 2 * (cohort - 1) * holders     # per holder: from the cohort's first school year
    return [
        figure("K-01", n, None), figure("K-01/zij", sums["zij"], None),
        figure("K-02", sums["gone"], n), figure("K-03", sums["vsv"], n),
        *(figure(f"K-04/{k}", sums[f"k{k}"], n) for k in ks),
        figure("K-05", sums["doorstroom"], sums["counted"]),
        figure("K-06", None, holders, core.mean_years(halves, holders)),
        figure("K-07", sums["bound"], n),
        figure("K-11", sums["switched"], n),
    ]


def cohorts_in(scope: Scope) -> list[int]:
    """The cohorts the scope has students in, oldest first (for trends)."""
    return list(students_in(scope).order_by("cohort").values_list("cohort", flat=True).distinct())


def trend(scope: Scope, kpi_id: str, cohorts, on: date | None = None) -> list[Figure]:
    """One figure per cohort (for charts): ``kpi_id`` of each cohort on ``on`` (default today); a
    cohort without the figure (K-04/k beyond the route's length) gives none."""
    figures = []
    for cohort in cohorts:
        figures += [f for f in cohort_figures(scope, cohort, on) if f.id == kpi_id]
    return figures


# -- yearly figures --------------------------------------------------------------------------------

def year_figures(scope: Scope, school_year: int) -> list[Figure]:
    """K-08 jaarresultaat of ``school_year`` over all cohorts of the scope (and the yearly uitval beside
    it, K-08/<year>/uitval, which yearly benchmarks are compared with), and K-09 groepsgrootte: the
    intake in route year 1 of that school year from the register (for a whole route also per group of
    the route's minimum scope, K-09/<year>/<group>)."""
    diplomas, ended = _year_ends(scope, school_year)
    intake = (students_in(scope).filter(enrolments__school_year=school_year, enrolments__route_year=1)
              .aggregate(n=Count("pk", distinct=True))["n"])
    return [figure(f"K-08/{school_year}", diplomas, diplomas + ended),
            figure(f"K-08/{school_year}/{core.YEARLY_UITVAL}", ended, _present(scope, school_year)),
            figure(f"K-09/{school_year}", intake, None),
            *_intake_groups(scope, school_year)]


def jaarresultaat(scope: Scope, school_year: int) -> Figure:
    """K-08 of one school year alone (one query)."""
    diplomas, ended = _year_ends(scope, school_year)
    return figure(f"K-08/{school_year}", diplomas, diplomas + ended)


def _year_ends(scope: Scope, school_year: int) -> tuple[int, int]:
    """The diplomas dated in the school year, and the students whose time in the route ended in it
    without a diploma and who did not come back before its end."""
    start, end = year_start(school_year), year_end(school_year)
    students = students_in(scope).annotate(last_out=_latest(EventKind.UITSTROOM, end),
                                           last_back=_latest(EventKind.TERUGKEER, end))
    diploma = Q(mbo_diploma_on__gte=start, mbo_diploma_on__lte=end)
    ended = (Q(last_out__gte=start, last_out__lte=end) & ~diploma
             & (Q(last_back__isnull=True) | Q(last_back__lte=F("last_out"))))
    sums = students.aggregate(sum_diplomas=Count("pk", filter=diploma), sum_ended=Count("pk", filter=ended))
    return sums["sum_diplomas"], sums["sum_ended"]


def _present(scope: Scope, school_year: int) -> int:
    """The students in the route on some day of the school year: in it on the day before it starts, or
    entering or coming back during it."""
    start, end = year_start(school_year), year_end(school_year)
    came = Event.objects.filter(student=OuterRef("pk"), date__gte=start, date__lte=end,
                                kind__in=(EventKind.INSTROOM, EventKind.ZIJ_INSTROOM, EventKind.TERUGKEER))
    return (with_state(students_in(scope), start - timedelta(days=1), only=("member", "gone", "holder"))
            .annotate(came=_flag(Exists(came)))
            .aggregate(n=Count("pk", filter=Q(member=1, gone=0, holder=0) | Q(came=1)))["n"])


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

def students_behind(queryset: QuerySet, kpi_id: str, cohort: int, on: date | None = None) -> QuerySet:
    """The students of ``queryset`` counted in the numerator of ``kpi_id`` for ``cohort`` on ``on``
    (K-06: the diploma holders it averages; K-08/<year>: the diplomas of that school year; K-09/<year>:
    the intake). The caller decides whose students the queryset holds (``Student.objects.visible_to``)."""
    on = on or today()
    kpi, _, parameter = kpi_id.partition("/")
    if kpi == "K-08":
        year = int(parameter)
        return queryset.filter(mbo_diploma_on__gte=year_start(year), mbo_diploma_on__lte=year_end(year))
    if kpi == "K-09":
        year = int(parameter.split("/")[0])
        return queryset.filter(enrolments__school_year=year, enrolments__route_year=1).distinct()
    flags = {"K-01": "member", "K-02": "gone", "K-03": "vsv", "K-04": "member", "K-05": "doorstroom",
             "K-06": "holder", "K-07": "bound", "K-11": "switched"}
    if kpi not in flags:
        raise ValueError(f"Onbekende KPI {kpi_id!r}.")
    flag = "zij" if kpi_id == core.ZIJ_INSTROOM else flags[kpi]
    students = with_state(queryset.filter(cohort=cohort), on, only=tuple(dict.fromkeys(("member", flag))))
    students = students.filter(**{"member": 1, flag: 1})
    if kpi == "K-04":
        return students.filter(mbo_diploma_on__lte=min(end_of_year(cohort, int(parameter)), on))
    return students


def suppressed(figures: list[Figure]) -> list[Figure]:
    """The figures as shown outside the route's partners: no count from 1 to 4 readable or derivable
    (``domain.kpi.suppress_figures``)."""
    return core.suppress_figures(figures)
