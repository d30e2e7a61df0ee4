"""Use cases of the reflection instrument, shared by the pages and the API: open a round and invite
participants (the route's editors), add participants, and save or submit one's own response (the
invited participant only). Each takes the typed input of ``schemas`` and refuses with the routes app's
``ChangeRefused`` ([{"rule", "field", "message"}], nothing written) or ``PermissionDenied``.

``on`` is the day the action happens (today by default); the demo loader passes the days of its
earlier rounds."""
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.registry.models import Institution
from apps.routes.models import Route
from apps.routes.services import ChangeRefused, error
from domain import reflection as core

from . import models as m
from .schemas import InviteIn, ResponseIn, RoundIn


def partner_institutions(route: Route) -> list[Institution]:
    """The route's partner institutions, the vo-school(s) first."""
    partners = sorted(route.partners.select_related("institution"), key=lambda p: (p.role != "vo", p.institution.name))
    return list(dict.fromkeys(p.institution for p in partners))


def candidates(route: Route):
    """The users who may be invited: active users of the route's partner institutions."""
    return (User.objects.filter(is_active=True, institutions__route_partnerships__route=route)
            .distinct().order_by("username"))


def institution_of(user, route: Route) -> Institution | None:
    """The partner institution a user takes part for: their first institution among the route's partners
    (the vo-school side first)."""
    own = set(user.institutions.values_list("pk", flat=True))
    return next((i for i in partner_institutions(route) if i.pk in own), None)


def _require_editable(user, route: Route) -> None:
    if not Route.objects.editable_by(user).filter(pk=route.pk).exists():
        raise PermissionDenied(_("Alleen een coördinator van een partner van de route opent een reflectieronde."))


def _invitees(route: Route, usernames: list[str], already=()) -> tuple[list[tuple[User, Institution]], list[dict]]:
    """The users named (each with the institution they take part for) and an error naming each one that
    is unknown or works at no partner of the route; names given twice or already invited are skipped."""
    found, errors, seen = [], [], set(already)
    for index, username in enumerate(usernames):
        if username in seen:
            continue
        seen.add(username)
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            errors.append(error(f"participants[{index}]", _("Onbekende gebruiker '%(name)s'.") % {"name": username}))
            continue
        institution = institution_of(user, route)
        if institution is None:
            errors.append(error(f"participants[{index}]",
                                _("%(name)s werkt niet bij een partner van deze route.") % {"name": username}))
            continue
        found.append((user, institution))
    return found, errors


def open_round(user, route: Route, data: RoundIn, on: date | None = None) -> m.ReflectionRound:
    """Open a reflection round of the route and invite its participants: from at least two partner
    institutions, or there is nothing to compare."""
    _require_editable(user, route)
    on = on or timezone.localdate()
    errors = []
    if data.closes_on < data.opens_on:
        errors.append(error("closes_on", _("De ronde sluit vóór ze opent: kies een datum op of na 'open vanaf'.")))
    elif data.closes_on < on:
        errors.append(error("closes_on", _("Deze datum ligt in het verleden.")))
    invitees, problems = _invitees(route, data.participants)
    errors += problems
    if not problems and len({institution.pk for _user, institution in invitees}) < core.MIN_PARTNERS:
        errors.append(error("participants", _("Nodig deelnemers uit van minstens twee partners; anders valt er "
                                              "niets te vergelijken.")))
    if errors:
        raise ChangeRefused(errors)
    with transaction.atomic():
        rnd = m.ReflectionRound.objects.create(route=route, title=data.title, opens_on=data.opens_on,
                                               closes_on=data.closes_on, note=data.note, phase=route.phase,
                                               created_by=user if user and user.is_authenticated else None)
        for participant, institution in invitees:
            m.Response.objects.create(round=rnd, user=participant, institution=institution, invited_by=rnd.created_by)
    return rnd


def invite(user, rnd: m.ReflectionRound, data: InviteIn, on: date | None = None) -> list[m.Response]:
    """Invite more participants to a round that has not closed."""
    _require_editable(user, rnd.route)
    if rnd.status_on(on or timezone.localdate()) == m.ReflectionRound.Status.CLOSED:
        raise ChangeRefused([error("", _("De ronde is gesloten; open een nieuwe ronde."))])
    already = set(rnd.responses.values_list("user__username", flat=True))
    invitees, errors = _invitees(rnd.route, data.participants, already)
    if errors:
        raise ChangeRefused(errors)
    with transaction.atomic():
        return [m.Response.objects.create(round=rnd, user=participant, institution=institution, invited_by=user)
                for participant, institution in invitees]


def own_response(user, rnd: m.ReflectionRound) -> m.Response | None:
    if not user.is_authenticated:
        return None
    return rnd.responses.filter(user=user).select_related("institution").first()


def _answers(data: ResponseIn) -> dict[str, core.Answer]:
    return {key: core.Answer(answer.score, answer.note) for key, answer in data.answers.items()}


def save_response(user, rnd: m.ReflectionRound, data: ResponseIn, on: date | None = None) -> m.Response:
    """Save one's own response in the round (the whole of it: answers left out are removed), as a draft
    or submitted. Only an invited participant answers, once: a submitted response is locked. The round
    must be open on ``on``; a submitted response needs every item answered and the phase question."""
    on = on or timezone.localdate()
    if own_response(user, rnd) is None:
        raise PermissionDenied(_("U bent niet uitgenodigd voor deze reflectieronde."))
    answers = _answers(data)
    with transaction.atomic():
        response = m.Response.objects.select_for_update().get(round=rnd, user=user)
        if response.locked:
            raise ChangeRefused([error("", _("Uw reflectie is al ingediend en ligt vast."))])
        status = rnd.status_on(on)
        if status == m.ReflectionRound.Status.PLANNED:
            raise ChangeRefused([error("", _("De ronde opent op %(date)s.")
                                       % {"date": rnd.opens_on.strftime("%d-%m-%Y")})])
        if status == m.ReflectionRound.Status.CLOSED:
            raise ChangeRefused([error("", _("De ronde is gesloten sinds %(date)s.")
                                       % {"date": rnd.closes_on.strftime("%d-%m-%Y")})])
        problems = core.problems(answers, data.phase_fit, complete=data.submit)
        if problems:
            raise ChangeRefused([error(p.field, p.message) for p in problems])
        _replace_answers(response, answers)
        response.phase_fit, response.phase_fit_note = data.phase_fit, data.phase_fit_note
        response.status = m.Response.Status.SUBMITTED if data.submit else m.Response.Status.DRAFT
        response.submitted_on = on if data.submit else None
        response.save()
    return response


def _replace_answers(response: m.Response, answers: dict[str, core.Answer]) -> None:
    """Make the stored answers equal to ``answers``: an unchanged answer is not saved again (one audit entry
    per real change), an answer no longer given is removed."""
    stored = {a.item: a for a in response.answers.all()}
    for item, answer in stored.items():
        if item not in answers:
            answer.delete()
    for item, given in answers.items():
        answer = stored.get(item)
        if answer is None:
            m.Answer.objects.create(response=response, item=item, score=given.score, note=given.note)
        elif (answer.score, answer.note) != (given.score, given.note):
            answer.score, answer.note = given.score, given.note
            answer.save()
