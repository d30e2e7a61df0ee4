"""Partner proposals over JSON: a partner of a route with students is added or changed when every
current partner has confirmed (see apps/routes/proposals.py)."""
from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from apps.core.idempotency import idempotent
from apps.registry.models import Institution
from apps.routes.models import Route

from . import models as m
from . import proposals

router = Router(tags=["partner proposals"])


class ErrorOut(Schema):
    rule: str | None
    field: str
    message: str


class Errors(Schema):
    errors: list[ErrorOut]


class Detail(Schema):
    detail: str


class PartnerProposalIn(Schema):
    action: str = "add"                  # "add" | "change" (needs ``replaces``) | "remove" (a partner without students)
    institution: str                     # BRIN of the proposed partner (for "remove": of the partner that leaves)
    role: str                            # "vo" | "mbo"
    location: str | None = None          # 2-digit vestigingscode of that institution
    joined_on: date | None = None
    rio_registered_on: date | None = None
    replaces: str | None = None          # BRIN of the current partner this one replaces; empty: an addition
    note: str = ""


class RejectIn(Schema):
    reason: str


class InstitutionRef(Schema):
    brin: str
    name: str


class ConfirmationOut(Schema):
    institution: InstitutionRef
    user: str | None
    at: datetime


class PartnerProposalOut(Schema):
    id: int
    route: int
    action: str                          # "add" | "change" | "remove"
    status: str                          # "open" | "accepted" | "withdrawn" | "rejected"
    institution: InstitutionRef
    role: str
    location: str | None
    joined_on: date | None
    rio_registered_on: date | None
    replaces: InstitutionRef | None
    note: str
    proposed_by: str | None
    proposed_for: InstitutionRef
    created: datetime
    decided_at: datetime | None
    decided_by: str | None
    reason: str
    confirmations: list[ConfirmationOut]
    waiting_for: list[InstitutionRef]    # current partners that have not confirmed (open proposals)


def _ref(institution):
    return None if institution is None else {"brin": institution.brin, "name": institution.name}


def proposal_out(p: m.PartnerProposal) -> dict:
    open_ = p.status == m.PartnerProposal.Status.OPEN
    return dict(
        id=p.pk, route=p.route_id, action=p.action, status=p.status, institution=_ref(p.institution), role=p.role,
        location=p.location.code if p.location else None, joined_on=p.joined_on,
        rio_registered_on=p.rio_registered_on, replaces=_ref(p.replaces), note=p.note,
        proposed_by=p.proposed_by.username if p.proposed_by else None, proposed_for=_ref(p.proposed_for),
        created=p.created, decided_at=p.decided_at, decided_by=p.decided_by.username if p.decided_by else None,
        reason=p.reason,
        confirmations=[dict(institution=_ref(c.institution), user=c.user.username if c.user else None, at=c.at)
                       for c in p.confirmations.select_related("institution", "user")],
        waiting_for=[_ref(i) for i in proposals.waiting_for(p)] if open_ else [],
    )


def _field_error(field, message):
    return Status(422, {"errors": [{"rule": None, "field": field, "message": message}]})


def _proposal_or_404(user, proposal_id) -> m.PartnerProposal:
    return get_object_or_404(m.PartnerProposal.objects.select_related("route"),
                             pk=proposal_id, route__in=Route.objects.visible_to(user))


def _decide(action, *args, success=200):
    try:
        proposal = action(*args)
    except proposals.ProposalRefused as refused:
        return Status(403, {"detail": str(refused)})
    except proposals.ProposalError as error:
        return Status(422, {"errors": error.errors})
    return Status(success, proposal_out(proposal))


@router.get("/routes/{route_id}/partner-proposals",
            response={200: list[PartnerProposalOut], 404: Detail, 422: Errors})
def list_proposals(request, route_id: int, status: str = ""):
    """The route's partner proposals, newest first (``status``: only open, accepted, withdrawn or
    rejected ones)."""
    route = get_object_or_404(Route.objects.visible_to(request.user), pk=route_id)
    if status and status not in m.PartnerProposal.Status.values:
        return _field_error("status", f"Onbekende status '{status}': kies uit "
                                      f"{', '.join(m.PartnerProposal.Status.values)}.")
    qs = route.partner_proposals.select_related("institution", "location", "replaces", "proposed_by",
                                                "proposed_for", "decided_by", "route")
    if status:
        qs = qs.filter(status=status)
    return [proposal_out(p) for p in qs]


@router.post("/routes/{route_id}/partner-proposals",
             response={201: PartnerProposalOut, 403: Detail, 404: Detail, 422: Errors})
@idempotent
def create_proposal(request, route_id: int, payload: PartnerProposalIn):
    """Propose adding a partner, changing one without students (``replaces``) or taking one without
    students out of the route. The
    proposer's institution confirms by proposing; the change takes effect when every current
    partner institution has confirmed."""
    route = get_object_or_404(Route.objects.visible_to(request.user), pk=route_id)
    if payload.action not in m.PartnerProposal.Action.values:
        return _field_error("action", f"Onbekend voorstel '{payload.action}': kies add, change of remove.")
    if payload.action == "change" and not payload.replaces:
        return _field_error("replaces", "Geef de partner (BRIN) die dit voorstel vervangt.")
    if payload.action != "change" and payload.replaces:
        return _field_error("replaces", "Alleen een wijziging (action \"change\") vervangt een partner.")
    institution = Institution.objects.filter(brin=payload.institution).first()
    if institution is None:
        return _field_error("institution", f"Onbekende code '{payload.institution}'.")
    location = None
    if payload.location:
        location = institution.locations.filter(code=payload.location).first()
        if location is None:
            return _field_error("location", f"Onbekende vestiging '{payload.location}'.")
    replaces = None
    if payload.replaces:
        replaces = Institution.objects.filter(brin=payload.replaces).first()
        if replaces is None:
            return _field_error("replaces", f"Onbekende code '{payload.replaces}'.")
    data = proposals.PartnerProposalInput(
        institution=institution, role=payload.role, location=location, joined_on=payload.joined_on,
        rio_registered_on=payload.rio_registered_on, replaces=replaces, note=payload.note,
        remove=payload.action == "remove")
    return _decide(proposals.propose_partner, request.user, route, data, success=201)


@router.get("/partner-proposals/{proposal_id}", response={200: PartnerProposalOut, 404: Detail})
def get_proposal(request, proposal_id: int):
    return proposal_out(_proposal_or_404(request.user, proposal_id))


@router.post("/partner-proposals/{proposal_id}/confirm",
             response={200: PartnerProposalOut, 403: Detail, 404: Detail, 422: Errors})
def confirm_proposal(request, proposal_id: int):
    """Confirm for your own partner institution(s); the last confirmation applies the change (a
    blocking rule refuses it with the rule's message and the proposal stays open)."""
    return _decide(proposals.confirm, request.user, _proposal_or_404(request.user, proposal_id))


@router.post("/partner-proposals/{proposal_id}/reject",
             response={200: PartnerProposalOut, 403: Detail, 404: Detail, 422: Errors})
def reject_proposal(request, proposal_id: int, payload: RejectIn):
    return _decide(proposals.reject, request.user, _proposal_or_404(request.user, proposal_id), payload.reason)


@router.post("/partner-proposals/{proposal_id}/withdraw",
             response={200: PartnerProposalOut, 403: Detail, 404: Detail, 422: Errors})
def withdraw_proposal(request, proposal_id: int):
    return _decide(proposals.withdraw, request.user, _proposal_or_404(request.user, proposal_id))
