"""A student's exam plan against what is required.

The required parts come from the exam plan templates in the register (the kwalificatie's own
template or its level's default; the leerweg/profiel template or the leerweg's default). A new
student's plan is copied from them; the diploma check (``domain.diploma``) compares the student's
results with what is required, never with what happens to be planned: one passed part and
nothing else planned is not a diploma."""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from apps.registry.exam_templates import mbo_requirements, vmbo_requirements
from domain import diploma as core
from domain.phase import first_mbo_route_year

from . import models as m


@dataclass(frozen=True)
class Required:
    mbo: core.Requirements | None
    vmbo: core.Requirements | None


def required_parts(student: m.Student, cache: dict | None = None) -> Required:
    """What the student's diplomas require: the mbo from the student's uitstroomrichting
    (kwalificatie; none while it is not chosen), the vmbo from leerweg and profiel. ``cache``
    (a dict) shares the template reads between students of one list."""
    cache = {} if cache is None else cache
    mbo_key = ("mbo", student.kwalificatie_id)
    if mbo_key not in cache:
        cache[mbo_key] = mbo_requirements(student.kwalificatie)
    vmbo_key = ("vmbo", student.leerweg_id, student.profiel_id)
    if vmbo_key not in cache:
        cache[vmbo_key] = vmbo_requirements(student.leerweg, student.profiel)
    return Required(cache[mbo_key], cache[vmbo_key])


def _parts(student: m.Student) -> list[core.Part]:
    return [core.Part(p.sector, p.kind, p.name, p.result) for p in student.exam_parts.all()]


def plan_from_template(student: m.Student, sectors=("mbo", "vmbo")) -> list[m.ExamPart]:
    """Add the required parts the student does not have yet to their plan, with open results, in
    the route year of the template's default placement (never before the route year the student is
    in). The vmbo plan is not made for a student who enters in the mbo-fase. Saved one by one, so
    every part goes through the audit trail."""
    created = template_parts(student, sectors, _parts(student))
    for part in created:
        part.save()
    return created


def template_parts(student: m.Student, sectors=("mbo", "vmbo"), existing=(), cache: dict | None = None
                   ) -> list[m.ExamPart]:
    """The parts (unsaved) ``plan_from_template`` adds for a student whose plan holds ``existing``
    (core parts); the import makes the same plan for many new students at once (``cache``)."""
    required = required_parts(student, cache)
    created = []
    for sector in sectors:
        requirements = required.mbo if sector == "mbo" else required.vmbo
        if requirements is None:
            continue
        if sector == "vmbo" and student.phase_in(student.route_year) == "mbo":
            continue
        examiner = student.mbo_institution if sector == "mbo" else student.vo_school
        for row in core.plan(requirements, student.vmbo_year_at_start,
                             first_mbo_route_year(student.vmbo_year_at_start) - 1,
                             from_route_year=student.route_year, existing=existing):
            created.append(m.ExamPart(student=student, sector=row.sector, kind=row.kind, name=row.name,
                                      planned_route_year=row.route_year, examiner=examiner))
    return created


def matching_part(student: m.Student, sector: str, kind: str, name: str) -> m.ExamPart | None:
    """The part of the student's plan that a recorded result belongs to: same sector and kind, the
    name equal ignoring case and surplus whitespace."""
    key = core.part_key(sector or "", kind or "", name or "")
    for part in student.exam_parts.filter(sector=sector, kind=kind):
        if core.part_key(part.sector, part.kind, part.name) == key:
            return part
    return None


def _state_label(state: str) -> str:
    return {core.NOT_PLANNED: _("niet gepland"), core.OPEN: _("gepland, nog niet behaald"),
            core.FAILED: _("niet behaald")}.get(state, state)


def _label(item: core.Missing, status: core.SectorStatus) -> str:
    if item.kind == core.KEUZEDEEL:
        return _("keuzedelen: %(p)s van %(r)s behaald (%(s)s)") % {
            "p": status.keuzedelen_passed, "r": status.keuzedelen_required, "s": _state_label(item.state)}
    if item.kind == core.BPV:
        return _("BPV (%(h)s uur): %(s)s") % {"h": status.bpv_required_hours, "s": _state_label(item.state)}
    return _("%(name)s (%(kind)s): %(s)s") % {"name": item.name, "kind": item.kind, "s": _state_label(item.state)}


def _missing(status: core.SectorStatus) -> list[dict]:
    if not status.required:
        return []
    if not status.known:
        text = (_("nog geen uitstroomrichting gekozen") if status.sector == "mbo" and not status.source
                else _("geen examenplan-sjabloon met vereiste onderdelen"))
        return [{"kind": "", "name": "", "state": core.NOT_PLANNED, "needed": 0, "label": text}]
    return [{"kind": i.kind, "name": i.name, "state": i.state, "needed": i.needed, "label": _label(i, status)}
            for i in status.missing]


def diploma_status(student: m.Student, cache: dict | None = None) -> dict:
    """Per diploma: ready or not and what is still missing (required parts not planned, planned
    but not passed, or failed; keuzedelen and BPV short). The vmbo diploma is checked the same way
    unless the route drops it for the student (GLR, BB: a cijferlijst with the mbo diploma, R-05).

    Keys: ``mbo_diploma``/``vmbo_diploma`` (ready), ``mbo_missing``/``vmbo_missing`` (dicts with
    kind, name, state, needed, label), ``mbo_open``/``vmbo_open`` (names of the student's own
    parts not passed yet), ``vmbo_required``, ``cijferlijst``, the keuzedelen and BPV counts of the
    mbo, and where the requirements come from (``mbo_source``/``vmbo_source``)."""
    required = required_parts(student, cache)
    parts = list(student.exam_parts.all())
    status = core.check_diplomas(required.mbo, required.vmbo, _parts(student),
                                 route_keeps_vmbo_diploma=student.route.vmbo_diploma, leerweg=student.leerweg.code)
    mbo, vmbo = status.mbo, status.vmbo
    return {
        "mbo_diploma": mbo.ready,
        "mbo_missing": _missing(mbo),
        "mbo_open": [p.name for p in parts if p.sector == "mbo" and p.result != "passed"],
        "mbo_keuzedelen": {"passed": mbo.keuzedelen_passed, "required": mbo.keuzedelen_required},
        "mbo_bpv": {"hours_required": mbo.bpv_required_hours, "hours_done": mbo.bpv_hours_done, "met": mbo.bpv_met},
        "mbo_source": mbo.source,
        "vmbo_required": vmbo.required,
        "vmbo_diploma": vmbo.required and vmbo.ready,
        "vmbo_missing": _missing(vmbo),
        "vmbo_open": [p.name for p in parts if p.sector == "vmbo" and p.result != "passed"],
        "vmbo_source": vmbo.source,
        "cijferlijst": status.cijferlijst,
    }
