"""Routes, compliance, agreements and the rules catalogue over JSON. Writes go through the same
forms and the same compliance use case as the interface: one validation, one save path."""
from datetime import date
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from apps.accounts.scoping import editable_agreements, editable_routes, visible_agreements, visible_routes
from apps.core.api_schemas import Errors
from apps.core.idempotency import idempotent
from apps.registry.models import Bestuur, Institution, Kwalificatie, Leerweg, Profiel
from domain.rules import CATALOGUE, get_rule

from . import compliance, disclosure, services
from . import forms as f
from . import models as m
from .filtersets import RouteFilterSet

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


class PartnerIO(Schema):
    institution: str                     # BRIN
    role: str                            # "vo" | "mbo"
    location: str | None = None          # 2-digit vestigingscode
    joined_on: date | None = None
    rio_registered_on: date | None = None


class UitstroomIO(Schema):
    kwalificatie: str                    # 5-digit code
    min_intake: int | None = None        # None: the route's min_intake applies
    active: bool = True


class YearIO(Schema):
    route_year: int
    vmbo_year: int | None = None
    unfunded_at: str = ""                # the route's enrolment pattern: "" | "vo" | "mbo"
    days_at_mbo: Decimal = Decimal(0)
    days_bpv: Decimal = Decimal(0)
    teaching_location: str = ""
    teaching_by: str = ""
    note: str = ""


class TargetIO(Schema):
    kpi: str
    parameter: str = ""
    operator: str = ">="
    value: Decimal


class ContactIO(Schema):
    institution: str                     # BRIN
    role: str
    name: str
    email: str = ""
    start: date | None = None
    end: date | None = None


class ComponentIO(Schema):
    name: str
    covered_by: str = ""


class ResponsibilityIO(Schema):
    task: str                            # verzuim_vsv | examinering | bpv | medezeggenschap
    party: str                           # vo | mbo: responsible for the whole route
    note: str = ""


class RouteIn(Schema):
    name: str
    type: str
    region: int
    programme_label: str = ""
    phase: str = "in_ontwikkeling"
    start_year: int | None = None
    end_date: date | None = None
    description: str = ""
    profielen: list[str] = []
    leerwegen: list[str] = []
    selection: str = "alle"
    vmbo_diploma: bool = True
    acceleration: str = "geen"
    acceleration_note: str = ""
    start_vmbo_year: int = 3
    vmbo_exam_route_year: int | None = None
    choice_route_year: int | None = None   # the uitstroomrichting may stay open until this route year ...
    choice_month: int | None = None        # ... and month of it
    study_duration_years: int | None = None
    onderwijstijd_hours: int | None = None
    onderwijstijd_deviation: str = ""
    mr_consent_on: date | None = None
    integrated_exam: bool = False
    pta_oer: str = ""
    includes_lwt: bool = False
    settlement_model: str = ""
    reported_students: int | None = None
    last_partner_meeting: date | None = None
    without_structural_meetings: bool = False
    min_intake: int | None = None
    min_intake_scope: str = "uitstroomrichting"   # uitstroomrichting | klas | vo_school | route
    partners: list[PartnerIO] = []
    uitstroomrichtingen: list[UitstroomIO] = []
    years: list[YearIO] = []
    targets: list[TargetIO] = []
    contacts: list[ContactIO] = []
    components: list[ComponentIO] = []
    responsibilities: list[ResponsibilityIO] = []


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
    id: int
    legal_status: str
    region_name: str
    compliance: str
    findings: list[FindingOut]           # the warnings and failures of the latest evaluation


# --- helpers ---------------------------------------------------------------------------------

def route_out(route: m.Route) -> dict:
    data = {name: getattr(route, name) for name in RouteIn.model_fields
            if name not in {"region", "profielen", "leerwegen", "partners", "uitstroomrichtingen", "years",
                            "targets", "contacts", "components", "responsibilities"}}
    data.update(
        id=route.pk, region=route.region_id, region_name=route.region.name, legal_status=route.legal_status,
        compliance=compliance.summary(route),
        findings=[f for f in route.findings.all() if f.status != "passed"],
        profielen=[p.code for p in route.profielen.all()], leerwegen=[lw.code for lw in route.leerwegen.all()],
        partners=[dict(institution=p.institution.brin, role=p.role, location=p.location.code if p.location else None,
                       joined_on=p.joined_on, rio_registered_on=p.rio_registered_on)
                  for p in route.partners.select_related("institution", "location")],
        uitstroomrichtingen=[dict(kwalificatie=u.kwalificatie.code, min_intake=u.min_intake,
                                  active=u.active) for u in route.uitstroomrichtingen.select_related("kwalificatie")],
        years=[dict(route_year=y.route_year, vmbo_year=y.vmbo_year, unfunded_at=y.unfunded_at, days_at_mbo=y.days_at_mbo,
                    days_bpv=y.days_bpv, teaching_location=y.teaching_location, teaching_by=y.teaching_by,
                    note=y.note) for y in route.years.all()],
        targets=[dict(kpi=t.kpi, parameter=t.parameter, operator=t.operator, value=t.value)
                 for t in route.targets.all()],
        contacts=[dict(institution=c.institution.brin, role=c.role, name=c.name, email=c.email, start=c.start,
                       end=c.end) for c in route.contacts.select_related("institution")],
        components=[dict(name=c.name, covered_by=c.covered_by) for c in route.components.all()],
        responsibilities=[dict(task=r.task, party=r.party, note=r.note) for r in route.responsibilities.all()],
    )
    return data


class Lookup:
    """Turns the codes of a payload (BRIN, crebo, profiel, leerweg) into primary keys, collecting
    an error naming the field for every unknown code."""

    def __init__(self):
        self.errors: list[dict] = []

    def pk(self, model, field, value, where: str):
        if value in (None, ""):
            return ""
        obj = model.objects.filter(**{field: value}).first()
        if obj is None:
            self.errors.append({"rule": None, "field": where, "message": f"Onbekende code '{value}'."})
            return ""
        return obj.pk


def _formset_rows(prefix, existing, key, rows, row_key):
    """Form data for an inline formset that makes the parent's rows equal to ``rows``: an existing
    row with the same key is updated, the others are deleted, the rest added. Returns the data and,
    per form of the formset, the index of its row in ``rows`` (None for a deletion)."""
    pool = {}
    for obj in existing:
        pool.setdefault(key(obj), []).append(obj)
    updates, additions = [], []
    for position, row in enumerate(rows):
        matches = pool.get(row_key(row))
        if matches:
            updates.append((position, {**row, "id": matches.pop(0).pk}))
        else:
            additions.append((position, row))
    deletions = [(None, {"id": obj.pk, "DELETE": True}) for objs in pool.values() for obj in objs]
    forms = updates + deletions + additions          # forms with an id come first in a formset
    data = {f"{prefix}-TOTAL_FORMS": str(len(forms)), f"{prefix}-INITIAL_FORMS": str(len(updates) + len(deletions))}
    for i, (_position, row) in enumerate(forms):
        for name, value in row.items():
            if value is not None and value is not False:
                data[f"{prefix}-{i}-{name}"] = "on" if value is True else str(value)
    return data, [position for position, _row in forms]


def form_data(payload: RouteIn, route: m.Route | None) -> tuple[dict, list[dict]]:
    lookup = Lookup()
    raw = payload.dict()
    data = {k: v for k, v in raw.items() if not isinstance(v, list) and v is not None and v is not False}
    data = {k: ("on" if v is True else str(v)) for k, v in data.items()}
    data["profielen"] = [lookup.pk(Profiel, "code", c, "profielen") for c in payload.profielen]
    data["leerwegen"] = [lookup.pk(Leerweg, "code", c, "leerwegen") for c in payload.leerwegen]

    def brin(value, where):
        return lookup.pk(Institution, "brin", value, where)

    partners = []
    for i, p in enumerate(payload.partners):
        inst = brin(p.institution, f"partners[{i}].institution")
        location = ""
        if p.location and inst:
            location = Institution.objects.get(pk=inst).locations.filter(code=p.location).values_list(
                "pk", flat=True).first() or ""
            if not location:
                lookup.errors.append({"rule": None, "field": f"partners[{i}].location",
                                      "message": f"Onbekende vestiging '{p.location}'."})
        partners.append(dict(institution=inst, role=p.role, location=location, joined_on=p.joined_on,
                             rio_registered_on=p.rio_registered_on))
    uitstroom = [dict(kwalificatie=lookup.pk(Kwalificatie, "code", u.kwalificatie, f"uitstroomrichtingen[{i}]"
                                             ".kwalificatie"), min_intake=u.min_intake,
                      active=u.active) for i, u in enumerate(payload.uitstroomrichtingen)]
    contacts = [dict(c.dict(), institution=brin(c.institution, f"contacts[{i}].institution"))
                for i, c in enumerate(payload.contacts)]

    existing = (lambda name: list(getattr(route, name).all())) if route else (lambda name: [])
    positions = {}
    for prefix, key, rows, row_key in [
        ("partners", lambda o: (o.institution_id, o.role), partners, lambda r: (r["institution"], r["role"])),
        ("uitstroomrichtingen", lambda o: o.kwalificatie_id, uitstroom, lambda r: r["kwalificatie"]),
        ("years", lambda o: o.route_year, [y.dict() for y in payload.years], lambda r: r["route_year"]),
        ("targets", lambda o: (o.kpi, o.parameter), [t.dict() for t in payload.targets],
         lambda r: (r["kpi"], r["parameter"])),
        ("contacts", lambda o: (o.institution_id, o.role, o.name), contacts,
         lambda r: (r["institution"], r["role"], r["name"])),
        ("components", lambda o: o.name, [c.dict() for c in payload.components], lambda r: r["name"]),
        ("responsibilities", lambda o: o.task, [r.dict() for r in payload.responsibilities], lambda r: r["task"]),
    ]:
        rows_data, positions[prefix] = _formset_rows(prefix, existing(prefix), key, rows, row_key)
        data.update(rows_data)
    return data, positions, lookup.errors


def _row_path(prefix, index, positions, name=""):
    """The payload path of a formset row, e.g. "uitstroomrichtingen[0].kwalificatie"."""
    position = positions.get(prefix, [])[index] if index is not None else None
    path = prefix if position is None else f"{prefix}[{position}]"
    return f"{path}.{name}" if name and position is not None else path


def _form_errors(form, formsets, positions) -> list[dict]:
    errors = [{"rule": None, "field": name if name != "__all__" else "", "message": str(msg)}
              for name, msgs in form.errors.items() for msg in msgs]
    for prefix, formset in formsets.items():
        errors += [{"rule": None, "field": prefix, "message": str(msg)} for msg in formset.non_form_errors()]
        for i, sub in enumerate(formset.forms):
            errors += [{"rule": None, "field": _row_path(prefix, i, positions, name), "message": str(msg)}
                       for name, msgs in sub.errors.items() for msg in msgs]
    return errors


def _rule_errors(form, formsets, positions, violation) -> list[dict]:
    return [{"rule": finding.rule, "message": finding.message,
             "field": _row_path(prefix, index, positions, name) if prefix else (name or finding.field)}
            for finding, prefix, index, name in f.place_findings(form, formsets, violation.findings)]


def save_route(payload: RouteIn, route: m.Route | None, user):
    data, positions, errors = form_data(payload, route)
    form = f.RouteForm(data, instance=route)
    formsets = f.route_formsets(data, instance=route, user=user)
    if errors or not form.is_valid() or not all(fs.is_valid() for fs in formsets.values()):
        return Status(422, {"errors": errors or _form_errors(form, formsets, positions)})
    try:
        saved, _findings = services.save_route(form, formsets)
    except compliance.RuleViolation as violation:
        return Status(422, {"errors": _rule_errors(form, formsets, positions, violation)})
    return Status(201 if route is None else 200, route_out(saved))


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
    qs = visible_routes(request.user).select_related("region").prefetch_related("findings")
    filterset = RouteFilterSet(params, queryset=qs)
    if not filterset.is_valid():
        return Status(422, {"errors": [{"rule": None, "field": name, "message": str(msg)}
                                       for name, msgs in filterset.errors.items() for msg in msgs]})
    if profiel and not params["profiel"]:
        return Status(422, {"errors": [{"rule": None, "field": "profiel", "message": f"Onbekend profiel '{profiel}'."}]})
    return filterset.qs


@router.post("", response={201: RouteOut, 422: Errors, 403: dict})
@idempotent
def create_route(request, payload: RouteIn):
    if not request.user.may_edit_routes:
        return Status(403, {"detail": "Uw rol mag geen routes aanmaken."})
    return save_route(payload, None, request.user)


@router.get("/{route_id}", response=RouteOut)
def get_route(request, route_id: int):
    route = get_object_or_404(visible_routes(request.user), pk=route_id)
    data = route_out(route)
    return data | {"findings": disclosure.findings_for(request.user, route, data["findings"])}   # small counts


@router.put("/{route_id}", response={200: RouteOut, 422: Errors, 403: dict})
def update_route(request, route_id: int, payload: RouteIn):
    route = get_object_or_404(visible_routes(request.user), pk=route_id)
    if not editable_routes(request.user).filter(pk=route.pk).exists():
        return Status(403, {"detail": "U mag deze route lezen maar niet wijzigen."})
    return save_route(payload, route, request.user)


@router.post("/{route_id}/stop", response={200: RouteOut, 403: dict})
def stop_route(request, route_id: int):
    route = get_object_or_404(visible_routes(request.user), pk=route_id)
    if not editable_routes(request.user).filter(pk=route.pk).exists():
        return Status(403, {"detail": "U mag deze route lezen maar niet wijzigen."})

    services.stop_route(route)
    return route_out(route)


@router.get("/{route_id}/compliance", response=list[FindingOut])
def route_compliance(request, route_id: int):
    """Every applicable rule as passed / warning / failed, with the reason."""
    route = get_object_or_404(visible_routes(request.user), pk=route_id)
    return disclosure.findings_for(request.user, route, compliance.refresh(route))   # small counts outside partners


class HistoryOut(Schema):
    timestamp: str
    actor: str | None
    action: str
    object: str
    changes: dict | str | None


@router.get("/{route_id}/history", response=list[HistoryOut])
def route_history(request, route_id: int):
    from .audit import history
    route = get_object_or_404(visible_routes(request.user), pk=route_id)
    return [dict(timestamp=item["entry"].timestamp.isoformat(),
                 actor=item["entry"].actor.username if item["entry"].actor else None,
                 action=str(item["action"]), object=f"{item['entry'].content_type.model}: {item['entry'].object_repr}",
                 changes={label: [before, after] for label, before, after in item["rows"]})
            for item in history(route, "route_id")]


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
    return set(visible_routes(user).values_list("pk", flat=True))


class SignatureIn(Schema):
    bestuur: str                         # name of the board (bevoegd gezag)
    signed_on: date | None = None
    signatory: str = ""


class ClauseIn(Schema):
    topic: str                           # e.g. "aansturing", see GET /api/v1/rules
    text: str = ""
    reference: str = ""


class AgreementIn(Schema):
    kind: str = "sok"
    title: str
    reference: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    routes: list[int] = []
    supersedes: int | None = None
    notes: str = ""
    signatures: list[SignatureIn] = []
    clauses: list[ClauseIn] = []


def save_agreement(request, payload: AgreementIn, agreement: m.Agreement | None):
    lookup = Lookup()
    data = {k: ("" if v is None else str(v)) for k, v in payload.dict().items() if not isinstance(v, list)}
    data["routes"] = [str(pk) for pk in payload.routes]
    signatures = [dict(bestuur=lookup.pk(Bestuur, "name", s.bestuur, f"signatures[{i}].bestuur"),
                       signed_on=s.signed_on, signatory=s.signatory) for i, s in enumerate(payload.signatures)]
    existing = (lambda name: list(getattr(agreement, name).all())) if agreement else (lambda name: [])
    positions = {}
    for prefix, key, rows, row_key in [
        ("signatures", lambda o: o.bestuur_id, signatures, lambda r: r["bestuur"]),
        ("clauses", lambda o: o.topic, [c.dict() for c in payload.clauses], lambda r: r["topic"]),
    ]:
        rows_data, positions[prefix] = _formset_rows(prefix, existing(prefix), key, rows, row_key)
        data.update(rows_data)
    form = f.AgreementForm(data, instance=agreement, routes=editable_routes(request.user),
                           agreements=editable_agreements(request.user))
    formsets = f.agreement_formsets(data, instance=agreement)
    if lookup.errors or not form.is_valid() or not all(fs.is_valid() for fs in formsets.values()):
        return Status(422, {"errors": lookup.errors or _form_errors(form, formsets, positions)})
    try:
        saved, _found = services.save_agreement(form, formsets)
    except compliance.RuleViolation as violation:
        return Status(422, {"errors": _rule_errors(form, formsets, positions, violation)})
    return Status(201 if agreement is None else 200, agreement_out(saved, _visible_route_ids(request.user)))


@agreements_router.post("", response={201: AgreementOut, 422: Errors, 403: dict})
@idempotent
def create_agreement(request, payload: AgreementIn):
    if not request.user.may_edit_routes:
        return Status(403, {"detail": "Uw rol mag geen overeenkomsten vastleggen."})
    return save_agreement(request, payload, None)


@agreements_router.put("/{agreement_id}", response={200: AgreementOut, 422: Errors, 403: dict})
def update_agreement(request, agreement_id: int, payload: AgreementIn):
    agreement = get_object_or_404(visible_agreements(request.user), pk=agreement_id)
    if not editable_agreements(request.user).filter(pk=agreement.pk).exists():
        return Status(403, {"detail": "U mag deze overeenkomst lezen maar niet wijzigen."})
    return save_agreement(request, payload, agreement)


@agreements_router.get("", response=list[AgreementOut])
def list_agreements(request):
    visible = _visible_route_ids(request.user)
    agreements = visible_agreements(request.user).prefetch_related("routes", "signatures__bestuur", "clauses")
    return [agreement_out(a, visible) for a in agreements]


@agreements_router.get("/{agreement_id}", response=AgreementOut)
def get_agreement(request, agreement_id: int):
    agreement = get_object_or_404(visible_agreements(request.user), pk=agreement_id)
    return agreement_out(agreement, _visible_route_ids(request.user))
