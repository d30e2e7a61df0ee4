"""Pages for the exam plan templates: the list (also per route, for its uitstroomrichtingen), one
template with its required parts (changed by those who may: ExamPlanTemplate.objects.editable_by), its history."""
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from pydantic import ValidationError

from apps.core.audit import history
from apps.registry.models import ExamPlanTemplate, Kwalificatie

from . import exam_templates
from . import models as m
from .forms import ExamPlanTemplateForm, PartFormSet
from .schemas import ExamTemplateIn


@login_required
def exam_template_list(request):
    """Every template; a route's own overview of its uitstroomrichtingen is on the route's pages."""
    templates = m.ExamPlanTemplate.objects.select_related("kwalificatie", "leerweg", "profiel").prefetch_related("parts")
    return render(request, "registry/exam_template_list.html", {
        "mbo_defaults": [t for t in templates if t.sector == "mbo" and not t.kwalificatie_id],
        "mbo_own": [t for t in templates if t.kwalificatie_id],
        "vmbo": [t for t in templates if t.sector == "vmbo"],
    })


@login_required
def exam_template_detail(request, pk):
    template = get_object_or_404(m.ExamPlanTemplate.objects.select_related("kwalificatie", "leerweg", "profiel"),
                                 pk=pk)
    may_change = ExamPlanTemplate.objects.editable_by(request.user).filter(pk=template.pk).exists()
    if request.method == "POST" and not may_change:
        raise PermissionDenied
    form = ExamPlanTemplateForm(request.POST or None, instance=template)
    formset = PartFormSet(request.POST or None, instance=template)
    if request.method == "POST":
        valid = form.is_valid() & formset.is_valid()
        parts, targets = _template_parts(template, formset)
        numbers = {name: form.cleaned_data.get(name, getattr(template, name)) for name in ("keuzedelen", "bpv_hours")}
        try:
            data = ExamTemplateIn(**numbers, note=form.cleaned_data.get("note") or "", parts=parts)
        except ValidationError as error:
            valid = False
            _problems(form, targets, [{"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]}
                                      for e in error.errors()])
        else:
            if not valid:  # the rows that parsed are checked too, so every problem shows at once
                _problems(form, targets, exam_templates.template_problems(template, data))
        if valid:
            try:
                exam_templates.save_template(request.user, m.ExamPlanTemplate.objects.get(pk=template.pk), data)
            except exam_templates.TemplateError as error:
                _problems(form, targets, error.problems)
            else:
                messages.success(request, _("Examenplan-sjabloon opgeslagen."))
                return redirect(template)
        messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
    return render(request, "registry/exam_template_detail.html", {
        "template": template, "form": form, "formset": formset, "may_change": may_change,
        "parts": template.parts.all()})


def _template_parts(template, formset):
    """The template's parts as the page posted them, for the use case: the parts the formset did not
    show stay as they are (first, in their order), then the rows typed (by their order; a row ticked
    for removal left out). Returns (parts, targets): the form of each part (None for those kept)."""
    shown = {f.instance.pk for f in formset.initial_forms}
    kept = [p for p in template.parts.all() if p.pk not in shown]
    rows = sorted((f for f in formset.forms if not f.cleaned_data.get("DELETE")
                   and all(f.cleaned_data.get(name) for name in ("kind", "name", "year"))),
                  key=lambda f: f.cleaned_data.get("order") or 0)
    parts = [{"kind": p.kind, "name": p.name, "year": p.year} for p in kept]
    parts += [{name: f.cleaned_data[name] for name in ("kind", "name", "year")} for f in rows]
    return parts, [None] * len(kept) + rows


def _problems(form, targets, problems):
    """The use case's problems (``parts[i].field`` or ``parts.i.field``) on the form and the part rows;
    a message a row already shows is not repeated."""
    for problem in problems:
        match = re.fullmatch(r"parts(?:\[(\d+)\]|\.(\d+))\.?(\w*)", problem["field"])
        row = targets[int(match[1] or match[2])] if match and int(match[1] or match[2]) < len(targets) else None
        if row is not None:
            field = match[3] if match[3] in row.fields else None
            if problem["message"] not in (row.errors.get(field or "__all__") or []):
                row.add_error(field, problem["message"])
        else:
            form.add_error(problem["field"] if problem["field"] in form.fields else None, problem["message"])


@login_required
@require_POST
def exam_template_create(request, kwalificatie_pk):
    """Give a kwalificatie its own template (a copy of its level's default, then edited)."""
    kwalificatie = get_object_or_404(m.Kwalificatie, pk=kwalificatie_pk)
    if not Kwalificatie.objects.templates_editable_by(request.user).filter(pk=kwalificatie.pk).exists():
        raise PermissionDenied
    try:
        template = exam_templates.create_own_template(kwalificatie)
    except exam_templates.TemplateError as error:
        messages.error(request, str(error))
        return redirect("registry:exam_templates")
    messages.success(request, _("Eigen examenplan voor %(k)s gemaakt; het vervangt de standaard van niveau %(n)s.")
                     % {"k": kwalificatie.code, "n": kwalificatie.level})
    return redirect(template)


@login_required
def exam_template_history(request, pk):
    template = get_object_or_404(m.ExamPlanTemplate, pk=pk)
    return render(request, "core/history.html", {"object": template,
                                                 "entries": history(template, "exam_template_id")})
