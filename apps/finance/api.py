"""The settlement calculator: touches no stored data, open to every logged-in user."""
from ninja import Router, Schema, Status

from domain.settlement import ParameterError, break_even, calculate

router = Router(tags=["settlements"])


class PreviewIn(Schema):
    model: str
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
