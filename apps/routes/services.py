"""Use cases on routes and agreements, shared by the interface and the API: one function per
action, taking the typed input of ``schemas``. Each resolves the codes of its input, checks it with
small validators, writes everything in one transaction (child rows are replaced by key, so an
unchanged row keeps its id) under the compliance guard, and refuses a change with ``ChangeRefused``
carrying every problem found as {"rule", "field", "message"}; nothing is written then."""
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.lib.texts import shown
from apps.registry.models import Bestuur, Institution, Kwalificatie, Leerweg, Profiel, Region
from apps.routes.models import Agreement, Route
from domain.calendar import school_year_label, school_year_of

from . import compliance, proposals
from . import models as m
from .schemas import AgreementIn, DepartureIn, GoalIn, JudgementIn, RoleIn, RouteIn


class ChangeRefused(Exception):
    """A change was refused and nothing was written. ``errors``: [{"rule", "field", "message"}],
    ``field`` the path in the input, e.g. "partners[1].institution" ("" for the whole)."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))


def error(field: str, message, rule: str | None = None) -> dict:
    return {"rule": rule, "field": field, "message": str(message)}


class Codes:
    """Turns the codes of an input into objects, collecting an error naming the path of every
    unknown code."""

    def __init__(self):
        self.errors: list[dict] = []

    def get(self, model, field: str, value, where: str, message: str | None = None):
        if value in (None, ""):
            return None
        obj = model.objects.filter(**{field: value}).first()
        if obj is None:
            self.errors.append(error(where, message or _("Onbekende code '%(value)s'.") % {"value": value}))
        return obj


# --- child rows -----------------------------------------------------------------------------------

def _key_value(value):
    return value.pk if hasattr(value, "pk") else value


def replace_rows(manager, rows: list[dict], key: tuple[str, ...]) -> None:
    """Make the rows of a parent (``manager``: e.g. route.partners) equal to ``rows`` (field values):
    a row with the key of an existing row updates it (saved only when a value changed), the other
    existing rows are deleted, the rest are added."""
    pool: dict[tuple, list] = {}
    for obj in manager.all():
        pool.setdefault(tuple(obj.serializable_value(name) for name in key), []).append(obj)
    plan = []
    for row in rows:
        matches = pool.get(tuple(_key_value(row[name]) for name in key))
        plan.append((matches.pop(0) if matches else None, row))
    for objs in pool.values():
        for obj in objs:
            obj.delete()
    for obj, row in plan:
        if obj is None:
            manager.create(**row)
            continue
        changed = [name for name, value in row.items() if _key_value(getattr(obj, name)) != _key_value(value)]
        for name in changed:
            setattr(obj, name, row[name])
        if changed:
            obj.save()


def duplicates(rows: list[dict], key: tuple[str, ...], prefix: str, field: str, message) -> list[dict]:
    """An error for every row repeating the key of an earlier row."""
    seen, errors = set(), []
    for i, row in enumerate(rows):
        k = tuple(_key_value(row.get(name)) for name in key)
        if k in seen:
            errors.append(error(f"{prefix}[{i}].{field}", message))
        seen.add(k)
    return errors


def rule_errors(data, findings) -> list[dict]:
    """Rule findings as errors naming the row of the input they are about (a finding on the
    uitstroomrichtingen, partners or topics names its row by code in ``item``), each message in the
    reader's language."""
    rows = {"uitstroomrichtingen": ("uitstroomrichtingen", "kwalificatie"), "partners": ("partners", "institution"),
            "topics": ("clauses", "topic")}
    errors = []
    for finding in findings:
        field = finding.field
        if finding.field in rows and hasattr(data, rows[finding.field][0]):
            prefix, name = rows[finding.field]
            index = next((i for i, row in enumerate(getattr(data, prefix))
                          if finding.item and getattr(row, name) == finding.item), None)
            field = prefix if index is None else f"{prefix}[{index}].{name}"
        errors.append(error(field, shown(finding), finding.rule))
    return errors


# --- routes ---------------------------------------------------------------------------------------

# Route fields that are plain values in the input and on the model.
ROUTE_VALUES = [name for name in RouteIn.model_fields if name not in {
    "region", "profielen", "leerwegen", "partners", "uitstroomrichtingen", "years", "targets", "contacts",
    "components", "responsibilities"}]

# Per kind of child row: the fields that identify a row of a route.
ROUTE_ROWS = {
    "partners": ("institution", "role"),
    "uitstroomrichtingen": ("kwalificatie",),
    "years": ("route_year",),
    "targets": ("kpi", "parameter"),
    "contacts": ("institution", "role", "person"),
    "components": ("name",),
    "responsibilities": ("task",),
}


def current_route(route: m.Route) -> RouteIn:
    """A route as the typed input that would save it unchanged (also what the API shows)."""
    data = {name: getattr(route, name) for name in ROUTE_VALUES}
    data.update(
        region=route.region_id,
        profielen=[p.code for p in route.profielen.all()], leerwegen=[lw.code for lw in route.leerwegen.all()],
        partners=[dict(institution=p.institution.brin, role=p.role, location=p.location.code if p.location else None,
                       joined_on=p.joined_on, rio_registered_on=p.rio_registered_on)
                  for p in route.partners.select_related("institution", "location")],
        uitstroomrichtingen=[dict(kwalificatie=u.kwalificatie.code, min_intake=u.min_intake, active=u.active)
                             for u in route.uitstroomrichtingen.select_related("kwalificatie")],
        years=[dict(route_year=y.route_year, vmbo_year=y.vmbo_year, unfunded_at=y.unfunded_at,
                    days_at_mbo=y.days_at_mbo, days_bpv=y.days_bpv, teaching_location=y.teaching_location,
                    teaching_by=y.teaching_by, note=y.note) for y in route.years.all()],
        targets=[dict(kpi=t.kpi, parameter=t.parameter, operator=t.operator, value=t.value)
                 for t in route.targets.all()],
        contacts=[dict(institution=c.institution.brin, role=c.role, person=c.person_id, name=c.person.name,
                       email=c.person.email, phone=c.person.phone, start=c.start, end=c.end)
                  for c in route.contacts.select_related("institution", "person")],
        components=[dict(name=c.name, covered_by=c.covered_by) for c in route.components.all()],
        responsibilities=[dict(task=r.task, party=r.party, note=r.note) for r in route.responsibilities.all()],
    )
    return RouteIn.model_validate(data)


def resolve_route(data: RouteIn) -> tuple[dict, dict, dict[str, list[dict]]]:
    """The route's field values, its many-to-many values and its child rows, with the codes of the
    input turned into objects; raises ChangeRefused naming every unknown code."""
    codes = Codes()
    values = {name: getattr(data, name) for name in ROUTE_VALUES}
    values["region"] = codes.get(Region, "pk", data.region, "region",
                                 _("Onbekende regio %(id)s.") % {"id": data.region})
    many = {"profielen": [codes.get(Profiel, "code", c, f"profielen[{i}]") for i, c in enumerate(data.profielen)],
            "leerwegen": [codes.get(Leerweg, "code", c, f"leerwegen[{i}]") for i, c in enumerate(data.leerwegen)]}
    partners = []
    for i, p in enumerate(data.partners):
        institution = codes.get(Institution, "brin", p.institution, f"partners[{i}].institution")
        location = None
        if institution and p.location:
            location = institution.locations.filter(code=p.location).first()
            if location is None:
                codes.errors.append(error(f"partners[{i}].location", _("Onbekende vestiging '%(code)s' van %(name)s.")
                                          % {"code": p.location, "name": institution.name}))
        partners.append(dict(institution=institution, role=p.role, location=location, joined_on=p.joined_on,
                             rio_registered_on=p.rio_registered_on))
    rows = {
        "partners": partners,
        "uitstroomrichtingen": [
            dict(u.model_dump(), kwalificatie=codes.get(Kwalificatie, "code", u.kwalificatie,
                                                        f"uitstroomrichtingen[{i}].kwalificatie"))
            for i, u in enumerate(data.uitstroomrichtingen)],
        "years": [y.model_dump() for y in data.years],
        "targets": [t.model_dump() for t in data.targets],
        "contacts": [_contact_row(codes, c, f"contacts[{i}]") for i, c in enumerate(data.contacts)],
        "components": [c.model_dump() for c in data.components],
        "responsibilities": [r.model_dump() for r in data.responsibilities],
    }
    if codes.errors:
        raise ChangeRefused(codes.errors)
    return values, many, rows


# --- people: one person, several roles -------------------------------------------------------------

def find_person(institution, person_id: int | None, name: str, email: str, where: str) -> tuple[m.Person | None,
                                                                                               list[dict]]:
    """The stored person a row means (None: a new person, added when the change is written): the
    person ``person_id`` of that institution, else the institution's person with that e-mail, else
    (without e-mail) with that name. ``where``: the row's path, e.g. "contacts[1]"."""
    if person_id is not None:
        person = m.Person.objects.filter(pk=person_id, institution=institution).first() if institution else None
        if person is None and institution is not None:
            return None, [error(f"{where}.person", _("Persoon %(id)s werkt niet bij %(name)s.")
                                % {"id": person_id, "name": institution.name})]
        return person, []
    if not name:
        return None, [error(f"{where}.name", _("Vul de naam in, of kies een bestaande persoon."))]
    if institution is None:
        return None, []
    people = m.Person.objects.filter(institution=institution).order_by("pk")
    if email:
        return people.filter(email__iexact=email).first(), []
    return people.filter(name__iexact=name).first(), []


def _contact_row(codes: Codes, c, where: str) -> dict:
    institution = codes.get(Institution, "brin", c.institution, f"{where}.institution")
    person, errors = find_person(institution, c.person, c.name, c.email, where)
    codes.errors += errors
    return dict(institution=institution, role=c.role, person=person, name=c.name, email=c.email, phone=c.phone,
                start=c.start, end=c.end)


class People:
    """Writes the people of a change (inside its transaction): a new person is added once however
    many rows name them; the name, e-mail and phone a row gives are kept on the person."""

    def __init__(self):
        self.added: dict[tuple, m.Person] = {}

    def person(self, institution, person: m.Person | None, name: str, email: str, phone: str) -> m.Person:
        if person is None:
            key = (institution.pk, email.lower() if email else "", "" if email else name.lower())
            if key not in self.added:
                self.added[key] = m.Person.objects.create(institution=institution, name=name, email=email,
                                                          phone=phone)
                return self.added[key]
            person = self.added[key]      # named again: the details of the later row are kept
        person = m.Person.objects.get(pk=person.pk)
        given = {field: value for field, value in (("name", name), ("email", email), ("phone", phone))
                 if value and getattr(person, field).casefold() != value.casefold()}   # found by it: kept as stored
        for field, value in given.items():
            setattr(person, field, value)
        if given:
            person.save()
        return person


def _contact_rows(rows: list[dict]) -> list[dict]:
    """The route's contact rows as Contact values, their people written."""
    people = People()
    return [dict(institution=r["institution"], role=r["role"], start=r["start"], end=r["end"],
                 person=people.person(r["institution"], r["person"], r["name"], r["email"], r["phone"]))
            for r in rows]


def check_partner_rows(partners: list[dict]) -> list[dict]:
    """Each partner's institution is of the sector of its role; a partner is listed once."""
    errors = []
    for i, row in enumerate(partners):
        institution = row["institution"]
        if institution.sector != row["role"]:
            errors.append(error(f"partners[{i}].institution",
                                _("%(name)s is een %(sector)s-instelling en kan geen %(role)s-partner zijn.")
                                % {"name": institution.name, "sector": institution.sector, "role": row["role"]}))
    return errors + duplicates(partners, ("institution", "role"), "partners", "institution",
                               _("Deze instelling staat al met deze rol bij de partners."))


def check_partner_change(route: m.Route | None, current_partners, new_partners: list[dict]) -> list[dict]:
    """May the partners of ``route`` (None: a new route) go from ``current_partners`` (RoutePartner
    rows) to ``new_partners`` (rows with an Institution and a role)? A route keeps at least one
    vo-school and one mbo; a partner that still has students of the route (their own vo-school or
    mbo, or an enrolment there) cannot leave the route or change side."""
    errors = []
    roles = [row["role"] for row in new_partners]
    if roles.count("vo") < 1 or roles.count("mbo") < 1:
        errors.append(error("partners", _("Een route heeft minstens één vo-school en minstens één mbo-instelling als "
                                          "partner.")))
    if route is None or route.pk is None:
        return errors
    kept = {(row["institution"].pk, row["role"]) for row in new_partners}
    for partner in current_partners:
        if (partner.institution_id, partner.role) in kept:
            continue
        count = route.students_at(partner.institution_id, partner.role)
        if count:
            errors.append(error("partners", _(
                "%(name)s kan niet uit de route worden gehaald: %(n)d leerling(en) van de route horen bij of zijn "
                "ingeschreven bij deze %(role)s-partner. Verplaats of verwijder eerst die leerlingen.")
                % {"name": partner.institution.name, "n": count, "role": partner.role}))
    return errors


def check_own_institution(user, partners: list[dict]) -> list[dict]:
    """A user registers routes of their own institution (else they could not see it afterwards)."""
    if user is None or user.is_beheerder:
        return []
    own = set(user.institutions.values_list("pk", flat=True))
    if any(row["institution"].pk in own for row in partners):
        return []
    return [error("partners", _("Uw eigen instelling moet partner zijn van de route; anders kunt u de route daarna "
                                "niet meer zien of wijzigen."))]


def check_route_rows(rows: dict[str, list[dict]]) -> list[dict]:
    """Rows that the register keeps once per route are given once."""
    errors = []
    for prefix, field, message in [
        ("uitstroomrichtingen", "kwalificatie", _("Deze kwalificatie staat al bij de uitstroomrichtingen.")),
        ("years", "route_year", _("Dit routejaar staat er al.")),
        ("responsibilities", "task", _("Voor deze taak staat al een afspraak.")),
    ]:
        errors += duplicates(rows[prefix], ROUTE_ROWS[prefix], prefix, field, message)
    return errors


def _matched(current, rows: list[dict], key) -> list[dict]:
    """The new rows with the id of the stored row they replace (same key), for the checks that
    compare a row with what it was."""
    def stored(obj, name):
        return obj[name] if isinstance(obj, dict) else getattr(obj, name)

    ids = {tuple(_key_value(stored(obj, name)) for name in key): stored(obj, "id") for obj in current}
    return [dict(row, id=ids.get(tuple(_key_value(row.get(name)) for name in key))) for row in rows]


def check_agreed_changes(user, route: m.Route | None, rows: dict[str, list[dict]]) -> list[dict]:
    """Partner changes of a route with students are agreed through a partner proposal, and a user
    changes only their own institution's partner rows and contacts (apps.routes.proposals)."""
    if route is None:
        return []
    errors = []
    for prefix, fields, additions in [("partners", proposals.PARTNER_FIELDS, False),
                                      ("contacts", proposals.CONTACT_FIELDS, True)]:
        current = list(getattr(route, prefix).all())
        if prefix == "contacts":    # compared with the person's details the rows give
            current = [dict(id=c.pk, institution=c.institution_id, role=c.role, person=c.person_id,
                            name=c.person.name, email=c.person.email, phone=c.person.phone, start=c.start, end=c.end)
                       for c in route.contacts.select_related("person")]
        new = _matched(current, rows[prefix], ROUTE_ROWS[prefix])
        found = proposals.foreign_entry_changes(user, route, current, new, fields, additions=additions)
        if prefix == "partners":
            found = proposals.partner_change_needs_agreement(route, current, new) + found
        errors += [error(prefix if e.index is None else f"{prefix}[{e.index}].{e.field}", e.message) for e in found]
    return list({(e["field"], e["message"]): e for e in errors}.values())


def validate_route(user, route: m.Route | None, rows: dict[str, list[dict]]) -> list[dict]:
    current = list(route.partners.select_related("institution")) if route else []
    return (check_partner_rows(rows["partners"]) + check_route_rows(rows)
            + check_partner_change(route, current, rows["partners"])
            + check_agreed_changes(user, route, rows)
            + check_own_institution(user, rows["partners"]))


def save_route(user, data: RouteIn, route: m.Route | None = None) -> tuple[m.Route, list]:
    """Create a route (``route`` None) or make ``route`` equal to ``data``, as one change: a new
    phase is recorded in the phase history, the rules are evaluated and a blocking rule refuses the
    change. Returns (route, findings); raises ChangeRefused (nothing written)."""
    values, many, rows = resolve_route(data)
    route = m.Route.objects.get(pk=route.pk) if route is not None else None   # as stored, not as a form left it
    errors = validate_route(user, route, rows)
    if errors:
        raise ChangeRefused(errors)

    def apply():
        obj = route or m.Route()
        phase_changed = obj.pk is None or obj.phase != values["phase"]
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save()
        for name, objs in many.items():
            getattr(obj, name).set(objs)
        for prefix, key in ROUTE_ROWS.items():
            replace_rows(getattr(obj, prefix), _contact_rows(rows[prefix]) if prefix == "contacts" else rows[prefix],
                         key)
        if phase_changed:
            m.PhaseChange.objects.create(route=obj, phase=obj.phase, since=timezone.localdate())
        return obj

    try:
        return compliance.change_route(apply)
    except compliance.RuleViolation as violation:
        raise ChangeRefused(rule_errors(data, violation.findings)) from violation


def stop_route(route, note=""):
    """Stop a route: it stays in the register for history. Always allowed, also for a route that
    breaks a rule (stopping is how such a route ends). Stopping a stopped route changes nothing."""
    if route.phase == m.Phase.GESTOPT:
        return route, compliance.evaluate(route)

    def apply():
        route.phase = m.Phase.GESTOPT
        route.end_date = route.end_date or timezone.localdate()
        route.save()
        m.PhaseChange.objects.create(route=route, phase=m.Phase.GESTOPT, since=timezone.localdate(), note=note[:300])
        return route

    return compliance.change_route(apply, enforce=False)


# --- agreements -----------------------------------------------------------------------------------

AGREEMENT_VALUES = ["kind", "title", "reference", "valid_from", "valid_to", "notes"]
# What a signed agreement says: changed only through a new version. Its notes may still change.
SIGNED_CONTENT = ["kind", "title", "reference", "valid_from", "valid_to", "supersedes", "routes", "signatures",
                  "clauses"]


def current_agreement(agreement: m.Agreement) -> AgreementIn:
    """An agreement as the typed input that would save it unchanged (every route it covers)."""
    return AgreementIn.model_validate(dict(
        {name: getattr(agreement, name) for name in AGREEMENT_VALUES},
        supersedes=agreement.supersedes_id, routes=[r.pk for r in agreement.routes.all()],
        signatures=[dict(bestuur=s.bestuur.name, signed_on=s.signed_on, signatory=s.signatory)
                    for s in agreement.signatures.select_related("bestuur")],
        clauses=[dict(topic=c.topic, text=c.text, reference=c.reference) for c in agreement.clauses.all()]))


def _content(values: dict, routes, signatures: list[dict], clauses: list[dict]) -> dict:
    """An agreement's content in a comparable form."""
    return dict({name: values[name] for name in SIGNED_CONTENT[:5]}, supersedes=_key_value(values["supersedes"]),
                routes=set(routes),
                signatures=sorted((_key_value(s["bestuur"]), s["signed_on"], s["signatory"]) for s in signatures),
                clauses=sorted((c["topic"], c["text"], c["reference"]) for c in clauses))


def check_validity(values: dict) -> list[dict]:
    start, end = values["valid_from"], values["valid_to"]
    if start and end and end < start:
        return [error("valid_to", _("De einddatum ligt vóór de begindatum."))]
    return []


def agreement_routes(user, agreement: m.Agreement | None, chosen: list[int]) -> tuple[list[int], list[dict]]:
    """The routes the agreement will cover: the chosen routes the user may change (or that it already
    covers), plus the routes it covers that this user may not change (they stay covered)."""
    linked = set(agreement.routes.values_list("pk", flat=True)) if agreement else set()
    editable = set(Route.objects.editable_by(user).filter(pk__in=[*chosen, *linked]).values_list("pk", flat=True))
    unknown = [pk for pk in dict.fromkeys(chosen) if pk not in editable and pk not in linked]
    errors = [error("routes", _("Route %(id)s bestaat niet of u mag die niet aan een overeenkomst koppelen.")
                    % {"id": pk}) for pk in unknown]
    return sorted({pk for pk in chosen if pk in editable or pk in linked} | (linked - editable)), errors


def check_supersedes(user, agreement: m.Agreement | None, supersedes: int | None) -> tuple[m.Agreement | None,
                                                                                           list[dict]]:
    """The agreement a new version replaces: one the user may change, not itself or a later version
    of itself, and not already replaced by another version."""
    if supersedes is None:
        return None, []
    if agreement is not None and supersedes == agreement.supersedes_id:
        return agreement.supersedes, []
    previous = Agreement.objects.editable_by(user).filter(pk=supersedes).first()
    if previous is None:
        return None, [error("supersedes", _("Overeenkomst %(id)s bestaat niet of u mag die niet wijzigen.")
                            % {"id": supersedes})]
    replaced = m.Agreement.objects.filter(supersedes=previous)
    if agreement is not None:
        replaced = replaced.exclude(pk=agreement.pk)
    if replaced.exists():
        return None, [error("supersedes", _("Van deze overeenkomst bestaat al een nieuwe versie."))]
    current = previous
    while current is not None:
        if agreement is not None and current.pk == agreement.pk:
            return None, [error("supersedes", _("Een overeenkomst kan zichzelf of een eigen latere versie niet "
                                                "vervangen."))]
        current = current.supersedes
    return previous, []


def check_signed(agreement: m.Agreement | None, content: dict) -> list[dict]:
    """A signed agreement's content changes only through a new version (its notes may change)."""
    if agreement is None or not agreement.is_signed:
        return []
    before = _content(dict({name: getattr(agreement, name) for name in AGREEMENT_VALUES},
                           supersedes=agreement.supersedes_id), agreement.routes.values_list("pk", flat=True),
                      [dict(bestuur=s.bestuur_id, signed_on=s.signed_on, signatory=s.signatory)
                       for s in agreement.signatures.all()],
                      [dict(topic=c.topic, text=c.text, reference=c.reference) for c in agreement.clauses.all()])
    return [error(name, _("Deze overeenkomst is ondertekend: de inhoud wijzigt alleen via een nieuwe versie "
                          "(nieuwe overeenkomst die deze vervangt of verlengt). Alleen de opmerkingen kunnen nog "
                          "worden aangepast."))
            for name in SIGNED_CONTENT if before[name] != content[name]]


def save_agreement(user, data: AgreementIn, agreement: m.Agreement | None = None) -> tuple[m.Agreement, list]:
    """Create an agreement (``agreement`` None) or make ``agreement`` equal to ``data``, as one
    change: its own rules may refuse it, and every route it covers, before or after, is evaluated
    again. A signed agreement keeps its content (see ``check_signed``). Returns (agreement,
    findings); raises ChangeRefused (nothing written)."""
    agreement = m.Agreement.objects.get(pk=agreement.pk) if agreement is not None else None
    codes = Codes()
    signatures = [dict(bestuur=codes.get(Bestuur, "name", s.bestuur, f"signatures[{i}].bestuur",
                                         _("Onbekend bestuur '%(name)s'.") % {"name": s.bestuur}),
                       signed_on=s.signed_on, signatory=s.signatory) for i, s in enumerate(data.signatures)]
    clauses = [c.model_dump() for c in data.clauses]
    if codes.errors:
        raise ChangeRefused(codes.errors)
    values = {name: getattr(data, name) for name in AGREEMENT_VALUES}
    routes, errors = agreement_routes(user, agreement, data.routes)
    values["supersedes"], supersedes_errors = check_supersedes(user, agreement, data.supersedes)
    errors += supersedes_errors + check_validity(values)
    errors += duplicates(signatures, ("bestuur",), "signatures", "bestuur", _("Dit bestuur tekent al."))
    errors += duplicates(clauses, ("topic",), "clauses", "topic", _("Dit onderwerp staat er al."))
    if not errors:
        errors = check_signed(agreement, _content(values, routes, signatures, clauses))
    if errors:
        raise ChangeRefused(errors)

    previous_routes = list(agreement.routes.all()) if agreement else []
    if values["supersedes"] is not None:
        previous_routes += list(values["supersedes"].routes.all())

    def apply():
        obj = agreement or m.Agreement()
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save()
        obj.routes.set(routes)
        replace_rows(obj.signatures, signatures, ("bestuur",))
        replace_rows(obj.clauses, clauses, ("topic",))
        return obj

    try:
        return compliance.change_agreement(apply, previous_routes)
    except compliance.RuleViolation as violation:
        raise ChangeRefused(rule_errors(data, violation.findings)) from violation


# --- qualitative targets --------------------------------------------------------------------------
# A route's qualitative targets (RouteGoal) and their judgement per school year (GoalJudgement).
# The route's editors change them (Route.objects.editable_by); they are audited as parts of the route.

def _require_editable(user, route: m.Route) -> None:
    if not m.Route.objects.editable_by(user).filter(pk=route.pk).exists():
        raise PermissionDenied(_("U mag deze route lezen maar niet wijzigen."))


def check_goal_text(route: m.Route, data: GoalIn, goal: m.RouteGoal | None = None) -> list[dict]:
    """A route states a target once."""
    same = route.goals.filter(text__iexact=data.text)
    if goal is not None:
        same = same.exclude(pk=goal.pk)
    return [error("text", _("Deze route heeft dit doel al."))] if same.exists() else []


def check_judgement_year(route: m.Route, school_year: int) -> list[dict]:
    """A target is judged over a school year that has begun, and not before the route started."""
    current = school_year_of(timezone.localdate())
    if school_year > current:
        return [error("school_year", _("Een doel wordt beoordeeld over een schooljaar dat al begonnen is (uiterlijk "
                                       "%(year)s).") % {"year": school_year_label(current)})]
    if route.start_year and school_year < route.start_year:
        return [error("school_year", _("De route begon in %(year)s; een eerder schooljaar kan niet beoordeeld "
                                       "worden.") % {"year": school_year_label(route.start_year)})]
    return []


def add_goal(user, route: m.Route, data: GoalIn) -> m.RouteGoal:
    """Add a qualitative target to the route. Raises PermissionDenied or ChangeRefused."""
    _require_editable(user, route)
    errors = check_goal_text(route, data)
    if errors:
        raise ChangeRefused(errors)
    return m.RouteGoal.objects.create(route=route, text=data.text)


def change_goal(user, goal: m.RouteGoal, data: GoalIn) -> m.RouteGoal:
    """Replace the text of a qualitative target (its judgements stay)."""
    _require_editable(user, goal.route)
    errors = check_goal_text(goal.route, data, goal)
    if errors:
        raise ChangeRefused(errors)
    if goal.text != data.text:
        goal.text = data.text
        goal.save()
    return goal


def remove_goal(user, goal: m.RouteGoal) -> None:
    """Remove a qualitative target with its judgements (the audit trail keeps them)."""
    _require_editable(user, goal.route)
    with transaction.atomic():
        for judgement in goal.judgements.all():
            judgement.delete()      # one audit entry each, not a silent cascade
        goal.delete()


def judge_goal(user, goal: m.RouteGoal, data: JudgementIn) -> tuple[m.GoalJudgement, bool]:
    """Record the judgement of a target for a school year, replacing an earlier judgement of that
    year. Returns (judgement, created)."""
    _require_editable(user, goal.route)
    errors = check_judgement_year(goal.route, data.school_year)
    if errors:
        raise ChangeRefused(errors)
    with transaction.atomic():
        judgement = m.GoalJudgement.objects.select_for_update().filter(goal=goal, school_year=data.school_year).first()
        if judgement is None:
            return m.GoalJudgement.objects.create(goal=goal, school_year=data.school_year,
                                                  judgement=data.judgement, note=data.note), True
        if (judgement.judgement, judgement.note) != (data.judgement, data.note):
            judgement.judgement, judgement.note = data.judgement, data.note
            judgement.save()
        return judgement, False


def remove_judgement(user, judgement: m.GoalJudgement) -> None:
    _require_editable(user, judgement.goal.route)
    judgement.delete()


# --- people and roles -----------------------------------------------------------------------------
# A role (Contact) a person holds in a route for one partner institution. A route editor changes the
# roles of their own institutions (the beheerder every role), as in the route's form
# (proposals.foreign_entry_changes); R-16 is evaluated again after every change.

def _role_institution(user, route: m.Route, brin: str) -> tuple[Institution | None, list[dict]]:
    partner = route.partners.select_related("institution").filter(institution__brin=brin).first()
    if partner is None:
        return None, [error("institution", _("%(brin)s is geen partner van deze route.") % {"brin": brin})]
    institution = partner.institution
    if not user.is_beheerder and not user.institutions.filter(pk=institution.pk).exists():
        return institution, [error("institution", _(
            "Dit gegeven hoort bij %(name)s: alleen een routecoördinator van %(name)s wijzigt of verwijdert het.")
            % {"name": institution.name})]
    return institution, []


def _check_dates(start, end, field: str = "end") -> list[dict]:
    if start and end and end < start:
        return [error(field, _("De einddatum ligt vóór de begindatum."))]
    return []


def _role_values(user, route: m.Route, data: RoleIn) -> tuple[dict, tuple]:
    """The Contact values of ``data`` and what its person is (institution, found person, name,
    e-mail, phone); raises ChangeRefused naming every field in error."""
    institution, errors = _role_institution(user, route, data.institution)
    person, person_errors = find_person(institution, data.person, data.name, data.email, "")
    errors += [dict(e, field=e["field"].lstrip(".")) for e in person_errors]
    richting = None
    if data.uitstroomrichting:
        richting = route.uitstroomrichtingen.filter(kwalificatie__code=data.uitstroomrichting).first()
        if richting is None:
            errors.append(error("uitstroomrichting", _("%(code)s is geen uitstroomrichting van deze route.")
                                % {"code": data.uitstroomrichting}))
    errors += _check_dates(data.start, data.end)
    if errors:
        raise ChangeRefused(errors)
    values = dict(institution=institution, role=data.role, uitstroomrichting=richting, start=data.start,
                  end=data.end)
    return values, (institution, person, data.name, data.email, data.phone)


def _change_roles(route: m.Route, apply):
    """Write a change of the route's roles and evaluate its rules again (R-16: one contact person);
    no other rule depends on the roles, so a route that already breaks one does not block it."""
    result = []

    def write():
        result.append(apply())
        return route

    compliance.change_route(write, enforce=False)
    return result[0]


def role_input(contact: m.Contact) -> RoleIn:
    """A role as the typed input that would save it unchanged."""
    return RoleIn(institution=contact.institution.brin, role=contact.role, person=contact.person_id,
                  name=contact.person.name, email=contact.person.email, phone=contact.person.phone,
                  uitstroomrichting=contact.uitstroomrichting.kwalificatie.code if contact.uitstroomrichting else "",
                  start=contact.start, end=contact.end)


def add_role(user, route: m.Route, data: RoleIn) -> m.Contact:
    """A person takes a role in the route for one of its partner institutions (found or added).
    Raises PermissionDenied or ChangeRefused."""
    _require_editable(user, route)
    values, person = _role_values(user, route, data)

    def apply():
        return m.Contact.objects.create(route=route, person=People().person(*person), **values)

    return _change_roles(route, apply)


def change_role(user, contact: m.Contact, data: RoleIn) -> m.Contact:
    """Make a role equal to ``data`` (the person's details given are kept on the person)."""
    if not m.Contact.objects.editable_by(user).filter(pk=contact.pk).exists():
        raise PermissionDenied(_("Alleen een routecoördinator van %(name)s wijzigt deze rol.")
                               % {"name": contact.institution.name})
    values, person = _role_values(user, contact.route, data)

    def apply():
        obj = m.Contact.objects.get(pk=contact.pk)
        for name, value in dict(values, person=People().person(*person)).items():
            setattr(obj, name, value)
        obj.save()
        return obj

    return _change_roles(contact.route, apply)


def record_departure(user, contact: m.Contact, data: DepartureIn) -> tuple[m.Contact, m.Contact | None]:
    """A person leaves a role: the role ends on ``data.end`` with the handover note, and the successor
    (an existing person of the same institution, or a new one) holds the same role (institution,
    uitstroomrichting) from the day after. One change: all of it or nothing. Returns (the ended role,
    the successor's role or None)."""
    if not m.Contact.objects.editable_by(user).filter(pk=contact.pk).exists():
        raise PermissionDenied(_("Alleen een routecoördinator van %(name)s legt dit vertrek vast.")
                               % {"name": contact.institution.name})
    errors = _check_dates(contact.start, data.end)
    successor = None
    if data.successor is not None:
        s = data.successor
        successor, found = find_person(contact.institution, s.person, s.name, s.email, "successor")
        errors += found
        if successor is not None and successor.pk == contact.person_id:
            errors.append(error("successor.person", _("De opvolger is een ander dan wie vertrekt.")))
        if contact.successor_id is not None:
            errors.append(error("successor", _("Voor deze rol is al een opvolger vastgelegd (%(name)s).")
                                % {"name": contact.successor.person.name}))
    if errors:
        raise ChangeRefused(errors)

    def apply():
        ended = m.Contact.objects.select_for_update().get(pk=contact.pk)
        ended.end, ended.handover_note = data.end, data.handover_note
        follower = None
        if data.successor is not None:
            s = data.successor
            follower = m.Contact.objects.create(
                route=ended.route, institution=ended.institution, role=ended.role,
                uitstroomrichting=ended.uitstroomrichting, start=data.end + timedelta(days=1),
                person=People().person(ended.institution, successor, s.name, s.email, s.phone))
            ended.successor = follower
        ended.save()
        return ended, follower

    return _change_roles(contact.route, apply)

