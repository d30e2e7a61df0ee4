"""Use cases on settlements: inputs from the register, saving with overrides, versions, approval,
the yearly overview per institution."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from apps.students.models import Enrolment, Event, EventKind
from domain.settlement import ParameterError, calculate
from domain.teldatum import teldatum

from .models import Approval, Override, Settlement
from .schemas import SettlementIn


def register_inputs(route, school_year: int, model: str, phase: str = "") -> dict:
    """What the register knows for a model's parameters: students of the phase on 1 October (funded
    enrolments; M1 counts the mbo-fase unless the statement is for the vo-fase), diplomas (students
    who obtained one) in the school year, days per week at the partner per route year."""
    day = teldatum(school_year)
    funded = Enrolment.objects.filter(student__route=route, school_year=school_year, funded=True, start__lte=day)
    funded = funded.exclude(end__lt=day)
    if model == "M1":
        students = funded.filter(phase=phase or "mbo").values("student").distinct().count()
        diplomas = (Event.objects.filter(student__route=route, kind=EventKind.MBO_DIPLOMA, school_year=school_year)
                    .values("student").distinct().count())
        return {"student_count": str(students), "weight_sum": str(students), "diplomas": str(diplomas)}
    if model == "M2":
        days = {y.route_year: y.days_at_mbo for y in route.years.all()}
        vo_funded = funded.filter(phase="vo")
        if route.partners.filter(role="vo").count() > 1:
            # Several vo-schools: each is invoiced for its own students (their own vo-school, else
            # the school where they are funded).
            per_school = (vo_funded.annotate(school=Coalesce("student__vo_school__name", "institution__name"))
                          .values("school", "route_year").annotate(n=Count("student", distinct=True))
                          .order_by("school", "route_year"))
            lines = [{"students": str(row["n"]), "days_at_partner": str(days.get(row["route_year"], 0)),
                      "vo_school": row["school"]} for row in per_school]
            return {"lines": lines} if lines else {}
        per_year = vo_funded.values("route_year").annotate(n=Count("student", distinct=True))
        lines = [{"students": str(row["n"]), "days_at_partner": str(days.get(row["route_year"], 0))}
                 for row in per_year.order_by("route_year")]
        return {"lines": lines} if lines else {}
    return {}


def last_settlement(route, model: str | None = None) -> Settlement | None:
    """The route's most recent statement (the current version of the latest school year), of ``model``
    when given: where a new statement or a scenario takes its tariffs from."""
    settlements = route.settlements.filter(next_version__isnull=True)
    if model:
        settlements = settlements.filter(model=model)
    return settlements.order_by("-school_year", "-version", "-pk").first()


def starting_parameters(route, school_year: int, model: str, phase: str = "",
                        counts_from_last: bool = False) -> tuple[dict, Settlement | None]:
    """What a new statement or a scenario starts from: the tariffs and other parameters of the route's
    last statement of the model (carried over), with what the register counts for the school year
    (students, diplomas, lines per route year) in place of its counts. ``counts_from_last`` (a
    scenario): when the register counts no student for the year (a year ahead), the last statement's
    counts stay. Returns the parameters and the statement they were carried over from (None: only
    the register)."""
    last = last_settlement(route, model)
    carried = dict(last.parameters) if last is not None else {}
    register = register_inputs(route, school_year, model, phase)
    if counts_from_last and carried and register_empty(register):
        register = {}
    return {**carried, **register}, last


def register_empty(register: dict) -> bool:
    """The register counts no funded student for the statement (M1: none on 1 October; M2: no line)."""
    return not register or register.get("student_count") == "0"


def _canonical(value):
    """Numbers compared by value ("1.0" == "1" == 1), lists and rows item by item."""
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        return str(value)


def differences(register: dict, parameters: dict) -> dict[str, tuple[str, str]]:
    """Register values the user changed: parameter -> (register value, used value)."""
    return {name: (str(value), str(parameters.get(name, ""))) for name, value in register.items()
            if name in parameters and _canonical(parameters[name]) != _canonical(value)}


class SettlementRefused(ValueError):
    """A statement that cannot be saved: ``problems`` are {"rule", "field", "message"}."""

    def __init__(self, problems: list[dict]):
        self.problems = problems
        super().__init__("; ".join(p["message"] for p in problems))


class OverrideReasonMissing(SettlementRefused):
    """Register values changed by hand without a reason (``parameters``: their names)."""

    def __init__(self, parameters):
        self.parameters = parameters
        super().__init__([{"rule": None, "field": f"reasons.{name}",
                           "message": _("Geef een reden voor de afwijking van het register (%(p)s).") % {"p": name}}
                          for name in parameters])


def _refuse(field: str, message: str):
    raise SettlementRefused([{"rule": None, "field": field, "message": message}])


def save(user, route, data: SettlementIn, current: Settlement | None = None) -> Settlement:
    """Store a statement (the page, the API and the demo). The core validates the parameters (the
    problem names the parameter); every register value changed by hand needs a reason and is recorded
    with who and why. Without ``current`` it is the route's first statement for the school year and
    phase; with it a change of that statement, which keeps its school year and phase: a change to an
    approved statement makes a new version, the approved one is kept. SettlementRefused names every
    problem; nothing is saved then."""
    if current is not None:
        if (data.school_year, data.phase) != (current.school_year, current.phase):
            _refuse("school_year", _("Een afrekening houdt haar schooljaar en fase; maak voor een ander schooljaar of "
                                     "een andere fase een nieuwe afrekening."))
        if not current.is_current:
            _refuse("id", _("Deze versie is vervangen; wijzig de huidige versie."))
    else:
        existing = route.settlements.filter(school_year=data.school_year, phase=data.phase,
                                            next_version__isnull=True).first()
        if existing is not None:
            _refuse("school_year", _("Voor dit schooljaar en deze fase is er al een afrekening (%(id)s); wijzig die.")
                    % {"id": existing.pk})
    try:
        statement = calculate(data.model, data.parameters)
    except ParameterError as error:
        _refuse(f"parameters.{error.parameter}", error.message)
    register = register_inputs(route, data.school_year, data.model, data.phase)
    changed = differences(register, statement.inputs)
    missing = [name for name in changed if not data.reasons.get(name, "").strip()]
    if missing:
        raise OverrideReasonMissing(missing)
    try:
        with transaction.atomic():
            if current is not None and not current.locked:
                settlement = current
                settlement.model, settlement.parameters = data.model, statement.inputs
                settlement.illustrative = data.illustrative
                settlement.save()
                settlement.overrides.all().delete()
                settlement.approvals.all().delete()
            else:
                version = 1 + (Settlement.objects.filter(route=route, school_year=data.school_year, phase=data.phase)
                               .order_by("-version").values_list("version", flat=True).first() or 0)
                settlement = Settlement.objects.create(
                    route=route, school_year=data.school_year, phase=data.phase, model=data.model,
                    parameters=statement.inputs, version=version, previous=current, created_by=user,
                    illustrative=data.illustrative)
            Override.objects.bulk_create(
                Override(settlement=settlement, parameter=name[:60], register_value=was[:60], value=now[:60],
                         reason=data.reasons[name].strip()[:300], user=user)
                for name, (was, now) in changed.items())
    except IntegrityError:  # someone saved a statement for the same school year and phase at the same moment
        _refuse("school_year", _("Intussen is voor dit schooljaar en deze fase een afrekening opgeslagen; laad de "
                                 "pagina opnieuw."))
    return settlement


def parties(settlement: Settlement) -> list:
    """The partner institutions that approve: the route's vo-school and mbo partners."""
    return [p.institution for p in settlement.route.partners.select_related("institution")]


class ApprovalRefused(PermissionError):
    pass


def approve(settlement: Settlement, user, seen: str = "") -> Settlement:
    """The financieel medewerker of a party approves what they saw (``seen``: the statement's
    `updated` time on their screen; changed since means it must be looked at again); with every
    party approved the statement is locked."""
    own = [i for i in parties(settlement) if user.institutions.filter(pk=i.pk).exists()]
    if user.role != "financieel" or not own:
        raise ApprovalRefused("Alleen de financieel medewerker van een partner keurt een afrekening goed.")
    with transaction.atomic():
        settlement = Settlement.objects.select_for_update().get(pk=settlement.pk)
        if settlement.locked or not settlement.is_current:
            raise ApprovalRefused("Deze versie is al goedgekeurd of vervangen.")
        if seen and seen != settlement.updated.isoformat():
            raise ApprovalRefused("De afrekening is intussen gewijzigd; bekijk de nieuwe berekening en keur "
                                  "opnieuw goed.")
        for institution in own:
            Approval.objects.get_or_create(settlement=settlement, institution=institution, defaults={"user": user})
        if {i.pk for i in parties(settlement)} <= set(settlement.approvals.values_list("institution", flat=True)):
            settlement.status = Settlement.Status.APPROVED
            settlement.save(update_fields=["status", "updated"])
    return settlement


def person(user) -> str:
    """A user as the pages name them: the full name, else the user name."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def institution_names(route) -> dict[str, str]:
    """Statement party keys ("vo", "mbo") to the route's institution names."""
    names = {}
    for p in route.partners.select_related("institution"):
        names.setdefault(p.role, p.institution.name)
    return names


def overview_totals(rows: list[dict]) -> dict:
    """The totals of an institution's overview: what it pays, what it receives, and the balance
    (receives minus pays), in cents."""
    pays = sum(row["pays"] for row in rows)
    receives = sum(row["receives"] for row in rows)
    return {"pays": pays, "receives": receives, "balance": receives - pays}


def overview(institution, school_year: int) -> list[dict]:
    """Per current settlement of the institution's routes in a school year: what it pays or receives."""
    rows = []
    settlements = (Settlement.objects.filter(route__partners__institution=institution, school_year=school_year,
                                             next_version__isnull=True)
                   .select_related("route").prefetch_related("approvals", "route__partners")
                   .order_by("route__name", "phase").distinct())
    for settlement in settlements:
        # A statement names a party by its role ("vo", "mbo") or, in M3/M4, by the institution's name.
        own = {institution.name,
               *settlement.route.partners.filter(institution=institution).values_list("role", flat=True)}
        statement = settlement.statement()
        pays = receives = 0
        for transfer in (statement.transfers or (statement.transfer,)):
            if own & set(str(transfer.from_party).split(", ")):
                pays += transfer.amount_cents
            if own & set(str(transfer.to_party).split(", ")):
                receives += transfer.amount_cents
        rows.append({"settlement": settlement, "pays": pays, "receives": receives, "balance": receives - pays})
    return rows
