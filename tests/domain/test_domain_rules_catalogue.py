"""The catalogue as a whole: ids, texts, evaluation per route and agreement, blocking()."""
from __future__ import annotations

import ast
import re
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from domain.facts import (
    MANDATORY_TOPICS,
    RECOMMENDED_TOPICS,
    Agreement,
    Contact,
    Kwalificatie,
    Partner,
    ProgrammeComponent,
    Route,
    Settings,
    Signature,
    Uitstroomrichting,
)
from domain.rules import ACTIONS, CATALOGUE, Finding, blocking, evaluate_agreement, evaluate_route, get_rule
from domain.rules.base import LEVELS, SUBJECTS

SETTINGS = Settings(today=date(2024, 3, 1))
BOARDS = ("Stichting Calvijn", "ROC van Amsterdam-Flevoland")
STUDENT_RULES = ("R-10", "R-11", "R-17", "R-19")
RULES_DIR = Path(__file__).resolve().parents[2] / "domain" / "rules"


def agreement(kind: str = "sok", topics=frozenset(MANDATORY_TOPICS + RECOMMENDED_TOPICS),
              title: str = "SOK 2021", route_types=frozenset({"doorlopend"})) -> Agreement:
    return Agreement(kind, title, date(2021, 1, 1), None,
                     tuple(Signature(b, date(2021, 6, 1)) for b in BOARDS), topics, route_types)


def good_route(**changes) -> Route:
    return replace(Route(
        name="Zorg en welzijn", type="doorlopend", phase="regulier", start_date=date(2021, 8, 1),
        leerwegen=frozenset({"BB"}), profielen=frozenset({"Z&W"}),
        uitstroomrichtingen=(Uitstroomrichting(Kwalificatie("25498", "Helpende zorg", 2)),),
        partners=(Partner("Calvijn", "20NC", "vo", BOARDS[0], rio_registered_on=date(2021, 9, 1)),
                  Partner("ROCvA", "25LX", "mbo", BOARDS[1], rio_registered_on=date(2021, 9, 1))),
        agreements=(agreement(),), related_pairs=frozenset({("Z&W", "25498")}),
        study_duration_years=3, onderwijstijd_hours=3000,
        components=(ProgrammeComponent("Profielvak", "docent"),),
        contacts=(Contact("kartrekker", "A", institution="Calvijn"),
                  Contact("projectleider", "B", institution="Calvijn"),
                  Contact("kartrekker", "C", institution="ROCvA"),
                  Contact("projectleider", "D", institution="ROCvA")),
        settlement_model="M1", last_partner_meeting=date(2024, 1, 1),
    ), **changes)


# -- the catalogue ---------------------------------------------------------------------------

def test_catalogue_holds_r01_to_r21_once_in_order():
    assert [rule.id for rule in CATALOGUE] == [f"R-{n:02d}" for n in range(1, 22)]


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda rule: rule.id)
def test_every_rule_is_described_and_consistent(rule):
    for text in (rule.title, rule.description, rule.title_en, rule.description_en, rule.source):
        assert isinstance(text, str) and text.strip()
    assert rule.level in LEVELS
    assert rule.subject in SUBJECTS and rule.subject in rule.subjects <= set(SUBJECTS)
    assert rule.blocks <= ACTIONS
    if rule.level == "warning":
        assert rule.blocks == frozenset()
    assert get_rule(rule.id) is rule


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda rule: rule.id)
def test_every_rule_lives_in_its_own_module(rule):
    number = rule.id[2:]
    assert re.fullmatch(rf"domain\.rules\.r{number}_[a-z_]+", type(rule).__module__)
    assert len(list(RULES_DIR.glob(f"r{number}_*.py"))) == 1


def test_the_rules_core_imports_only_the_standard_library_and_domain():
    for path in RULES_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top == "domain" or top in sys.stdlib_module_names, (path.name, name)


def test_blocks_per_rule():
    blocks = {rule.id: rule.blocks for rule in CATALOGUE if rule.blocks}
    assert blocks == {
        "R-01": {"route.save"}, "R-03": {"route.save", "student.enrol"},
        "R-04": {"route.save", "student.exam"}, "R-05": {"route.save", "student.enrol"},
        "R-06": {"student.enrol"}, "R-07": {"agreement.sign"}, "R-10": {"student.enrol"},
        "R-11": {"student.enrol"}, "R-13": {"route.save", "agreement.save"},
        "R-17": {"student.enrol"}, "R-18": {"route.save"}, "R-19": {"student.bpv"},
        "R-21": {"route.save"},
    }


def test_get_rule_unknown_id():
    with pytest.raises(KeyError):
        get_rule("R-99")


def test_student_rules_are_listed_but_not_applied_to_routes():
    assert {rule.id for rule in CATALOGUE if rule.subject == "student"} == set(STUDENT_RULES)
    found = {f.rule for f in evaluate_route(good_route(), SETTINGS)}
    assert found.isdisjoint(STUDENT_RULES)


# -- evaluate_route --------------------------------------------------------------------------

def test_a_good_legal_route_passes_every_applicable_rule_once():
    findings = evaluate_route(good_route(), SETTINGS)
    assert {f.status for f in findings} == {"passed"}
    assert [f.rule for f in findings] == [
        "R-01", "R-02", "R-03", "R-04", "R-06", "R-07", "R-08", "R-09", "R-12", "R-13", "R-14",
        "R-15", "R-16"]
    assert findings[0] == Finding("R-01", "passed", "", "Voldoet aan R-01.")


def test_a_non_legal_route_only_gets_the_rules_for_every_route():
    findings = evaluate_route(good_route(type="gestapeld", agreements=()), SETTINGS)
    assert [f.rule for f in findings] == ["R-15", "R-16"]
    experiment = evaluate_route(good_route(type="experiment", agreements=()), SETTINGS)
    assert [f.rule for f in experiment] == ["R-15", "R-16", "R-21"]


def test_agreement_rules_run_on_the_routes_agreements_with_its_title():
    draft = agreement(title="Concept SOK", topics=frozenset(MANDATORY_TOPICS[:3]))
    findings = [f for f in evaluate_route(good_route(agreements=(agreement(), draft)), SETTINGS)
                if f.rule == "R-07"]
    assert len(findings) == 1
    assert findings[0].status == "failed" and findings[0].field == "agreements"
    assert findings[0].message.startswith("Concept SOK: Het onderwerp 'overstapoptie' ontbreekt")


def test_lwt_agreement_of_a_legal_route_fails_r13_on_the_route():
    lwt = agreement(kind="lwt", title="LWT Calvijn")
    findings = [f for f in evaluate_route(good_route(agreements=(agreement(), lwt)), SETTINGS)
                if f.rule == "R-13"]
    assert [(f.status, f.field) for f in findings] == [("failed", "agreements")]
    assert findings[0].message.startswith("LWT Calvijn: ")


# -- evaluate_agreement ----------------------------------------------------------------------

def test_evaluate_agreement_runs_agreement_rules_only():
    assert [(f.rule, f.status) for f in evaluate_agreement(agreement(), SETTINGS)] == [
        ("R-07", "passed"), ("R-08", "passed")]
    assert [(f.rule, f.status) for f in evaluate_agreement(agreement(kind="lwt"), SETTINGS)] == [
        ("R-13", "failed")]
    gestapeld_lwt = agreement(kind="lwt", route_types=frozenset({"gestapeld"}))
    assert [(f.rule, f.status) for f in evaluate_agreement(gestapeld_lwt, SETTINGS)] == [
        ("R-13", "passed")]


def test_evaluate_agreement_messages_are_not_prefixed():
    [first, *_] = evaluate_agreement(agreement(topics=frozenset()), SETTINGS)
    assert first.field == "topics" and first.message.startswith("Het onderwerp 'aansturing'")


# -- blocking --------------------------------------------------------------------------------

def test_blocking_selects_failures_of_rules_blocking_the_action():
    route = good_route(
        start_vmbo_year=2, agreements=(agreement(topics=frozenset()),), has_students=True,
        components=(ProgrammeComponent("Zorg"),),
        partners=(Partner("Calvijn", "20NC", "vo", BOARDS[0]),
                  Partner("ROCvA", "25LX", "mbo", BOARDS[1], rio_registered_on=date(2021, 9, 1))))
    findings = evaluate_route(route, SETTINGS)
    assert {f.rule for f in blocking(findings, "route.save")} == {"R-03"}
    assert {f.rule for f in blocking(findings, "student.enrol")} == {"R-03"}
    assert {f.rule for f in blocking(findings, "agreement.sign")} == {"R-07"}
    assert blocking(findings, "agreement.save") == []
    # R-09 (error without blocks) and R-12 (failed, but a warning rule) never block
    assert {"R-09", "R-12"} <= {f.rule for f in findings if f.status == "failed"}


def test_blocking_rejects_unknown_actions():
    with pytest.raises(ValueError):
        blocking([], "route.delete")
