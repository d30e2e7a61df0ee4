"""The reflection instrument over JSON, scoped as the pages: a route's rounds and a round's results are
for the route's partners and the beheerder (``ReflectionRound.objects.visible_to``), never for the region
or another institution; the route's editors open rounds, invite, remind and close them; each invitee
reads and saves their own response. The same use cases as the pages (``services``); averages are strings with a point
("4.5"), null where nobody scored the item."""
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from apps.core.api_schemas import Errors
from apps.core.idempotency import idempotent
from apps.routes.api_calls import call as _call
from domain import reflection as core

from . import comparison, services
from .models import ReflectionRound, routes_reflected_by
from .schemas import CloseIn, InviteIn, ResponseIn, RoundIn

router = Router(tags=["reflection"])


class ItemOut(Schema):
    id: str                 # V1-V5, D1-D8, A1-A6
    group: str              # voorwaarde | domein | achtje
    section: str            # condities | inhoud | samenwerking | verankering | binnen | tussen
    title: str
    text: str


class CatalogueOut(Schema):
    items: list[ItemOut]
    scale: dict[str, str]   # "1".."5" -> label; a score of null is "weet ik niet"
    phase_question: str
    phase_answers: dict[str, str]


class ParticipantOut(Schema):
    username: str
    institution: str        # BRIN
    status: str             # uitgenodigd | concept | ingediend


class RoundOut(Schema):
    id: int
    route: int
    title: str
    opens_on: date
    closes_on: date
    status: str             # gepland | open | gesloten
    phase: str              # the route's phase when the round was opened
    note: str
    closed_on: date | None  # the day a coordinator closed it (early or at its end); null otherwise
    closing_note: str
    participants: list[ParticipantOut]


class PartnerOut(Schema):
    institution: str        # BRIN
    name: str
    invited: int
    submitted: int


class AveragesOut(Schema):
    key: str                # an item id, a section or a group
    label: str
    averages: dict[str, Decimal | None]   # BRIN -> average (1 decimal)
    spread: Decimal | None = None         # items: highest partner average minus lowest


class NoteOut(Schema):
    item: str
    institution: str
    note: str


class PhaseFitOut(Schema):
    institution: str
    ja: int
    deels: int
    nee: int
    notes: list[str]


class ResultsOut(Schema):
    """A round's results: empty until participants of at least two partners submitted (``comparable``)."""
    round: RoundOut
    comparable: bool
    partners: list[PartnerOut]
    items: list[AveragesOut]
    sections: list[AveragesOut]
    groups: list[AveragesOut]
    largest_differences: list[str]        # item ids, the largest difference first
    phase_fit: list[PhaseFitOut]
    notes: list[NoteOut]


class RemindedOut(Schema):
    sent: int                       # mails sent, one per invitee who has not submitted
    without_email: list[str]        # usernames of invitees not reminded: no e-mail address


class AnswerOut(Schema):
    score: int | None
    note: str


class ResponseOut(Schema):
    round: int
    institution: str
    status: str
    answers: dict[str, AnswerOut]
    phase_fit: str
    phase_fit_note: str
    submitted_on: date | None


def round_out(rnd: ReflectionRound) -> dict:
    return dict(id=rnd.pk, route=rnd.route_id, title=rnd.title, opens_on=rnd.opens_on, closes_on=rnd.closes_on,
                status=rnd.status, phase=rnd.phase, note=rnd.note, closed_on=rnd.closed_on,
                closing_note=rnd.closing_note,
                participants=[dict(username=r.user.username, institution=r.institution.brin, status=r.status)
                              for r in rnd.responses.select_related("user", "institution")])


def response_out(response) -> dict:
    return dict(round=response.round_id, institution=response.institution.brin, status=response.status,
                answers={a.item: dict(score=a.score, note=a.note) for a in response.answers.all()},
                phase_fit=response.phase_fit, phase_fit_note=response.phase_fit_note,
                submitted_on=response.submitted_on)


def _rows(rows, brins) -> list[dict]:
    return [dict(key=r.key, label=r.label, averages=dict(zip(brins, r.values, strict=True)), spread=r.spread)
            for r in rows]


def results_out(rnd: ReflectionRound) -> dict:
    results = comparison.results(rnd)
    shown = [p for p in results.partners if p.submitted] if results.comparable else []
    brins = [p.institution.brin for p in shown]
    return dict(
        round=round_out(rnd), comparable=results.comparable,
        partners=[dict(institution=p.institution.brin, name=p.institution.name, invited=p.invited,
                       submitted=p.submitted) for p in results.partners],
        items=_rows(results.items, brins), sections=_rows(results.sections, brins), groups=_rows(results.groups, brins),
        largest_differences=[r.key for r in results.differing],
        phase_fit=[dict(institution=f.institution.brin, notes=f.notes, **f.counts) for f in results.phase_fit],
        notes=[dict(item=r.key, institution=name, note=note) for r in results.items for name, note in r.notes])


def _route(request, route_id: int):
    return get_object_or_404(routes_reflected_by(request.user), pk=route_id)


def _round(request, round_id: int) -> ReflectionRound:
    return get_object_or_404(ReflectionRound.objects.visible_to(request.user).select_related("route"), pk=round_id)


@router.get("/reflection/items", response=CatalogueOut)
def catalogue(request):
    """The instrument: its items (the five conditions, the three domains, the achtje), the scale and the
    phase question."""
    return dict(items=[dict(id=i.id, group=str(i.group), section=i.section, title=i.title, text=i.text)
                       for i in core.ITEMS],
                scale={str(k): v for k, v in core.SCALE_LABELS.items()},
                phase_question=core.PHASE_FIT_QUESTION, phase_answers=core.PHASE_FIT_LABELS)


@router.get("/routes/{route_id}/reflection-rounds", response={200: list[RoundOut], 404: Errors})
def list_rounds(request, route_id: int):
    """The route's reflection rounds, oldest first."""
    route = _route(request, route_id)
    return [round_out(r) for r in ReflectionRound.objects.visible_to(request.user).filter(route=route)]


@router.post("/routes/{route_id}/reflection-rounds", response={201: RoundOut, 403: Errors, 404: Errors, 422: Errors})
@idempotent
def create_round(request, route_id: int, payload: RoundIn):
    """Open a round and invite its participants (usernames of users of the route's partner institutions,
    from at least two partners). For the route's editors."""
    rnd, refused = _call(services.open_round, request.user, _route(request, route_id), payload)
    return refused or Status(201, round_out(rnd))


@router.get("/reflection-rounds/{reflection_round_id}", response={200: ResultsOut, 404: Errors})
def round_results(request, reflection_round_id: int):
    """The round with its participants and its results side by side per partner institution (by BRIN)."""
    return results_out(_round(request, reflection_round_id))


@router.post("/reflection-rounds/{reflection_round_id}/participants",
             response={200: RoundOut, 403: Errors, 404: Errors, 422: Errors})
def invite(request, reflection_round_id: int, payload: InviteIn):
    """Invite more participants to a round that has not closed. For the route's editors."""
    rnd = _round(request, reflection_round_id)
    _added, refused = _call(services.invite, request.user, rnd, payload)
    return refused or round_out(rnd)


@router.post("/reflection-rounds/{reflection_round_id}/close",
             response={200: RoundOut, 403: Errors, 404: Errors, 422: Errors})
def close_round(request, reflection_round_id: int, payload: CloseIn):
    """Close the round (early, or at its end), with an optional note. Afterwards it takes no drafts,
    submissions or invitations (422); unsubmitted drafts never count; the results show as before, once
    participants of at least two partners submitted. For the route's editors; an already closed round is
    a 422."""
    rnd, refused = _call(services.close_round, request.user, _round(request, reflection_round_id), payload)
    return refused or round_out(rnd)


@router.post("/reflection-rounds/{reflection_round_id}/reminders",
             response={200: RemindedOut, 403: Errors, 404: Errors, 422: Errors})
def remind(request, reflection_round_id: int):
    """Mail a reminder to each invitee of the open round who has not submitted: only the link to their own
    response, no scores or answers. For the route's editors; a round that is not open is a 422."""
    reminded, refused = _call(services.remind, request.user, _round(request, reflection_round_id), None,
                              request.build_absolute_uri("/"))
    return refused or dict(sent=reminded.sent, without_email=reminded.without_email)


@router.get("/reflection-rounds/{reflection_round_id}/response", response={200: ResponseOut, 403: Errors, 404: Errors})
def own_response(request, reflection_round_id: int):
    """One's own response in the round (invitees only)."""
    response = services.own_response(request.user, _round(request, reflection_round_id))
    if response is None:
        raise PermissionDenied
    return response_out(response)


@router.put("/reflection-rounds/{reflection_round_id}/response",
            response={200: ResponseOut, 403: Errors, 404: Errors, 422: Errors})
def save_response(request, reflection_round_id: int, payload: ResponseIn):
    """Save one's own response, whole (answers keyed by item id; items left out are removed), as a draft or
    with ``submit: true``: then every item needs a score or null ("weet ik niet") and the phase question an
    answer, and the response is locked. Errors name the item ("answers.V3.score")."""
    response, refused = _call(services.save_response, request.user, _round(request, reflection_round_id), payload)
    return refused or response_out(response)
