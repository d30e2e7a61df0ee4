"""K-10 bereik, in the database: of the vmbo students of a region (or the country) in vmbo leerjaar L
(default 3, where routes start; a parameter) on 1 October of school year Y, per leerweg, the share that
follows a legal route (DLR/GLR).

- Denominator: the population counts a beheerder imported (``registry.PopulationCount``, DUO's counts
  per vestiging) of the region's vmbo schools (vo institutions in the region, praktijkonderwijs and vso
  left out), leerjaar L, school year Y.
- Numerator: the students of the region's legal routes (a route of the region, or one of whose
  vo-schools is in it, not ended before Y) enrolled on 1 October of Y whose vmbo leerjaar (vmbo
  leerjaar at start + route year - 1) is L, per their leerweg.

Figures "K-10/<year>/<leerweg>" per leerweg of the registry and "K-10/<year>" over all of them; K-10 is a
regional or national figure, always shown suppressed (``domain.kpi.suppress_figures``: the total and its
parts are checked together). The coverage page and the regional report (``apps.regional``) show the
same counts from here. Two aggregating queries, whatever the size of the region."""
from __future__ import annotations

from dataclasses import dataclass, replace

from django.db.models import Count, F, Q, QuerySet, Sum

from apps.registry.models import Institution, Leerweg, PopulationCount
from apps.routes.models import Route
from apps.students.models import Enrolment
from domain import kpi as core
from domain.calendar import teldatum, year_start
from domain.facts import DLR_TYPES
from domain.kpi import Figure, figure

KPI = "K-10"
DEFAULT_LEERJAAR = 3
LEERJAREN = (1, 2, 3, 4)
NOT_VMBO_KINDS = (Institution.Kind.PRO, Institution.Kind.VSO)


@dataclass(frozen=True)
class Count10:
    """K-10's counts for one leerweg: students in a legal route / the region's students (leerjaar L)."""
    leerweg: str
    numerator: int
    denominator: int


def vmbo_schools(region: int | None) -> QuerySet:
    """The vmbo schools of a region (None: of the country): vo institutions, praktijkonderwijs and vso
    left out."""
    schools = Institution.objects.filter(sector=Institution.Sector.VO).exclude(kind__in=NOT_VMBO_KINDS)
    return schools.filter(regions=region) if region is not None else schools


def routes_of_region(region: int | None, school_year: int) -> QuerySet:
    """The routes of a region (``Route.objects.in_region``; None: of the country) in a school year, any
    type and phase: not ended before the school year."""
    routes = Route.objects.exclude(end_date__lt=year_start(school_year))
    return routes if region is None else routes.in_region(region)


def counts(region: int | None, school_year: int, leerjaar: int = DEFAULT_LEERJAAR) -> list[Count10]:
    """K-10's counts per leerweg of the registry (in its order), for a region or (None) the country."""
    denominators = dict(PopulationCount.objects.filter(school_year=school_year, leerjaar=leerjaar,
                                                       institution__in=vmbo_schools(region).values("pk"))
                        .values("leerweg__code").annotate(n=Sum("count")).values_list("leerweg__code", "n"))
    day = teldatum(school_year)
    legal = routes_of_region(region, school_year).filter(type__in=DLR_TYPES).values("pk")
    numerators = dict(
        Enrolment.objects.filter(school_year=school_year, student__route__in=legal, start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gte=day))
        .annotate(leerjaar=F("student__vmbo_year_at_start") + F("route_year") - 1).filter(leerjaar=leerjaar)
        .values("student__leerweg__code").annotate(n=Count("student", distinct=True))
        .values_list("student__leerweg__code", "n"))
    return [Count10(code, numerators.get(code, 0), denominators.get(code, 0))
            for code in Leerweg.objects.values_list("code", flat=True)]


def _labelled(f: Figure, leerjaar: int) -> Figure:
    return f if leerjaar == DEFAULT_LEERJAAR else replace(f, label=f"{f.label}, leerjaar {leerjaar}")


def figures(rows, school_year: int) -> list[Figure]:
    """K-10's figures from its counts per leerweg (``Count10``, or anything with leerweg, numerator and
    denominator), unsuppressed: "K-10/<year>" over all leerwegen, then "K-10/<year>/<leerweg>"."""
    parts = [figure(f"{KPI}/{school_year}/{row.leerweg}", row.numerator, row.denominator) for row in rows]
    total = figure(f"{KPI}/{school_year}", sum(r.numerator for r in rows), sum(r.denominator for r in rows))
    return [total, *parts]


def bereik(region: int | None, school_year: int, leerjaar: int = DEFAULT_LEERJAAR) -> list[Figure]:
    """K-10 of a school year, unsuppressed: "K-10/<year>/<leerweg>" per leerweg and "K-10/<year>" over
    all leerwegen (the caller suppresses: ``shown``)."""
    return [_labelled(f, leerjaar) for f in figures(counts(region, school_year, leerjaar), school_year)]


def shown(region: int | None, school_year: int, leerjaar: int = DEFAULT_LEERJAAR) -> list[Figure]:
    """K-10 as every reader sees it: suppressed (no count from 1 to 4 readable or derivable)."""
    return core.suppress_figures(bereik(region, school_year, leerjaar))
