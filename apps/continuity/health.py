"""The health of a region's or a board's routes (issue 11, point 7): per route its phase, open signals
(per kind), last meeting of both sides and open and overdue decisions; sortable by every column and
exported to Excel. The columns are a list of definitions, so another column (the latest reflection
scores, survey results) is one more ``Column`` and, if it needs data, one more entry in ``Row.extra``
filled by a function in ``EXTRAS``. No person is named: the overview is read outside the routes'
partners too."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from apps.reflection.comparison import latest_summary
from apps.registry.models import Bestuur
from apps.routes.models import Route
from apps.survey.models import Status as SurveyStatus
from apps.survey.results import latest_closed
from domain import continuity as core

from . import detect, messages
from .models import Signal


@dataclass
class Row:
    route: Route
    signals: dict[str, int]
    last_meeting: date | None
    open_decisions: int
    overdue_decisions: int
    extra: dict[str, Any] = field(default_factory=dict)   # columns other apps add

    @property
    def total(self) -> int:
        return sum(self.signals.values())


@dataclass(frozen=True)
class Column:
    key: str                           # the ?sort= value and the API field
    label: Any                         # the header (lazy text)
    value: Callable[[Row], Any]        # the cell's value (a number, date or text)
    title: Any = ""                    # a longer explanation (the header's tooltip)
    numeric: bool = False


def _kind_column(kind: core.SignalKind) -> Column:
    return Column(kind.code, kind.id, lambda row: row.signals.get(kind.code, 0), messages.TITLES[kind.code],
                  numeric=True)


COLUMNS: list[Column] = [
    Column("route", _("Route"), lambda row: row.route.name),
    Column("phase", _("Fase"), lambda row: row.route.get_phase_display()),
    Column("signals", _("Open signalen"), lambda row: row.total, numeric=True),
    *[_kind_column(k) for k in core.KINDS],
    Column("last_meeting", _("Laatste overleg beide kanten"), lambda row: row.last_meeting),
    Column("open_decisions", _("Open besluiten"), lambda row: row.open_decisions, numeric=True),
    Column("overdue_decisions", _("Besluiten over de termijn"), lambda row: row.overdue_decisions, numeric=True),
    Column("reflection", _("Reflectie"), lambda row: row.extra.get("reflection"),
           _("gemiddelde score (1-5) van de laatste reflectieronde, elke partner even zwaar"), numeric=True),
    Column("reflection_difference", _("Verschil partners"), lambda row: row.extra.get("reflection_difference"),
           _("grootste verschil tussen de partners op één stelling in de laatste reflectieronde"), numeric=True),
    Column("survey_agree", _("Enquête: eens (%)"), lambda row: row.extra.get("survey_agree"),
           _("gemiddeld percentage (helemaal) eens over de stellingen van de laatste gesloten leerlingenenquête; "
             "leeg bij minder dan 5 antwoorden"), numeric=True),
]


def _reflection(routes, today: date) -> dict[int, dict[str, Any]]:
    """The latest reflection round whose results show: its average and the partners' largest difference."""
    out = {}
    for route in routes.filter(reflection_rounds__isnull=False).distinct():
        summary = latest_summary(route)
        if summary is not None:
            out[route.pk] = {"reflection": summary.mean, "reflection_difference": summary.largest_difference}
    return out


def _survey(routes, today: date) -> dict[int, dict[str, Any]]:
    """The latest closed survey: the average share "(helemaal) eens" over its statements whose share shows
    (none with fewer than five answers, as on the survey's own page)."""
    out = {}
    for route in routes.filter(surveys__status=SurveyStatus.GESLOTEN).distinct():
        res = latest_closed(route)
        shares = [r.agree for _s, r in res.statements if r.agree is not None] if res else []
        if shares:
            out[route.pk] = {"survey_agree": (sum(shares) / len(shares)).quantize(shares[0])}
    return out


# Functions (routes, today) -> {route id: {column key: value}} that fill Row.extra for added columns.
EXTRAS: list[Callable[[Any, date], dict[int, dict[str, Any]]]] = [_reflection, _survey]


class SortError(ValueError):
    pass


def rows(routes, today: date) -> list[Row]:
    """One row per route, from four queries whatever the number of routes."""
    routes = routes.order_by("name")
    open_signals = Signal.objects.open().filter(route__in=routes)
    per_kind: dict[int, dict[str, int]] = {}
    for (route_id, kind), n in _counts(open_signals).items():
        per_kind.setdefault(route_id, {})[kind] = n
    meetings = detect.last_meetings(routes, today)
    decisions = {pk: (o, d) for pk, o, d in routes.annotate(
        o=Count("decisions", filter=Q(decisions__done_on__isnull=True)),
        d=Count("decisions", filter=Q(decisions__done_on__isnull=True, decisions__due_on__lt=today)),
    ).values_list("pk", "o", "d")}
    extra: dict[int, dict[str, Any]] = {}
    for fill in EXTRAS:
        for route_id, values in fill(routes, today).items():
            extra.setdefault(route_id, {}).update(values)
    return [Row(route, per_kind.get(route.pk, {}), meetings.get(route.pk), *decisions.get(route.pk, (0, 0)),
                extra=extra.get(route.pk, {}))
            for route in routes]


def _counts(signals) -> dict[tuple[int, str], int]:
    return {(route, kind): n for route, kind, n in
            signals.order_by().values_list("route", "kind").annotate(n=Count("pk"))}


def sorted_rows(table: list[Row], sort: str | None) -> list[Row]:
    """Sort by ``sort`` (a column key, "-" in front for descending); empty cells last either way. Raises
    SortError for an unknown column."""
    if not sort:
        return table
    key = sort.lstrip("-")
    column = next((c for c in COLUMNS if c.key == key), None)
    if column is None:
        raise SortError(key)
    present = [r for r in table if column.value(r) is not None]
    empty = [r for r in table if column.value(r) is None]
    present.sort(key=lambda r: (column.value(r), r.route.name), reverse=sort.startswith("-"))
    return present + empty


def export_rows(table: list[Row]) -> tuple[list[str], list[list]]:
    headers = [str(c.label) if not c.title else f"{c.label} {c.title}" for c in COLUMNS]
    return headers, [[c.value(r) for c in COLUMNS] for r in table]


# --- who sees which overview ------------------------------------------------------------------------------

def board_readable(user, board: Bestuur) -> bool:
    """As the board dashboard: the beheerder, and a bestuurder of one of the board's institutions."""
    if not user.is_authenticated:
        return False
    if user.is_beheerder:
        return True
    return user.reads_board and user.institutions.filter(bestuur=board).exists()


def board_routes(board: Bestuur):
    return Route.objects.filter(pk__in=Route.objects.filter(partners__institution__bestuur=board).values("pk")).active()


def region_routes(region):
    return Route.objects.in_region(region).active()
