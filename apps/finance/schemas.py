"""The typed input of the settlement use case (``services.save``), the same schemas the API declares;
the statement form turns what was typed (Dutch amounts) into it. The parameters themselves are
checked by the core (``domain.settlement``), which names the parameter."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from ninja import Field, Schema

from apps.routes.models import SettlementModel

Model = Literal[tuple(SettlementModel.values)]
Phase = Literal["", "vo", "mbo"]
Reason = Annotated[str, Field(max_length=300)]


class SettlementIn(Schema):
    """A new statement of a route (POST): the school year (its first calendar year), the phase
    ("": the whole school year), the model and its parameters; a reason per register value set by hand;
    whether the tariffs are only illustrative."""
    school_year: int = Field(ge=1990, le=2100)
    phase: Phase = ""
    model: Model
    parameters: dict[str, Any] = Field(default_factory=dict)
    reasons: dict[str, Reason] = Field(default_factory=dict)
    illustrative: bool = False   # the tariffs are an example, not agreed (shown and warned at approval)


class SettlementChange(Schema):
    """A change of a statement (PUT: every field); it keeps its school year and phase. An approved
    statement is not changed: the change becomes a new version."""
    model: Model
    parameters: dict[str, Any]
    reasons: dict[str, Reason]
    illustrative: bool = False
