from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.audit import history
from apps.core.lib.tabular import table_response
from apps.registry import exam_templates
from apps.registry.models import Kwalificatie
from apps.routes.models import Agreement, Route
from domain.facts import MANDATORY_TOPICS
from domain.rules import CATALOGUE
from domain.teldatum import school_year_label, school_year_of

from . import compliance, disclosure, draft, goals_views, services
from . import forms as f
from . import models as m
from .filtersets import RouteFilterSet

ROUTE_EXPORT_HEADERS = [
    "id", "naam", "type", "wettelijke status", "programmalabel", "regio", "fase", "startjaar", "vo-school",
    "mbo-partners", "profielen", "leerwegen", "uitstroomrichtingen", "vmbo-diploma", "financiële afspraak",
    "leerlingen", "compliance",
]


def list_routes(user):
    """The routes the user sees, with what the route tables show (also the start page's, apps.dashboard)."""
    return Route.objects.visible_to(user).select_related("region").prefetch_related(
        Prefetch("partners", queryset=m.RoutePartner.objects.select_related("institution")),
        Prefetch("uitstroomrichtingen", queryset=m.Uitstroomrichting.objects.select_related("kwalificatie")),
        "profielen", "leerwegen", "findings",
    )


def annotate_status(routes):
    """Each route with its compliance summary as ``status``."""
    for route in routes:
        route.status = compliance.summary(route)
    return routes


@login_required
def route_list(request):
    filterset = RouteFilterSet(request.GET, queryset=list_routes(request.user))
    routes = annotate_status(list(filterset.qs))
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        rows = [[
            r.pk, r.name, r.get_type_display(), r.get_legal_status_display(), r.programme_label, r.region.name,
            r.get_phase_display(), r.start_year, r.vo_partner.institution.name if r.vo_partner else "",
            ", ".join(p.institution.name for p in r.mbo_partners),
            ", ".join(p.code for p in r.profielen.all()), ", ".join(lw.code for lw in r.leerwegen.all()),
            ", ".join(f"{u.kwalificatie.code} {u.kwalificatie.name} ({u.kwalificatie.level})"
                      for u in r.uitstroomrichtingen.all()),
            _("ja") if r.vmbo_diploma else _("nee"), r.settlement_model, disclosure.reported_students(request.user, r),
            str(m.ComplianceFinding.Status(r.status).label) if r.status != "unknown" else "",
        ] for r in routes]
        return table_response("routes", ROUTE_EXPORT_HEADERS, rows, fmt)
    template = "routes/_route_results.html" if request.headers.get("HX-Request") else "routes/route_list.html"
    query = request.GET.copy()
    query.pop("export", None)
    return render(request, template, {"filter": filterset, "routes": routes, "query": query.urlencode()})


def _route_or_404(user, pk, editable=False):
    return get_object_or_404(Route.objects.editable_by(user) if editable else Route.objects.visible_to(user), pk=pk)


@login_required
def route_detail(request, pk):
    route = _route_or_404(request.user, pk)
    school_year = school_year_of(timezone.localdate())
    intake = disclosure.intake(request.user, route, school_year)   # small counts hidden outside the partners
    uitstroomrichtingen = list(route.uitstroomrichtingen.select_related("kwalificatie"))
    for u in uitstroomrichtingen:
        u.register_intake = intake.per_uitstroomrichting.get(u.kwalificatie.code, "0")   # from the register
    can_change = route.editable_by(request.user)
    sees_people = route.people_visible_to(request.user)
    return render(request, "routes/route_detail.html", {
        "sees_people": sees_people,
        "contacts": m.Contact.objects.visible_to(request.user).filter(route=route).current(timezone.localdate())
        .select_related("person", "institution"),
        "route": route, "uitstroomrichtingen": uitstroomrichtingen, "intake_year": school_year_label(school_year),
        "intake_scope": [{"label": label, "count": count} for _key, label, count in intake.per_scope]
        if route.min_intake_scope != m.IntakeScope.UITSTROOMRICHTING else None,
        "status": compliance.summary(route),
        "can_change": can_change,
        "agreements": route.agreements.prefetch_related("signatures__bestuur"),
        "goals": goals_views.goal_table(route, editable=can_change), "goal_form": goals_views.GoalForm(),
        "reported_students": disclosure.reported_students(request.user, route),
        "register": disclosure.register_counts(request.user, route, school_year),
        "register_year": school_year_label(school_year),
    })


@login_required
def route_form(request, pk=None):
    route = _route_or_404(request.user, pk, editable=True) if pk else None
    if route is None and not request.user.may_edit_routes:
        raise Http404
    form = f.RouteForm(request.POST or None, instance=route)
    formsets = f.route_formsets(request.POST or None, instance=route)
    if request.method == "POST" and form.is_valid() and all(fs.is_valid() for fs in formsets.values()):
        try:
            saved, findings = services.save_route(request.user, f.route_input(form, formsets), route)
        except services.ChangeRefused as refusal:
            f.place_errors(form, formsets, refusal.errors, f.row_positions(formsets))
            messages.error(request, _("De route is niet opgeslagen: los eerst de fouten hieronder op."))
        else:
            warnings = [x for x in findings if x.status == "warning"]
            messages.success(request, _("Route opgeslagen.") + (
                " " + _("%(n)d waarschuwing(en): zie de compliance.") % {"n": len(warnings)} if warnings else ""))
            return redirect(saved)
    return render(request, "routes/route_form.html", {
        "form": form, "formsets": [(formsets[p], title) for p, (_c, title) in f.ROUTE_FORMSETS.items()],
        "route": route,
    })


@login_required
@require_POST
def route_stop(request, pk):
    route = _route_or_404(request.user, pk, editable=True)

    services.stop_route(route, request.POST.get("note", ""))
    messages.success(request, _("De route is gestopt en blijft bewaard voor de geschiedenis."))
    return redirect(route)


@login_required
def route_exam_templates(request, pk):
    """The exam plan templates of the route's uitstroomrichtingen: the kwalificatie's own or its level's
    default, and whether the user may make or change the kwalificatie's own template."""
    route = _route_or_404(request.user, pk)
    allowed = set(Kwalificatie.objects.templates_editable_by(request.user).values_list("pk", flat=True))
    rows = []
    for u in route.uitstroomrichtingen.select_related("kwalificatie"):
        template = exam_templates.mbo_template(u.kwalificatie)
        rows.append({"kwalificatie": u.kwalificatie, "template": template,
                     "own": bool(template and template.kwalificatie_id), "may_change": u.kwalificatie.pk in allowed})
    return render(request, "routes/route_exam_templates.html", {"route": route, "rows": rows})


@login_required
def route_history(request, pk):
    route = _route_or_404(request.user, pk)
    hidden = () if route.people_visible_to(request.user) else (m.Contact,)   # the route's people: its partners only
    return render(request, "core/history.html", {"object": route, "entries": history(route, "route_id", hidden)})


@login_required
def route_draft_agreement(request, pk):
    route = _route_or_404(request.user, pk)
    response = HttpResponse(draft.render_docx(route), content_type=draft.DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="concept-overeenkomst-route-{route.pk}.docx"'
    return response


# --- agreements -------------------------------------------------------------------------------

@login_required
def agreement_list(request):
    agreements = Agreement.objects.visible_to(request.user).prefetch_related(
        Prefetch("routes", queryset=Route.objects.visible_to(request.user)), "signatures__bestuur")
    return render(request, "routes/agreement_list.html", {"agreements": agreements})


@login_required
def agreement_detail(request, pk):
    agreement = get_object_or_404(Agreement.objects.visible_to(request.user), pk=pk)
    clauses = {c.topic: c for c in agreement.clauses.all()}
    topics = [(code, label, code in MANDATORY_TOPICS, clauses.get(code)) for code, label in m.TOPIC_CHOICES]
    return render(request, "routes/agreement_detail.html", {
        "agreement": agreement, "topics": topics,
        "can_change": agreement.editable_by(request.user),
        "document_form": f.DocumentForm(),
        "routes": agreement.routes.filter(pk__in=Route.objects.visible_to(request.user).values("pk")),
    })


@login_required
def agreement_form(request, pk=None):
    user = request.user
    agreement = get_object_or_404(Agreement.objects.editable_by(user), pk=pk) if pk else None
    if agreement is None and not user.may_edit_routes:
        raise Http404
    initial, previous = {}, None
    if agreement is None and request.GET.get("route", "").isdigit():
        initial["routes"] = Route.objects.editable_by(user).filter(pk=request.GET["route"])
    if agreement is None and request.GET.get("supersedes", "").isdigit():
        previous = get_object_or_404(Agreement.objects.editable_by(user), pk=request.GET["supersedes"])
        initial.update(kind=previous.kind, title=previous.title, reference=previous.reference,
                       routes=previous.routes.all(), supersedes=previous, valid_to=previous.valid_to)
    form = f.AgreementForm(request.POST or None, instance=agreement, initial=initial,
                           routes=Route.objects.editable_by(user), agreements=Agreement.objects.editable_by(user))
    formsets = f.agreement_formsets(request.POST or None, instance=agreement, previous=previous)
    if request.method == "POST" and form.is_valid() and all(fs.is_valid() for fs in formsets.values()):
        try:
            saved, _found = services.save_agreement(user, f.agreement_input(form, formsets), agreement)
        except services.ChangeRefused as refusal:
            f.place_errors(form, formsets, refusal.errors, f.row_positions(formsets))
            messages.error(request, _("De overeenkomst is niet opgeslagen: los eerst de fouten hieronder op."))
        else:
            messages.success(request, _("Overeenkomst opgeslagen."))
            return redirect(saved)
    return render(request, "routes/agreement_form.html", {"form": form, "formsets": formsets,
                                                          "agreement": agreement})


@login_required
@require_POST
def agreement_document_upload(request, pk):
    agreement = get_object_or_404(Agreement.objects.editable_by(request.user), pk=pk)
    form = f.DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        document = form.save(commit=False)
        document.agreement = agreement
        document.uploaded_by = request.user
        document.save()
        messages.success(request, _("Document toegevoegd."))
    else:
        for field, errors in form.errors.items():  # names the field: "Bestand: alleen PDF, DOCX of ODT ..."
            label = form.fields[field].label if field in form.fields else field
            messages.error(request, f"{label}: {' '.join(errors)}")
    return redirect(agreement)


@login_required
def agreement_document(request, pk):
    document = get_object_or_404(m.AgreementDocument, pk=pk,
                                 agreement__in=Agreement.objects.visible_to(request.user).values("pk"))
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)


@login_required
def agreement_history(request, pk):
    agreement = get_object_or_404(Agreement.objects.visible_to(request.user), pk=pk)
    return render(request, "core/history.html", {"object": agreement,
                                                 "entries": history(agreement, "agreement_id")})


@login_required
def rules_catalogue(request):
    return render(request, "routes/rules.html", {"rules": CATALOGUE})

