"""Diploma checks: a student's results compared with what is *required*, never with what happens
to be planned (domain brief, section 5).

Plain Python, no Django. The apps layer reads the required parts from the exam plan templates
(a kwalificatie's own template, else the default of its level; a leerweg/profiel template, else
the default of the leerweg) and the student's exam parts, and calls :func:`check` per sector or
:func:`check_diplomas` for both.

Matching: a student's part stands for a required part when the sector and the kind are the same
and the names are equal ignoring case and surplus whitespace (:func:`part_key`). A template part's
name is its stable key: the student's plan is copied from the template with the same names.
Keuzedelen are counted (any name), BPV is met by a passed BPV part or by the hours done.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

NOT_PLANNED = "not_planned"   # no part of the student matches the required part
OPEN = "open"                 # planned (or running), not passed yet
FAILED = "failed"             # every attempt recorded for it is failed

PASSED = "passed"

VMBO, MBO = "vmbo", "mbo"
KEUZEDEEL, BPV = "keuzedeel", "BPV"


def normalise(name: str) -> str:
    """The stable form of a part's name: case and surplus whitespace do not count."""
    return " ".join((name or "").split()).casefold()


def part_key(sector: str, kind: str, name: str) -> tuple[str, str, str]:
    return (sector.casefold(), (kind or "").casefold(), normalise(name))


@dataclass(frozen=True)
class RequiredPart:
    kind: str        # vmbo: "SE" | "CSPE"; mbo: "generiek" | "kerntaak" (keuzedelen and BPV are counted)
    name: str
    year: int = 1    # default placement: vmbo-leerjaar (vmbo) or mbo-leerjaar (mbo); used when planning


@dataclass(frozen=True)
class Requirements:
    """What one diploma requires: named parts, a number of keuzedelen, BPV hours (0: no BPV)."""
    sector: str
    parts: tuple[RequiredPart, ...] = ()
    keuzedelen: int = 0
    bpv_hours: int = 0
    source: str = ""  # where the requirements come from, for the interface ("kwalificatie 25498", ...)

    @property
    def empty(self) -> bool:
        return not self.parts and self.keuzedelen <= 0 and self.bpv_hours <= 0


@dataclass(frozen=True)
class Part:
    """A student's exam part with its result (a subset of facts.ExamPart)."""
    sector: str
    kind: str
    name: str
    result: str = OPEN   # "open" | "passed" | "failed"


@dataclass(frozen=True)
class Missing:
    """Something the diploma still needs. ``needed`` counts keuzedelen; ``state`` says whether it
    is not planned, planned but not passed, or failed."""
    kind: str
    name: str
    state: str
    needed: int = 1


@dataclass(frozen=True)
class SectorStatus:
    sector: str
    required: bool                 # False: the route drops this diploma for the student (GLR, BB)
    known: bool                    # False: no requirements known (no uitstroomrichting, no template)
    ready: bool
    missing: tuple[Missing, ...] = ()
    keuzedelen_passed: int = 0
    keuzedelen_required: int = 0
    bpv_required_hours: int = 0
    bpv_hours_done: int | None = None
    bpv_met: bool = True
    source: str = ""


def _state(results: list[str]) -> str:
    if PASSED in results:
        return PASSED
    if not results:
        return NOT_PLANNED
    if OPEN in results:
        return OPEN
    return FAILED


def check(requirements: Requirements | None, parts: Iterable[Part], bpv_hours_done: int | None = None,
          sector: str | None = None) -> SectorStatus:
    """The status of one diploma: ready iff requirements are known and not empty, every required
    part is passed, enough keuzedelen are passed and the BPV is met. Parts of other sectors are
    ignored; parts that are not required never count (except keuzedelen and BPV, counted by kind)."""
    sector = requirements.sector if requirements else (sector or MBO)
    parts = [p for p in parts if p.sector.casefold() == sector]
    if requirements is None or requirements.empty:
        return SectorStatus(sector=sector, required=True, known=False, ready=False,
                            source=requirements.source if requirements else "")
    results: dict[tuple, list[str]] = {}
    for p in parts:
        results.setdefault(part_key(p.sector, p.kind, p.name), []).append(p.result)
    missing = []
    seen = set()
    for req in requirements.parts:
        key = part_key(sector, req.kind, req.name)
        if key in seen:
            continue
        seen.add(key)
        state = _state(results.get(key, []))
        if state != PASSED:
            missing.append(Missing(req.kind, req.name, state))
    keuzedelen = [p for p in parts if p.kind.casefold() == KEUZEDEEL]
    passed_keuzedelen = sum(1 for p in keuzedelen if p.result == PASSED)
    if passed_keuzedelen < requirements.keuzedelen:
        needed = requirements.keuzedelen - passed_keuzedelen
        planned = sum(1 for p in keuzedelen if p.result == OPEN)
        state = OPEN if planned >= needed else NOT_PLANNED
        missing.append(Missing(KEUZEDEEL, "keuzedelen", state, needed))
    bpv_met = True
    if requirements.bpv_hours > 0:
        bpv_results = [p.result for p in parts if p.kind.casefold() == BPV.casefold()]
        hours_ok = bpv_hours_done is not None and bpv_hours_done >= requirements.bpv_hours
        bpv_met = hours_ok or PASSED in bpv_results
        if not bpv_met:
            missing.append(Missing(BPV, "BPV", _state(bpv_results)))
    return SectorStatus(
        sector=sector, required=True, known=True, ready=not missing, missing=tuple(missing),
        keuzedelen_passed=passed_keuzedelen, keuzedelen_required=requirements.keuzedelen,
        bpv_required_hours=requirements.bpv_hours, bpv_hours_done=bpv_hours_done, bpv_met=bpv_met,
        source=requirements.source)


@dataclass(frozen=True)
class DiplomaStatus:
    mbo: SectorStatus
    vmbo: SectorStatus
    cijferlijst: bool = False   # GLR, BB: a vmbo cijferlijst is issued with the mbo diploma


def vmbo_dropped(route_keeps_vmbo_diploma: bool, leerweg: str) -> bool:
    """R-05: a route without vmbo diploma (GLR) drops it only for a BB student; a KB student in
    such a route is an error elsewhere (R-05), and is still checked for the vmbo diploma here."""
    return not route_keeps_vmbo_diploma and leerweg.upper() == "BB"


def check_diplomas(mbo: Requirements | None, vmbo: Requirements | None, parts: Iterable[Part], *,
                   route_keeps_vmbo_diploma: bool = True, leerweg: str = "",
                   bpv_hours_done: int | None = None) -> DiplomaStatus:
    parts = list(parts)
    dropped = vmbo_dropped(route_keeps_vmbo_diploma, leerweg)
    if dropped:
        vmbo_status = SectorStatus(sector=VMBO, required=False, known=vmbo is not None, ready=False,
                                   source=vmbo.source if vmbo else "")
    else:
        vmbo_status = check(vmbo, parts, sector=VMBO)
    return DiplomaStatus(mbo=check(mbo, parts, bpv_hours_done, sector=MBO), vmbo=vmbo_status, cijferlijst=dropped)


def planned_route_year(sector: str, year: int, vmbo_year_at_start: int, vo_phase_years: int) -> int:
    """Where a template part lands in a student's route: a vmbo part in vmbo-leerjaar ``year``, an
    mbo part in mbo-leerjaar ``year`` after the vo-fase (route years count from 1)."""
    if sector == VMBO:
        return max(1, year - vmbo_year_at_start + 1)
    return max(1, vo_phase_years + year)


@dataclass(frozen=True)
class PlannedPart:
    sector: str
    kind: str
    name: str
    route_year: int


def plan(requirements: Requirements, vmbo_year_at_start: int = 3, vo_phase_years: int = 2,
         from_route_year: int = 1, existing: Iterable[Part] = ()) -> list[PlannedPart]:
    """The parts to add to a student's plan from the requirements: every required part the student
    does not have yet, one placeholder per keuzedeel still short and a BPV part, never before
    ``from_route_year`` (a zij-instromer's plan starts where they enter)."""
    sector = requirements.sector
    have = {part_key(p.sector, p.kind, p.name) for p in existing}
    rows: list[PlannedPart] = []
    last = 1
    for req in requirements.parts:
        last = max(last, req.year)
        key = part_key(sector, req.kind, req.name)
        if key in have:
            continue
        have.add(key)
        year = max(from_route_year, planned_route_year(sector, req.year, vmbo_year_at_start, vo_phase_years))
        rows.append(PlannedPart(sector, req.kind, req.name, year))
    final = max(from_route_year, planned_route_year(sector, last, vmbo_year_at_start, vo_phase_years))
    keuzedelen = sum(1 for p in existing if p.sector == sector and p.kind.casefold() == KEUZEDEEL)
    for n in range(keuzedelen + 1, requirements.keuzedelen + 1):
        name = f"Keuzedeel {n}"
        if part_key(sector, KEUZEDEEL, name) not in have:
            rows.append(PlannedPart(sector, KEUZEDEEL, name, final))
    if requirements.bpv_hours > 0 and not any(p.sector == sector and p.kind.casefold() == BPV.casefold()
                                              for p in existing):
        rows.append(PlannedPart(sector, BPV, "BPV", final))
    return rows


__all__ = ["Requirements", "RequiredPart", "Part", "Missing", "SectorStatus", "DiplomaStatus", "check",
           "check_diplomas", "plan", "PlannedPart", "planned_route_year", "normalise", "part_key",
           "NOT_PLANNED", "OPEN", "FAILED"]


# --- a part's grade and result -----------------------------------------------------------------

WORD_GRADES = {"O": False, "V": True, "G": True}   # mbo: onvoldoende, voldoende, goed (passed?)
LOWEST_GRADE, HIGHEST_GRADE, PASS_MARK = 1, 10, 5.5


def grade_passes(grade) -> bool:
    """A grade is a pass: 5.5 or higher, or V or G."""
    if isinstance(grade, str):
        return WORD_GRADES[grade]
    return grade >= PASS_MARK


def grade_problems(sector: str, grade, result: str) -> list[tuple[str, str]]:
    """What is wrong with a part's grade and result, as (field, message): a number from 1.0 to 10.0
    with at most one decimal, or for an mbo part O, V or G; a part with a grade is passed exactly when
    the grade is a pass (5.5 or higher, V or G) and failed otherwise. No grade: any result."""
    if grade is None:
        return []
    if isinstance(grade, str):
        if grade not in WORD_GRADES:
            return [("grade", "Een beoordeling is O, V of G (onvoldoende, voldoende, goed).")]
        if sector != MBO:
            return [("grade", "Een vmbo-onderdeel krijgt een cijfer van 1,0 tot en met 10,0; O, V en G zijn voor "
                              "het mbo.")]
        shown = grade
    else:
        if not LOWEST_GRADE <= grade <= HIGHEST_GRADE:
            return [("grade", f"Een cijfer ligt tussen 1,0 en 10,0; {grade} kan niet.")]
        if grade * 10 != int(grade * 10):
            return [("grade", "Een cijfer heeft hoogstens één decimaal, bijvoorbeeld 6,5.")]
        shown = f"{grade:.1f}".replace(".", ",")
    passes = grade_passes(grade)
    if result == PASSED and not passes:
        return [("result", f"Met {shown} is het onderdeel niet behaald: een voldoende is 5,5 of hoger (of V, G).")]
    if result == FAILED and passes:
        return [("result", f"Met {shown} is het onderdeel behaald; kies 'behaald' of verbeter het cijfer.")]
    if result == OPEN:
        return [("result", "Een onderdeel met een cijfer is behaald of niet behaald; kies het resultaat.")]
    return []
