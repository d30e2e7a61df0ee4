from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from apps.core.idempotency import idempotent
from apps.registry.models import ExamPlanTemplate, Kwalificatie

from . import exam_templates
from . import models as m
from .schemas import ExamTemplateIn

router = Router(tags=["register"])


class InstitutionOut(Schema):
    id: int
    brin: str
    name: str
    sector: str
    kind: str
    bestuur: str
    city: str

    @staticmethod
    def resolve_bestuur(obj):
        return obj.bestuur.name


class KwalificatieOut(Schema):
    code: str
    name: str
    level: int
    dossier: str
    bol: bool
    bbl: bool


class RegionOut(Schema):
    id: int
    kind: str
    code: str
    name: str


class CodeName(Schema):
    code: str
    name: str


@router.get("/institutions", response=list[InstitutionOut])
def institutions(request, sector: str | None = None):
    qs = m.Institution.objects.select_related("bestuur")
    return qs.filter(sector=sector) if sector else qs


@router.get("/kwalificaties", response=list[KwalificatieOut])
def kwalificaties(request, level: int | None = None):
    qs = m.Kwalificatie.objects.all()
    return qs.filter(level=level) if level else qs


@router.get("/regions", response=list[RegionOut])
def regions(request):
    return m.Region.objects.all()


@router.get("/profielen", response=list[CodeName])
def profielen(request):
    return m.Profiel.objects.all()


@router.get("/leerwegen", response=list[CodeName])
def leerwegen(request):
    return m.Leerweg.objects.all()



# --- exam plan templates: what a diploma requires ---------------------------------------------

class TemplatePartIO(Schema):
    kind: str
    name: str
    year: int = 1


class ExamTemplateOut(Schema):
    id: int | None
    sector: str
    kwalificatie: str | None
    level: int | None
    leerweg: str | None
    profiel: str | None
    keuzedelen: int
    bpv_hours: int
    note: str
    parts: list[TemplatePartIO]


def template_out(t: m.ExamPlanTemplate) -> dict:
    return {"id": t.pk, "sector": t.sector, "kwalificatie": t.kwalificatie.code if t.kwalificatie_id else None,
            "level": t.level, "leerweg": t.leerweg.code if t.leerweg_id else None,
            "profiel": t.profiel.code if t.profiel_id else None, "keuzedelen": t.keuzedelen,
            "bpv_hours": t.bpv_hours, "note": t.note,
            "parts": [{"kind": p.kind, "name": p.name, "year": p.year} for p in t.parts.all()]}


@router.get("/exam-templates", response=list[ExamTemplateOut])
def exam_template_list(request, sector: str | None = None):
    qs = m.ExamPlanTemplate.objects.select_related("kwalificatie", "leerweg", "profiel").prefetch_related("parts")
    return [template_out(t) for t in (qs.filter(sector=sector) if sector else qs)]


@router.get("/kwalificaties/{code}/exam-template", response=ExamTemplateOut)
def kwalificatie_exam_template(request, code: str):
    """The template that applies to the kwalificatie: its own, else the default of its level."""
    template = exam_templates.mbo_template(get_object_or_404(m.Kwalificatie, code=code))
    if template is None:
        raise Http404
    return template_out(template)


@router.post("/kwalificaties/{code}/exam-template",
             response={201: ExamTemplateOut, 200: ExamTemplateOut, 403: dict, 422: dict})
@idempotent
def create_kwalificatie_exam_template(request, code: str):
    """Give the kwalificatie its own template (a copy of its level's default); 200 when it has one."""
    kwalificatie = get_object_or_404(m.Kwalificatie, code=code)
    if not Kwalificatie.objects.templates_editable_by(request.user).filter(pk=kwalificatie.pk).exists():
        return Status(403, {"detail": "U mag het examenplan van deze kwalificatie niet wijzigen."})
    existed = m.ExamPlanTemplate.objects.filter(kwalificatie=kwalificatie).exists()
    try:
        template = exam_templates.create_own_template(kwalificatie)
    except exam_templates.TemplateError as error:
        return Status(422, {"errors": [{**p, "rule": "R-01"} for p in error.problems]})
    return Status(200 if existed else 201, template_out(template))


@router.put("/exam-templates/{template_id}", response={200: ExamTemplateOut, 403: dict, 422: dict})
def update_exam_template(request, template_id: int, payload: ExamTemplateIn):
    """Replace the template's numbers and required parts (every field needed), checked as on the page.
    A part is kept by kind and name (case does not count), so the audit trail shows what really changed."""
    template = get_object_or_404(m.ExamPlanTemplate, pk=template_id)
    if not ExamPlanTemplate.objects.editable_by(request.user).filter(pk=template.pk).exists():
        return Status(403, {"detail": "U mag dit examenplan-sjabloon niet wijzigen."})
    try:
        template = exam_templates.save_template(request.user, template, payload)
    except exam_templates.TemplateError as error:
        return Status(422, {"errors": error.problems})
    return Status(200, template_out(m.ExamPlanTemplate.objects.get(pk=template.pk)))
