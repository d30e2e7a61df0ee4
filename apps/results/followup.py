"""K-12 succes na doorstroom, in the database: of a cohort's K-05 doorstromers (a diploma whose first
1 October has passed and enrolled at a higher mbo level or in the hbo on it), the % with a follow-up
record of a diploma at a level higher than the route's diploma on or before D: a ``vervolgdiploma``
event (entered on the student's page or over the API by the staff who may change the student).

The doorstromers are the engine's own K-05 numerator (the ``doorstroom`` flag of ``engine.state_sql``),
so K-12's denominator is always K-05's numerator; one aggregating query over the engine's state for any
number of cohorts, grouped per route where asked (``succes_by_route``, beside
``engine.cohort_figures_by_route``). The callers add the figure to the engine's cohort figures
(``with_succes``, ``with_succes_by_route``); ``domain.kpi.reference_cohort`` computes the same (the tests
hold the two).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Coalesce

from apps.students.models import Event, EventKind
from domain import kpi as core
from domain.kpi import Figure, figure

from . import engine

KPI = "K-12"


def _diploma_level():
    """The level of the route's diploma: its kwalificatie's (kept on the student), else the
    uitstroomrichting's, else 2 (as K-05 reads it)."""
    return Coalesce(F("mbo_diploma_level"), F("kwalificatie__level"), Value(core.STARTKWALIFICATIE_LEVEL))


def _followed(on: date) -> Exists:
    """A vervolgdiploma on or before ``on`` at a level above the route's diploma."""
    return Exists(Event.objects.filter(student=OuterRef("pk"), kind=EventKind.VERVOLGDIPLOMA, date__lte=on,
                                       level__gt=OuterRef("k12_level")))


def _doorstromers(queryset: QuerySet, cohort: int, on: date) -> QuerySet:
    return engine.students_behind(queryset, "K-05", cohort, on).annotate(k12_level=_diploma_level())


# Per route (or 0) and cohort: the doorstromers on the day, and those of them with a vervolgdiploma on or
# before it at a level above the route's diploma (its level as K-05 reads it, else 2).
SUCCES_SQL = """
{state} SELECT s.grp, s.yr, COUNT(*) AS doorstromers,
       SUM(CASE WHEN EXISTS (SELECT 1 FROM {event} v WHERE v.student_id = s.sid AND v.kind = %s
                             AND v.date <= d.on_day AND v.level > COALESCE(s.level, %s)) THEN 1 ELSE 0 END) AS followed
FROM state s CROSS JOIN peil d
WHERE s.doorstroom = 1
GROUP BY s.grp, s.yr
"""


def _sums(students: QuerySet, cohorts: list[int], on: date, by_route: bool) -> dict[tuple[int, int], tuple[int, int]]:
    """(route or 0, cohort) -> (followed, doorstromers): one query."""
    state, params = engine.state_sql(students.filter(cohort__in=cohorts), on, by_route)
    sql = SUCCES_SQL.format(state=state, event=Event._meta.db_table)
    rows = engine._fetch(sql, [*params, EventKind.VERVOLGDIPLOMA.value, core.STARTKWALIFICATIE_LEVEL])
    return {(row["grp"], row["yr"]): (row["followed"] or 0, row["doorstromers"] or 0) for row in rows}


def _figure(sums: dict, key: tuple[int, int]) -> Figure:
    followed, doorstromers = sums.get(key, (0, 0))
    return figure(KPI, followed, doorstromers)


def succes_of(scope: engine.Scope, cohorts: Iterable[int], on: date | None = None) -> dict[int, Figure]:
    """K-12 of each of ``cohorts`` in ``scope`` on ``on`` (default today), in one query: cohort -> figure."""
    on, cohorts = on or engine.today(), list(cohorts)
    sums = _sums(engine.students_in(scope), cohorts, on, by_route=False) if cohorts else {}
    return {c: _figure(sums, (0, c)) for c in cohorts}


def succes(scope: engine.Scope, cohort: int, on: date | None = None) -> Figure:
    """K-12 of ``cohort`` in ``scope`` on ``on`` (default today): numerator the doorstromers with a
    vervolgdiploma by then, denominator the doorstromers (K-05's numerator)."""
    return succes_of(scope, [cohort], on)[cohort]


def succes_by_route(scope: engine.Scope, cohorts: Iterable[int], on: date | None = None, routes=None) \
        -> dict[int, dict[int, Figure]]:
    """K-12 per route of the scope and cohort, in one query: route id -> cohort -> the figure
    ``succes(Scope(route=<id>, <the scope's other fields>), cohort, on)`` gives; the routes as
    ``engine.cohort_figures_by_route`` takes them."""
    on, cohorts = on or engine.today(), list(cohorts)
    ids = list(engine.route_lengths(scope, routes))
    students = engine.students_in(scope).filter(route__in=ids)
    sums = _sums(students, cohorts, on, by_route=True) if ids and cohorts else {}
    return {route: {c: _figure(sums, (route, c)) for c in cohorts} for route in ids}


def _insert(figures: list[Figure], k12: Figure) -> list[Figure]:
    """K-12 after K-11 (once: a list that has it already stays)."""
    if any(f.id == KPI for f in figures):
        return figures
    at = next((i + 1 for i, f in enumerate(figures) if f.id == "K-11"), len(figures))
    return [*figures[:at], k12, *figures[at:]]


def with_succes(figures: list[Figure], scope: engine.Scope, cohort: int, on: date | None = None) -> list[Figure]:
    """The engine's cohort figures with K-12 added after K-11 (once: a list that has it already stays)."""
    if any(f.id == KPI for f in figures):
        return figures
    return _insert(figures, succes(scope, cohort, on))


def with_succes_of(per_cohort: dict[int, list[Figure]], scope: engine.Scope, on: date | None = None) \
        -> dict[int, list[Figure]]:
    """``engine.cohort_figures_of``'s answer with K-12 added to each cohort's figures: one query."""
    k12 = succes_of(scope, per_cohort, on)
    return {c: _insert(figures, k12[c]) for c, figures in per_cohort.items()}


def with_succes_by_route(grouped: dict[int, dict[int, list[Figure]]], scope: engine.Scope, on: date | None = None) \
        -> dict[int, dict[int, list[Figure]]]:
    """``engine.cohort_figures_by_route``'s answer with K-12 added to each route's cohort figures: one query."""
    cohorts = sorted({c for per_cohort in grouped.values() for c in per_cohort})
    k12 = succes_by_route(scope, cohorts, on, routes=list(grouped))
    return {route: {c: _insert(figures, k12[route][c]) for c, figures in per_cohort.items()}
            for route, per_cohort in grouped.items()}


def students_behind(queryset: QuerySet, cohort: int, on: date | None = None) -> QuerySet:
    """The students of ``queryset`` in K-12's numerator (the caller decides whose students it holds)."""
    on = on or engine.today()
    return _doorstromers(queryset, cohort, on).filter(_followed(on))
