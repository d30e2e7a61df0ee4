"""The typed input of the routes use cases: the schemas the API declares, and what the HTML views
turn their forms into. References are codes (BRIN, crebo, profiel and leerweg codes, the name of a
bestuur), coded fields are closed lists, strings and numbers carry the limits of the model fields.

Three shapes per resource: ``RouteIn`` (POST: optional fields have their default), ``RoutePut``
(PUT: the whole resource, every field required, so nothing is wiped by leaving it out) and
``RoutePatch`` (PATCH: every field optional; the fields given are merged with the current state)."""

import copy
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, create_model
from pydantic_core import PydanticUndefined

from apps.core.ids import Id

from . import models as m

SMALL = 32767            # PositiveSmallIntegerField
LARGE = 2147483647       # PositiveIntegerField
ROWS = 100               # rows of one kind per route or agreement


def choice(choices, blank: bool = False):
    """A closed list of the codes of a TextChoices (``blank``: "" allowed too)."""
    values = tuple(choices.values) if hasattr(choices, "values") else tuple(code for code, _label in choices)
    return Literal[("", *values) if blank else values]


def string(max_length: int, required: bool = False):
    """A string as the forms take it: stripped, at most ``max_length`` long, not empty when ``required``."""
    return Annotated[str, StringConstraints(strip_whitespace=True, max_length=max_length,
                                            min_length=1 if required else 0)]


def _email(value: str) -> str:
    if value:
        try:
            validate_email(value)
        except DjangoValidationError as error:
            raise ValueError("Geen geldig e-mailadres.") from error
    return value


Email = Annotated[string(254), AfterValidator(_email)]
Days = Annotated[Decimal, Field(ge=0, le=5, max_digits=3, decimal_places=1)]
LongText = string(10000)


def small(lo: int = 0, hi: int = SMALL):
    return Annotated[int, Field(ge=lo, le=hi)]


class In(BaseModel):
    """Input: a JSON object with known fields only (a bare string or list is refused, as is an
    unknown field, e.g. a misspelled one in a PATCH that would otherwise change nothing)."""
    model_config = ConfigDict(extra="forbid")


# --- routes -------------------------------------------------------------------------------------

class PartnerIn(In):
    institution: string(4, required=True)            # BRIN
    role: choice(m.RoutePartner.Role)
    location: string(2) | None = None                # 2-digit vestigingscode of that institution
    joined_on: date | None = None
    rio_registered_on: date | None = None


class UitstroomIn(In):
    kwalificatie: string(5, required=True)           # crebo code
    min_intake: small() | None = None              # None: the route's min_intake applies
    active: bool = True


class YearIn(In):
    route_year: small(1, 8)
    vmbo_year: small(1, 6) | None = None
    unfunded_at: choice(m.UnfundedAt, blank=True) = ""   # the route's enrolment pattern
    days_at_mbo: Days = Decimal(0)
    days_bpv: Days = Decimal(0)
    teaching_location: choice(m.TeachingPlace, blank=True) = ""
    teaching_by: choice(m.TeachingBy, blank=True) = ""
    note: string(200) = ""


class TargetIn(In):
    kpi: string(5, required=True)                    # e.g. K-04
    parameter: string(20) = ""
    operator: choice(m.RouteTarget.Operator) = ">="
    value: Annotated[Decimal, Field(max_digits=7, decimal_places=2)]


class ContactIn(In):
    """A role in a route's payload. The person is ``person`` (the id of a person of that institution)
    or found by institution and e-mail (by name when there is no e-mail), and added when new; the
    name, e-mail and phone given are kept on the person."""
    institution: string(4, required=True)            # BRIN
    role: choice(m.Contact.Role)
    person: Id | None = None                        # id of a person (GET /api/v1/people/{id})
    name: string(120) = ""                           # required without ``person``
    email: Email = ""
    phone: string(30) = ""
    start: date | None = None
    end: date | None = None


class ComponentIn(In):
    name: string(200, required=True)
    covered_by: string(200) = ""


class ResponsibilityIn(In):
    task: choice(m.Task)
    party: choice(m.Responsibility.Party)          # vo | mbo: responsible for the whole route
    note: string(200) = ""


def rows(item):
    return Annotated[list[item], Field(max_length=ROWS)]


class RouteIn(In):
    name: string(200, required=True)
    type: choice(m.RouteType)
    region: int                                    # id of the region (GET /api/v1/regions)
    programme_label: string(60) = ""
    phase: choice(m.Phase) = m.Phase.IN_ONTWIKKELING.value
    start_year: small(1990, 2100) | None = None
    end_date: date | None = None
    description: LongText = ""
    profielen: rows(string(8, required=True)) = []   # profiel codes, e.g. "Z&W"
    leerwegen: rows(string(2, required=True)) = []   # leerweg codes, e.g. "BB"
    selection: choice(m.Selection) = m.Selection.ALLE.value
    vmbo_diploma: bool = True
    acceleration: choice(m.Acceleration) = m.Acceleration.GEEN.value
    acceleration_note: string(200) = ""
    start_vmbo_year: small(1, 4) = 3
    vmbo_exam_route_year: small(1, 8) | None = None
    choice_route_year: small(1, 8) | None = None   # the uitstroomrichting may stay open until this route year ...
    choice_month: small(1, 12) | None = None       # ... and month of it
    study_duration_years: small(1, 8) | None = None
    onderwijstijd_hours: small(0, LARGE) | None = None
    onderwijstijd_deviation: string(300) = ""
    mr_consent_on: date | None = None
    integrated_exam: bool = False
    pta_oer: string(200) = ""
    includes_lwt: bool = False
    settlement_model: choice(m.SettlementModel, blank=True) = ""
    reported_students: small(0, LARGE) | None = None
    without_structural_meetings: bool = False
    min_intake: small() | None = None
    min_intake_scope: choice(m.IntakeScope) = m.IntakeScope.UITSTROOMRICHTING.value
    partners: rows(PartnerIn) = []
    uitstroomrichtingen: rows(UitstroomIn) = []
    years: rows(YearIn) = []
    targets: rows(TargetIn) = []
    contacts: rows(ContactIn) = []
    components: rows(ComponentIn) = []
    responsibilities: rows(ResponsibilityIn) = []


# --- agreements ---------------------------------------------------------------------------------

class SignatureIn(In):
    bestuur: string(200, required=True)              # name of the board (bevoegd gezag)
    signed_on: date | None = None
    signatory: string(120) = ""


class ClauseIn(In):
    topic: choice(m.TOPIC_CHOICES)                 # see GET /api/v1/rules
    text: LongText = ""
    reference: string(200) = ""


class AgreementIn(In):
    kind: choice(m.AgreementKind) = m.AgreementKind.SOK.value
    title: string(200, required=True)
    reference: string(100) = ""
    valid_from: date | None = None
    valid_to: date | None = None
    routes: rows(int) = []                         # route ids
    supersedes: int | None = None                  # id of the agreement this version replaces or extends
    notes: LongText = ""
    signatures: rows(SignatureIn) = []
    clauses: rows(ClauseIn) = []


# --- qualitative targets -----------------------------------------------------------------------

class GoalIn(In):
    """A qualitative target of a route (its text); the same shape creates and replaces it."""
    text: string(1000, required=True)


class JudgementIn(In):
    """The judgement of a qualitative target for one school year (the first calendar year, e.g. 2024
    for 2024-2025); a second judgement for the same year replaces the first."""
    school_year: small(1990, 2100)
    judgement: choice(m.Judgement)
    note: string(1000) = ""


# --- people and roles ---------------------------------------------------------------------------

class RoleIn(In):
    """A role a person holds in a route for one partner institution (POST /routes/{id}/roles). The
    person: ``person`` (the id of a person of that institution) or found by e-mail, else by name, and
    added when new."""
    institution: string(4, required=True)            # BRIN of a partner of the route
    role: choice(m.Contact.Role)
    person: Id | None = None
    name: string(120) = ""                           # required without ``person``
    email: Email = ""
    phone: string(30) = ""
    uitstroomrichting: string(5) = ""                # crebo of one of the route's uitstroomrichtingen
    start: date | None = None
    end: date | None = None


class SuccessorIn(In):
    """Who takes over: an existing person of the same institution (``person``) or a new one."""
    person: Id | None = None
    name: string(120) = ""
    email: Email = ""
    phone: string(30) = ""


class DepartureIn(In):
    """A person leaves a role: the role ends on ``end``, with a handover note; a successor (optional)
    holds the same role from the day after."""
    end: date
    handover_note: string(5000) = ""
    successor: SuccessorIn | None = None


# --- PUT and PATCH shapes -----------------------------------------------------------------------

def _variant(schema: type[In], name: str, required: bool) -> type[In]:
    """``schema`` with every field required (PUT) or every field optional, absent meaning "keep"
    (PATCH: a field left out has the default None, which model_fields_set tells apart)."""
    fields = {}
    for field_name, info in schema.model_fields.items():
        info = copy.copy(info)
        info.default, info.default_factory = (PydanticUndefined if required else None), None
        fields[field_name] = (info.annotation, info)
    doc = ("The whole resource: every field is required." if required
           else "The fields to change; the fields left out keep their value.")
    return create_model(name, __base__=In, __doc__=doc, **fields)


RoutePut = _variant(RouteIn, "RoutePut", required=True)
RoutePatch = _variant(RouteIn, "RoutePatch", required=False)
AgreementPut = _variant(AgreementIn, "AgreementPut", required=True)
AgreementPatch = _variant(AgreementIn, "AgreementPatch", required=False)
RolePatch = _variant(RoleIn, "RolePatch", required=False)


def merge(schema: type[In], current: In, patch: In) -> In:
    """The current state with the fields given in ``patch`` (a PATCH), validated as ``schema``."""
    return schema.model_validate({**current.model_dump(), **patch.model_dump(include=patch.model_fields_set)})
