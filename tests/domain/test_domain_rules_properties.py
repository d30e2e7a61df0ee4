"""Property tests (hypothesis) for invariants of the rules and the catalogue."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from domain.facts import (
    INTAKE_SCOPES,
    MANDATORY_TOPICS,
    RECOMMENDED_TOPICS,
    Agreement,
    Contact,
    IntakeCount,
    Kwalificatie,
    Partner,
    ProgrammeComponent,
    Route,
    Settings,
    Signature,
    Uitstroomrichting,
)
from domain.rules import ACTIONS, CATALOGUE, blocking, evaluate_agreement, evaluate_route, get_rule
from domain.rules.base import months_before

TYPES = ("doorlopend", "geintegreerd", "gestapeld", "gedeeltelijk", "experiment")
PHASES = ("in_ontwikkeling", "opstartfase", "eerste_cohort", "regulier", "gestopt")
BOARDS = ("Bestuur A", "Bestuur B", "Bestuur C")
PROFIELEN = ("BWI", "PIE", "Z&W", "E&O")
CODES = ("25001", "25002", "25003", "25004")
TOPICS = MANDATORY_TOPICS + RECOMMENDED_TOPICS

days = st.dates(min_value=date(2018, 1, 1), max_value=date(2026, 12, 31))
maybe_days = st.none() | days
small = st.none() | st.integers(min_value=0, max_value=40)

kwalificaties = st.builds(Kwalificatie, code=st.sampled_from(CODES), name=st.just("Kwalificatie"),
                          level=st.integers(min_value=1, max_value=4))
uitstroomrichtingen = st.builds(Uitstroomrichting, kwalificatie=kwalificaties, min_intake=small,
                                active=st.booleans())
intake_counts = st.builds(IntakeCount, key=st.sampled_from(CODES + ("", "3A")), label=st.just("Groep"),
                          count=st.integers(min_value=0, max_value=40))
partners = st.builds(Partner, institution=st.sampled_from(("School 1", "School 2", "ROC")),
                     brin=st.just("00XX"), role=st.sampled_from(("vo", "mbo")),
                     board=st.sampled_from(BOARDS), joined_on=maybe_days,
                     rio_registered_on=maybe_days, first_enrolment=maybe_days)
signatures = st.builds(Signature, board=st.sampled_from(BOARDS), signed_on=maybe_days)
agreements = st.builds(
    Agreement, kind=st.sampled_from(("sok", "interne_regeling", "lwt")),
    title=st.sampled_from(("SOK", "Regeling", "LWT")), valid_from=maybe_days, valid_to=maybe_days,
    signatures=st.lists(signatures, max_size=3).map(tuple),
    topics=st.frozensets(st.sampled_from(TOPICS)),
    route_types=st.frozensets(st.sampled_from(TYPES), max_size=2))
routes = st.builds(
    Route, name=st.just("Route"), type=st.sampled_from(TYPES), phase=st.sampled_from(PHASES),
    start_date=maybe_days, end_date=maybe_days,
    start_vmbo_year=st.none() | st.integers(min_value=1, max_value=5),
    vmbo_exam_route_year=st.none() | st.integers(min_value=1, max_value=5),
    vmbo_diploma=st.booleans(),
    leerwegen=st.frozensets(st.sampled_from(("BB", "KB", "GL", "TL"))),
    profielen=st.frozensets(st.sampled_from(PROFIELEN), max_size=2),
    uitstroomrichtingen=st.lists(uitstroomrichtingen, max_size=3).map(tuple),
    partners=st.lists(partners, max_size=3).map(tuple),
    agreements=st.lists(agreements, max_size=3).map(tuple),
    related_pairs=st.frozensets(st.tuples(st.sampled_from(PROFIELEN), st.sampled_from(CODES))),
    study_duration_years=st.none() | st.integers(min_value=1, max_value=6),
    onderwijstijd_hours=st.none() | st.integers(min_value=0, max_value=7000),
    onderwijstijd_deviation=st.sampled_from(("", "Meer BPV")), mr_consent_on=maybe_days,
    integrated_exam=st.booleans(), pta_oer=st.sampled_from(("", "PTA/OER 2024")),
    components=st.lists(st.builds(ProgrammeComponent, name=st.just("Onderdeel"),
                                  covered_by=st.sampled_from(("", "docent"))),
                        max_size=3).map(tuple),
    contacts=st.lists(st.builds(Contact, role=st.just("kartrekker"), name=st.just("A"),
                                active=st.booleans(),
                                institution=st.sampled_from(("School 1", "School 2", "ROC"))),
                      max_size=3).map(tuple),
    settlement_model=st.sampled_from(("", "M1", "M5")), last_partner_meeting=maybe_days,
    without_structural_meetings=st.booleans(),
    has_students=st.booleans(), includes_lwt=st.booleans(),
    min_intake=small, min_intake_scope=st.sampled_from(INTAKE_SCOPES),
    intake_school_year=st.none() | st.integers(min_value=2018, max_value=2026),
    intake=st.lists(intake_counts, max_size=4, unique_by=lambda c: c.key).map(tuple))
rule_settings = st.builds(Settings, today=days,
                          meeting_interval_months=st.integers(min_value=1, max_value=24))
legal_routes = st.tuples(routes, st.sampled_from(("doorlopend", "geintegreerd"))).map(
    lambda pair: replace(pair[0], type=pair[1]))


@given(legal_routes, rule_settings)
def test_r01_fails_iff_an_active_kwalificatie_is_entree(route, settings):
    active = [u for u in route.uitstroomrichtingen if u.active]
    findings = get_rule("R-01").check(route, settings)
    if active or route.phase in ("in_ontwikkeling", "gestopt"):
        assert bool(findings) == any(u.kwalificatie.level == 1 for u in active)
        assert len(findings) == sum(u.kwalificatie.level == 1 for u in active)
    else:
        assert len(findings) == 1


@given(routes, rule_settings)
def test_evaluate_route_gives_one_passed_or_only_problems_per_applicable_rule(route, settings):
    findings = evaluate_route(route, settings)
    ids = [f.rule for f in findings]
    assert ids == sorted(ids)
    for rule in CATALOGUE:
        own = [f for f in findings if f.rule == rule.id]
        applies = rule.check_route(route, settings) is not None
        assert bool(own) == applies
        statuses = [f.status for f in own]
        assert statuses == ["passed"] or "passed" not in statuses
        if rule.subject == "student":
            assert own == []


@given(agreements, rule_settings)
def test_evaluate_agreement_gives_one_passed_or_only_problems(agreement, settings):
    findings = evaluate_agreement(agreement, settings)
    for rule_id in {f.rule for f in findings}:
        statuses = [f.status for f in findings if f.rule == rule_id]
        assert statuses == ["passed"] or "passed" not in statuses
        assert "agreement" in get_rule(rule_id).subjects


@given(routes, rule_settings, st.sampled_from(sorted(ACTIONS)))
def test_blocking_returns_exactly_the_failures_of_error_rules_blocking_the_action(
        route, settings, action):
    findings = evaluate_route(route, settings)
    blocked = blocking(findings, action)
    for finding in blocked:
        rule = get_rule(finding.rule)
        assert finding.status == "failed" and rule.level == "error" and action in rule.blocks
    assert blocked == [f for f in findings if f.status == "failed"
                       and action in get_rule(f.rule).blocks]


@given(legal_routes, rule_settings)
def test_r06_passes_once_every_board_signed_an_open_ended_sok(route, settings):
    boards = sorted({p.board for p in route.partners}) or ["Bestuur A"]
    complete = Agreement("sok", "Nieuwe SOK", None, None,
                         tuple(Signature(board, date(2017, 1, 1)) for board in boards))
    route = replace(route, agreements=route.agreements + (complete,),
                    partners=route.partners or (Partner("X", "00XX", "vo", boards[0]),))
    assert get_rule("R-06").check(route, settings) == []


@given(legal_routes, rule_settings)
def test_r06_never_passes_on_lwt_agreements_alone(route, settings):
    lwt_only = replace(route, agreements=tuple(a for a in route.agreements if a.kind == "lwt"))
    assert get_rule("R-06").check(lwt_only, settings)


@given(agreements, rule_settings)
def test_r07_per_missing_topic_and_r08_once_for_all_missing(agreement, settings):
    if agreement.kind == "lwt":
        return
    assert len(get_rule("R-07").check(agreement, settings)) == len(
        set(MANDATORY_TOPICS) - agreement.topics)
    assert len(get_rule("R-08").check(agreement, settings)) == (
        1 if set(RECOMMENDED_TOPICS) - agreement.topics else 0)


@given(routes.filter(lambda route: route.phase != "gestopt"), rule_settings)
def test_r15_warns_once_per_group_of_the_scope_below_its_minimum(route, settings):
    counts = {c.key: c.count for c in route.intake}
    if route.phase == "in_ontwikkeling" or route.intake_school_year is None:
        below = []
    elif route.min_intake_scope == "uitstroomrichting":
        below = [u for u in route.uitstroomrichtingen if u.active
                 and (u.min_intake if u.min_intake is not None else route.min_intake) is not None
                 and counts.get(u.kwalificatie.code, 0) < (
                     u.min_intake if u.min_intake is not None else route.min_intake)]
    elif route.min_intake is None:
        below = []
    elif route.min_intake_scope == "route":
        below = [1] if sum(counts.values()) < route.min_intake else []
    else:
        below = [c for c in route.intake if c.count < route.min_intake]
    findings = get_rule("R-15").check(route, settings)
    assert len(findings) == len(below) and {f.status for f in findings} <= {"warning"}


@given(days, st.integers(min_value=0, max_value=60))
def test_months_before_goes_back_whole_months(day, months):
    earlier = months_before(day, months)
    assert earlier <= day
    assert (day.year - earlier.year) * 12 + day.month - earlier.month == months
    assert earlier.day == day.day or earlier.day == (
        date(earlier.year + earlier.month // 12, earlier.month % 12 + 1, 1) - timedelta(days=1)).day
