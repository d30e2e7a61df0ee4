"""The regional report: for a region and a school year, the tables the Amsterdam inventory
("Doorlopende leerroutes in Amsterdam", 2021) compiled by hand over a school year, built from the
register at once.

``build(region, school_year)`` returns plain data (dicts and lists, JSON-ready): the web page, the
PDF, the Excel workbook and the API all show this one result. Every table is a few aggregating
queries over the region's routes, never a loop over students. The report is a regional view, read
outside the routes' partners: every student count is suppressed as ``apps.core.lib.suppression``
says ("<5" for 1 to 4, "x" for a count that could be derived from the others); a count shown is an
int, a suppressed one its string. Counts of routes (practices) are not about students and are shown
as they are.

Which routes: the routes of the region (by the route's region or a vo-school of the region among
its partners), that were running or being developed in the school year: the phase
of the cooperation in a school year is the phase recorded on the last day of that year (or today,
for the current year), from the route's phase history; a route stopped before the year began is left
out. "Bestaand" is every phase but "in ontwikkeling", as in the inventory's Tabel 1.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.lib.suppression import HIDDEN, LIMIT, SMALL, TOTAL, suppress
from apps.regional import coverage
from apps.registry.models import Region
from apps.results import engine, followup
from apps.routes import disclosure
from apps.routes.models import (
    ComplianceFinding,
    Phase,
    PhaseChange,
    Route,
    RoutePartner,
    RouteTarget,
    RouteType,
    Uitstroomrichting,
)
from apps.students.models import Enrolment
from domain import kpi
from domain.calendar import school_year_label, school_year_of, year_end, year_start

Progress = Callable[[int, int, str], None]   # (steps done, steps in all, what comes next)

EXISTING = "bestaand"
DEVELOPING = "in_ontwikkeling"
CONTINUITY_RULES = ("R-16", "R-15")   # continuity risks and group size (R-15, cost coverage)


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    build: Callable


def routes_in(region: Region):
    """The routes of a region (``Route.objects.in_region``)."""
    return Route.objects.in_region(region)


def build(region: Region, school_year: int, progress: Progress | None = None, today: date | None = None) -> dict:
    """The report's tables for ``region`` and ``school_year``. ``progress`` is told after each
    step (the background job writes it for the page)."""
    today = today or timezone.localdate()
    context = _Context(region, school_year, today)
    steps = [
        Step("practices", _("Tabel praktijken"), _practices),
        Step("figures", _("Routes naar niveau, uitstroomrichting en type"), _figures),
        Step("students", _("Leerlingen per route"), _students),
        Step("results", _("Resultaten tegen streefcijfers"), _results),
        Step("succes", _("Succes na doorstroom (K-12)"), _succes),
        Step("coverage", _("Dekking en witte vlekken"), _coverage),
        Step("risks", _("Continuïteitsrisico's"), _risks),
    ]
    report = {
        "region": {"id": region.pk, "name": region.name, "kind": region.get_kind_display()},
        "school_year": school_year,
        "school_year_label": school_year_label(school_year),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
    }
    for done, step in enumerate(steps):
        if progress:
            progress(done, len(steps), str(step.label))
        report[step.key] = step.build(context)
    if progress:
        progress(len(steps), len(steps), "")
    return report


class _Context:
    """What every table needs: the region's routes in the school year with the phase of that year."""

    def __init__(self, region: Region, school_year: int, today: date):
        self.region, self.school_year, self.today = region, school_year, today
        self.day = min(today, year_end(school_year))   # the day whose phase counts for the year
        routes = list(routes_in(region).select_related("region").order_by("name"))
        self.phases = _phases_on(routes, self.day, year_start(school_year))
        self.routes = [r for r in routes if r.pk in self.phases]
        self.ids = [r.pk for r in self.routes]

    def status(self, route) -> str:
        return DEVELOPING if self.phases[route.pk] == Phase.IN_ONTWIKKELING else EXISTING


def _phases_on(routes, day: date, start: date) -> dict[int, str]:
    """Per route the phase on ``day`` from its history (one query); a route without history has its
    current phase from its start year on (none when it stopped). Left out: a route whose first phase
    began after ``day``, one stopped before ``start`` (a stop during the year keeps it in, as
    stopped) and one that ended before ``start``."""
    history: dict[int, list] = {}
    for change in PhaseChange.objects.filter(route__in=routes).order_by("since", "pk"):
        history.setdefault(change.route_id, []).append(change)
    phases = {}
    for route in routes:
        if route.end_date and route.end_date < start:
            continue
        changes = history.get(route.pk)
        if not changes:   # no history: the current phase, from the start year on (a stop cannot be dated)
            if route.phase != Phase.GESTOPT and (route.start_year is None or route.start_year <= school_year_of(day)):
                phases[route.pk] = route.phase
            continue
        before = [c for c in changes if c.since <= day]
        if not before:
            continue
        last = before[-1]
        if last.phase == Phase.GESTOPT and last.since < start:
            continue
        phases[route.pk] = last.phase
    return phases


# --- the tables --------------------------------------------------------------------------------

def _practices(ctx: _Context) -> list[dict]:
    """Tabel 1: every practice with its vo-school(s) and their boards, mbo partner(s), phase and type."""
    partners: dict[int, dict[str, list]] = {}
    for p in (RoutePartner.objects.filter(route__in=ctx.ids).select_related("institution__bestuur")
              .order_by("institution__name")):
        side = partners.setdefault(p.route_id, {"vo": [], "mbo": []})[p.role]
        side.append(p.institution)
    phase_labels, type_labels = dict(Phase.choices), dict(RouteType.choices)
    rows = []
    for route in ctx.routes:
        vo, mbo = partners.get(route.pk, {}).get("vo", []), partners.get(route.pk, {}).get("mbo", [])
        phase = ctx.phases[route.pk]
        rows.append({
            "route_id": route.pk,
            "route": route.name,
            "vo_schools": "; ".join(i.name for i in vo),
            "boards": "; ".join(dict.fromkeys(i.bestuur.name for i in vo)),
            "mbo": "; ".join(i.name for i in mbo),
            "phase": phase,
            "phase_label": str(phase_labels.get(phase, phase)),
            "type": route.type,
            "type_label": str(type_labels.get(route.type, route.type)),
            "programme_label": route.programme_label,
            "legal_status": str(route.get_legal_status_display()),
            "status": ctx.status(route),
        })
    rows.sort(key=lambda r: (r["status"] != EXISTING, r["vo_schools"].lower(), r["route"].lower()))
    return rows


def _figures(ctx: _Context) -> dict:
    """Figures 1-3 of the inventory: routes by mbo level, by uitstroomrichting and by type, each
    counted apart for existing practices and practices in development (a route with two levels
    counts once at each)."""
    richtingen = (Uitstroomrichting.objects.filter(route__in=ctx.ids, active=True)
                  .values_list("route_id", "kwalificatie__level", "kwalificatie__name").distinct())
    levels: dict[int, set] = {}
    names: dict[int, set] = {}
    for route_id, level, name in richtingen:
        levels.setdefault(route_id, set()).add(f"mbo {level}")
        names.setdefault(route_id, set()).add(name)
    type_labels = dict(RouteType.choices)
    unknown = str(_("(geen uitstroomrichting vastgelegd)"))
    by_level = _count(ctx, lambda r: levels.get(r.pk) or {unknown})
    by_richting = _count(ctx, lambda r: names.get(r.pk) or {unknown})
    by_type = _count(ctx, lambda r: {str(type_labels.get(r.type, r.type))})
    return {
        "by_level": _figure("figuur-niveau", _("Figuur 1. Routes naar uitstroomniveau"), _("Niveau"),
                            by_level, key=lambda label: (label == unknown, label)),
        "by_richting": _figure("figuur-richting", _("Figuur 2. Routes naar uitstroomrichting"),
                               _("Uitstroomrichting"), by_richting,
                               key=lambda label: (label == unknown, -sum(by_richting[label].values()), label)),
        "by_type": _figure("figuur-type", _("Figuur 3. Routes naar type route"), _("Type"), by_type,
                           key=lambda label: (-sum(by_type[label].values()), label)),
    }


def _count(ctx: _Context, categories) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for route in ctx.routes:
        for category in categories(route):
            cell = counts.setdefault(category, {EXISTING: 0, DEVELOPING: 0})
            cell[ctx.status(route)] += 1
    return counts


def _figure(figure_id: str, title: str, label_header: str, counts: dict, key) -> dict:
    labels = sorted(counts, key=key)
    return {
        "id": figure_id,
        "title": title,
        "label_header": label_header,
        "labels": labels,
        "series": [
            {"key": EXISTING, "label": _("bestaand"), "values": [counts[label][EXISTING] for label in labels]},
            {"key": DEVELOPING, "label": _("in ontwikkeling"),
             "values": [counts[label][DEVELOPING] for label in labels]},
        ],
        "totals": [sum(counts[label].values()) for label in labels],
    }


def _students(ctx: _Context) -> list[dict]:
    """Per route the students enrolled in the school year (all route years together, as the
    inventory counts them), of whom funded in the vo-fase and in the mbo-fase; suppressed (see the
    module's docstring). The intake is not repeated here: the table would give it away against the
    total too often (R-15's risks name an intake below the minimum)."""
    enrolled = {
        row["student__route"]: row for row in
        Enrolment.objects.filter(school_year=ctx.school_year, student__route__in=ctx.ids).values("student__route")
        .annotate(total=Count("student", distinct=True),
                  vo=Count("student", distinct=True, filter=Q(funded=True, phase="vo")),
                  mbo=Count("student", distinct=True, filter=Q(funded=True, phase="mbo")))
    }
    rows = []
    for route in ctx.routes:
        counts = enrolled.get(route.pk, {"total": 0, "vo": 0, "mbo": 0})
        shown = suppress({"vo_fase": counts["vo"], "mbo_fase": counts["mbo"]}, counts["total"])
        rows.append({
            "route_id": route.pk, "route": route.name, "status": ctx.status(route),
            "total": number(shown[TOTAL]), "vo_fase": number(shown["vo_fase"]), "mbo_fase": number(shown["mbo_fase"]),
        })
    return rows


def number(shown: str) -> int | str:
    """A shown count as a number when it is one ("12" -> 12), else its text ("<5", "x")."""
    return int(shown) if shown.isdigit() else shown


def _results(ctx: _Context) -> list[dict]:
    """Results per route against its own numeric targets (RouteTarget), from the KPI engine
    (apps.results.engine), suppressed as outside the route's partners. Which figure counts for the
    school year: a yearly KPI (K-08, K-09) that of the year; K-04/k the cohort whose k-th year ends
    with the school year (cohort Y - k + 1); any other cohort KPI the cohort that finishes the route
    in the school year (cohort Y - route length + 1); cohort figures on the last day of the year, or
    today for the current year. ``value`` is a number when shown (a percentage as 88.0), else its text
    ("<5", "–"); ``met`` is true, false or null (no value)."""
    targets: dict[int, list] = {}
    for target in RouteTarget.objects.filter(route__in=ctx.ids).order_by("kpi", "parameter", "pk"):
        targets.setdefault(target.route_id, []).append(target)
    rows = []
    for route in ctx.routes:
        if route.pk not in targets:
            continue
        figures = _RouteFigures(route, ctx)
        for target in targets[route.pk]:
            found = figures.for_target(target)
            value, met, label, of = None, None, target.kpi, ""
            if found is not None:
                fig, of = found
                label = fig.label
                value = fig.text if fig.suppressed or fig.value is None else _plain(fig.value)
                signal = None if fig.suppressed else kpi.signal(fig.value, target.operator, target.value)
                met = None if signal is None else signal == kpi.MEETS
            rows.append({
                "route_id": route.pk, "route": route.name, "kpi": target.kpi, "parameter": target.parameter,
                "label": label, "of": of, "target": f"{target.get_operator_display()} {_decimal(target.value)}",
                "value": value if value is not None else kpi.DASH, "met": met,
            })
    return rows


class _RouteFigures:
    """A route's figures for the report's school year, each cohort's computed once."""

    def __init__(self, route, ctx: _Context):
        self.scope = engine.Scope(route=route.pk)
        self.year, self.on = ctx.school_year, ctx.day
        self.length = max(engine.route_length(self.scope), 1)
        self.cohorts: dict[int, list] = {}
        self.yearly = None

    def cohort(self, cohort: int) -> list:
        if cohort not in self.cohorts:
            self.cohorts[cohort] = engine.suppressed(
                followup.with_succes(engine.cohort_figures(self.scope, cohort, self.on), self.scope, cohort, self.on))
        return self.cohorts[cohort]

    def for_target(self, target):
        """The figure a target is about, with what it is of ("cohort 2017", "2020-2021"); None when the
        engine has no such figure."""
        base = target.kpi.strip().upper()
        if base in ("K-08", "K-09"):
            if self.yearly is None:
                self.yearly = engine.suppressed(engine.year_figures(self.scope, self.year))
            found = [f for f in self.yearly if kpi.matches(f.id, target.kpi, target.parameter)]
            return (found[0], school_year_label(self.year)) if found else None
        param = target.parameter.strip()
        cohort = self.year - (int(param) if base == "K-04" and param.isdigit() else self.length) + 1
        found = [f for f in self.cohort(cohort) if kpi.matches(f.id, target.kpi, target.parameter)]
        return (found[0], _("cohort %(cohort)s") % {"cohort": school_year_label(cohort)}) if found else None


def _succes(ctx: _Context) -> list[dict]:
    """K-12 succes na doorstroom per route and cohort on the report's day (the last day of the school
    year, or today for the current one): of the cohort's doorstromers (K-05's numerator), those with a
    diploma at the higher level. A row per route and cohort with doorstromers; no totals. Each figure is
    suppressed together with its cohort's other figures, as the route's figures are for a reader outside
    its partners (``engine.suppressed``; the same as the results table): a hidden figure shows a count
    from 1 to 4 as "<5" and its other counts and its percentage as "x". Three queries, however many routes."""
    if not ctx.ids:
        return []
    cohorts = list(engine.students_in(engine.Scope(national=True)).filter(route__in=ctx.ids)
                   .order_by("cohort").values_list("cohort", flat=True).distinct())
    scope = engine.Scope(national=True)
    grouped = followup.with_succes_by_route(engine.cohort_figures_by_route(scope, cohorts, ctx.day, routes=ctx.ids),
                                            scope, ctx.day)
    rows = []
    for route in ctx.routes:
        for cohort, figures in grouped.get(route.pk, {}).items():
            raw = next(f for f in figures if f.id == followup.KPI)
            if not raw.denominator:
                continue
            shown = next(f for f in engine.suppressed(figures) if f.id == followup.KPI)
            rows.append({
                "route_id": route.pk, "route": route.name, "status": ctx.status(route), "cohort": cohort,
                "cohort_label": school_year_label(cohort),
                "doorstromers": _count_shown(shown, raw.denominator),
                "followed": _count_shown(shown, raw.numerator),
                "percent": HIDDEN if shown.suppressed else (kpi.DASH if shown.value is None else _plain(shown.value)),
            })
    return rows


def _count_shown(shown, count: int) -> int | str:
    """A count of a figure as shown: the number, or for a hidden figure "<5" (a count from 1 to 4) or "x"."""
    if not shown.suppressed:
        return count
    return SMALL if 0 < count < LIMIT else HIDDEN


def _plain(value):
    """A figure's value as JSON and Excel take it: 39 for a count, 88.0 for a percentage."""
    return int(value) if value == value.to_integral_value() and value.as_tuple().exponent == 0 else float(value)


def _decimal(value) -> str:
    return f"{value.normalize():f}"


def _coverage(ctx: _Context) -> dict:
    """Coverage (apps.regional.coverage, counted on 1 October of the year) as tables: the gaps
    (profiel x mbo level where the region has vmbo students but no running legal route), the
    profiel x level matrix, the vmbo schools without any form of route, and K-10 bereik per leerweg.
    Student counts suppressed; a bereik whose count of route students is suppressed is hidden too."""
    found = coverage.coverage(ctx.region, ctx.school_year)
    names = dict(found.matrix.profielen)

    def route_names(refs):
        return "; ".join(r.name for r in refs)

    gaps = [{"profiel": f"{cell.profiel} ({names.get(cell.profiel, '')})", "level": f"mbo {cell.level}",
             "students": number(suppress({"n": cell.students})["n"]), "developing": route_names(cell.developing)}
            for cell in found.gaps]
    matrix = []
    for code, name in found.matrix.profielen:
        row = {"profiel": f"{code} ({name})"}
        for cell in found.matrix.row(code):
            text = "; ".join(s.name for s in cell.schools)
            if cell.developing:
                text = (text + "; " if text else "") + _("in ontwikkeling: %(routes)s") % {
                    "routes": route_names(cell.developing)}
            row[f"mbo{cell.level}"] = text or ("–" if not cell.gap else _("witte vlek"))
        matrix.append(row)
    without = [{"school": s.name, "brin": s.brin, "area": ", ".join(s.areas)} for s in found.schools_without_route]
    reach = []
    for item in coverage.bereik_shown(coverage.bereik(ctx.region, ctx.school_year)):
        if item.numerator == "0" and item.denominator == "0":
            continue
        reach.append({"leerweg": item.leerweg, "in_route": number(item.numerator), "students": number(item.denominator),
                      "percent": HIDDEN if item.hidden else (float(item.value) if item.value is not None else "–")})
    level_columns = [{"key": f"mbo{level}", "label": f"mbo {level}"} for level in coverage.LEVELS]
    return {
        "schools": len(found.schools),
        "schools_with_route": len(found.schools_with_route),
        "has_population": found.has_population,
        "tables": [
            _table("gaps", _("Witte vlekken"), _("Witte vlekken: profiel en niveau zonder lopende route"),
                   [("profiel", _("Profiel")), ("level", _("Niveau")), ("students", _("Vmbo-leerlingen")),
                    ("developing", _("In ontwikkeling"))], gaps,
                   _("Geen witte vlekken gevonden (of geen leerlingaantallen van DUO ingelezen voor dit jaar).")),
            _table("matrix", _("Dekking"), _("Dekking: vo-scholen met een lopende route per profiel en niveau"),
                   [("profiel", _("Profiel"))] + [(c["key"], c["label"]) for c in level_columns], matrix, ""),
            _table("without", _("Scholen zonder route"),
                   _("Vmbo-scholen zonder enige vorm van route (%(without)s van %(all)s)") % {
                       "without": len(found.schools_without_route), "all": len(found.schools)},
                   [("school", _("Vo-school")), ("brin", _("BRIN")), ("area", _("Gemeente of stadsdeel"))], without,
                   _("Elke vmbo-school van de regio heeft een vorm van route.")),
            _table("bereik", _("Bereik (K-10)"),
                   _("Bereik (K-10): leerlingen in vmbo-leerjaar 3 in een wettelijke route"),
                   [("leerweg", _("Leerweg")), ("in_route", _("In een route")), ("students", _("Vmbo-leerlingen")),
                    ("percent", _("Bereik (%)"))], reach,
                   _("Geen leerlingaantallen van DUO ingelezen voor dit jaar.")),
        ],
    }


def _table(key: str, sheet: str, title: str, columns: list[tuple[str, str]], rows: list[dict], empty: str) -> dict:
    """A table in a generic shape (the page, the PDF and the workbook show any such table); ``sheet``
    is its short name for a worksheet."""
    return {"key": key, "sheet": str(sheet), "title": str(title),
            "columns": [{"key": k, "label": str(label)} for k, label in columns],
            "rows": rows, "empty": str(empty)}


def _risks(ctx: _Context) -> list[dict]:
    """The known continuity risks: the warnings of R-16 (one contact person per partner, no financial
    agreement, no recent partner meeting) and R-15 (intake below the minimum group size) of the
    routes' latest rule check (the state of today, not of the school year). Contact persons' names
    are left out of a regional report; R-15's intake counts are suppressed as on the route page for
    a reader outside the partners."""
    kinds = {"contacts": _("contactpersonen"), "settlement_model": _("financiële afspraak"),
             "last_partner_meeting": _("partneroverleg")}
    found: dict[int, list] = {}
    for finding in (ComplianceFinding.objects.filter(route__in=ctx.ids, rule__in=CONTINUITY_RULES)
                    .exclude(status=ComplianceFinding.Status.PASSED).order_by("rule", "pk")):
        found.setdefault(finding.route_id, []).append(finding)
    rows = []
    for route in ctx.routes:
        for finding in disclosure.findings_for(_OUTSIDER, route, found.get(route.pk, [])):
            message = finding.message        # without contact names: the reader is outside the partners
            rows.append({
                "route_id": route.pk, "route": route.name, "rule": finding.rule, "status": finding.status,
                "kind": str(kinds.get(finding.field, _("groepsgrootte") if finding.rule == "R-15" else finding.field)),
                "message": message,
            })
    return rows


class _Reader:
    """A reader outside every route's partners: whom the report is written for."""

    is_authenticated = False


_OUTSIDER = _Reader()
