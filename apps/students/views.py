import json
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from apps.core.lib.tabular import table_response
from apps.routes import compliance, disclosure
from apps.routes.forms import FIELD_LABELS
from apps.routes.models import Route, RoutePartner
from apps.students.models import Student
from domain.calendar import latest_teldatum
from domain.calendar import teldatum as teldatum_of
from domain.rules import CATALOGUE

from . import forms as f
from . import models as m
from . import privacy, services
from .filtersets import StudentFilterSet


def _route(user, pk):
    return get_object_or_404(Route.objects.with_students_for(user), pk=pk)


def _student(request, pk):
    return privacy.read_student(request.user, pk)


def _editor(request):
    if not request.user.changes_students:
        raise Http404


def _text(finding) -> str:
    return f"{finding.rule}: {finding.message}" if finding.rule else finding.message


def _violation_messages(request, violation, form=None):
    for finding in violation.findings:
        field = form.field_of(finding.field) if form is not None else None
        label = f"{form.fields[field].label}: " if field else ""
        messages.error(request, f"{label}{_text(finding)}")


def _form_problems(form, violation):
    """The use case's problems on the form's fields (the form keeps what the user typed)."""
    for finding in violation.findings:
        form.add_error(form.field_of(finding.field), _text(finding))


PAGE_SIZE = 50   # students per page of a list; a route of 1,500 students is 30 pages, each as fast


def _partner_columns(students) -> list:
    """The institutions whose own student numbers a list shows, one column each: the partners of
    the routes of ``students`` (vo-schools first, then the mbo; by name)."""
    partners = (RoutePartner.objects.filter(route__in=students.order_by().values("route"))
                .select_related("institution").order_by("-role", "institution__name"))
    columns = {}
    for partner in partners:
        columns.setdefault(partner.institution_id, partner.institution)
    return list(columns.values())


def _listed(students):
    """The students with what a list row shows, read in a fixed number of queries whatever their
    number: sorted on the surname without tussenvoegsel (in the database), numbers prefetched."""
    return (students.select_related("route", "leerweg", "kwalificatie", "profiel", "rule_state")
            .prefetch_related("exam_parts", Prefetch("numbers", queryset=m.StudentNumber.objects.order_by()))
            .order_by("sort_name", "first_name", "pk"))


def _with_numbers(student, columns) -> list[str]:
    """The student's own number at each column's institution ("" where it has none)."""
    numbers = {n.institution_id: n.number for n in student.numbers.all()}
    return [numbers.get(institution.pk, "") for institution in columns]


def _failed_rules(student) -> str:
    try:
        return student.rule_state.failed
    except m.StudentFinding.DoesNotExist:
        return ""


EXPORT_HEADERS = [_l("achternaam"), _l("voornaam"), _l("geboortedatum"), _l("cohort (startjaar)"), _l("routejaar"),
                  _l("leerweg"), _l("uitstroomrichting (crebo)"), _l("uitstroomrichting"), _l("status"),
                  _l("bestemming"), _l("vmbo-diploma op"), _l("mbo-diploma op"), _l("uit de route op"),
                  _l("regels met fouten")]


def _export(request, students, columns, filename, fmt, across_routes):
    """The filtered list as a table: the schools' own numbers (one column per partner), no internal
    ids; dates as dates and numbers as numbers, so Excel sorts and filters them. Logged as an export."""
    headers = [_("leerlingnummer %(school)s") % {"school": i.name} for i in columns]
    headers += ([_("route")] if across_routes else []) + [str(h) for h in EXPORT_HEADERS]
    rows, exported = [], []
    for s in students.iterator(chunk_size=500):
        exported.append(s)
        rows.append(_with_numbers(s, columns) + ([s.route.name] if across_routes else []) + [
            s.last_name, s.first_name, s.date_of_birth, s.cohort, s.route_year, s.leerweg.code,
            s.kwalificatie.code if s.kwalificatie else "", s.kwalificatie.name if s.kwalificatie else "",
            s.get_status_display(), s.get_destination_display(), s.vmbo_diploma_on, s.mbo_diploma_on, s.left_on,
            _failed_rules(s)])
    privacy.log_export(request.user, exported)
    return table_response(filename, headers, rows, fmt)


def _student_list(request, visible, *, across_routes: bool, filename: str):
    """A filtered, paginated list of ``visible`` (the user's students: ``Student.objects.visible_to``)
    and its export. Returns (context, response): a response for an export or for bad filter input
    (400, the form names the field), else the context of the list (``students/_student_list.html``).
    The students shown on the page are logged as read; an export logs every exported student."""
    routes = Route.objects.with_students_for(request.user) if across_routes else None
    filterset = StudentFilterSet(request.GET or None, queryset=visible, routes=routes)
    columns = _partner_columns(visible)
    query = request.GET.copy()
    for key in ("export", "pagina"):
        query.pop(key, None)
    context = {"filter": filterset, "columns": columns, "query": query.urlencode(), "across_routes": across_routes}
    if filterset.is_bound and not filterset.is_valid():
        return context | {"page": None, "invalid": True}, None
    students = _listed(filterset.qs)
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        return context, _export(request, students, columns, filename, fmt, across_routes)
    page = Paginator(students, PAGE_SIZE).get_page(request.GET.get("pagina"))
    templates = {}  # the exam plan templates, read once for the page
    for student in page.object_list:
        student.diploma = services.diploma_status(student, templates)
        student.local_numbers = _with_numbers(student, columns)
        student.failed_rules = _failed_rules(student)
    privacy.log_reads(request.user, page.object_list)
    return context | {"page": page, "students": page.object_list}, None


def _list_response(request, template, context, invalid):
    """The page, or only its list for htmx (filtering while typing); 400 for bad filter input."""
    if request.headers.get("HX-Request"):
        template = "students/_student_list.html"
    return render(request, template, context, status=400 if invalid else 200)


@login_required
def cohorts(request, pk):
    """A route's students: the cohorts with their counts, and the list of the students (filtered,
    searched, paginated, exported as filtered)."""
    route = _route(request.user, pk)
    own = Student.objects.visible_to(request.user, route)
    counts = (own.values("cohort")
              .annotate(total=Count("pk"), active=Count("pk", filter=Q(status=m.Status.ACTIEF)),
                        diploma=Count("pk", filter=Q(status=m.Status.GEDIPLOMEERD)),
                        left=Count("pk", filter=Q(status=m.Status.UITGESTROOMD)))
              .order_by("-cohort"))
    context, response = _student_list(request, own, across_routes=False, filename=f"leerlingen-{route.pk}")
    if response is not None:
        return response
    context |= {"route": route, "counts": counts, "may_change": request.user.changes_students}
    return _list_response(request, "students/cohorts.html", context, context.get("invalid"))


@login_required
def search(request):
    """The user's students across all their routes: search on name and school number, the same
    filters and export as a route's list. Only ``Student.objects.visible_to(user)``: never another
    institution's students."""
    if not request.user.reads_students:
        raise Http404
    visible = Student.objects.visible_to(request.user)
    context, response = _student_list(request, visible, across_routes=True, filename="leerlingen")
    if response is not None:
        return response
    return _list_response(request, "students/search.html", context, context.get("invalid"))


@login_required
def student_create(request, pk):
    route = _route(request.user, pk)
    _editor(request)
    form = f.StudentForm(request.POST or None, route=route, user=request.user,
                         initial={"cohort": services.school_year_of(services.today())})
    if request.method == "POST" and form.is_valid():
        try:
            student, _found = services.create_student(request.user, route, f.typed(form.as_input))
        except services.RuleViolation as violation:
            _form_problems(form, violation)
        else:
            messages.success(request, _("Leerling ingeschreven."))
            return redirect(student)
    return render(request, "students/student_form.html", {"route": route, "form": form})


@login_required
def student_edit(request, pk):
    _editor(request)
    student = _student(request, pk)
    form = f.StudentEditForm(request.POST or None, instance=m.Student.objects.get(pk=student.pk), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_student(request.user, student, f.typed(form.as_input))
        except services.RuleViolation as violation:
            _form_problems(form, violation)
        else:
            messages.success(request, _("Gegevens van de leerling bijgewerkt."))
            return redirect(student)
    return render(request, "students/student_edit.html", {"student": student, "route": student.route, "form": form})


@login_required
def student_detail(request, pk):
    student = _student(request, pk)
    return render(request, "students/student_detail.html", {
        "student": student, "route": student.route,
        "events": student.events.select_related("kwalificatie", "recorded_by"),
        "enrolments": student.enrolments.select_related("institution"),
        "exam_parts": student.exam_parts.select_related("examiner"),
        "bpv": student.bpv_periods.all(),
        "numbers": student.numbers.select_related("institution"),
        "diploma": services.diploma_status(student),
        "responsible": services.responsible_parties(student),
        "findings": [x for x in services.evaluate(student) if x.status != "passed"],
        "may_change": request.user.changes_students,
        "may_erase": request.user.erases_students,
        "event_form": f.EventForm(initial={"date": services.today()}, route=student.route),
        "choice_deadline": services.choice_deadline(student),
        "today": services.today(),
        "destinations": m.Destination.choices,
        "exam_form": f.ExamPartForm(route=student.route),
        "bpv_form": f.BpvForm(),
    })


def _submit(request, student, form, save, done):
    """Save a posted form on a student through a use case (``save`` takes the form's typed input);
    the use case's problems and the form's field errors become messages on the student page."""
    if form.is_valid():
        try:
            save(f.typed(form.as_input))
            messages.success(request, done)
        except services.RuleViolation as violation:
            _violation_messages(request, violation, form)
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}")
    return redirect(student)


@login_required
@require_POST
def event_add(request, pk):
    _editor(request)
    student = _student(request, pk)
    return _submit(request, student, f.EventForm(request.POST, route=student.route),
                   lambda data: services.record_event(request.user, student, data), _("Gebeurtenis vastgelegd."))


@login_required
@require_POST
def exam_part_add(request, pk, part_pk=None):
    """Add an exam part or record a result; a part already in the plan (same sector, kind and name) is
    updated (the use case finds it)."""
    _editor(request)
    student = _student(request, pk)
    part = get_object_or_404(student.exam_parts, pk=part_pk) if part_pk else None
    form = f.ExamPartForm(request.POST, instance=part, route=student.route)
    return _submit(request, student, form, lambda data: services.save_exam_part(request.user, student, data, part),
                   _("Examenonderdeel opgeslagen."))


@login_required
@require_POST
def bpv_add(request, pk):
    _editor(request)
    student = _student(request, pk)
    return _submit(request, student, f.BpvForm(request.POST),
                   lambda data: services.save_bpv(request.user, student, data), _("BPV-periode opgeslagen."))


@login_required
def student_export(request, pk):
    student = _student(request, pk)
    privacy.log_export(request.user, [student])
    response = HttpResponse(json.dumps(privacy.export(student), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
                            content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="leerling-{student.pk}.json"'
    return response


@login_required
@require_POST
def student_erase(request, pk):
    if not request.user.erases_students:
        raise Http404
    student = _student(request, pk)
    route = student.route
    privacy.erase(student, request.user)
    messages.success(request, _("Alle gegevens van de leerling zijn gewist; de wissing is vastgelegd zonder "
                                "persoonsgegevens."))
    return redirect("students:cohorts", pk=route.pk)


@login_required
def cijferlijst(request, pk):
    student = _student(request, pk)
    if not services.diploma_status(student)["cijferlijst"]:
        raise Http404
    return render(request, "students/cijferlijst.html", {
        "student": student, "parts": student.exam_parts.filter(sector="vmbo"), "today": services.today()})


@login_required
def promote(request, pk, cohort):
    route = _route(request.user, pk)
    _editor(request)
    own = Student.objects.visible_to(request.user, route)
    students = own.filter(cohort=cohort, status=m.Status.ACTIEF).select_related("leerweg")
    privacy.log_reads(request.user, students)   # the page lists them by name
    exceptions = {}
    for student in students:
        action = request.POST.get(f"action_{student.pk}", services.PROMOTE)
        if action in (services.REPEAT, services.LEAVE):
            exceptions[student.pk] = (action, request.POST.get(f"destination_{student.pk}", ""))
    missing = [s for s in students if exceptions.get(s.pk, ("",))[0] == services.LEAVE and not exceptions[s.pk][1]]
    rows, applied = None, False
    if request.method == "POST" and missing:
        messages.error(request, _("Kies een bestemming voor elke leerling die uitstroomt."))
    elif request.method == "POST":
        apply = request.POST.get("step") == "apply"
        try:
            rows = services.promote_cohort(route, cohort, exceptions, request.user, apply=apply, within=own)
            applied = apply
        except services.RuleViolation:
            rows = services.promote_cohort(route, cohort, exceptions, request.user, apply=False, within=own)
            messages.error(request, _("Niet doorgevoerd: los eerst de problemen in het voorbeeld op."))
        if applied:
            messages.success(request, _("Cohort %(c)s is doorgezet naar het volgende schooljaar.") % {"c": cohort})
            return redirect(f"{route.get_absolute_url()}leerlingen/?cohort={cohort}")
    return render(request, "students/promote.html", {
        "route": route, "cohort": cohort, "students": students, "rows": rows, "exceptions": exceptions,
        "destinations": m.Destination.choices, "blocked": any(r.problems for r in rows or [])})


@login_required
def teldatum(request, pk):
    route = _route(request.user, pk)
    today = services.today()
    latest = latest_teldatum(today)
    # The latest 1 October that has enrolments in this route (the count date people check).
    own = Student.objects.visible_to(request.user, route)
    with_data = m.Enrolment.objects.filter(student__in=own, school_year__lte=latest.year).order_by(
        "-school_year").values_list("school_year", flat=True).first()
    default = teldatum_of(with_data) if with_data else latest
    try:
        day = date.fromisoformat(request.GET.get("date", "")) if request.GET.get("date") else default
    except ValueError:
        messages.error(request, _("Ongeldige datum; gebruik JJJJ-MM-DD."))
        day = default
    shown = set(own.values_list("pk", flat=True))
    results = sorted([(s, r) for s, r in services.teldatum_check(route, day) if s.pk in shown],
                     key=lambda pair: (not pair[1].violations, pair[0].last_name, pair[0].first_name))
    privacy.log_reads(request.user, [s for s, _r in results])
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        privacy.log_export(request.user, [s for s, _r in results])
        rows = [[s.pk, s.last_name, s.first_name, r.route_year, r.phase, r.funded_institution,
                 ", ".join(r.funded_actual), ", ".join(r.violations), " ".join(r.messages)] for s, r in results]
        return table_response(f"teldatum-{day:%Y-%m-%d}", ["id", "achternaam", "voornaam", "routejaar", "fase",
                                                           "hoort bekostigd bij", "bekostigd bij", "regels",
                                                           "toelichting"], rows, fmt)
    return render(request, "students/teldatum.html", {"route": route, "day": day, "results": results,
                                                      "violations": sum(1 for _s, r in results if r.violations)})


@login_required
def exam_deadlines(request, pk):
    route = _route(request.user, pk)
    shown = set(Student.objects.visible_to(request.user, route).values_list("pk", flat=True))
    parts = [(part, deadline) for part, deadline in services.open_vmbo_parts(route) if part.student_id in shown]
    privacy.log_reads(request.user, {part.student for part, _d in parts})
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        privacy.log_export(request.user, {part.student for part, _d in parts})
        rows = [[p.student.pk, p.student.last_name, p.student.first_name, p.name, p.kind, p.planned_route_year,
                 deadline] for p, deadline in parts]
        return table_response("open-vmbo-onderdelen", ["id", "achternaam", "voornaam", "onderdeel", "soort",
                                                       "gepland in routejaar", "uiterlijk"], rows, fmt)
    return render(request, "students/exam_deadlines.html", {"route": route, "parts": parts})


def _event(request, pk, event_pk):
    """The student (in the user's scope, read logged) and one of their events, for an editor."""
    _editor(request)
    student = _student(request, pk)
    return student, get_object_or_404(student.events, pk=event_pk)


@login_required
@require_POST
def event_change(request, pk, event_pk):
    """Correct an event; the path is replayed with the correction and everything after it derived again."""
    student, event = _event(request, pk, event_pk)
    return _submit(request, student, f.EventChangeForm(request.POST),
                   lambda data: services.change_event(request.user, event, data), _("Gebeurtenis gecorrigeerd."))


@login_required
@require_POST
def event_remove(request, pk, event_pk):
    student, event = _event(request, pk, event_pk)
    try:
        services.remove_event(request.user, event)
        messages.success(request, _("Gebeurtenis verwijderd."))
    except services.RuleViolation as violation:
        _violation_messages(request, violation)
    return redirect(student)


@login_required
def route_compliance(request, pk):
    """The rule check of a route: its own findings and, per student rule, the students that fail it
    (names only for the partner staff who may see students; counts suppressed outside the partners).
    It lives with the students because it evaluates them; the route pages link to it."""
    route = get_object_or_404(Route.objects.visible_to(request.user), pk=pk)
    per_student = services.student_findings(route)   # evaluates every student once and keeps their state ...
    findings = compliance.refresh(route)              # ... so the route's summary matches the table below
    rules = {r.id: r for r in CATALOGUE}
    counted = set(Student.objects.counted_for(request.user, route).values_list("pk", flat=True))
    by_rule = {rule: kept for rule, pairs in per_student.items()
               if (kept := [(student, x) for student, x in pairs if student.pk in counted])}
    counts = disclosure.counts_for(request.user, route, {rule: len(pairs) for rule, pairs in by_rule.items()})
    show_names = Route.objects.with_students_for(request.user).filter(pk=route.pk).exists()
    if show_names:
        privacy.log_reads(request.user, {student for pairs in by_rule.values() for student, _x in pairs})
    return render(request, "routes/route_compliance.html", {
        "route": route, "status": compliance.worst(findings),
        "rows": [(rules[x.rule], x, FIELD_LABELS.get(x.field, x.field))
                 for x in disclosure.findings_for(request.user, route, findings)],
        "student_rows": [(rules[rule], pairs, counts[rule]) for rule, pairs in by_rule.items()],
        "show_names": show_names,
    })
