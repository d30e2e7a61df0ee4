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
from django.utils import timezone

from apps.registry.models import ProfielKwalificatie
from domain import facts
from domain.rules import blocking, evaluate_agreement, evaluate_route
from domain.rules.base import Finding

from .models import Agreement, AgreementKind, ComplianceFinding, Route


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


def route_facts(route: Route, today: date | None = None) -> facts.Route:
    today = today or timezone.localdate()
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
                min_intake=u.min_intake, intake=u.intake, active=u.active)
            for u in uitstroom),
        partners=tuple(
            facts.Partner(institution=p.institution.name, brin=p.institution.brin, role=p.role,
                          board=p.institution.bestuur.name, joined_on=p.joined_on,
                          rio_registered_on=p.rio_registered_on)
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
        contacts=tuple(facts.Contact(role=c.role, name=c.name, active=c.active_on(today))
                       for c in route.contacts.all()),
        settlement_model=route.settlement_model,
        last_partner_meeting=route.last_partner_meeting,
        has_students=route.students.exists(),
        includes_lwt=route.includes_lwt,
        enrolment_pattern=tuple((y.route_year, y.unfunded_at) for y in route.years.all() if y.unfunded_at),
        choice_route_year=route.choice_route_year,
        choice_month=route.choice_month,
    )


def evaluate(route: Route, today: date | None = None) -> list[Finding]:
    rs = rule_settings(today)
    return evaluate_route(route_facts(route, rs.today), rs)


@transaction.atomic
def store(route: Route, findings: list[Finding]) -> None:
    ComplianceFinding.objects.filter(route=route).delete()
    ComplianceFinding.objects.bulk_create(
        ComplianceFinding(route=route, rule=f.rule, status=f.status, field=f.field, message=f.message)
        for f in findings)


def refresh(route: Route, today: date | None = None) -> list[Finding]:
    """Evaluate a route and keep the outcome (start page, lists, warnings kept); ``today`` evaluates
    it as of another day (the demo, built as of a given day)."""
    findings = evaluate(route, today)
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
        store(route, findings)
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
            refresh(route)
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
