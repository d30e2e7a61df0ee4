"""The typed input of the continuity use cases: the one change a user makes here is their own digest
subscription. The outputs are the API's answers."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field


class DigestIn(BaseModel):
    """The user's weekly e-mail digest of the open signals of their routes: on or off (PUT: the whole
    resource)."""
    model_config = ConfigDict(extra="forbid")
    active: bool


class DigestOut(BaseModel):
    active: bool
    email: str
    last_sent: date | None = None


class SignalOut(BaseModel):
    id: int
    signal: str                 # "S-01"
    kind: str                   # "single_contact"
    rule: str                   # "R-16", or "" for none
    severity: str
    route: int
    route_name: str
    message: str                # in the request's language; no person's name outside the route's partners
    link: str
    first_seen: date
    last_seen: date


class HealthRowOut(BaseModel):
    route: int
    route_name: str
    phase: str
    signals: int
    signals_per_kind: dict[str, int]
    last_meeting: date | None = None
    open_decisions: int
    overdue_decisions: int
    reflection: Decimal | None = Field(None, description="Gemiddelde score (1-5) van de laatste reflectieronde.")
    reflection_difference: Decimal | None = Field(
        None, description="Grootste verschil tussen de partners op één stelling in die ronde.")
    survey_agree: Decimal | None = Field(
        None, description="Gemiddeld percentage (helemaal) eens in de laatste gesloten leerlingenenquête.")
