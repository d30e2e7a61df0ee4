"""The student rules (R-03, R-04, R-05, R-06, R-10, R-11, R-17, R-19 on a Student),
evaluate_student and the counting day (domain.teldatum). Plain pytest."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from domain.facts import (
    MANDATORY_TOPICS,
    RECOMMENDED_TOPICS,
    Agreement,
    BpvPeriod,
    Enrolment,
    ExamPart,
    Kwalificatie,
    Partner,
    Route,
    Settings,
    Signature,
    Student,
    Uitstroomrichting,
)
from domain.rules import ACTIONS, CATALOGUE, blocking, evaluate_route, evaluate_student, get_rule
from domain.teldatum import TeldatumResult, check_teldatum, school_year_label, school_year_of, teldatum

SETTINGS = Settings(today=date(2021, 11, 1))   # the Calvijn student is in route year 3
BOARDS = ("Stichting Calvijn", "ROC van Amsterdam-Flevoland")
VO_BRIN, MBO_BRIN = "20NC", "25LX"
VO = Partner("Calvijn Vakcollege", VO_BRIN, "vo", BOARDS[0], rio_registered_on=date(2019, 9, 1))
MBO = Partner("ROC van Amsterdam", MBO_BRIN, "mbo", BOARDS[1],
              rio_registered_on=date(2019, 9, 1))
MZ2 = Kwalificatie("25498", "Helpende zorg en welzijn", 2)
MZ3 = Kwalificatie("25491", "Verzorgende-IG", 3)
STUDENT_RULE_IDS = ("R-03", "R-04", "R-05", "R-06", "R-10", "R-11", "R-17", "R-19")

SOK = Agreement("sok", "SOK Calvijn-ROCvA", date(2019, 1, 1), None,
                tuple(Signature(board, date(2019, 6, 1)) for board in BOARDS),
                frozenset(MANDATORY_TOPICS + RECOMMENDED_TOPICS), frozenset({"geintegreerd"}))

GLR = Route(name="Zorg en welzijn (GLR)", type="geintegreerd", phase="regulier",
            start_date=date(2019, 8, 1), vmbo_diploma=False, leerwegen=frozenset({"BB"}),
            uitstroomrichtingen=(Uitstroomrichting(MZ2),), partners=(VO, MBO), agreements=(SOK,),
            has_students=True, enrolment_pattern=((2, "mbo"), (3, "vo")))
# A DLR keeps the unfunded mbo enrolment in vmbo 4; in the mbo-fase only R-11 keeps the vo one.
DLR = replace(GLR, name="Zorg en welzijn (DLR)", type="doorlopend", vmbo_diploma=True,
              leerwegen=frozenset({"BB", "KB"}), enrolment_pattern=((2, "mbo"),))


# The same route without an enrolment pattern: the law's minimum only.
PLAIN = replace(GLR, enrolment_pattern=())


def enrol(brin: str, school_year: int, route_year: int, funded: bool = True,
          phase: str | None = None, start: date | None = None,
          end: date | None = None) -> Enrolment:
    role = "vo" if brin == VO_BRIN else "mbo"
    return Enrolment(
        brin, role, school_year, route_year, start or date(school_year, 8, 1),
        end or date(school_year + 1, 7, 31), funded,
        phase or ("vo" if route_year <= 2 else "mbo"))


# The Calvijn pattern (domain.md, R-10): route year 1 = vmbo 3.
CALVIJN_ENROLMENTS = (
    enrol(VO_BRIN, 2019, 1),                          # year 1: vo funded
    enrol(VO_BRIN, 2020, 2),                          # year 2: vo funded ...
    enrol(MBO_BRIN, 2020, 2, funded=False),           # ... + mbo unfunded (still vo-fase)
    enrol(MBO_BRIN, 2021, 3),                         # year 3: mbo funded ...
    enrol(VO_BRIN, 2021, 3, funded=False),            # ... + vo unfunded
)
VMBO_PARTS = (
    ExamPart("Nederlands", "vmbo", "SE", planned_route_year=2, actual_route_year=2,
             result="passed"),
    ExamPart("Zorg en welzijn", "vmbo", "CSPE", planned_route_year=3),
)


def calvijn(**changes) -> Student:
    """A BB student of the GLR who meets every student rule; ``changes`` break one thing."""
    good = Student(
        key="CAL-001", route=GLR, leerweg="BB", vmbo_year_at_start=3, cohort=2019,
        kwalificatie=MZ2, enrolments=CALVIJN_ENROLMENTS, exam_parts=VMBO_PARTS,
        bpv=(BpvPeriod("Zorgcentrum De Linde", True, True, date(2021, 2, 1)),),
        glr_judgment_on=date(2019, 6, 15))
    return replace(good, **changes)


def dlr_student(**changes) -> Student:
    """A KB student of a doorlopende leerroute: in route year 3 (mbo-fase, no vmbo diploma yet)
    funded at the mbo and unfunded at the vo-school while vmbo exam parts are open."""
    return replace(calvijn(route=DLR, leerweg="KB", kwalificatie=MZ3, glr_judgment_on=None),
                   **changes)


def rule_findings(rule_id: str, student: Student):
    problems = get_rule(rule_id).check_student(student, SETTINGS)
    assert problems is not None, f"{rule_id} does not apply"
    return problems


def only(findings, rule_id: str):
    return [f for f in findings if f.rule == rule_id]


# -- the catalogue -----------------------------------------------------------------------------

def test_student_subjects_in_the_catalogue():
    checks_students = {rule.id for rule in CATALOGUE if "student" in rule.subjects}
    assert checks_students == set(STUDENT_RULE_IDS)
    for rule_id in ("R-03", "R-04", "R-05", "R-06"):
        assert get_rule(rule_id).subject == "route"
        assert get_rule(rule_id).subjects == {"route", "student"}
    for rule_id in ("R-10", "R-11", "R-17", "R-19"):
        assert get_rule(rule_id).subject == "student"
    assert get_rule("R-12").subjects == {"route"}


def test_new_actions_and_student_blocks():
    assert {"student.enrol", "student.exam", "student.bpv"} <= ACTIONS
    blocks = {rule_id: get_rule(rule_id).blocks for rule_id in STUDENT_RULE_IDS}
    assert blocks == {
        "R-03": {"route.save", "student.enrol"}, "R-04": {"route.save", "student.exam"},
        "R-05": {"route.save", "student.enrol"}, "R-06": {"student.enrol"},
        "R-10": {"student.enrol"}, "R-11": {"student.enrol"}, "R-17": {"student.enrol"},
        "R-19": {"student.bpv"},
    }


def test_route_evaluation_is_unchanged_by_the_student_subject():
    assert list(dict.fromkeys(f.rule for f in evaluate_route(GLR, SETTINGS))) == [
        "R-01", "R-02", "R-03", "R-05", "R-06", "R-07", "R-08", "R-09", "R-12", "R-13", "R-14",
        "R-15", "R-16"]


def test_student_rules_apply_through_applies_and_check_too():
    rule = get_rule("R-19")
    assert rule.applies(calvijn(), SETTINGS) and rule.check(calvijn(), SETTINGS) == []
    assert not rule.applies(GLR, SETTINGS) and rule.check(GLR, SETTINGS) == []


def test_the_teldatum_module_imports_on_its_own():
    root = Path(__file__).resolve().parents[2]
    for module in ("domain.teldatum", "domain.rules.r10_bekostigingsfase", "domain.rules"):
        subprocess.run([sys.executable, "-c", f"import {module}"], cwd=root, check=True)


# -- evaluate_student --------------------------------------------------------------------------

def test_the_calvijn_student_passes_every_applicable_rule_once():
    findings = evaluate_student(calvijn(), SETTINGS)
    assert [(f.rule, f.status) for f in findings] == [
        (rule_id, "passed") for rule_id in ("R-03", "R-04", "R-05", "R-06", "R-10", "R-17",
                                            "R-19")]


def test_a_good_dlr_student_passes_r11_and_skips_the_glr_rules():
    findings = evaluate_student(dlr_student(), SETTINGS)
    assert [(f.rule, f.status) for f in findings] == [
        (rule_id, "passed") for rule_id in ("R-03", "R-04", "R-06", "R-10", "R-11", "R-19")]


@pytest.mark.parametrize("route_type", ["gestapeld", "gedeeltelijk", "experiment"])
def test_student_rules_do_not_apply_outside_legal_routes(route_type):
    student = calvijn(route=replace(GLR, type=route_type), vmbo_year_at_start=2,
                      bpv=(BpvPeriod("Garage", False, False, date(2021, 2, 1)),))
    assert evaluate_student(student, SETTINGS) == []
    assert all(rule.check_student(student, SETTINGS) is None for rule in CATALOGUE)


def test_blocking_on_student_findings_per_action():
    student = calvijn(
        vmbo_year_at_start=2, leerweg="BB",   # vmbo leerjaar 2, 3, 4: route years 1-3 vo-fase
        exam_parts=(ExamPart("Wiskunde", "vmbo", "SE", planned_route_year=5),),
        bpv=(BpvPeriod("Garage Jansen", False, True, date(2021, 2, 1)),))
    findings = evaluate_student(student, SETTINGS)
    assert {f.rule for f in blocking(findings, "student.enrol")} == {"R-03", "R-10"}
    assert {f.rule for f in blocking(findings, "student.exam")} == {"R-04"}
    assert {f.rule for f in blocking(findings, "student.bpv")} == {"R-19"}
    for finding in findings:
        assert "student" in get_rule(finding.rule).subjects


# -- R-03 --------------------------------------------------------------------------------------

@pytest.mark.parametrize("year", [3, 4])
def test_r03_student_starting_in_vmbo_3_or_4_passes(year):
    assert rule_findings("R-03", calvijn(vmbo_year_at_start=year)) == []


@pytest.mark.parametrize("year,words", [(2, "vmbo-leerjaar 2"), (5, "Vmbo-leerjaar 5 bestaat")])
def test_r03_student_starting_outside_vmbo_3_and_4_fails(year, words):
    [finding] = rule_findings("R-03", calvijn(vmbo_year_at_start=year))
    assert (finding.status, finding.field) == ("failed", "vmbo_year_at_start")
    assert words in finding.message


# -- R-04 --------------------------------------------------------------------------------------

def test_r04_vmbo_parts_in_route_year_3_pass_and_mbo_parts_do_not_count():
    late_mbo = ExamPart("Kerntaak 1", "mbo", "kerntaak", planned_route_year=4)
    assert rule_findings("R-04", calvijn(exam_parts=VMBO_PARTS + (late_mbo,))) == []


def test_r04_one_finding_per_late_vmbo_part_naming_it():
    parts = (ExamPart("Wiskunde", "vmbo", "SE", planned_route_year=4),
             ExamPart("Engels", "vmbo", "SE", planned_route_year=3, actual_route_year=4),
             ExamPart("Nederlands", "vmbo", "SE", planned_route_year=3))
    findings = rule_findings("R-04", dlr_student(exam_parts=parts))
    assert [(f.status, f.field, f.item) for f in findings] == [
        ("failed", "exam_parts", "Wiskunde"), ("failed", "exam_parts", "Engels")]
    assert "gepland in routejaar 4" in findings[0].message
    assert "afgerond in routejaar 4" in findings[1].message


def test_r04_also_checks_the_parts_a_glr_student_has():
    assert get_rule("R-04").check_student(calvijn(), SETTINGS) == []
    late = (ExamPart("Profielvak", "vmbo", "CSPE", planned_route_year=5),)
    [finding] = rule_findings("R-04", calvijn(exam_parts=late))
    assert finding.item == "Profielvak"


# -- R-05 --------------------------------------------------------------------------------------

def test_r05_bb_student_to_level_2_without_vmbo_diploma_passes():
    assert rule_findings("R-05", calvijn()) == []
    assert get_rule("R-05").check_student(dlr_student(), SETTINGS) is None  # with diploma


def test_r05_kb_student_or_level_3_without_vmbo_diploma_fails():
    findings = rule_findings("R-05", calvijn(leerweg="KB", kwalificatie=MZ3))
    assert [(f.status, f.field, f.item) for f in findings] == [
        ("failed", "leerweg", "KB"), ("failed", "kwalificatie", "25491")]
    assert "leerweg KB" in findings[0].message and "niveau 3" in findings[1].message


# -- R-06 --------------------------------------------------------------------------------------

def test_r06_student_enrolled_under_a_signed_agreement_passes():
    assert rule_findings("R-06", calvijn()) == []


def test_r06_student_enrolled_before_the_agreement_is_valid_fails():
    late = replace(SOK, valid_from=date(2020, 1, 1))
    [finding] = rule_findings("R-06", calvijn(route=replace(GLR, agreements=(late,))))
    assert (finding.status, finding.field) == ("failed", "route")
    assert finding.message.startswith(
        "Route Zorg en welzijn (GLR), schooljaar 2019-2020 (inschrijving op 1 augustus 2019): ")
    assert finding.item == "2019-2020"


def test_r06_student_in_a_route_without_agreement_fails_on_the_earliest_enrolment():
    enrolments = (enrol(VO_BRIN, 2020, 1, start=date(2020, 9, 1)),)
    [finding] = rule_findings("R-06", calvijn(route=replace(GLR, agreements=()),
                                              enrolments=enrolments))
    assert "1 september 2020" in finding.message and finding.field == "route"


def test_r06_student_is_checked_on_the_start_of_every_school_year_of_enrolment():
    # the SOK ran out after the first school year: the second and third are not covered
    ended = replace(SOK, valid_to=date(2020, 7, 31))
    findings = rule_findings("R-06", calvijn(route=replace(GLR, agreements=(ended,))))
    assert [f.item for f in findings] == ["2020-2021", "2021-2022"]
    assert findings[0].message.startswith(
        "Route Zorg en welzijn (GLR), schooljaar 2020-2021 (inschrijving op 1 augustus 2020): er "
        "is geen ondertekende samenwerkingsovereenkomst die geldig is op 1 augustus 2020")
    # a new agreement from the second school year, signed in time, covers it
    renewed = replace(SOK, title="SOK 2020", valid_from=date(2020, 8, 1),
                      signatures=tuple(Signature(b, date(2020, 7, 1)) for b in BOARDS))
    assert rule_findings("R-06", calvijn(route=replace(GLR, agreements=(ended, renewed)))) == []
    # ... but not when it was signed only after the school year had started (which then covers
    # the next school year only)
    signed_late = replace(renewed, signatures=tuple(Signature(b, date(2020, 9, 1)) for b in BOARDS))
    findings = rule_findings("R-06", calvijn(route=replace(GLR, agreements=(ended, signed_late))))
    assert [f.item for f in findings] == ["2020-2021"]
    assert "pas ondertekend op 1 september 2020, na 1 augustus 2020" in findings[0].message


def test_r06_student_at_a_joining_partner_needs_its_board_signed_before_the_enrolment():
    nova = Partner("Nova College", "25LH", "mbo", "Nova College", joined_on=date(2021, 6, 1))
    extension = Agreement("sok", "Aanvulling Nova", date(2021, 6, 1), None,
                          (Signature("Nova College", date(2021, 9, 20)),),
                          frozenset(MANDATORY_TOPICS))
    route = replace(GLR, partners=(VO, MBO, nova), agreements=(SOK, extension))
    at_nova = CALVIJN_ENROLMENTS[:3] + (enrol("25LH", 2021, 3),)
    [finding] = rule_findings("R-06", calvijn(route=route, enrolments=at_nova))
    assert finding.item == "2021-2022"
    assert "de leerling is ingeschreven bij Nova College, dat later is toegetreden" in finding.message
    assert "door Nova College pas ondertekend op 20 september 2021" in finding.message
    # a student of the same route who is not enrolled at Nova College is not affected
    assert rule_findings("R-06", calvijn(route=route)) == []


def test_r06_student_without_enrolments_is_checked_on_the_route_start():
    [finding] = rule_findings("R-06", calvijn(route=replace(GLR, agreements=()), enrolments=()))
    assert "startdatum van de route" in finding.message


# -- the Calvijn pattern and what breaks it ----------------------------------------------

def test_r10_the_calvijn_pattern_passes():
    assert rule_findings("R-10", calvijn()) == []


def test_check_teldatum_on_the_calvijn_pattern():
    student = calvijn()
    results = [check_teldatum(student, date(year, 10, 1), SETTINGS) for year in (2019, 2020, 2021)]
    assert [r.funded_institution for r in results] == [VO_BRIN, VO_BRIN, MBO_BRIN]
    assert [r.funded_actual for r in results] == [(VO_BRIN,), (VO_BRIN,), (MBO_BRIN,)]
    assert [(r.route_year, r.phase) for r in results] == [(1, "vo"), (2, "vo"), (3, "mbo")]
    assert all(r.violations == () and r.messages == () for r in results)
    assert results[0] == TeldatumResult("CAL-001", 1, "vo", VO_BRIN, (VO_BRIN,), (), (), ((VO_BRIN, True),))
    assert [r.expected for r in results[1:]] == [((VO_BRIN, True), (MBO_BRIN, False)),
                                                 ((MBO_BRIN, True), (VO_BRIN, False))]


def test_check_teldatum_outside_the_enrolled_school_years():
    assert check_teldatum(calvijn(), date(2022, 10, 1), SETTINGS) == TeldatumResult(
        "CAL-001", None, None, None, (), (), ())
    # 1 July 2020 is in school year 2019-2020: route year 1
    assert check_teldatum(calvijn(), date(2020, 7, 1), SETTINGS).route_year == 1


def test_r10_two_funded_enrolments_on_1_october_fail_naming_the_school_year():
    enrolments = tuple(replace(e, funded=True) if e.school_year == 2020 else e
                       for e in CALVIJN_ENROLMENTS)
    student = calvijn(enrolments=enrolments)
    [finding] = rule_findings("R-10", student)
    assert (finding.status, finding.field, finding.item) == ("failed", "enrolments", "2020-2021")
    assert "2 bekostigde inschrijvingen (20NC en 25LX)" in finding.message
    result = check_teldatum(student, date(2020, 10, 1), SETTINGS)
    assert result.violations == ("R-10",) and result.funded_actual == (VO_BRIN, MBO_BRIN)
    assert result.funded_institution == VO_BRIN


def test_r10_funded_at_the_mbo_in_route_year_2_fails():
    enrolments = tuple(replace(e, funded=e.role == "mbo") if e.school_year == 2020 else e
                       for e in CALVIJN_ENROLMENTS)
    student = calvijn(enrolments=enrolments)
    [finding] = rule_findings("R-10", student)
    assert finding.item == "2020-2021"
    assert "bekostigd ingeschreven bij 25LX (het mbo)" in finding.message
    assert "(2020-2021; vmbo-leerjaar 4, routejaar 2, vo-fase)" in finding.message
    assert "tot en met vmbo-leerjaar 4 is de leerling in de vo-fase: de bekostigde inschrijving hoort bij de " \
           "vo-school (20NC)" in finding.message
    assert "routejaar 1 en 2" not in finding.message.lower()
    result = check_teldatum(student, date(2020, 10, 1), SETTINGS)
    assert (result.violations, result.funded_institution, result.funded_actual) == (
        ("R-10",), VO_BRIN, (MBO_BRIN,))


def test_r10_no_funded_enrolment_fails():
    enrolments = (replace(CALVIJN_ENROLMENTS[0], funded=False),) + CALVIJN_ENROLMENTS[1:]
    [finding] = rule_findings("R-10", calvijn(enrolments=enrolments))
    assert finding.item == "2019-2020"
    assert "geen bekostigde inschrijving" in finding.message
    assert "1 oktober 2019" in finding.message


def test_r10_enrolment_ended_before_1_october_does_not_count():
    enrolments = (enrol(VO_BRIN, 2019, 1, end=date(2019, 9, 30)),
                  enrol(MBO_BRIN, 2019, 1, funded=False))
    findings = rule_findings("R-10", calvijn(enrolments=enrolments))
    assert "geen bekostigde inschrijving" in findings[0].message
    # and the unfunded mbo enrolment is not in the route's pattern for vmbo-leerjaar 3
    assert "het inschrijvingspatroon van de route heeft in dit routejaar geen" in findings[1].message


def test_r10_student_not_enrolled_on_1_october_has_no_teldatum_problem_that_year():
    # left before the teldatum, or joined after it: not in the route on 1 October
    left = (enrol(VO_BRIN, 2019, 1, end=date(2019, 9, 30)),)
    joined = (enrol(VO_BRIN, 2019, 1, start=date(2020, 1, 6)),)
    for enrolments in (left, joined):
        assert rule_findings("R-10", calvijn(enrolments=enrolments)) == []
        result = check_teldatum(calvijn(enrolments=enrolments), date(2019, 10, 1))
        assert result.route_year == 1 and result.violations == () and result.funded_actual == ()


def test_r10_an_enrolment_of_last_year_does_not_count_this_year():
    old = enrol(VO_BRIN, 2019, 1, end=None)          # open-ended, but of school year 2019
    new = enrol(VO_BRIN, 2020, 2, end=None)
    assert rule_findings("R-10", calvijn(route=PLAIN, enrolments=(old, new))) == []


def test_r10_route_year_3_funded_at_the_vo_school_fails():
    enrolments = (enrol(VO_BRIN, 2021, 3), enrol(MBO_BRIN, 2021, 3, funded=False))
    [finding] = rule_findings("R-10", calvijn(enrolments=enrolments))
    assert "na vmbo-leerjaar 4 is de leerling in de mbo-fase: de bekostigde inschrijving hoort bij het mbo " \
           "(25LX)" in finding.message


def test_r10_a_student_starting_in_vmbo_4_is_in_the_mbo_fase_from_route_year_2():
    student = calvijn(vmbo_year_at_start=4, enrolments=(
        enrol(VO_BRIN, 2019, 1), enrol(MBO_BRIN, 2020, 2, phase="mbo")))
    assert rule_findings("R-10", student) == []
    assert check_teldatum(student, date(2020, 10, 1)).funded_institution == MBO_BRIN


def test_r10_enrolment_phase_must_match_the_route_year():
    enrolments = (enrol(VO_BRIN, 2019, 1), enrol(MBO_BRIN, 2019, 1, funded=False, phase="mbo"))
    [_pattern, finding] = rule_findings("R-10", calvijn(enrolments=enrolments))
    assert finding.item == "2019-2020"
    assert "De inschrijving bij 25LX in 2019-2020 staat in de mbo-fase" in finding.message


def test_r10_one_route_year_per_school_year():
    enrolments = (enrol(VO_BRIN, 2019, 1), enrol(MBO_BRIN, 2019, 2, funded=False))
    [finding] = rule_findings("R-10", calvijn(enrolments=enrolments))
    assert "verschillende routejaren (1 en 2)" in finding.message


def test_funded_institution_is_the_mbo_the_student_is_enrolled_at():
    other = Partner("ROC Flevoland", "30XX", "mbo", BOARDS[1])
    route = replace(PLAIN, partners=(VO, MBO, other))
    at_other = (Enrolment("30XX", "mbo", 2021, 3, date(2021, 8, 1), None, True, "mbo"),)
    assert check_teldatum(calvijn(route=route, enrolments=at_other, mbo_brin="30XX"),
                          date(2021, 10, 1)).funded_institution == "30XX"
    # no own mbo recorded: the route's first mbo partner
    at_vo = (enrol(VO_BRIN, 2021, 3, phase="mbo"),)
    result = check_teldatum(calvijn(route=route, enrolments=at_vo), date(2021, 10, 1))
    assert result.funded_institution == MBO_BRIN and result.violations == ("R-10",)


# -- R-11 --------------------------------------------------------------------------------------

def test_r11_only_applies_to_doorlopende_leerroutes():
    assert get_rule("R-11").check_student(calvijn(), SETTINGS) is None
    assert rule_findings("R-11", dlr_student()) == []


def test_r11_dlr_student_in_mbo_fase_without_diploma_and_without_vo_enrolment_fails():
    enrolments = CALVIJN_ENROLMENTS[:4]              # no vo enrolment in route year 3
    student = dlr_student(enrolments=enrolments)
    [finding] = rule_findings("R-11", student)
    assert (finding.status, finding.field, finding.item) == ("failed", "enrolments", "2021-2022")
    assert "niet onbekostigd ingeschreven bij de vo-school" in finding.message
    result = check_teldatum(student, date(2021, 10, 1), SETTINGS)
    assert result.violations == ("R-11",) and len(result.messages) == 1


def test_r11_a_funded_vo_enrolment_does_not_count_as_the_unfunded_one():
    enrolments = CALVIJN_ENROLMENTS[:3] + (enrol(VO_BRIN, 2021, 3),)
    findings = evaluate_student(dlr_student(enrolments=enrolments), SETTINGS)
    assert [f.item for f in only(findings, "R-11")] == ["2021-2022"]
    assert [f.item for f in only(findings, "R-10")] == ["2021-2022"]


def test_r11_no_vo_enrolment_needed_once_the_vmbo_diploma_is_there():
    enrolments = CALVIJN_ENROLMENTS[:4]
    passed = tuple(replace(p, result="passed") for p in VMBO_PARTS)
    assert rule_findings("R-11", dlr_student(
        enrolments=enrolments, exam_parts=passed, vmbo_diploma_on=date(2021, 7, 1))) == []
    # the diploma after the teldatum does not count yet
    [finding] = rule_findings("R-11", dlr_student(
        enrolments=enrolments, vmbo_diploma_on=date(2022, 6, 1)))
    assert finding.item == "2021-2022"


def test_r11_double_enrolment_after_the_vo_part_is_finished_fails():
    passed = tuple(replace(p, result="passed") for p in VMBO_PARTS)
    [finding] = rule_findings("R-11", dlr_student(exam_parts=passed))
    assert finding.item == "2021-2022" and "vo-deel is afgerond" in finding.message
    [finding] = rule_findings("R-11", dlr_student(vmbo_diploma_on=date(2021, 7, 1)))
    assert "schrijf de leerling uit bij de vo-school" in finding.message


def test_r11_double_enrolment_in_route_year_4_fails():
    enrolments = CALVIJN_ENROLMENTS + (enrol(MBO_BRIN, 2022, 4),
                                       enrol(VO_BRIN, 2022, 4, funded=False))
    student = dlr_student(enrolments=enrolments)
    [finding] = rule_findings("R-11", student)
    assert finding.item == "2022-2023"
    assert "moest af zijn op het eind van schooljaar 2021-2022, het eerste schooljaar in de mbo-fase" in \
        finding.message
    assert check_teldatum(student, date(2022, 10, 1)).violations == ("R-11",)
    # without the vo enrolment a year-4 student without diploma still fails
    [finding] = rule_findings("R-11", dlr_student(enrolments=enrolments[:-1]))
    assert "nog geen vmbo-diploma" in finding.message


def test_r11_double_enrolment_in_the_vo_fase_is_not_r11s_business():
    # route year 2: vo funded + mbo unfunded (Calvijn year 2) in a DLR
    assert rule_findings("R-11", dlr_student(enrolments=CALVIJN_ENROLMENTS[:3])) == []


# -- R-17 --------------------------------------------------------------------------------------

def test_r17_bb_student_in_a_glr_with_joint_judgment_passes():
    assert rule_findings("R-17", calvijn()) == []


def test_r17_bb_student_in_a_glr_without_joint_judgment_fails():
    [finding] = rule_findings("R-17", calvijn(glr_judgment_on=None))
    assert (finding.status, finding.field) == ("failed", "glr_judgment_on")


def test_r17_does_not_apply_with_vmbo_diploma_or_to_other_leerwegen():
    assert get_rule("R-17").check_student(
        dlr_student(leerweg="BB", glr_judgment_on=None), SETTINGS) is None
    assert get_rule("R-17").check_student(calvijn(leerweg="KB"), SETTINGS) is None


# -- R-19 --------------------------------------------------------------------------------------

def test_r19_bpv_at_recognised_leerbedrijf_with_agreement_passes():
    assert rule_findings("R-19", calvijn()) == []
    assert rule_findings("R-19", calvijn(bpv=())) == []


def test_r19_one_finding_per_bpv_period_that_falls_short():
    bpv = (BpvPeriod("Garage Jansen", False, True, date(2020, 2, 1)),
           BpvPeriod("Zorgcentrum De Linde", True, True, date(2021, 2, 1)),
           BpvPeriod("Bakkerij Smit", True, False, date(2021, 9, 1), date(2021, 12, 1)),
           BpvPeriod("Kapsalon", False, False, date(2022, 2, 1)))
    findings = rule_findings("R-19", calvijn(bpv=bpv))
    assert [(f.status, f.field, f.item) for f in findings] == [
        ("failed", "bpv", "Garage Jansen"), ("failed", "bpv", "Bakkerij Smit"),
        ("failed", "bpv", "Kapsalon")]
    assert "Garage Jansen is geen erkend leerbedrijf" in findings[0].message
    assert "geen praktijkovereenkomst" in findings[1].message
    assert "geen erkend leerbedrijf (SBB) en er is geen praktijkovereenkomst" in (
        findings[2].message)


# -- school years ------------------------------------------------------------------------------

@pytest.mark.parametrize("day,year", [(date(2021, 8, 1), 2021), (date(2022, 7, 31), 2021),
                                      (date(2021, 10, 1), 2021), (date(2022, 1, 1), 2021)])
def test_school_year_of(day, year):
    assert school_year_of(day) == year


def test_school_year_label_and_teldatum():
    assert school_year_label(2021) == "2021-2022"
    assert teldatum(2021) == date(2021, 10, 1)
