"""Use cases of the reflection instrument, shared by the pages and the API: open a round and invite
participants (the route's editors), add participants, remind the invitees who have not submitted, close
the round (early or at its end), and save or submit one's own response (the invited participant only).
Each takes the typed input of ``schemas`` and refuses with the routes app's
``ChangeRefused`` ([{"rule", "field", "message"}], nothing written) or ``PermissionDenied``.

``on`` is the day the action happens (today by default); the demo loader passes the days of its
earlier rounds."""
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.registry.models import Institution
from apps.routes.models import Route
from apps.routes.services import ChangeRefused, error
from domain import reflection as core

from . import models as m
from .schemas import CloseIn, InviteIn, ResponseIn, RoundIn


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


def _require_editable(user, route: Route, message: str = "") -> None:
    if not Route.objects.editable_by(user).filter(pk=route.pk).exists():
        raise PermissionDenied(message or _("Alleen een coördinator van een partner van de route opent een "
                                            "reflectieronde."))


def closed_message(rnd: m.ReflectionRound) -> str:
    """Why nothing can be saved in a closed round: closed by a coordinator, or past its last day."""
    if rnd.closed_on is not None and rnd.closed_on <= rnd.closes_on:
        return _("De ronde is op %(date)s gesloten door de coördinator; er kan niets meer worden opgeslagen of "
                 "ingediend.") % {"date": rnd.closed_on.strftime("%d-%m-%Y")}
    return _("De ronde is gesloten sinds %(date)s.") % {"date": rnd.closes_on.strftime("%d-%m-%Y")}


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
    already = set(rnd.responses.values_list("user__username", flat=True))
    invitees, errors = _invitees(rnd.route, data.participants, already)
    with transaction.atomic():
        _lock(rnd)
        if rnd.status_on(on or timezone.localdate()) == m.ReflectionRound.Status.CLOSED:
            raise ChangeRefused([error("", _("De ronde is gesloten; open een nieuwe ronde."))])
        if errors:
            raise ChangeRefused(errors)
        return [m.Response.objects.create(round=rnd, user=participant, institution=institution, invited_by=user)
                for participant, institution in invitees]


def _lock(rnd: m.ReflectionRound) -> None:
    """Lock the round's row for the transaction and read it anew: a coordinator may have closed it meanwhile."""
    m.ReflectionRound.objects.select_for_update().filter(pk=rnd.pk).exists()
    rnd.refresh_from_db()


def close_round(user, rnd: m.ReflectionRound, data: CloseIn, on: date | None = None) -> m.ReflectionRound:
    """Close the round from ``on`` (today by default): early, when not everyone answered, or at its end. A
    closed round takes no more drafts, submissions or invitations; the drafts stay with their participants
    and never count. The results show as before: once participants of at least two partners submitted.
    For the route's editors; a round that is already closed is refused."""
    _require_editable(user, rnd.route, _("Alleen een coördinator van een partner van de route sluit een "
                                         "reflectieronde."))
    on = on or timezone.localdate()
    with transaction.atomic():
        _lock(rnd)
        if rnd.status_on(on) == m.ReflectionRound.Status.CLOSED:
            raise ChangeRefused([error("", _("De ronde is al gesloten."))])
        rnd.closed_on, rnd.closing_note = on, data.note
        rnd.closed_by = user if user and user.is_authenticated else None
        rnd.save()
    return rnd


@dataclass(frozen=True)
class Reminded:
    """What ``remind`` did: the number of mails sent, and the invitees without an e-mail address."""
    sent: int
    without_email: list[str]


def pending(rnd: m.ReflectionRound):
    """The invitations not submitted yet (invited or a draft)."""
    return (rnd.responses.exclude(status=m.Response.Status.SUBMITTED)
            .select_related("user", "institution").order_by("user__username"))


def remind(user, rnd: m.ReflectionRound, on: date | None = None, base_url: str = "") -> Reminded:
    """Mail every invitee of the open round who has not submitted a reminder with the link to their own
    response, one mail each (nobody sees who else was reminded). The mail holds the route, the round, its
    last day and the link: no scores, no answers, no names of others. Links start with the site's
    address (settings.LEERROUTE_BASE_URL), else with ``base_url`` (the page's own address). Recorded on
    the round (``reminded_on``, audited). For the route's editors; refused when the round is not open."""
    _require_editable(user, rnd.route, _("Alleen een coördinator van een partner van de route stuurt "
                                         "herinneringen."))
    on = on or timezone.localdate()
    rnd.refresh_from_db()
    if rnd.status_on(on) != m.ReflectionRound.Status.OPEN:
        raise ChangeRefused([error("", closed_message(rnd) if rnd.status_on(on) == m.ReflectionRound.Status.CLOSED
                                   else _("De ronde is nog niet open; herinneren kan zodra ze open is."))])
    base = getattr(settings, "LEERROUTE_BASE_URL", "") or base_url.rstrip("/")
    link = base + reverse("reflection:respond", args=[rnd.route_id, rnd.pk])
    mails, without = [], []
    with translation.override(settings.LANGUAGE_CODE):
        for response in pending(rnd):
            invitee = response.user
            if not invitee.is_active:          # cannot log in: nothing to remind them of
                continue
            if not invitee.email:
                without.append(invitee.username)
                continue
            context = {"user": invitee, "round": rnd, "route": rnd.route, "link": link,
                       "draft": response.status == m.Response.Status.DRAFT}
            subject = render_to_string("reflection/reminder_subject.txt", context).strip()
            body = render_to_string("reflection/reminder.txt", context)
            mails.append(EmailMessage(subject, body, None, [invitee.email]))
    if mails:
        get_connection().send_messages(mails)
        rnd.reminded_on = on
        rnd.save(update_fields=["reminded_on", "updated"])
    return Reminded(len(mails), without)


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
        _lock(rnd)
        status = rnd.status_on(on)
        if status == m.ReflectionRound.Status.PLANNED:
            raise ChangeRefused([error("", _("De ronde opent op %(date)s.")
                                       % {"date": rnd.opens_on.strftime("%d-%m-%Y")})])
        if status == m.ReflectionRound.Status.CLOSED:
            raise ChangeRefused([error("", closed_message(rnd))])
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
