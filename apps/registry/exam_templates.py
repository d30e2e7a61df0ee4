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
