"""The diploma check compares results with what is required, never with what is planned."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.diploma import (
    FAILED,
    NOT_PLANNED,
    OPEN,
    Part,
    RequiredPart,
    Requirements,
    check,
    check_diplomas,
    grade_passes,
    grade_problems,
    plan,
    planned_route_year,
)

MBO2 = Requirements("mbo", (RequiredPart("generiek", "Nederlands", 1), RequiredPart("generiek", "Rekenen", 1),
                            RequiredPart("generiek", "Loopbaan en burgerschap", 2),
                            RequiredPart("kerntaak", "Kerntaak 1", 1), RequiredPart("kerntaak", "Kerntaak 2", 2)),
                    keuzedelen=2, bpv_hours=800, source="niveau 2")
VMBO_BB = Requirements("vmbo", (RequiredPart("SE", "Nederlands", 4), RequiredPart("CSPE", "Profielvak", 4)))


def passed_all(req: Requirements) -> list[Part]:
    parts = [Part(req.sector, r.kind, r.name, "passed") for r in req.parts]
    parts += [Part(req.sector, "keuzedeel", f"Keuzedeel {n}", "passed") for n in range(req.keuzedelen)]
    if req.bpv_hours:
        parts.append(Part(req.sector, "BPV", "BPV", "passed"))
    return parts


def test_one_passed_part_and_nothing_else_planned_is_not_ready():
    status = check(MBO2, [Part("mbo", "kerntaak", "Kerntaak 1", "passed")])
    assert not status.ready and status.known
    states = {(m.kind, m.name): (m.state, m.needed) for m in status.missing}
    assert states[("generiek", "Nederlands")] == (NOT_PLANNED, 1)
    assert ("kerntaak", "Kerntaak 1") not in states
    assert states[("keuzedeel", "keuzedelen")] == (NOT_PLANNED, 2)
    assert states[("BPV", "BPV")] == (NOT_PLANNED, 1)
    assert status.keuzedelen_passed == 0 and status.keuzedelen_required == 2


def test_every_required_part_passed_is_ready():
    status = check(MBO2, passed_all(MBO2))
    assert status.ready and status.missing == () and status.keuzedelen_passed == 2


def test_planned_open_and_failed_are_told_apart():
    parts = passed_all(MBO2)
    parts[0] = Part("mbo", "generiek", "Nederlands", "open")
    parts[1] = Part("mbo", "generiek", "Rekenen", "failed")
    status = check(MBO2, parts)
    assert {m.name: m.state for m in status.missing} == {"Nederlands": OPEN, "Rekenen": FAILED}


def test_a_retake_that_passed_counts():
    parts = passed_all(MBO2) + [Part("mbo", "generiek", "Nederlands", "failed")]
    assert check(MBO2, parts).ready


def test_names_match_ignoring_case_and_spaces_but_kind_and_sector_count():
    parts = [p for p in passed_all(MBO2) if p.name != "Loopbaan en burgerschap"]
    assert check(MBO2, parts + [Part("mbo", "generiek", "  loopbaan  EN burgerschap", "passed")]).ready
    assert not check(MBO2, parts + [Part("mbo", "kerntaak", "Loopbaan en burgerschap", "passed")]).ready
    assert not check(MBO2, parts + [Part("vmbo", "generiek", "Loopbaan en burgerschap", "passed")]).ready


def test_bpv_by_hours_or_by_a_passed_bpv_part():
    parts = [p for p in passed_all(MBO2) if p.kind != "BPV"]
    assert not check(MBO2, parts).ready
    assert not check(MBO2, parts, bpv_hours_done=799).ready
    assert check(MBO2, parts, bpv_hours_done=800).ready
    status = check(MBO2, parts + [Part("mbo", "BPV", "BPV", "open")])
    assert [(m.kind, m.state) for m in status.missing] == [("BPV", OPEN)]


def test_keuzedelen_planned_but_not_passed():
    parts = [p for p in passed_all(MBO2) if p.kind != "keuzedeel"]
    parts += [Part("mbo", "keuzedeel", "Ondernemerschap", "passed"), Part("mbo", "keuzedeel", "Keuzedeel 2", "open")]
    status = check(MBO2, parts)
    assert [(m.kind, m.state, m.needed) for m in status.missing] == [("keuzedeel", OPEN, 1)]


def test_unknown_or_empty_requirements_are_never_ready():
    assert not check(None, [Part("mbo", "kerntaak", "x", "passed")], sector="mbo").ready
    assert not check(None, [], sector="mbo").known
    assert not check(Requirements("mbo"), [Part("mbo", "kerntaak", "x", "passed")]).ready


def test_vmbo_dropped_only_for_bb_in_a_route_without_vmbo_diploma():
    parts = passed_all(MBO2)
    glr_bb = check_diplomas(MBO2, VMBO_BB, parts, route_keeps_vmbo_diploma=False, leerweg="BB")
    assert glr_bb.cijferlijst and not glr_bb.vmbo.required and glr_bb.mbo.ready
    glr_kb = check_diplomas(MBO2, VMBO_BB, parts, route_keeps_vmbo_diploma=False, leerweg="KB")
    assert not glr_kb.cijferlijst and glr_kb.vmbo.required and not glr_kb.vmbo.ready
    dlr = check_diplomas(MBO2, VMBO_BB, parts + passed_all(VMBO_BB), leerweg="BB")
    assert dlr.vmbo.ready and dlr.mbo.ready and not dlr.cijferlijst


def test_plan_places_parts_and_skips_what_the_student_has():
    rows = plan(MBO2, vmbo_year_at_start=3, vo_phase_years=2,
                existing=[Part("mbo", "generiek", "nederlands", "passed"), Part("mbo", "keuzedeel", "Eigen", "open")])
    names = [(r.kind, r.name, r.route_year) for r in rows]
    assert ("generiek", "Nederlands", 3) not in names and ("generiek", "Rekenen", 3) in names
    assert ("kerntaak", "Kerntaak 2", 4) in names
    assert [n for k, n, _y in names if k == "keuzedeel"] == ["Keuzedeel 2"]
    assert ("BPV", "BPV", 4) in names
    vmbo = plan(VMBO_BB, vmbo_year_at_start=4, vo_phase_years=1)
    assert {r.route_year for r in vmbo} == {1}
    assert planned_route_year("vmbo", 3, 4, 1) == 1 and planned_route_year("mbo", 1, 4, 1) == 2
    assert all(r.route_year >= 3 for r in plan(VMBO_BB, from_route_year=3))


def test_a_full_plan_passed_makes_the_student_ready():
    rows = plan(MBO2)
    assert check(MBO2, [Part(r.sector, r.kind, r.name, "passed") for r in rows]).ready
    assert not check(MBO2, [Part(r.sector, r.kind, r.name, "open") for r in rows]).ready


# --- properties ---------------------------------------------------------------------------------

names = st.sampled_from(("Nederlands", "Rekenen", "Engels", "Loopbaan en burgerschap", "Kerntaak 1",
                         "Kerntaak 2", "Kerntaak 3", "Ondernemerschap"))
kinds = st.sampled_from(("generiek", "kerntaak"))
requirements = st.builds(
    Requirements, sector=st.just("mbo"),
    parts=st.lists(st.builds(RequiredPart, kind=kinds, name=names, year=st.integers(1, 3)),
                   min_size=1, max_size=6).map(tuple),
    keuzedelen=st.integers(0, 3), bpv_hours=st.sampled_from((0, 400, 800)))
results = st.sampled_from(("open", "passed", "failed"))
student_parts = st.lists(st.builds(Part, sector=st.sampled_from(("mbo", "vmbo")),
                                   kind=st.sampled_from(("generiek", "kerntaak", "keuzedeel", "BPV", "SE")),
                                   name=names, result=results), max_size=12)


def _passed(req, parts, kind, name):
    return any(p.sector == "mbo" and p.kind == kind and p.name.casefold() == name.casefold()
               and p.result == "passed" for p in parts)


@given(requirements, student_parts)
def test_ready_iff_every_required_part_passed(req, parts):
    status = check(req, parts)
    parts_ok = all(_passed(req, parts, r.kind, r.name) for r in req.parts)
    keuzedelen_ok = sum(1 for p in parts if p.sector == "mbo" and p.kind == "keuzedeel"
                        and p.result == "passed") >= req.keuzedelen
    bpv_ok = req.bpv_hours == 0 or any(p.sector == "mbo" and p.kind == "BPV" and p.result == "passed"
                                       for p in parts)
    assert status.ready == (parts_ok and keuzedelen_ok and bpv_ok)
    assert status.ready == (not status.missing)


@given(requirements, student_parts, st.builds(Part, sector=st.sampled_from(("mbo", "vmbo")), kind=kinds,
                                              name=st.text(min_size=1, max_size=12), result=st.just("passed")))
def test_a_passed_part_that_is_not_required_never_makes_a_student_ready(req, parts, extra):
    required = {(r.kind, " ".join(r.name.split()).casefold()) for r in req.parts}
    if extra.sector == "mbo" and (extra.kind, " ".join(extra.name.split()).casefold()) in required:
        return
    if not check(req, parts).ready:
        assert not check(req, parts + [extra]).ready


@given(requirements, student_parts)
def test_planning_never_changes_readiness_and_a_passed_plan_is_ready(req, parts):
    rows = plan(req, existing=parts)
    before = check(req, parts)
    after = check(req, parts + [Part(r.sector, r.kind, r.name, "open") for r in rows])
    assert before.ready == after.ready
    completed = parts + [Part(r.sector, r.kind, r.name, "passed") for r in plan(req)]
    assert check(req, completed).ready


# --- a part's grade and result ---------------------------------------------------------------------


def test_grades_outside_one_to_ten_or_with_two_decimals_are_refused():
    for grade in (Decimal(99), Decimal(-1), Decimal("0.9"), Decimal("10.1"), Decimal("6.55")):
        assert [field for field, _m in grade_problems("vmbo", grade, "passed")] == ["grade"], grade
    assert grade_problems("vmbo", Decimal("10.0"), "passed") == []
    assert grade_problems("vmbo", Decimal("1.0"), "failed") == []


def test_passed_follows_the_grade():
    assert grade_problems("mbo", Decimal("5.5"), "passed") == []
    assert grade_problems("mbo", Decimal("5.4"), "failed") == []
    assert [f for f, _m in grade_problems("mbo", Decimal("5.4"), "passed")] == ["result"]
    assert [f for f, _m in grade_problems("mbo", Decimal("5.5"), "failed")] == ["result"]
    assert [f for f, _m in grade_problems("mbo", Decimal("7"), "open")] == ["result"]
    assert grade_problems("mbo", None, "passed") == grade_problems("vmbo", None, "open") == []


def test_o_v_g_only_for_mbo_parts():
    assert grade_problems("mbo", "V", "passed") == grade_problems("mbo", "G", "passed") == []
    assert grade_problems("mbo", "O", "failed") == []
    assert [f for f, _m in grade_problems("mbo", "O", "passed")] == ["result"]
    assert [f for f, _m in grade_problems("vmbo", "V", "passed")] == ["grade"]
    assert [f for f, _m in grade_problems("mbo", "X", "passed")] == ["grade"]


@given(st.decimals(min_value=1, max_value=10, places=1))
def test_any_grade_with_its_own_result_is_accepted(grade):
    result = "passed" if grade_passes(grade) else "failed"
    assert grade_problems("vmbo", grade, result) == []
    assert grade_problems("vmbo", grade, "failed" if result == "passed" else "passed") != []
