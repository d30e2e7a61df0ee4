"""Coverage of a region (domain brief, section 7 "Coverage", and K-10 bereik).

For a region and a school year: which vmbo profiel × mbo level (2, 3, 4) cells have an active legal
route (DLR/GLR) and which vo-schools offer it; the gaps (the region has vmbo students in the profiel,
by the imported DUO population counts, but no route at that level); the same per gemeente (or
stadsdeel); the region's vmbo schools without any form of route ("12 of 41"); and K-10 bereik, which
``apps.results.reach`` computes (the same numbers as ``GET /api/v1/kpis?region=``).

Everything is counted by the database (a handful of aggregate queries); Python only arranges the
few routes and schools of one region. The figures here are raw: a page or API answer that shows a
student count outside a route's partners passes it through ``apps.core.lib.suppression.suppress``.

Which routes count in school year Y (the phase is read from the route's phase history: the last
phase of the school year, so a route that started in it counts, and one stopped during it counts
with the phase it had before; an earlier year shows the routes as they were then; a route without
history has its current phase):
- *offering* (a cell is covered): type DLR or GLR, phase opstartfase, 1e cohort or regulier, started
  (start year Y or earlier, or not recorded) and not ended before Y;
- *in development*: the same type with phase "in ontwikkeling": shown in the cell, but the cell is
  still a gap, since no student can enter it yet;
- *some form of route* (for the schools with and without a route): any type, in development or
  running, not stopped or ended before Y: the Amsterdam inventory counts gestapelde and
  gedeeltelijke routes and routes in development among its 12 schools "with some form of route".
A route belongs to the region when the region is its own region or one of its vo-schools is in it.
A route's profielen are its own; a route that records none takes those related (R-02 table) to the
kwalificaties of its active uitstroomrichtingen. Its levels are those of its active uitstroomrichtingen."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from apps.registry.models import Institution, PopulationCount, Profiel, ProfielKwalificatie, Region
from apps.results import reach
from apps.routes.models import Phase, PhaseChange, Route, RoutePartner, Uitstroomrichting
from domain.calendar import year_end, year_start
from domain.facts import DLR_TYPES
from domain.kpi import percentage, suppress_figures
from domain.suppression import HIDDEN, LIMIT, SMALL

LEVELS = (2, 3, 4)
RUNNING = (Phase.OPSTARTFASE, Phase.EERSTE_COHORT, Phase.REGULIER)
DEVELOPING = (Phase.IN_ONTWIKKELING,)
NOT_VMBO_KINDS = reach.NOT_VMBO_KINDS
DEFAULT_BEREIK_LEERJAAR = reach.DEFAULT_LEERJAAR


@dataclass
class SchoolRef:
    id: int
    brin: str
    name: str
    areas: list[str] = field(default_factory=list)


@dataclass
class RouteRef:
    id: int
    name: str
    type: str
    phase: str
    vo_schools: list[SchoolRef] = field(default_factory=list)


@dataclass
class Cell:
    profiel: str
    level: int
    routes: list[RouteRef] = field(default_factory=list)      # offering: students can enter
    developing: list[RouteRef] = field(default_factory=list)  # in development
    students: int = 0                                          # the area's vmbo students in the profiel

    @property
    def gap(self) -> bool:
        return self.students > 0 and not self.routes

    @property
    def schools(self) -> list[SchoolRef]:
        """The vo-schools offering a route in this cell (each once)."""
        seen = {}
        for route in self.routes:
            for school in route.vo_schools:
                seen.setdefault(school.id, school)
        return sorted(seen.values(), key=lambda s: s.name)


@dataclass
class Matrix:
    """Profiel × level for one area (the whole region or one gemeente)."""
    area: str
    profielen: list[tuple[str, str]]                     # (code, name) in the registry's order
    cells: dict[tuple[str, int], Cell]
    students_by_profiel: dict[str, int]

    def row(self, profiel: str) -> list[Cell]:
        return [self.cells[(profiel, level)] for level in LEVELS]

    @property
    def gaps(self) -> list[Cell]:
        return [cell for cell in self.cells.values() if cell.gap]


@dataclass
class Coverage:
    region: Region
    school_year: int
    matrix: Matrix
    by_area: list[Matrix]
    schools: list[SchoolRef]                  # the region's vmbo schools
    schools_with_route: list[SchoolRef]
    schools_without_route: list[SchoolRef]
    has_population: bool

    @property
    def gaps(self) -> list[Cell]:
        return self.matrix.gaps


def region_schools(region: Region):
    """The region's vmbo schools: vo institutions in the region, praktijkonderwijs and vso left out
    (``apps.results.reach.vmbo_schools``, the schools K-10 counts)."""
    return reach.vmbo_schools(region.pk).order_by("name")


def routes_in_year(region: Region, school_year: int):
    """The routes of the region (``Route.objects.in_region``) that had not ended before the school
    year, with what ``_phase`` needs to know their phase in it."""
    history = PhaseChange.objects.filter(route=OuterRef("pk"))
    in_year = history.filter(since__lte=year_end(school_year)).order_by("-since", "-pk")
    return (Route.objects.in_region(region)
            .annotate(has_history=Exists(history))
            .annotate(phase_end=Coalesce(Subquery(in_year.values("phase")[:1]), Value("")),
                      last_change=Subquery(in_year.values("since")[:1]),
                      phase_before_stop=Coalesce(Subquery(in_year.exclude(phase=Phase.GESTOPT).values("phase")[:1]),
                                                 Value("")))
            .annotate(current_phase=F("phase"))
            .exclude(end_date__lt=year_start(school_year)))


def _phase(route, school_year: int) -> str:
    """The route's phase in the school year: its last phase of the year; the one before when it
    stopped during the year; its current phase when it has no history."""
    if not route.has_history:
        return route.current_phase
    if route.phase_end == Phase.GESTOPT and route.last_change and route.last_change >= year_start(school_year):
        return route.phase_before_stop
    return route.phase_end


def _offering(route, school_year: int) -> bool:
    return (route.type in DLR_TYPES and _phase(route, school_year) in RUNNING
            and (route.start_year is None or route.start_year <= school_year))


def _some_form(route, school_year: int) -> bool:
    return _phase(route, school_year) in (*RUNNING, *DEVELOPING)


def _areas(region: Region, school_year: int, schools: list[Institution]) -> dict[int, list[str]]:
    """Each school's gemeente (with stadsdeel) from its population counts of the year; a school
    without counts: its gemeente region in the registry, else its city."""
    areas: dict[int, set[str]] = {}
    rows = (PopulationCount.objects.filter(school_year=school_year, institution__in=[s.pk for s in schools])
            .values_list("institution", "gemeente", "stadsdeel").distinct())
    for institution, gemeente, stadsdeel in rows:
        areas.setdefault(institution, set()).add(area_label(gemeente, stadsdeel))
    gemeenten = dict(Institution.regions.through.objects
                     .filter(institution__in=[s.pk for s in schools], region__kind=Region.Kind.GEMEENTE)
                     .values_list("institution", "region__name"))
    for school in schools:
        if school.pk not in areas:
            areas[school.pk] = {gemeenten.get(school.pk) or school.city or "?"}
    return {pk: sorted(names) for pk, names in areas.items()}


def area_label(gemeente: str, stadsdeel: str = "") -> str:
    gemeente = gemeente or "?"
    return f"{gemeente} – {stadsdeel}" if stadsdeel else gemeente


def _route_cells(routes: list) -> dict[int, set[tuple[str, int]]]:
    """(profiel code, level) pairs per route id, from two queries."""
    ids = [r.pk for r in routes]
    levels: dict[int, set[int]] = {}
    kwalificaties: dict[int, set[int]] = {}
    for route, level, kwalificatie in (Uitstroomrichting.objects.filter(route__in=ids, active=True)
                                       .values_list("route", "kwalificatie__level", "kwalificatie")):
        if level in LEVELS:
            levels.setdefault(route, set()).add(level)
            kwalificaties.setdefault(route, set()).add(kwalificatie)
    own: dict[int, set[str]] = {}
    for route, code in Route.profielen.through.objects.filter(route__in=ids).values_list("route", "profiel__code"):
        own.setdefault(route, set()).add(code)
    related: dict[int, set[str]] = {}
    all_kwal = {k for ks in kwalificaties.values() for k in ks}
    by_kwal: dict[int, set[str]] = {}
    for kwal, code in ProfielKwalificatie.objects.filter(kwalificatie__in=all_kwal).values_list(
            "kwalificatie", "profiel__code"):
        by_kwal.setdefault(kwal, set()).add(code)
    for route, ks in kwalificaties.items():
        related[route] = {code for k in ks for code in by_kwal.get(k, ())}
    return {rid: {(p, lvl) for p in (own.get(rid) or related.get(rid, set())) for lvl in levels.get(rid, ())}
            for rid in ids}


def _students_by_profiel(school_year: int, schools: list[int]) -> dict[str, int]:
    rows = (PopulationCount.objects.filter(school_year=school_year, institution__in=schools, profiel__isnull=False)
            .values("profiel__code").annotate(n=Sum("count")))
    return {row["profiel__code"]: row["n"] for row in rows}


def _students_by_area_profiel(school_year: int, schools: list[int]) -> dict[str, dict[str, int]]:
    rows = (PopulationCount.objects.filter(school_year=school_year, institution__in=schools, profiel__isnull=False)
            .values("gemeente", "stadsdeel", "profiel__code").annotate(n=Sum("count")))
    result: dict[str, dict[str, int]] = {}
    for row in rows:
        area = area_label(row["gemeente"], row["stadsdeel"])
        bucket = result.setdefault(area, {})
        bucket[row["profiel__code"]] = bucket.get(row["profiel__code"], 0) + row["n"]
    return result


def _matrix(area: str, profielen, legal: list[tuple[RouteRef, set, bool]], students: dict[str, int]) -> Matrix:
    cells = {(code, level): Cell(code, level, students=students.get(code, 0))
             for code, _name in profielen for level in LEVELS}
    for ref, pairs, offering in legal:
        for pair in pairs:
            if pair in cells:
                (cells[pair].routes if offering else cells[pair].developing).append(ref)
    return Matrix(area, profielen, cells, students)


def coverage(region: Region, school_year: int) -> Coverage:
    """The coverage of the region in the school year (see the module's docstring)."""
    schools = list(region_schools(region))
    school_ids = [s.pk for s in schools]
    areas = _areas(region, school_year, schools)
    refs = {s.pk: SchoolRef(s.pk, s.brin, s.name, areas.get(s.pk, [])) for s in schools}

    routes = [r for r in routes_in_year(region, school_year) if _some_form(r, school_year)]
    vo_partners: dict[int, list[int]] = {}
    outside = {}
    for route, inst, brin, name in (RoutePartner.objects.filter(route__in=[r.pk for r in routes], role="vo")
                                    .values_list("route", "institution", "institution__brin",
                                                 "institution__name")):
        vo_partners.setdefault(route, []).append(inst)
        if inst not in refs:
            outside[inst] = SchoolRef(inst, brin, name)
    with_route_ids = {inst for r in routes for inst in vo_partners.get(r.pk, ()) if inst in refs}

    legal_routes = [r for r in routes if r.type in DLR_TYPES]
    pairs = _route_cells(legal_routes)
    legal = []
    for r in legal_routes:
        vo = sorted((refs.get(i) or outside[i] for i in vo_partners.get(r.pk, ())), key=lambda s: s.name)
        ref = RouteRef(r.pk, r.name, r.type, _phase(r, school_year), vo)
        legal.append((ref, pairs[r.pk], _offering(r, school_year)))

    profielen = list(Profiel.objects.values_list("code", "name"))
    matrix = _matrix(region.name, profielen, legal, _students_by_profiel(school_year, school_ids))
    by_area_students = _students_by_area_profiel(school_year, school_ids)
    area_names = sorted({a for names in areas.values() for a in names} | set(by_area_students))
    by_area = []
    for area in area_names:
        in_area = [(ref, p, offering) for ref, p, offering in legal
                   if any(area in s.areas for s in ref.vo_schools)]
        by_area.append(_matrix(area, profielen, in_area, by_area_students.get(area, {})))

    return Coverage(
        region=region, school_year=school_year, matrix=matrix, by_area=by_area, schools=list(refs.values()),
        schools_with_route=[refs[i] for i in school_ids if i in with_route_ids],
        schools_without_route=[refs[i] for i in school_ids if i not in with_route_ids],
        has_population=PopulationCount.objects.filter(school_year=school_year, institution__in=school_ids).exists())


@dataclass
class Bereik:
    """K-10 of one leerweg as the coverage page and the regional report show it (the counts come from
    ``apps.results.reach``, where K-10 is computed)."""
    leerweg: str
    numerator: int
    denominator: int

    @property
    def value(self) -> Decimal | None:
        """Percentage, one decimal, half up; None ("–") for a denominator of 0."""
        return percentage(self.numerator, self.denominator)


def bereik(region: Region, school_year: int, leerjaar: int = DEFAULT_BEREIK_LEERJAAR) -> list[Bereik]:
    """K-10 per leerweg, unsuppressed (``apps.results.reach.counts``: the definition lives there)."""
    return [Bereik(row.leerweg, row.numerator, row.denominator)
            for row in reach.counts(region.pk, school_year, leerjaar)]


@dataclass(frozen=True)
class BereikShown:
    """One leerweg's K-10 as every reader sees it: counts as text ("12", "<5", "x"), the percentage
    only where both counts are shown (None: hidden, or a denominator 0)."""
    leerweg: str
    numerator: str
    denominator: str
    value: Decimal | None

    @property
    def hidden(self) -> bool:
        return not (self.numerator.isdigit() and self.denominator.isdigit())


def bereik_shown(rows: list[Bereik]) -> list[BereikShown]:
    """K-10 per leerweg as the coverage page, its API and the regional report show it: hidden exactly
    where ``GET /api/v1/kpis`` hides it (``domain.kpi.suppress_figures`` over the total and its
    leerwegen: a count from 1 to 4, or one that the total, the other leerwegen or the rest - the students
    in no route - would give away). A hidden numerator reads "<5" when it is from 1 to 4 and "x"
    otherwise, without a percentage; the denominator (DUO's count) is hidden only when it is from 1 to 4
    itself."""
    shown = {f.id: f for f in suppress_figures(reach.figures(rows, 0))}
    result = []
    for b in rows:
        hidden = shown[f"{reach.KPI}/0/{b.leerweg}"].suppressed
        numerator = (SMALL if 0 < b.numerator < LIMIT else HIDDEN) if hidden else str(b.numerator)
        denominator = SMALL if 0 < b.denominator < LIMIT else str(b.denominator)
        result.append(BereikShown(b.leerweg, numerator, denominator, None if hidden else b.value))
    return result
