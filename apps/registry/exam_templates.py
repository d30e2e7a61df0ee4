"""Which exam plan template applies: for the mbo a kwalificatie's own template, else the default of
its level; for the vmbo the template of the leerweg and profiel, else the default of the leerweg.
When the register holds no default row (e.g. a leerweg added later), the product defaults in
``exam_defaults`` apply. Returns the pure core's ``Requirements``."""
from __future__ import annotations

from django.utils.translation import gettext as _

from domain.diploma import RequiredPart, Requirements, part_key

from . import exam_defaults, schemas
from . import models as m


def _templates():
    return m.ExamPlanTemplate.objects.select_related("kwalificatie", "leerweg", "profiel").prefetch_related("parts")


def as_requirements(template: m.ExamPlanTemplate, source: str) -> Requirements:
    return Requirements(template.sector, tuple(RequiredPart(p.kind, p.name, p.year) for p in template.parts.all()),
                        template.keuzedelen, template.bpv_hours, source=source)


def mbo_template(kwalificatie) -> m.ExamPlanTemplate | None:
    """The template row that applies to a kwalificatie (its own, else its level's default)."""
    if kwalificatie is None:
        return None
    own = _templates().filter(kwalificatie=kwalificatie).first()
    return own or _templates().filter(sector="mbo", kwalificatie__isnull=True, level=kwalificatie.level).first()


def vmbo_template(leerweg, profiel=None) -> m.ExamPlanTemplate | None:
    if leerweg is None:
        return None
    own = _templates().filter(sector="vmbo", leerweg=leerweg, profiel=profiel).first() if profiel else None
    return own or _templates().filter(sector="vmbo", leerweg=leerweg, profiel__isnull=True).first()


def mbo_requirements(kwalificatie) -> Requirements | None:
    if kwalificatie is None:
        return None
    template = mbo_template(kwalificatie)
    if template is not None and template.kwalificatie_id:
        return as_requirements(template, _("examenplan van %(k)s") % {"k": kwalificatie.code})
    if template is not None:
        return as_requirements(template, _("standaard mbo niveau %(n)s") % {"n": kwalificatie.level})
    return exam_defaults.requirements_for_level(kwalificatie.level)


def vmbo_requirements(leerweg, profiel=None) -> Requirements | None:
    if leerweg is None:
        return None
    template = vmbo_template(leerweg, profiel)
    if template is not None and template.profiel_id:
        return as_requirements(template, _("examenplan vmbo %(l)s %(p)s") % {"l": leerweg.code,
                                                                             "p": template.profiel.code})
    if template is not None:
        return as_requirements(template, _("standaard vmbo %(l)s") % {"l": leerweg.code})
    return exam_defaults.requirements_for_leerweg(leerweg.code)


# --- use cases: keeping the templates (interface and API alike) -------------------------------------

class TemplateError(ValueError):
    """A template change the register does not allow: ``problems`` are {"rule", "field", "message"}
    (the first one's field and message also as ``field`` and the exception's text)."""

    def __init__(self, field: str = "", message: str = "", problems: list[dict] | None = None):
        self.problems = problems or [{"rule": None, "field": field, "message": message}]
        self.field = self.problems[0]["field"]
        super().__init__(self.problems[0]["message"])


def create_own_template(kwalificatie) -> m.ExamPlanTemplate:
    """The kwalificatie's own template (overrides its level's default), started as a copy of the
    default that applies now. Returns the existing one when the kwalificatie already has it."""
    from django.db import transaction

    existing = m.ExamPlanTemplate.objects.filter(kwalificatie=kwalificatie).first()
    if existing is not None:
        return existing
    if kwalificatie.level not in exam_defaults.MBO_LEVELS:
        raise TemplateError("kwalificatie", _("Een examenplan hoort bij een kwalificatie van niveau 2, 3 of 4 (R-01)."))
    start = mbo_requirements(kwalificatie)
    with transaction.atomic():
        template = m.ExamPlanTemplate.objects.create(
            sector="mbo", kwalificatie=kwalificatie, keuzedelen=start.keuzedelen, bpv_hours=start.bpv_hours,
            note=_("Begonnen als kopie van: %(s)s.") % {"s": start.source})
        for order, part in enumerate(start.parts):
            m.ExamPlanTemplatePart.objects.create(template=template, kind=part.kind, name=part.name, year=part.year,
                                                  order=order)
    return template


def template_problems(template: m.ExamPlanTemplate, data: schemas.ExamTemplateIn) -> list[dict]:
    """What the register does not allow in a template's parts: a kind of the other sector (keuzedelen and
    BPV are counted on the template), a vmbo part outside vmbo-leerjaar 3 or 4, the same part twice
    (names compared ignoring case and surplus whitespace)."""
    problems, seen = [], set()
    vmbo = template.sector == m.ExamPlanTemplate.Sector.VMBO

    def add(index, field, message):
        problems.append({"rule": None, "field": f"parts[{index}].{field}", "message": message})

    for index, part in enumerate(data.parts):
        if vmbo and part.kind not in ("SE", "CSPE"):
            add(index, "kind", _("Een vmbo-onderdeel is een SE of CSPE."))
        elif not vmbo and part.kind not in ("generiek", "kerntaak"):
            add(index, "kind", _("Een mbo-onderdeel in het sjabloon is generiek of een kerntaak; keuzedelen en BPV "
                                 "staan als aantal en uren op het sjabloon."))
        if vmbo and part.year not in (3, 4):
            add(index, "year", _("Een vmbo-onderdeel ligt in vmbo-leerjaar 3 of 4."))
        if not " ".join(part.name.split()):
            add(index, "name", _("Geef het onderdeel een naam."))
        key = part_key(template.sector, part.kind, part.name)
        if key in seen:
            add(index, "name", _("Dit onderdeel staat al in het sjabloon (namen zijn niet hoofdlettergevoelig)."))
        seen.add(key)
    return problems


def save_template(user, template: m.ExamPlanTemplate, data: schemas.ExamTemplateIn) -> m.ExamPlanTemplate:
    """Replace a template's numbers and required parts (the page and the API). A part is kept by kind
    and name (case does not count), so the audit trail shows what really changed: kept parts get their
    new year and place, parts no longer listed are removed, new ones added; each saved one by one
    (audited), all in one transaction. TemplateError names every problem; nothing is saved then."""
    from django.db import IntegrityError, transaction

    problems = template_problems(template, data)
    if problems:
        raise TemplateError(problems=problems)
    existing = {part_key(template.sector, p.kind, p.name): p for p in template.parts.all()}
    try:
        with transaction.atomic():
            template.keuzedelen, template.bpv_hours, template.note = data.keuzedelen, data.bpv_hours, data.note.strip()
            template.save()
            wanted = {part_key(template.sector, p.kind, p.name) for p in data.parts}
            for key, part in existing.items():
                if key not in wanted:
                    part.delete()
            for order, item in enumerate(data.parts):
                part = existing.get(part_key(template.sector, item.kind, item.name))
                if part is None:
                    m.ExamPlanTemplatePart.objects.create(template=template, kind=item.kind,
                                                          name=" ".join(item.name.split()), year=item.year,
                                                          order=order)
                elif (part.year, part.order) != (item.year, order):
                    part.year, part.order = item.year, order
                    part.save()
    except IntegrityError:  # a part added to the template at the same moment by someone else
        raise TemplateError("parts", _("Het sjabloon is intussen gewijzigd; laad het opnieuw.")) from None
    return template
