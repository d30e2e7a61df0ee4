"""K-12 succes na doorstroom, in the database: of a cohort's K-05 doorstromers (a diploma whose first
1 October has passed and enrolled at a higher mbo level or in the hbo on it), the % with a follow-up
record of a diploma at a level higher than the route's diploma on or before D: a ``vervolgdiploma``
event (entered on the student's page or over the API by the staff who may change the student).

The doorstromers are the engine's own K-05 numerator (``engine.students_behind``), so K-12's denominator
is always K-05's numerator; one aggregating query. The callers add the figure to the engine's cohort
figures (``with_succes``); ``domain.kpi.reference_cohort`` computes the same (the tests hold the two).
"""
from __future__ import annotations

from datetime import date

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Value
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


def succes(scope: engine.Scope, cohort: int, on: date | None = None) -> Figure:
    """K-12 of ``cohort`` in ``scope`` on ``on`` (default today): numerator the doorstromers with a
    vervolgdiploma by then, denominator the doorstromers (K-05's numerator)."""
    on = on or engine.today()
    sums = (_doorstromers(engine.students_in(scope), cohort, on).annotate(k12_followed=_followed(on))
            .aggregate(k12_n=Count("pk"), k12_k=Count("pk", filter=Q(k12_followed=True))))
    return figure(KPI, sums["k12_k"], sums["k12_n"])


def with_succes(figures: list[Figure], scope: engine.Scope, cohort: int, on: date | None = None) -> list[Figure]:
    """The engine's cohort figures with K-12 added after K-11 (once: a list that has it already stays)."""
    if any(f.id == KPI for f in figures):
        return figures
    k12 = succes(scope, cohort, on)
    at = next((i + 1 for i, f in enumerate(figures) if f.id == "K-11"), len(figures))
    return [*figures[:at], k12, *figures[at:]]


def students_behind(queryset: QuerySet, cohort: int, on: date | None = None) -> QuerySet:
    """The students of ``queryset`` in K-12's numerator (the caller decides whose students it holds)."""
    on = on or engine.today()
    return _doorstromers(queryset, cohort, on).filter(_followed(on))
