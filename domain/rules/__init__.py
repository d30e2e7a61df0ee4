"""The rules catalogue R-01..R-21 and its evaluation.

    evaluate_route(route, settings)          every rule that applies to the route
    evaluate_agreement(agreement, settings)  every rule that applies to the agreement
    evaluate_student(student, settings)      every rule that applies to the student
    blocking(findings, action)               the failures that block an action

Each applicable rule gives its problems, or one "passed" finding when it has none.
Pure Python: no Django imports.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from domain.facts import Agreement, Route, Settings, Student

from .base import ACTIONS, FAILED, Finding, Rule
from .r01_kwalificatie_niveau import R01KwalificatieNiveau
from .r02_verwant_profiel import R02VerwantProfiel
from .r03_start_vmbo_jaar import R03StartVmboJaar
from .r04_vmbo_examen_termijn import R04VmboExamenTermijn
from .r05_zonder_vmbo_diploma import R05ZonderVmboDiploma
from .r06_samenwerkingsovereenkomst import R06Samenwerkingsovereenkomst
from .r07_verplichte_onderwerpen import R07VerplichteOnderwerpen
from .r08_aanbevolen_onderwerpen import R08AanbevolenOnderwerpen
from .r09_teambevoegdheid import R09Teambevoegdheid
from .r10_bekostigingsfase import R10Bekostigingsfase
from .r11_dubbele_inschrijving import R11DubbeleInschrijving
from .r12_registratie_rio import R12RegistratieRio
from .r13_leerwerktraject import R13Leerwerktraject
from .r14_studieduur_onderwijstijd import R14StudieduurOnderwijstijd
from .r15_minimale_instroom import R15MinimaleInstroom
from .r16_continuiteit import R16Continuiteit
from .r17_gezamenlijk_oordeel_glr import R17GezamenlijkOordeelGlr
from .r18_pta_oer import R18PtaOer
from .r19_bpv_leerbedrijf import R19BpvLeerbedrijf
from .r20_instemming_mr import R20InstemmingMr
from .r21_experiment_beeindigd import R21ExperimentBeeindigd

__all__ = ["ACTIONS", "CATALOGUE", "Finding", "Rule", "blocking", "evaluate_agreement",
           "evaluate_route", "evaluate_student", "get_rule"]

CATALOGUE: tuple[Rule[Any], ...] = (
    R01KwalificatieNiveau(),
    R02VerwantProfiel(),
    R03StartVmboJaar(),
    R04VmboExamenTermijn(),
    R05ZonderVmboDiploma(),
    R06Samenwerkingsovereenkomst(),
    R07VerplichteOnderwerpen(),
    R08AanbevolenOnderwerpen(),
    R09Teambevoegdheid(),
    R10Bekostigingsfase(),
    R11DubbeleInschrijving(),
    R12RegistratieRio(),
    R13Leerwerktraject(),
    R14StudieduurOnderwijstijd(),
    R15MinimaleInstroom(),
    R16Continuiteit(),
    R17GezamenlijkOordeelGlr(),
    R18PtaOer(),
    R19BpvLeerbedrijf(),
    R20InstemmingMr(),
    R21ExperimentBeeindigd(),
)

_BY_ID = {rule.id: rule for rule in CATALOGUE}


def get_rule(rule_id: str) -> Rule[Any]:
    """The rule with this id ("R-01"); KeyError for an unknown id."""
    return _BY_ID[rule_id]


def evaluate_route(route: Route, settings: Settings) -> list[Finding]:
    """Per applicable rule, in id order: its problems, or one "passed" finding.

    Agreement rules (R-07, R-08, and R-13's agreement part) are run on each agreement in
    ``route.agreements``; their messages start with the agreement's title.
    """
    findings: list[Finding] = []
    for rule in CATALOGUE:
        problems = rule.check_route(route, settings)
        if problems is not None:
            findings.extend(problems or [rule.passed()])
    return findings


def evaluate_agreement(agreement: Agreement, settings: Settings) -> list[Finding]:
    """Per rule that applies to the agreement, in id order: its problems, or one "passed"."""
    findings: list[Finding] = []
    for rule in CATALOGUE:
        if "agreement" in rule.subjects and rule.applies(agreement, settings):
            findings.extend(rule.check(agreement, settings) or [rule.passed()])
    return findings


def evaluate_student(student: Student, settings: Settings) -> list[Finding]:
    """Per rule that applies to the student, in id order: its problems, or one "passed".

    Student rules apply to students of a doorlopende or geïntegreerde leerroute only (for other
    route types the result is empty). Fields are the student's field names ("vmbo_year_at_start",
    "leerweg", "kwalificatie", "exam_parts", "enrolments", "bpv", "glr_judgment_on", "route");
    ``item`` names the exam part, school year ("2021-2022") or leerbedrijf concerned.
    """
    findings: list[Finding] = []
    for rule in CATALOGUE:
        problems = rule.check_student(student, settings)
        if problems is not None:
            findings.extend(problems or [rule.passed()])
    return findings


def blocking(findings: Iterable[Finding], action: str) -> list[Finding]:
    """The failed findings whose rule blocks ``action`` (one of ACTIONS)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; expected one of {sorted(ACTIONS)}")
    return [f for f in findings if f.status == FAILED and action in get_rule(f.rule).blocks]
