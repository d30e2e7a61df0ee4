"""The bridge between the register and the pure rules core: build facts from the models, evaluate,
store the outcome, and refuse changes that break a blocking rule.

A change is applied inside a transaction, the rules are evaluated on what the database then holds,
and the whole change is rolled back if an error rule blocks it. So the same facts-building serves
the interface, the API and the imports, and nothing is half-written."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.conf import settings as dj_settings
from django.db import transaction
from django.db.models import Count, Min
from django.utils import timezone

from apps.registry.models import ProfielKwalificatie
from domain import facts
from domain.rules import blocking, evaluate_agreement, evaluate_route
from domain.rules.base import Finding
from domain.teldatum import school_year_of

from .models import Agreement, AgreementKind, ComplianceFinding, IntakeScope, Route, RoutePartner


class RuleViolation(Exception):
    """A change was refused: ``findings`` are the failed findings of the rules that block it."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("; ".join(f"{f.rule}: {f.message}" for f in findings))


def rule_settings(today: date | None = None) -> facts.Settings:
    return facts.Settings(
        today=today or timezone.localdate(), meeting_interval_months=dj_settings.LEERROUTE_MEETING_INTERVAL_MONTHS
    )


def agreement_facts(agreement: Agreement) -> facts.Agreement:
    return facts.Agreement(
        kind=agreement.kind,
        title=agreement.title,
        valid_from=agreement.valid_from,
        valid_to=agreement.valid_to,
        signatures=tuple(facts.Signature(board=s.bestuur.name, signed_on=s.signed_on)
                         for s in agreement.signatures.all()),
        topics=frozenset(agreement.topic_codes()),
        route_types=frozenset(r.type for r in agreement.routes.all()),
        superseded=hasattr(agreement, "superseded_by"),
    )


# -- what the register holds about a route's students (through reverse relations: the routes app
# does not import the students app) -----------------------------------------------------------

INTAKE_KEYS = {
    IntakeScope.UITSTROOMRICHTING: ("kwalificatie__code", "kwalificatie__code"),
    IntakeScope.KLAS: ("klas", "klas"),
    IntakeScope.VO_SCHOOL: ("vo_school__brin", "vo_school__name"),
}


def intake_counts(route: Route, school_year: int, scope: str | None = None) -> list[facts.IntakeCount]:
    """The intake of ``school_year`` per group of ``scope`` (default: the route's own), counted in
    one aggregating query: the students with an enrolment in route year 1 of that school year (a
    zij-instromer entering a later route year is not intake). Per vo-school every vo partner of
    the route is listed, also without intake; per uitstroomrichting the key "" counts the students
    without a chosen kwalificatie."""
    scope = scope or route.min_intake_scope
    students = route.students.filter(enrolments__school_year=school_year, enrolments__route_year=1)
    if scope not in INTAKE_KEYS:
        total = students.aggregate(n=Count("pk", distinct=True))["n"]
        return [facts.IntakeCount("", route.name, total)]
    key, label = INTAKE_KEYS[scope]
    rows = students.order_by().values(key, label).annotate(n=Count("pk", distinct=True))
    counts = {}
    for row in rows:
        code = row[key] or ""
        if scope == IntakeScope.KLAS:
            name = f"Klas {code}" if code else "Leerlingen zonder klas"
        elif scope == IntakeScope.VO_SCHOOL:
            name = row[label] or "Leerlingen zonder vo-school"
        else:
            name = code or "Leerlingen zonder uitstroomrichting"
        counts[code] = facts.IntakeCount(code, name, row["n"])
    if scope == IntakeScope.VO_SCHOOL:
        for partner in route.partners.filter(role=RoutePartner.Role.VO).select_related("institution"):
            counts.setdefault(partner.institution.brin,
                              facts.IntakeCount(partner.institution.brin, partner.institution.name, 0))
    return sorted(counts.values(), key=lambda c: c.key)


def first_enrolments(route: Route) -> dict[int, date]:
    """Per institution (pk), the first day a student of the route was enrolled there (R-06)."""
    rows = route.students.order_by().values("enrolments__institution").annotate(first=Min("enrolments__start"))
    return {row["enrolments__institution"]: row["first"] for row in rows if row["enrolments__institution"]}


def route_facts(route: Route, today: date | None = None) -> facts.Route:
    today = today or timezone.localdate()
    school_year = school_year_of(today)
    firsts = first_enrolments(route)
    uitstroom = list(route.uitstroomrichtingen.select_related("kwalificatie"))
    kwal_ids = [u.kwalificatie_id for u in uitstroom]
    pairs = ProfielKwalificatie.objects.filter(kwalificatie__in=kwal_ids).values_list(
        "profiel__code", "kwalificatie__code")
    agreements = route.agreements.prefetch_related("signatures__bestuur", "clauses", "routes")
    return facts.Route(
        name=route.name,
        type=route.type,
        phase=route.phase,
        start_date=route.start_date,
        end_date=route.end_date,
        start_vmbo_year=route.start_vmbo_year,
        vmbo_exam_route_year=route.vmbo_exam_route_year,
        vmbo_diploma=route.vmbo_diploma,
        leerwegen=frozenset(route.leerwegen.values_list("code", flat=True)),
        profielen=frozenset(route.profielen.values_list("code", flat=True)),
        uitstroomrichtingen=tuple(
            facts.Uitstroomrichting(
                kwalificatie=facts.Kwalificatie(u.kwalificatie.code, u.kwalificatie.name, u.kwalificatie.level),
                min_intake=u.min_intake, active=u.active)
            for u in uitstroom),
        partners=tuple(
            facts.Partner(institution=p.institution.name, brin=p.institution.brin, role=p.role,
                          board=p.institution.bestuur.name, joined_on=p.joined_on,
                          rio_registered_on=p.rio_registered_on, first_enrolment=firsts.get(p.institution_id))
            for p in route.partners.select_related("institution__bestuur")),
        agreements=tuple(agreement_facts(a) for a in agreements),
        related_pairs=frozenset(pairs),
        study_duration_years=route.study_duration_years,
        onderwijstijd_hours=route.onderwijstijd_hours,
        onderwijstijd_deviation=route.onderwijstijd_deviation,
        mr_consent_on=route.mr_consent_on,
        integrated_exam=route.integrated_exam,
        pta_oer=route.pta_oer,
        components=tuple(facts.ProgrammeComponent(c.name, c.covered_by) for c in route.components.all()),
        contacts=tuple(facts.Contact(role=c.role, name=c.person.name, active=c.active_on(today),
                                     institution=c.institution.name, person=c.person_id)
                       for c in route.contacts.select_related("institution", "person")),
        settlement_model=route.settlement_model,
        last_partner_meeting=route.last_partner_meeting,
        without_structural_meetings=route.without_structural_meetings,
        has_students=route.students.exists(),
        includes_lwt=route.includes_lwt,
        enrolment_pattern=tuple((y.route_year, y.unfunded_at) for y in route.years.all() if y.unfunded_at),
        choice_route_year=route.choice_route_year,
        choice_month=route.choice_month,
        min_intake=route.min_intake,
        min_intake_scope=route.min_intake_scope,
        intake_school_year=school_year,
        intake=tuple(intake_counts(route, school_year)),
    )


def evaluate(route: Route, today: date | None = None) -> list[Finding]:
    rs = rule_settings(today)
    return evaluate_route(route_facts(route, rs.today), rs)


@transaction.atomic
def store(route: Route, findings: list[Finding]) -> None:
    ComplianceFinding.objects.filter(route=route).delete()
    ComplianceFinding.objects.bulk_create(
        ComplianceFinding(route=route, rule=f.rule, status=f.status, field=f.field, message=f.message,
                          item=f.item[:100], message_data=f.text.to_data() if f.text else None)
        for f in findings)


# -- student findings: the students app registers a provider (the routes app does not import it)

StudentFindings = Callable[[Route, bool], list[Finding]]
_student_providers: list[StudentFindings] = []


def register_student_findings(provider: StudentFindings) -> None:
    """Register ``provider(route, reevaluate)``: the route's student findings aggregated per rule
    (field "students", no names: regional users read them). With ``reevaluate`` the provider
    evaluates every student of the route again; without, it reads what it stored per student."""
    if provider not in _student_providers:
        _student_providers.append(provider)


def student_summary(route: Route, reevaluate: bool = False) -> list[Finding]:
    return [f for provider in _student_providers for f in provider(route, reevaluate)]


def refresh(route: Route, students: bool = False, today: date | None = None) -> list[Finding]:
    """Evaluate a route and keep the outcome (start page, lists, warnings kept), with one finding
    per student rule that students of the route fail; ``students`` evaluates every student again
    (a route change, the rule check page, the daily run) instead of reading their stored state;
    ``today`` evaluates the route as of another day (the demo, built as of a given day)."""
    findings = evaluate(route, today) + student_summary(route, students)
    store(route, findings)
    return findings


def change_route(apply: Callable[[], Route], enforce: bool = True) -> tuple[Route, list[Finding]]:
    """Apply a change to a route; refuse it (RuleViolation, nothing saved) if a blocking rule fails.
    ``enforce=False`` is for changes no rule guards, such as stopping a route."""
    with transaction.atomic():
        route = apply()
        findings = evaluate(route)
        blocked = blocking(findings, "route.save") if enforce else []
        if blocked:
            raise RuleViolation(blocked)  # leaving the atomic block with an error rolls back
        store(route, findings + student_summary(route, reevaluate=True))
    return route, findings


def change_agreement(apply: Callable[[], Agreement], previous_routes=()) -> tuple[Agreement, list[Finding]]:
    """Apply a change to an agreement; its own rules may block it, and the routes it covers (or
    covered before the change) are re-evaluated."""
    with transaction.atomic():
        agreement = apply()
        found = evaluate_agreement(agreement_facts(agreement), rule_settings())
        actions = ["agreement.save"]
        if agreement.signatures.exclude(signed_on=None).exists() and agreement.kind != AgreementKind.LWT:
            actions.append("agreement.sign")
        blocked = [f for action in actions for f in blocking(found, action)]
        if blocked:
            raise RuleViolation(blocked)
        for route in {*agreement.routes.all(), *previous_routes}:
            refresh(route, students=True)
    return agreement, found


def worst(findings) -> str:
    """failed / warning / passed: the worst status among findings ("unknown" when there are none)."""
    statuses = {f.status for f in findings}
    for status in ("failed", "warning", "passed"):
        if status in statuses:
            return status
    return "unknown"


def summary(route: Route) -> str:
    """The worst stored status of a route (uses prefetched findings when present)."""
    return worst(route.findings.all())


def reevaluate_routes_of(sender, kwalificatie_ids, **kwargs) -> None:
    """Levels and the R-02 table feed the rules: re-evaluate the routes that use these kwalificaties
    (a receiver of the registry's ``kwalificaties_changed``)."""
    for route in Route.objects.filter(uitstroomrichtingen__kwalificatie__in=kwalificatie_ids).distinct():
        refresh(route)
