"""Partner changes are agreed: no route edit moves students to another institution.

- Removing or replacing a partner that has students in the route is refused. A partner without
  students leaves the route by a proposal to remove it, confirmed like any other (in a route edit
  a coordinator keeps their own institution a partner and does not touch another's row), or by a
  beheerder's edit.
- Adding a partner to a route with students, or changing a partner (another institution or side),
  is a *partner proposal*. It takes effect when every current partner institution of the route has
  confirmed it (as partners approve a settlement); the proposer's institution confirms by proposing.
  The partner row is then written as any route change is: inside ``compliance.change_route``, so a
  blocking rule refuses it (the proposal stays open and the confirmation is not recorded).
- A route coordinator changes only their own institution's entries (partner rows, contacts).

The route save path (services.check_agreed_changes) calls the checks
``partner_change_needs_agreement`` and ``foreign_entry_changes``. Every proposal, confirmation and
decision is in the route's history (django-auditlog)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.lib.texts import shown
from apps.registry.models import Institution, Location

from . import compliance
from . import models as m

# Users who agree on a route's partners on behalf of their institution: the roles that change the
# route register of their own institution (a beheerder belongs to no partner).
AGREEING_ROLES = {"routecoordinator", "bestuurder"}


class ProposalRefused(PermissionError):
    """The user may not do this (the API answers 403)."""


class ProposalError(ValueError):
    """The proposal or decision is not valid; ``errors``: [{"rule", "field", "message"}] (422)."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__("; ".join(e["message"] for e in errors))


def _error(field: str, message: str, rule: str | None = None) -> dict:
    return {"rule": rule, "field": field, "message": message}


def proposal_endpoint(route) -> str:
    return f"/api/v1/routes/{route.pk}/partner-proposals"


# --- the checks the route save path calls -----------------------------------------------------

@dataclass(frozen=True)
class RowError:
    """An edit refused: ``index`` is the row's position in the new rows (None: a row that is gone)."""
    index: int | None
    field: str
    message: str


def _value(value):
    return value.pk if hasattr(value, "pk") else value


def _row(row, fields) -> dict:
    """A partner or contact row (model instance or dict of form values) as comparable values."""
    if isinstance(row, dict):
        values = {name: _value(row.get(name)) for name in fields}
        values["id"] = _value(row.get("id"))
        values["delete"] = bool(row.get("DELETE") or row.get("delete"))
    else:
        values = {name: row.serializable_value(name) for name in fields}
        values["id"], values["delete"] = row.pk, False
    for name in fields:
        if values[name] == "":
            values[name] = None
    return values


PARTNER_FIELDS = ("institution", "role", "location", "joined_on", "rio_registered_on")
# A contact row with its person's details (name, e-mail, phone: the Person's).
CONTACT_FIELDS = ("institution", "role", "email", "name", "phone", "person", "start", "end")


def _names(ids) -> dict:
    return dict(Institution.objects.filter(pk__in=[i for i in ids if i]).values_list("pk", "name"))


def partner_change_needs_agreement(route, current_rows, new_rows) -> list[RowError]:
    """In a plain edit of a route with students, every partner that is not already a partner of
    the route in that role (an added partner, or a row whose institution or side changed) is
    refused: it needs a partner proposal the current partners confirm. ``current_rows``: the
    route's RoutePartner rows (or dicts); ``new_rows``: the edited rows (dicts of form values, with
    "id" for an existing row and "DELETE" for a removed one)."""
    if route is None or route.pk is None or not route.students.exists():
        return []
    current = [_row(r, PARTNER_FIELDS) for r in current_rows]
    kept = {(r["institution"], r["role"]) for r in current}
    by_id = {r["id"]: r for r in current}
    rows = [_row(r, PARTNER_FIELDS) for r in new_rows]
    names = _names(r["institution"] for r in rows)
    errors = []
    for index, row in enumerate(rows):
        if row["delete"] or row["institution"] is None or (row["institution"], row["role"]) in kept:
            continue
        before = by_id.get(row["id"])
        field = "role" if before and before["institution"] == row["institution"] else "institution"
        errors.append(RowError(index, field, _(
            "De route heeft leerlingen: %(name)s kan niet met een gewone wijziging als %(role)s-partner worden "
            "toegevoegd of een partner vervangen. Doe een partnervoorstel (Partners op de routepagina, of POST "
            "%(endpoint)s); het gaat in zodra alle huidige partners het hebben bevestigd.")
            % {"name": names.get(row["institution"], row["institution"]), "role": row["role"],
               "endpoint": proposal_endpoint(route)}))
    return errors


def foreign_entry_changes(user, route, current_rows, new_rows, fields, *, additions: bool) -> list[RowError]:
    """A user changes only their own institution's entries: an existing row (partner, contact) of
    another institution may not be changed or removed, nor made into or out of one. ``additions``:
    whether a new row of another institution is refused too (contacts; a new partner is governed
    by ``partner_change_needs_agreement``). A beheerder and a new route are not restricted."""
    if user is None or route is None or route.pk is None or user.is_beheerder:
        return []
    own = set(user.institutions.values_list("pk", flat=True))
    current = {r["id"]: r for r in (_row(r, fields) for r in current_rows)}
    rows = [_row(r, fields) for r in new_rows]
    names = _names([*(r["institution"] for r in rows), *(r["institution"] for r in current.values())])
    errors, seen = [], set()

    def refuse(index, field, institution):
        name = names.get(institution, institution)
        errors.append(RowError(index, field, _(
            "Dit gegeven hoort bij %(name)s: alleen een routecoördinator van %(name)s wijzigt of verwijdert het.")
            % {"name": name}))

    for index, row in enumerate(rows):
        before = current.get(row["id"]) if row["id"] is not None else None
        if before is None:
            if additions and not row["delete"] and row["institution"] is not None and row["institution"] not in own:
                refuse(index, "institution", row["institution"])
            continue
        seen.add(row["id"])
        if row["delete"]:
            if before["institution"] not in own:
                refuse(index, "institution", before["institution"])
            continue
        changed = [name for name in fields if row[name] != before[name]]
        if not changed:
            continue
        if before["institution"] not in own:
            refuse(index, "institution" if "institution" in changed else changed[0], before["institution"])
        elif row["institution"] not in own:
            refuse(index, "institution", row["institution"])
    for pk, before in current.items():
        if pk not in seen and before["institution"] not in own:
            refuse(None, "institution", before["institution"])
    return errors


# --- who takes part --------------------------------------------------------------------------

def partner_institutions(route) -> list[Institution]:
    """The current partner institutions of the route (each once, also with two roles)."""
    return list(Institution.objects.filter(route_partnerships__route=route).distinct().order_by("name"))


def own_partner_institutions(user, route) -> list[Institution]:
    """The user's institutions that are current partners of the route, if the user's role agrees on
    partner changes; else none."""
    if not user.is_authenticated or user.role not in AGREEING_ROLES:
        return []
    own = set(user.institutions.values_list("pk", flat=True))
    return [i for i in partner_institutions(route) if i.pk in own]


def _require_partner(user, route) -> list[Institution]:
    own = own_partner_institutions(user, route)
    if not own:
        raise ProposalRefused(_("Alleen een routecoördinator van een partner van deze route doet, bevestigt of wijst "
                                "een partnervoorstel af."))
    return own


def waiting_for(proposal: m.PartnerProposal) -> list[Institution]:
    """The current partner institutions that have not confirmed the proposal yet."""
    confirmed = set(proposal.confirmations.values_list("institution", flat=True))
    return [i for i in partner_institutions(proposal.route) if i.pk not in confirmed]


def may_confirm(user, proposal) -> bool:
    if proposal.status != m.PartnerProposal.Status.OPEN:
        return False
    waiting = {i.pk for i in waiting_for(proposal)}
    own = own_partner_institutions(user, proposal.route)
    # With nobody waiting (a partner that had not confirmed left the route) any partner applies it.
    return bool(own) and (not waiting or any(i.pk in waiting for i in own))


def may_reject(user, proposal) -> bool:
    return proposal.status == m.PartnerProposal.Status.OPEN and bool(own_partner_institutions(user, proposal.route))


def may_withdraw(user, proposal) -> bool:
    return (proposal.status == m.PartnerProposal.Status.OPEN and user.is_authenticated
            and user.role in AGREEING_ROLES
            and user.institutions.filter(pk=proposal.proposed_for_id).exists())


# --- use cases -------------------------------------------------------------------------------

@dataclass
class PartnerProposalInput:
    """A proposed partner: ``replaces`` (a current partner institution) makes it a change of that
    partner row, else it is an addition."""
    institution: Institution
    role: str
    location: Location | None = None
    joined_on: date | None = None
    rio_registered_on: date | None = None
    replaces: Institution | None = None
    note: str = ""
    remove: bool = False                 # the partner (institution, role) leaves the route


def _remaining_roles_ok(route, leaving_pk, new_role=None) -> bool:
    roles = [p.role for p in route.partners.exclude(pk=leaving_pk)] + ([new_role] if new_role else [])
    return "vo" in roles and "mbo" in roles


def _validate_removal(route, data: PartnerProposalInput) -> m.RoutePartner:
    partner = route.partners.filter(institution=data.institution, role=data.role).first()
    if partner is None:
        raise ProposalError([_error("institution", _("%(name)s is geen %(role)s-partner van deze route.")
                                    % {"name": data.institution.name, "role": data.role})])
    errors = []
    count = route.students_at(partner.institution_id, partner.role)
    if count:
        errors.append(_error("institution", _(
            "%(name)s kan niet uit de route: %(n)d leerling(en) van de route horen bij of zijn ingeschreven bij "
            "deze %(role)s-partner.") % {"name": partner.institution.name, "n": count, "role": partner.role}))
    if not _remaining_roles_ok(route, partner.pk):
        errors.append(_error("role", _("Een route heeft minstens één vo-school en minstens één mbo-instelling als "
                                       "partner.")))
    if route.partner_proposals.filter(status=m.PartnerProposal.Status.OPEN, institution=data.institution,
                                      role=data.role).exists():
        errors.append(_error("institution", _("Er is al een open voorstel voor %(name)s als %(role)s-partner.")
                             % {"name": data.institution.name, "role": data.role}))
    if errors:
        raise ProposalError(errors)
    return partner


def _validate(route, data: PartnerProposalInput) -> m.RoutePartner | None:
    """Checks of the proposed partner; returns the partner row a change replaces."""
    errors = []
    if data.role not in m.RoutePartner.Role.values:
        errors.append(_error("role", _("Onbekende rol '%(role)s': kies vo of mbo.") % {"role": data.role}))
    elif data.institution.sector != data.role:
        errors.append(_error("institution", _("%(name)s is een %(sector)s-instelling en kan geen %(role)s-partner "
                                              "zijn.") % {"name": data.institution.name,
                                                          "sector": data.institution.sector, "role": data.role}))
    if data.location is not None and data.location.institution_id != data.institution.pk:
        errors.append(_error("location", _("Deze vestiging hoort niet bij %(name)s.")
                             % {"name": data.institution.name}))
    if len(data.note) > 300:
        errors.append(_error("note", _("De toelichting is te lang (hoogstens 300 tekens).")))
    partner = None
    if data.replaces is not None:
        rows = list(route.partners.filter(institution=data.replaces))
        partner = next((p for p in rows if p.role == data.role), rows[0] if rows else None)
        if partner is None:
            errors.append(_error("replaces", _("%(name)s is geen partner van deze route.")
                                 % {"name": data.replaces.name}))
        elif (partner.institution_id, partner.role) != (data.institution.pk, data.role):
            count = route.students_at(partner.institution_id, partner.role)
            if count:
                errors.append(_error("replaces", _(
                    "%(name)s kan niet worden vervangen: %(n)d leerling(en) van de route horen bij of zijn "
                    "ingeschreven bij deze %(role)s-partner. Een partnerwijziging verplaatst nooit leerlingen naar "
                    "een andere instelling.") % {"name": partner.institution.name, "n": count, "role": partner.role}))
            if not _remaining_roles_ok(route, partner.pk, data.role):
                errors.append(_error("role", _("Een route heeft minstens één vo-school en minstens één "
                                               "mbo-instelling als partner.")))
        else:
            errors.append(_error("institution", _("Dit is dezelfde partner; wijzig vestiging of datums in de route "
                                                  "zelf.")))
    if not errors and route.partners.filter(institution=data.institution, role=data.role).exclude(
            pk=getattr(partner, "pk", None)).exists():
        errors.append(_error("institution", _("%(name)s is al %(role)s-partner van deze route.")
                             % {"name": data.institution.name, "role": data.role}))
    if not errors and route.partner_proposals.filter(status=m.PartnerProposal.Status.OPEN,
                                                     institution=data.institution, role=data.role).exists():
        errors.append(_error("institution", _("Er is al een open voorstel voor %(name)s als %(role)s-partner.")
                             % {"name": data.institution.name, "role": data.role}))
    if errors:
        raise ProposalError(errors)
    return partner


def propose_partner(user, route, data: PartnerProposalInput) -> m.PartnerProposal:
    """A route coordinator of a current partner proposes a partner; their institution(s) confirm by
    proposing. When that is already every partner the change takes effect at once."""
    own = _require_partner(user, route)
    with transaction.atomic():
        if data.remove:
            partner, action = _validate_removal(route, data), m.PartnerProposal.Action.REMOVE
        else:
            partner = _validate(route, data)
            action = m.PartnerProposal.Action.CHANGE if partner else m.PartnerProposal.Action.ADD
        proposal = m.PartnerProposal.objects.create(
            route=route, action=action,
            partner=partner, replaces=partner.institution if partner else None, institution=data.institution,
            role=data.role, location=data.location, joined_on=data.joined_on,
            rio_registered_on=data.rio_registered_on, note=data.note.strip(), proposed_by=user, proposed_for=own[0])
        for institution in own:
            m.PartnerConfirmation.objects.create(proposal=proposal, institution=institution, user=user)
        _take_effect_if_agreed(proposal, user)
    return proposal


def _locked_open(proposal) -> m.PartnerProposal:
    proposal = m.PartnerProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != m.PartnerProposal.Status.OPEN:
        raise ProposalError([_error("status", _("Dit voorstel is al afgehandeld (%(status)s).")
                                    % {"status": proposal.get_status_display()})])
    return proposal


def confirm(user, proposal: m.PartnerProposal) -> m.PartnerProposal:
    """A route coordinator confirms the proposal for their own partner institution(s); with every
    current partner confirmed the partner change is applied. A blocking rule refuses the
    confirmation (ProposalError with the rule) and the proposal stays open."""
    own = _require_partner(user, proposal.route)
    with transaction.atomic():
        proposal = _locked_open(proposal)
        waiting = {i.pk for i in waiting_for(proposal)}
        mine = [i for i in own if i.pk in waiting]
        if waiting and not mine:
            raise ProposalError([_error("status", _("Uw instelling heeft dit voorstel al bevestigd."))])
        for institution in mine:
            m.PartnerConfirmation.objects.create(proposal=proposal, institution=institution, user=user)
        _take_effect_if_agreed(proposal, user)
    return proposal


def reject(user, proposal: m.PartnerProposal, reason: str) -> m.PartnerProposal:
    """A current partner rejects the proposal, with a reason; it is closed."""
    _require_partner(user, proposal.route)
    reason = (reason or "").strip()
    if not reason:
        raise ProposalError([_error("reason", _("Geef een reden voor de afwijzing."))])
    if len(reason) > 300:
        raise ProposalError([_error("reason", _("De reden is te lang (hoogstens 300 tekens)."))])
    with transaction.atomic():
        proposal = _locked_open(proposal)
        _close(proposal, m.PartnerProposal.Status.REJECTED, user, reason)
    return proposal


def withdraw(user, proposal: m.PartnerProposal) -> m.PartnerProposal:
    """The proposing institution withdraws its open proposal."""
    if not (user.is_authenticated and user.role in AGREEING_ROLES
            and user.institutions.filter(pk=proposal.proposed_for_id).exists()):
        raise ProposalRefused(_("Alleen de instelling die het voorstel deed, trekt het in."))
    with transaction.atomic():
        proposal = _locked_open(proposal)
        _close(proposal, m.PartnerProposal.Status.WITHDRAWN, user)
    return proposal


def _close(proposal, status, user, reason=""):
    proposal.status, proposal.decided_at, proposal.decided_by = status, timezone.now(), user
    proposal.reason = reason
    proposal.save(update_fields=["status", "decided_at", "decided_by", "reason"])


def _take_effect_if_agreed(proposal: m.PartnerProposal, user) -> bool:
    """Apply the partner change when no current partner is waiting; the route's rules are
    evaluated as for any route change and a blocking one refuses it (ProposalError)."""
    if waiting_for(proposal):
        return False
    route = proposal.route

    def apply():
        if proposal.action == m.PartnerProposal.Action.ADD:
            _add_partner(route, proposal)
        elif proposal.action == m.PartnerProposal.Action.REMOVE:
            _remove_partner(route, proposal)
        else:
            _change_partner(route, proposal)
        _close(proposal, m.PartnerProposal.Status.ACCEPTED, user)
        return route

    try:
        compliance.change_route(apply)
    except compliance.RuleViolation as violation:
        raise ProposalError([_error(finding.field or "partners", _(
            "Het voorstel kan (nog) niet ingaan: %(message)s") % {"message": shown(finding)}, finding.rule)
            for finding in violation.findings]) from violation
    return True


def _add_partner(route, proposal):
    if route.partners.filter(institution=proposal.institution, role=proposal.role).exists():
        raise ProposalError([_error("institution", _("%(name)s is al %(role)s-partner van deze route.")
                                    % {"name": proposal.institution.name, "role": proposal.role})])
    vo_schools = list(route.partners.filter(role=m.RoutePartner.Role.VO))
    if proposal.role == m.RoutePartner.Role.VO and len(vo_schools) == 1:
        # Students without a recorded vo-school belong to the route's only vo-school; with a second
        # one they would belong to neither: record the school they belong to, so nobody moves.
        for student in route.students.filter(vo_school__isnull=True):
            student.vo_school_id = vo_schools[0].institution_id
            student.save(update_fields=["vo_school"])
    m.RoutePartner.objects.create(route=route, institution=proposal.institution, role=proposal.role,
                                  location=proposal.location, joined_on=proposal.joined_on,
                                  rio_registered_on=proposal.rio_registered_on)


def _change_partner(route, proposal):
    partner = route.partners.filter(pk=proposal.partner_id).first()
    if partner is None or partner.institution_id != proposal.replaces_id:
        raise ProposalError([_error("replaces", _("De partner die dit voorstel wijzigt, is intussen veranderd of "
                                                  "uit de route; doe een nieuw voorstel."))])
    count = route.students_at(partner.institution_id, partner.role)
    if count:
        raise ProposalError([_error("replaces", _(
            "%(name)s kan niet worden vervangen: %(n)d leerling(en) van de route horen bij of zijn ingeschreven bij "
            "deze %(role)s-partner.") % {"name": partner.institution.name, "n": count, "role": partner.role})])
    partner.institution, partner.role = proposal.institution, proposal.role
    partner.location, partner.joined_on = proposal.location, proposal.joined_on
    partner.rio_registered_on = proposal.rio_registered_on
    partner.save()


def _remove_partner(route, proposal):
    partner = route.partners.filter(pk=proposal.partner_id).first()
    if partner is None:
        raise ProposalError([_error("institution", _("%(name)s is al geen partner van deze route meer.")
                                    % {"name": proposal.institution.name})])
    count = route.students_at(partner.institution_id, partner.role)
    if count or not _remaining_roles_ok(route, partner.pk):
        raise ProposalError([_error("institution", _(
            "%(name)s kan niet uit de route: de partner heeft intussen leerlingen, of de route houdt dan geen "
            "vo-school of mbo-instelling over.") % {"name": partner.institution.name})])
    partner.delete()
