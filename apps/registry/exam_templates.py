"""Which exam plan template applies: for the mbo a kwalificatie's own template, else the default of
its level; for the vmbo the template of the leerweg and profiel, else the default of the leerweg.
When the register holds no default row (e.g. a leerweg added later), the product defaults in
``exam_defaults`` apply. Returns the pure core's ``Requirements``."""
from __future__ import annotations

from django.utils.translation import gettext as _

from domain.diploma import RequiredPart, Requirements

from . import exam_defaults
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
    """A template change the register does not allow (the message names the field)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


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


def save_template(form, formset) -> m.ExamPlanTemplate:
    """Save a template and its parts together (each change audited)."""
    from django.db import transaction

    with transaction.atomic():
        template = form.save()
        formset.instance = template
        formset.save()
    return template
