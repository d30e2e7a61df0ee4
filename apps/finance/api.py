"""The settlement calculator: touches no stored data, open to every logged-in user."""
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from apps.core.idempotency import idempotent
from apps.core.ids import Id
from apps.routes.models import Route
from domain.settlement import MODELS, ParameterError, break_even, calculate

from . import services
from .models import Settlement
from .schemas import SettlementChange, SettlementIn

router = Router(tags=["settlements"])


class PreviewIn(Schema):
    # the core checks the code (a Dutch message naming "model"); the description lists the codes
    model: str = Field(json_schema_extra={"enum": list(MODELS)})
    parameters: dict = {}


class BreakEvenIn(Schema):
    group_cost: str | int | float
    income_per_student: str | int | float
    variable_cost_per_student: str | int | float


def _error(exc: ParameterError):
    return Status(422, {"errors": [{"rule": None, "field": exc.parameter, "message": exc.message}]})


@router.post("/preview", response={200: dict, 422: dict})
def preview(request, payload: PreviewIn):
    """Compute a settlement statement (M1..M5) from parameters; nothing is saved."""
    try:
        return calculate(payload.model, payload.parameters).to_json()
    except ParameterError as exc:
        return _error(exc)


@router.post("/break-even", response={200: dict, 422: dict})
def minimum_intake(request, payload: BreakEvenIn):
    """The minimum intake at which a route covers its costs: ceil(G / (i - v))."""
    try:
        return {"minimum_students": break_even(payload.group_cost, payload.income_per_student,
                                               payload.variable_cost_per_student)}
    except ParameterError as exc:
        return _error(exc)


# --- stored settlements, scoped as the interface ------------------------------------------------

def _scoped(request):
    return Settlement.objects.filter(route__in=Route.objects.with_finance_for(request.user)).select_related("route")


def settlement_out(settlement) -> dict:
    return {"id": settlement.pk, "route": settlement.route_id, "school_year": settlement.school_year,
            "phase": settlement.phase, "model": settlement.model, "version": settlement.version,
            "status": settlement.status, "illustrative": settlement.illustrative,
            "approved_by": [a.institution.brin for a in settlement.approvals.select_related("institution")],
            "statement": settlement.statement().to_json(full=True)}


@router.post("/route/{route_id}", response={201: dict, 403: dict, 422: dict})
@idempotent
def create_settlement(request, route_id: int, payload: SettlementIn):
    """A new statement of the route for a school year and phase (computed and checked as on the page;
    422 naming the parameter, or the reason missing for a register value set by hand)."""
    route = get_object_or_404(Route.objects.with_finance_for(request.user), pk=route_id)
    if not request.user.changes_finance:
        return Status(403, {"detail": "Alleen de financieel medewerker legt afrekeningen vast."})
    try:
        settlement = services.save(request.user, route, payload)
    except services.SettlementRefused as refused:
        return Status(422, {"errors": refused.problems})
    return Status(201, settlement_out(settlement))


@router.put("/{settlement_id}", response={200: dict, 201: dict, 403: dict, 422: dict})
def change_settlement(request, settlement_id: int, payload: SettlementChange):
    """Change a statement (every field: model, parameters, reasons); it keeps its school year and phase.
    An approved statement stays: the change is a new version (201)."""
    current = get_object_or_404(_scoped(request), pk=settlement_id)
    if not request.user.changes_finance:
        return Status(403, {"detail": "Alleen de financieel medewerker legt afrekeningen vast."})
    data = SettlementIn(school_year=current.school_year, phase=current.phase, **payload.dict())
    try:
        settlement = services.save(request.user, current.route, data, current)
    except services.SettlementRefused as refused:
        return Status(422, {"errors": refused.problems})
    return Status(200 if settlement.pk == current.pk else 201, settlement_out(settlement))


@router.get("/route/{route_id}", response=list[dict])
def route_settlements(request, route_id: Id):
    """The current settlements of a route (the latest version per school year and phase)."""
    route = get_object_or_404(Route.objects.with_finance_for(request.user), pk=route_id)
    return [settlement_out(s) for s in route.settlements.filter(next_version__isnull=True)]


@router.get("/{settlement_id}", response=dict)
def settlement_detail(request, settlement_id: Id):
    return settlement_out(get_object_or_404(_scoped(request), pk=settlement_id))


@router.post("/{settlement_id}/approve", response={200: dict, 403: dict})
def approve(request, settlement_id: Id):
    """The financieel medewerker of a party approves; with every party approved the statement is locked."""
    settlement = get_object_or_404(_scoped(request), pk=settlement_id)
    try:
        settlement = services.approve(settlement, request.user)
    except services.ApprovalRefused as refused:
        return Status(403, {"detail": str(refused)})
    return settlement_out(settlement)
