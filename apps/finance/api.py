"""The settlement calculator: touches no stored data, open to every logged-in user."""
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from apps.accounts.scoping import finance_routes
from apps.core.ids import Id
from domain.settlement import MODELS, ParameterError, break_even, calculate

from . import services
from .models import Settlement

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
    return Settlement.objects.filter(route__in=finance_routes(request.user)).select_related("route")


def settlement_out(settlement) -> dict:
    return {"id": settlement.pk, "route": settlement.route_id, "school_year": settlement.school_year,
            "phase": settlement.phase, "model": settlement.model, "version": settlement.version,
            "status": settlement.status, "illustrative": settlement.illustrative,
            "approved_by": [a.institution.brin for a in settlement.approvals.select_related("institution")],
            "statement": settlement.statement().to_json(full=True)}


@router.get("/route/{route_id}", response=list[dict])
def route_settlements(request, route_id: Id):
    """The current settlements of a route (the latest version per school year and phase)."""
    route = get_object_or_404(finance_routes(request.user), pk=route_id)
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
