"""Routes, compliance, agreements and the rules catalogue over JSON. Writes hand the parsed body
to the same use cases as the interface (services.save_route, services.save_agreement): one
validation, one save path. POST creates, PUT replaces the whole resource (every field required),
PATCH changes the fields given."""
from datetime import date
from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import ConfigDict, ValidationError

from apps.core.api_schemas import Errors
from apps.core.audit import history
from apps.core.idempotency import idempotent
from apps.core.schema_errors import problems
from apps.registry.models import Profiel
from apps.routes.models import Agreement, Route
from domain.rules import CATALOGUE, get_rule

from . import compliance, disclosure, services
from . import models as m
from .filtersets import RouteFilterSet
from .schemas import AgreementIn, AgreementPatch, AgreementPut, RouteIn, RoutePatch, RoutePut, merge

router = Router(tags=["routes"])
rules_router = Router(tags=["rules"])
agreements_router = Router(tags=["agreements"])


# --- schemas ---------------------------------------------------------------------------------

class RuleOut(Schema):
    id: str
    level: str
    subject: str
    title: str
    description: str
    source: str


class FindingOut(Schema):
    rule: str
    status: str
    field: str
    message: str




class RouteSummary(Schema):
    id: int
    name: str
    type: str
    legal_status: str
    phase: str
    region: str
    programme_label: str
    compliance: str

    @staticmethod
    def resolve_region(obj):
        return obj.region.name

    @staticmethod
    def resolve_compliance(obj):
        return compliance.summary(obj)


class RouteOut(RouteIn):
    model_config = ConfigDict(extra="ignore")
    id: int
    legal_status: str
    region_name: str
    compliance: str
    findings: list[FindingOut]           # the warnings and failures of the latest evaluation
    reported_students: int | Literal["<5"] | None = None   # "<5" for a reader outside the partners
    last_partner_meeting: date | None = None   # derived: the latest meeting held with both sides (overleg)


# --- helpers ---------------------------------------------------------------------------------

def route_out(route: m.Route) -> dict:
    return dict(services.current_route(route).model_dump(), id=route.pk, region_name=route.region.name,
                legal_status=route.legal_status, compliance=compliance.summary(route),
                last_partner_meeting=route.last_partner_meeting,
                findings=[dict(rule=f.rule, status=f.status, field=f.field, message=f.message)
                          for f in route.findings.all() if f.status != "passed"])


def refused(errors: list[dict]):
    return Status(422, {"errors": errors})


def merged(schema, current, patch):
    """The current state with the fields of a PATCH; (input, None) or (None, a 422 response)."""
    try:
        return merge(schema, current, patch), None
    except ValidationError as exc:
        return None, refused(problems(exc))


def save_route(user, data: RouteIn, route: m.Route | None):
    try:
        saved, _findings = services.save_route(user, data, route)
    except services.ChangeRefused as refusal:
        return refused(refusal.errors)
    return Status(201 if route is None else 200, route_out(saved))


def _editable_route(request, route_id: int):
    """The route to change, or a 403 response; 404 when the user may not see it."""
    route = get_object_or_404(Route.objects.visible_to(request.user), pk=route_id)
    if not Route.objects.editable_by(request.user).filter(pk=route.pk).exists():
        return None, Status(403, {"detail": "U mag deze route lezen maar niet wijzigen."})
    return route, None


# --- endpoints -------------------------------------------------------------------------------

@rules_router.get("", response=list[RuleOut], auth=None)
def rules(request):
    """The rules catalogue (R-01..R-21)."""
    return CATALOGUE


@rules_router.get("/{rule_id}", response={200: RuleOut, 404: dict}, auth=None)
def rule(request, rule_id: str):
    try:
        return Status(200, get_rule(rule_id))
    except KeyError:
        return Status(404, {"detail": f"Onbekende regel '{rule_id}'."})


@router.get("", response={200: list[RouteSummary], 422: Errors})
def list_routes(request, search: str = "", type: str = "", phase: str = "", region: int | None = None,
                level: int | None = None, profiel: str = "", legal_status: str = ""):
    params = {k: v for k, v in dict(search=search, type=type, phase=phase, region=region, level=level,
                                    legal_status=legal_status).items() if v not in ("", None)}
    if profiel:
        params["profiel"] = Profiel.objects.filter(code=profiel).values_list("pk", flat=True).first() or 0
    qs = Route.objects.visible_to(request.user).select_related("region").prefetch_related("findings")
    filterset = RouteFilterSet(params, queryset=qs)
    if not filterset.is_valid():
        return Status(422, {"errors": [{"rule": None, "field": name, "message": str(msg)}
                                       for name, msgs in filterset.errors.items() for msg in msgs]})
    if profiel and not params["profiel"]:
        return Status(422, {"errors": [{"rule": None, "field": "profiel",
                                        "message": f"Onbekend profiel '{profiel}'."}]})
    return filterset.qs


@router.post("", response={201: RouteOut, 422: Errors, 403: dict})
@idempotent
def create_route(request, payload: RouteIn):
    if not request.user.may_edit_routes:
        return Status(403, {"detail": "Uw rol mag geen routes aanmaken."})
    return save_route(request.user, payload, None)


@router.get("/{route_id}", response=RouteOut)
def get_route(request, route_id: int):
    route = get_object_or_404(Route.objects.visible_to(request.user), pk=route_id)
    data = route_out(route)
    if not route.people_visible_to(request.user):     # people and contact details: the route's partners only
        data["contacts"] = []
    shown = disclosure.findings_for(request.user, route, [f for f in route.findings.all() if f.status != "passed"])
    return data | {"findings": [dict(rule=f.rule, status=f.status, field=f.field, message=f.message)   # small counts
                                for f in shown],
                   "reported_students": disclosure.reported_students(request.user, route)}


@router.put("/{route_id}", response={200: RouteOut, 422: Errors, 403: dict})
def update_route(request, route_id: int, payload: RoutePut):
    """Replace the whole route: every field is required (a missing field is a 422 naming it)."""
    route, denied = _editable_route(request, route_id)
    if denied:
        return denied
    return save_route(request.user, RouteIn.model_validate(payload.model_dump()), route)


@router.patch("/{route_id}", response={200: RouteOut, 422: Errors, 403: dict})
def patch_route(request, route_id: int, payload: RoutePatch):
    """Change the fields given; the others keep their value (a list given replaces that list)."""
    route, denied = _editable_route(request, route_id)
    if denied:
        return denied
    data, invalid = merged(RouteIn, services.current_route(route), payload)
    return invalid or save_route(request.user, data, route)


@router.post("/{route_id}/stop", response={200: RouteOut, 403: dict})
def stop_route(request, route_id: int):
    route, denied = _editable_route(request, route_id)
    if denied:
        return denied
    services.stop_route(route)
    return route_out(route)


@router.get("/{route_id}/compliance", response=list[FindingOut])
def route_compliance(request, route_id: int):
    """Every applicable rule as passed / warning / failed, with the reason."""
    route = get_object_or_404(Route.objects.visible_to(request.user), pk=route_id)
    return disclosure.findings_for(request.user, route, compliance.refresh(route))   # small counts outside partners


class HistoryOut(Schema):
    timestamp: str
    actor: str | None
    action: str
    object: str
    changes: dict | str | None


@router.get("/{route_id}/history", response=list[HistoryOut])
def route_history(request, route_id: int):
    route = get_object_or_404(Route.objects.visible_to(request.user), pk=route_id)
    return [dict(timestamp=item["entry"].timestamp.isoformat(),
                 actor=item["entry"].actor.username if item["entry"].actor else None,
                 action=str(item["action"]), object=f"{item['entry'].content_type.model}: {item['entry'].object_repr}",
                 changes={label: [before, after] for label, before, after in item["rows"]})
            for item in history(route, "route_id", () if route.people_visible_to(request.user) else (m.Contact,))]


class SignatureOut(Schema):
    bestuur: str
    signed_on: date | None
    signatory: str


class ClauseOut(Schema):
    topic: str
    text: str
    reference: str


class AgreementOut(Schema):
    id: int
    kind: str
    title: str
    reference: str
    valid_from: date | None
    valid_to: date | None
    supersedes: int | None
    notes: str
    version: int
    signed: bool
    routes: list[int]
    topics: list[str]                    # topics with agreed text or a reference
    signatures: list[SignatureOut]
    clauses: list[ClauseOut]


def agreement_out(a: m.Agreement, visible: set[int]) -> dict:
    """An agreement as the API shows it; ``visible``: ids of the routes the user may see."""
    return dict(id=a.pk, kind=a.kind, title=a.title, reference=a.reference, valid_from=a.valid_from,
                valid_to=a.valid_to, supersedes=a.supersedes_id, notes=a.notes, version=a.version,
                signed=a.is_signed, routes=[r.pk for r in a.routes.all() if r.pk in visible],
                topics=sorted(a.topic_codes()),
                signatures=[dict(bestuur=s.bestuur.name, signed_on=s.signed_on, signatory=s.signatory)
                            for s in a.signatures.all()],
                clauses=[dict(topic=c.topic, text=c.text, reference=c.reference) for c in a.clauses.all()])


def _visible_route_ids(user) -> set[int]:
    return set(Route.objects.visible_to(user).values_list("pk", flat=True))


def save_agreement(request, data: AgreementIn, agreement: m.Agreement | None):
    try:
        saved, _found = services.save_agreement(request.user, data, agreement)
    except services.ChangeRefused as refusal:
        return refused(refusal.errors)
    return Status(201 if agreement is None else 200, agreement_out(saved, _visible_route_ids(request.user)))


def _editable_agreement(request, agreement_id: int):
    agreement = get_object_or_404(Agreement.objects.visible_to(request.user), pk=agreement_id)
    if not Agreement.objects.editable_by(request.user).filter(pk=agreement.pk).exists():
        return None, Status(403, {"detail": "U mag deze overeenkomst lezen maar niet wijzigen."})
    return agreement, None


@agreements_router.post("", response={201: AgreementOut, 422: Errors, 403: dict})
@idempotent
def create_agreement(request, payload: AgreementIn):
    if not request.user.may_edit_routes:
        return Status(403, {"detail": "Uw rol mag geen overeenkomsten vastleggen."})
    return save_agreement(request, payload, None)


@agreements_router.put("/{agreement_id}", response={200: AgreementOut, 422: Errors, 403: dict})
def update_agreement(request, agreement_id: int, payload: AgreementPut):
    """Replace the whole agreement: every field is required (a missing field is a 422 naming it).
    Routes the user may not change stay covered. A signed agreement's content changes only through
    a new version (an agreement with ``supersedes``); its notes may change."""
    agreement, denied = _editable_agreement(request, agreement_id)
    if denied:
        return denied
    return save_agreement(request, AgreementIn.model_validate(payload.model_dump()), agreement)


@agreements_router.patch("/{agreement_id}", response={200: AgreementOut, 422: Errors, 403: dict})
def patch_agreement(request, agreement_id: int, payload: AgreementPatch):
    """Change the fields given; the others keep their value (a list given replaces that list)."""
    agreement, denied = _editable_agreement(request, agreement_id)
    if denied:
        return denied
    data, invalid = merged(AgreementIn, services.current_agreement(agreement), payload)
    return invalid or save_agreement(request, data, agreement)


@agreements_router.get("", response=list[AgreementOut])
def list_agreements(request):
    visible = _visible_route_ids(request.user)
    agreements = Agreement.objects.visible_to(request.user).prefetch_related("routes", "signatures__bestuur", "clauses")
    return [agreement_out(a, visible) for a in agreements]


@agreements_router.get("/{agreement_id}", response=AgreementOut)
def get_agreement(request, agreement_id: int):
    agreement = get_object_or_404(Agreement.objects.visible_to(request.user), pk=agreement_id)
    return agreement_out(agreement, _visible_route_ids(request.user))
