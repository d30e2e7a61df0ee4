"""The continuity signals and the route health over JSON, scoped as the pages: /api/v1/signals (the open
signals of the routes the caller sees; a person's name only on the routes where the caller's institution
is a partner), /api/v1/signals/digest (the caller's own weekly digest), /api/v1/regions/{id}/health and
/api/v1/boards/{id}/health (as the region and board dashboards)."""
from __future__ import annotations

from typing import Literal

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from apps.core.api_schemas import Errors
from apps.core.ids import Id
from apps.registry.models import Bestuur, Region
from apps.routes.models import Route
from domain import continuity as core

from . import health, services
from .schemas import DigestIn, DigestOut, HealthRowOut, SignalOut

router = Router(tags=["continuity"])

Kind = Literal[core.CODES]   # type: ignore[valid-type]


class SignalQuery(Schema):
    route: Id | None = Field(None, description="Alleen de signalen van deze route.")
    kind: Kind | None = Field(None, description="Alleen deze soort signaal (S-01 single_contact .. S-09).")


def _signal_out(item: services.Shown) -> dict:
    s = item.signal
    return dict(id=s.pk, signal=item.id, kind=s.kind, rule=s.kind_def.rule, severity=s.severity, route=s.route_id,
                route_name=s.route.name, message=item.text, link=item.link, first_seen=s.first_seen,
                last_seen=s.last_seen)


@router.get("/signals", response={200: list[SignalOut], 404: Errors})
def signals(request, query: Query[SignalQuery]):
    """De open continuïteitssignalen (R-16 en meer, dagelijks berekend) van de routes die u ziet; met
    `route` en `kind` gefilterd. Een naam van een persoon alleen bij routes waarin uw instelling partner is."""
    route = None
    if query.route is not None:
        route = get_object_or_404(Route.objects.visible_to(request.user), pk=query.route)
    items = services.shown(request.user, services.open_signals(request.user, route=route, kind=query.kind))
    return [_signal_out(i) for i in items]


def _digest_out(user) -> dict:
    sub = services.subscription(user)
    return dict(active=bool(sub and sub.active), email=user.email or "", last_sent=sub.last_sent if sub else None)


@router.get("/signals/digest", response=DigestOut)
def get_digest(request):
    """Uw eigen abonnement op de wekelijkse samenvatting van de signalen van uw routes."""
    return _digest_out(request.user)


@router.put("/signals/digest", response={200: DigestOut, 422: Errors})
def put_digest(request, data: DigestIn):
    """Zet uw wekelijkse samenvatting aan (`active: true`) of uit."""
    services.set_digest(request.user, data)
    return _digest_out(request.user)


def _health(routes) -> list[dict]:
    out = []
    for row in health.rows(routes, timezone.localdate()):
        out.append(dict(route=row.route.pk, route_name=row.route.name, phase=row.route.phase, signals=row.total,
                        signals_per_kind={k: row.signals.get(k, 0) for k in core.CODES},
                        last_meeting=row.last_meeting, open_decisions=row.open_decisions,
                        overdue_decisions=row.overdue_decisions, reflection=row.extra.get("reflection"),
                        reflection_difference=row.extra.get("reflection_difference"),
                        survey_agree=row.extra.get("survey_agree")))
    return out


@router.get("/regions/{region_id}/health", response={200: list[HealthRowOut], 404: Errors})
def region_health(request, region_id: Id):
    """De gezondheid van de actieve routes van een regio: open signalen per soort, fase, laatste overleg met
    beide kanten, open en verlopen besluiten. Voor wie het regiodashboard leest; geen namen van personen."""
    region = get_object_or_404(Region.objects.readable_by(request.user), pk=region_id)
    return _health(health.region_routes(region))


@router.get("/boards/{board_id}/health", response={200: list[HealthRowOut], 404: Errors})
def board_health(request, board_id: Id):
    """De gezondheid van de actieve routes van de scholen van een bestuur, voor de bestuurders van dat bestuur
    en de beheerder; geen namen van personen."""
    board = get_object_or_404(Bestuur, pk=board_id)
    if not health.board_readable(request.user, board):
        raise Http404
    return _health(health.board_routes(board))



