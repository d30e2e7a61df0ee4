"""The start page per role and the dashboards: a route's (its partners and the region's readers), a
region's (its regional coordinators and beheerders) and a board's (its bestuurders and beheerders).
Every figure comes from the KPI engine (apps.results) through ``figures`` (suppressed for readers
outside a route's partners) and is drawn by ``charts`` with the same numbers in a table. No page
here shows individual students."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.registry.models import Bestuur, Region
from apps.results import engine, followup, targets
from apps.results.flow import cohort_flow
from apps.routes import goals_views
from apps.routes.models import Route
from apps.routes.views import annotate_status, list_routes
from domain import kpi as core
from domain.calendar import school_year_label, school_year_of

from . import charts, figures, worklist

TREND_IDS = ("K-01", core.ZIJ_INSTROOM, *figures.TREND_KPIS)
DOORSTROOM_KPIS = ("K-05", followup.KPI)     # the region's doorstroom and succes na doorstroom per cohort
COHORT_RANGE = (1990, 2100)


# --- the start page ------------------------------------------------------------------------------

@login_required
def home(request):
    """The start page: the user's work list (``worklist``: what needs them now, per role), the routes the
    user sees with their rule status, and the role's headline figures: a route coordinator's routes, the
    region's totals, the board's totals."""
    user = request.user
    routes = annotate_status(list(list_routes(user).active()))
    counts = {s: sum(1 for r in routes if r.status == s) for s in ("passed", "warning", "failed")}
    today = timezone.localdate()
    context = {"routes": routes, "counts": counts, "cohorts": figures.Cohorts.on(today),
               "work": worklist.for_user(user, today), "today": today}
    if user.is_regional and user.region_id:
        context["region_table"] = figures.side_by_side(user, _region_routes(user.region), today)
    elif user.reads_board:
        context["boards"] = list(_boards_of(user))
        context["board_table"] = figures.side_by_side(user, _board_routes(context["boards"]), today)
    elif user.reads_students:
        context["route_table"] = figures.side_by_side(user, routes, today)
    elif user.is_beheerder:
        context["regions"] = Region.objects.filter(routes__isnull=False).distinct()
    return render(request, "dashboard/home.html", context)


# --- a route -------------------------------------------------------------------------------------

def _chosen_cohort(request, cohorts: list[int], default: int) -> int | None:
    """The cohort asked for in ``?cohort=`` (a school year's first calendar year), else the
    reference cohort if the route has it, else its latest. Raises ValueError for bad input."""
    raw = request.GET.get("cohort")
    if raw in (None, ""):
        return default if default in cohorts else (cohorts[-1] if cohorts else None)
    cohort = int(raw)   # ValueError names the field in the caller
    if not COHORT_RANGE[0] <= cohort <= COHORT_RANGE[1]:
        raise ValueError(raw)
    return cohort


target_rows = targets.target_rows   # kept under its old name: the rows live with the KPIs (apps.results)


@login_required
def route_dashboard(request, pk):
    user = request.user
    route = get_object_or_404(Route.objects.visible_to(user).select_related("region"), pk=pk)
    today = timezone.localdate()
    reading = figures.route_reading(user, route)
    scope, partner = reading.scope, not reading.outside
    cohorts = engine.cohorts_in(scope)
    try:
        cohort = _chosen_cohort(request, cohorts, figures.Cohorts.on(today).result)
    except ValueError:
        return HttpResponseBadRequest(_("cohort: geef het eerste jaar van een schooljaar, bijvoorbeeld 2023."))
    trend = figures.trend(scope, TREND_IDS, cohorts, today, partner)
    chosen = figures.by_id(figures.shown(followup.with_succes(engine.cohort_figures(scope, cohort, today), scope,
                                                              cohort, today), partner)) if cohort else {}
    target_list = target_rows(route, scope, cohort, chosen, partner, today)
    flow = cohort_flow(scope, cohort, today) if cohort else []
    return render(request, "dashboard/route.html", {
        "route": route, "partner": partner, "cohorts": [(c, school_year_label(c)) for c in cohorts],
        "cohort": cohort, "cohort_label": school_year_label(cohort) if cohort else "",
        "cohort_figures": [f for f in chosen.values() if f.id != core.ZIJ_INSTROOM],
        "flow_chart": charts.flow_chart(flow, outside=not partner) if flow else None,
        "intake_chart": charts.intake_chart(cohorts, trend),
        "trend_chart": charts.percent_trend_chart(cohorts, trend, figures.TREND_KPIS),
        "targets": target_list, "target_chart": charts.target_chart(target_list),
        "goals": goals_views.goal_table(route), "status": None,
    })


# --- a region ------------------------------------------------------------------------------------

def _region_routes(region):
    return Route.objects.in_region(region).active().order_by("name")


def _region_or_404(user, pk) -> Region:
    """Whoever reads the region's figures (``Region.objects.readable_by``), else 404."""
    return get_object_or_404(Region.objects.readable_by(user), pk=pk)


def _coverage_summary(region, school_year):
    """The coverage page's headline (apps.regional), when that app is installed."""
    try:
        from apps.regional.coverage import coverage
    except ImportError:   # pragma: no cover - the regional app is part of the product
        return None
    return coverage(region, school_year)


@login_required
def region_dashboard(request, pk):
    user = request.user
    region = _region_or_404(user, pk)
    today = timezone.localdate()
    routes = _region_routes(region)
    table = figures.side_by_side(user, routes, today)
    inventory = figures.inventory(routes)
    cohorts = engine.cohorts_in(engine.Scope(region=region.pk))
    trend = figures.hide_like_total(
        figures.trend(engine.Scope(region=region.pk), (*TREND_IDS, *DOORSTROOM_KPIS), cohorts, today, partner=False),
        cohorts, table)
    return render(request, "dashboard/region.html", {
        "region": region, "table": table, "table_charts": charts.side_by_side_charts(table),
        "inventory_charts": [
            charts.count_chart("inventory-level", _("Routes per mbo-niveau"), _("Niveau"), inventory["level"]),
            charts.count_chart("inventory-type", _("Routes per type"), _("Type"), inventory["type"]),
            charts.count_chart("inventory-phase", _("Routes per fase"), _("Fase"), inventory["phase"]),
        ],
        "intake_chart": charts.intake_chart(cohorts, trend, "region-intake"),
        "trend_chart": charts.percent_trend_chart(cohorts, trend, figures.TREND_KPIS, "region-trend"),
        "doorstroom_chart": charts.percent_trend_chart(
            cohorts, trend, DOORSTROOM_KPIS, "region-doorstroom",
            _("Doorstroom en succes na doorstroom (K-12) per cohort")),
        "coverage": _coverage_summary(region, school_year_of(today)),
    })


# --- a board -------------------------------------------------------------------------------------

def _boards_of(user):
    return Bestuur.objects.filter(institutions__in=user.institutions.all()).distinct()


def _board_routes(boards):
    return Route.objects.filter(partners__institution__bestuur__in=boards).active().distinct().order_by("name")


@login_required
def board_dashboard(request, pk):
    """All routes of the board's schools side by side: as they are where the reader's institutions
    are partners, suppressed elsewhere."""
    user = request.user
    board = get_object_or_404(Bestuur, pk=pk)
    if not (user.is_beheerder or (user.reads_board and _boards_of(user).filter(pk=board.pk).exists())):
        raise Http404
    table = figures.side_by_side(user, _board_routes([board]), timezone.localdate())
    return render(request, "dashboard/board.html", {
        "board": board, "table": table, "table_charts": charts.side_by_side_charts(table)})
