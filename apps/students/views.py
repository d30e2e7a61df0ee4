import json
import re
from collections import defaultdict
from datetime import date, datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.core.lib import texts
from apps.core.lib.tabular import table_response
from apps.routes import compliance, disclosure
from apps.routes.forms import FIELD_LABELS
from apps.routes.models import Route, RoutePartner
from apps.students.models import Student
from domain.calendar import latest_teldatum
from domain.calendar import teldatum as teldatum_of
from domain.diploma import part_key
from domain.rules import CATALOGUE

from . import findings as rule_state
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
    """A finding as a page shows it: its rule and its message in the reader's language."""
    return f"{finding.rule}: {texts.shown(finding)}" if finding.rule else texts.shown(finding)


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


def _number_headers(columns) -> list[str]:
    return [_("leerlingnummer %(school)s") % {"school": i.name} for i in columns]


def _own_numbers(students):
    """For an export of some of ``students``: the headers of the partners' own student numbers (one
    column per partner, no internal id) and a function giving a student's numbers, read in one query."""
    columns = _partner_columns(students)
    by_student = defaultdict(dict)
    for number in m.StudentNumber.objects.filter(student__in=students.order_by().values("pk")).order_by():
        by_student[number.student_id][number.institution_id] = number.number
    return _number_headers(columns), lambda student: [by_student[student.pk].get(i.pk, "") for i in columns]


def _failed_rules(student) -> str:
    try:
        return student.rule_state.failed
    except m.StudentFinding.DoesNotExist:
        return ""


EXPORT_HEADERS = [
    gettext_lazy("achternaam"),
    gettext_lazy("voornaam"),
    gettext_lazy("geboortedatum"),
    gettext_lazy("cohort (startjaar)"),
    gettext_lazy("routejaar"),
    gettext_lazy("leerweg"),
    gettext_lazy("uitstroomrichting (crebo)"),
    gettext_lazy("uitstroomrichting"),
    gettext_lazy("status"),
    gettext_lazy("bestemming"),
    gettext_lazy("vmbo-diploma op"),
    gettext_lazy("mbo-diploma op"),
    gettext_lazy("uit de route op"),
    gettext_lazy("regels met fouten"),
]


def _export(request, students, columns, filename, fmt, across_routes):
    """The filtered list as a table: the schools' own numbers (one column per partner), no internal
    ids; dates as dates and numbers as numbers, so Excel sorts and filters them. Logged as an export."""
    headers = _number_headers(columns) + ([_("route")] if across_routes else []) + [str(h) for h in EXPORT_HEADERS]
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


def _exam_part_page(request, student, form, part=None):
    """The exam part's own page: the whole form, with the use case's and the parser's messages at their
    fields and what the user typed kept (422 when the form has errors)."""
    return render(request, "students/exam_part_form.html", {
        "student": student, "route": student.route, "form": form, "part": part,
    }, status=422 if form.errors else 200)


def _save_exam_part(request, student, part=None):
    """A posted exam part through the use case; on an error the form's page, with what was typed."""
    form = f.ExamPartForm(request.POST, instance=part, route=student.route)
    if form.is_valid():
        try:
            services.save_exam_part(request.user, student, f.typed(form.as_input), part)
        except services.RuleViolation as violation:
            _form_problems(form, violation)
        else:
            messages.success(request, _("Examenonderdeel opgeslagen."))
            return redirect(f"{student.get_absolute_url()}#exam-plan")
    return _exam_part_page(request, student, form, part)


@login_required
@require_POST
def exam_part_add(request, pk):
    """Add an exam part or record a result; a part already in the plan (same sector, kind and name) is
    updated (the use case finds it)."""
    _editor(request)
    return _save_exam_part(request, _student(request, pk))


@login_required
def exam_part_edit(request, pk, part_pk):
    """Edit one exam part and its result, opened from its row in the student's exam plan."""
    _editor(request)
    student = _student(request, pk)
    part = get_object_or_404(student.exam_parts.select_related("examiner"), pk=part_pk)
    if request.method == "POST":
        return _save_exam_part(request, student, part)
    return _exam_part_page(request, student, f.ExamPartForm(instance=part, route=student.route), part)


def _group_parts(students) -> list[tuple[str, str, str]]:
    """The exam parts (sector, kind, name) in the plans of a group of students, each once (case and spaces
    not counting, as the use case matches a student's part)."""
    kinds = {kind.casefold(): kind for kind in m.ExamPart.Kind.values}   # older data may write "se"
    parts = {}
    for sector, kind, name in m.ExamPart.objects.filter(student__in=students).values_list("sector", "kind", "name"):
        if kind.casefold() in kinds:
            parts.setdefault(part_key(sector, kind, name), (sector, kinds[kind.casefold()], " ".join(name.split())))
    return sorted(parts.values(), key=lambda key: (key[0] != "vmbo", key[0], key[2].casefold(), key[1]))


def _own_part(student, key):
    """The student's part of the grid (same sector and kind, the name ignoring case and spaces)."""
    wanted = part_key(*key)
    return next((p for p in student.exam_parts.all()
                 if part_key(p.sector, p.kind, p.name) == wanted), None)


@login_required
def group_results(request, pk):
    """The results of one exam part for a group (a cohort, optionally one klas) at once, in a grid
    as EduArte users enter a test's grades: every row is checked first and all are saved or none;
    a problem is shown at its row, what was typed is kept."""
    route = _route(request.user, pk)
    _editor(request)
    query = request.POST if request.method == "POST" else request.GET
    own = Student.objects.visible_to(request.user, route)
    cohorts = list(own.order_by("-cohort").values_list("cohort", flat=True).distinct())
    cohort = query.get("cohort", "")
    cohort = int(cohort) if cohort.isascii() and cohort.isdigit() and int(cohort) in cohorts else None
    klas = query.get("klas", "").strip()
    klassen = sorted(set(own.filter(cohort=cohort).exclude(klas="").values_list("klas", flat=True))) if cohort else []
    students = own.filter(status=m.Status.ACTIEF, cohort=cohort) if cohort else own.none()
    if klas:
        students = students.filter(klas=klas)
    students = list(students.select_related("leerweg").prefetch_related("exam_parts"))
    parts = _group_parts(students)
    if request.method == "POST":
        header = f.GroupPartForm(request.POST, parts=parts)
        header.is_valid()
        chosen = header.cleaned_data.get("part", "")
    else:
        chosen = request.GET.get("part", "")
    key = f.part_of(chosen, parts)
    if request.method != "POST":
        header = f.GroupPartForm(parts=parts, initial={"part": f.PART_KEY.join(key) if key else "",
                                                       "result_on": services.today()})
    rows = []
    if key is not None:
        rows = [f.GroupRowForm(request.POST if request.method == "POST" else None, student=s, part=_own_part(s, key))
                for s in students]
        privacy.log_reads(request.user, students)     # the grid lists their results
    if request.method == "POST" and key is not None and rows:
        if all([row.is_valid() for row in rows]) and header.is_valid():
            try:
                data = f.typed(lambda: f.group_input(key, header, rows))
                saved = services.save_group_results(request.user, route, data, within=own)
            except services.RuleViolation as violation:
                _grid_problems(header, rows, violation)
            else:
                messages.success(request, _("Resultaten van %(n)s leerlingen opgeslagen.") % {"n": len(saved)})
                back = urlencode({"cohort": cohort, "part": chosen, **({"klas": klas} if klas else {})})
                return redirect(f"{reverse('students:group_results', args=[route.pk])}?{back}")
    elif request.method == "POST" and key is not None:
        header.add_error("part", _("Geen actieve leerlingen in deze groep."))
    failed = bool(header.errors) or any(row.errors for row in rows)
    return render(request, "students/group_results.html", {
        "route": route, "cohorts": cohorts, "cohort": cohort, "klassen": klassen, "klas": klas, "header": header,
        "rows": rows, "key": key}, status=422 if request.method == "POST" and failed else 200)


def _grid_problems(header, rows, violation):
    """The use case's problems at their rows (``rows[2].grade`` at that row's grade, a rule's finding
    ``rows[2]`` at the row), others at the header."""
    for finding in violation.findings:
        match = ROW_FIELD.fullmatch(finding.field)
        if match and int(match["index"]) < len(rows):
            row = rows[int(match["index"])]
            row.add_error(row.field_of(match["field"] or ""), _text(finding))
        else:
            header.add_error(header.field_of(finding.field), _text(finding))


ROW_FIELD = re.compile(r"rows\[(?P<index>\d+)\](?:\.(?P<field>\w+))?")


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
    """Promote a cohort: a preview first (per student the step, what it gives and what blocks it);
    a blocked student is set aside so that the rest can go over; a choice can be applied to a
    selection of students; then the same use case as the API saves it, all or nothing."""
    route = _route(request.user, pk)
    _editor(request)
    own = Student.objects.visible_to(request.user, route)
    students = list(own.filter(cohort=cohort, status=m.Status.ACTIEF).select_related("leerweg")
                    .order_by("last_name", "first_name", "pk"))
    privacy.log_reads(request.user, students)   # the page lists them by name
    length = services.route_length(route)
    chosen, typed, errors = _promotion_choices(request, students, route, length)
    promotion, status, step = None, 422 if errors else 200, request.POST.get("step")
    if request.method == "POST" and not errors:
        try:
            promotion = services.promote_cohort(request.user, route, cohort,
                                                _promotion_input(chosen, apply=step == "apply"), within=own)
            if not promotion.applied and promotion.blocked:
                # one student's problem never holds up the rest: set them aside, show why the chosen step
                # cannot be taken (not the generic reason of a student set aside)
                names = ", ".join(str(r.student) for r in promotion.blocked)
                why = {row.student.pk: _("%(step)s kan niet: %(problems)s") % {
                    "step": STEP_LABELS[row.action], "problems": "; ".join(row.problems)} for row in promotion.blocked}
                for row in promotion.blocked:
                    chosen[row.student.pk] = (services.APART, "", None)
                promotion = services.promote_cohort(request.user, route, cohort, _promotion_input(chosen),
                                                    within=own)
                for row in promotion.rows:
                    row.reason = why.get(row.student.pk, row.reason)
                messages.warning(request, _("Apart gezet omdat de gekozen stap niet kan: %(names)s. Kies voor hen "
                                            "een andere stap of voer de rest door.") % {"names": names})
        except services.PromotionBlocked as refused:
            promotion, status = refused.promotion, 422
            errors = [texts.shown(finding) for finding in refused.findings]
        except services.RuleViolation as refused:
            status, errors = 422, [texts.shown(finding) for finding in refused.findings]
        if promotion is not None and promotion.applied:
            _report_promotion(request, promotion)
            return redirect(f"{route.get_absolute_url()}leerlingen/?cohort={cohort}")
    for message in errors:
        messages.error(request, message)
    rows = {r.student.pk: r for r in promotion.rows} if promotion else {}
    table = [{"student": s, "row": rows.get(s.pk), "choice": chosen.get(s.pk, (None, ""))[0],
              "destination": chosen.get(s.pk, (None, ""))[1], "date": typed.get(s.pk),
              "choices": [(a, STEP_LABELS[a]) for a in services.steps.choices(
                  s.route_year, services.steps.last_route_year(length, route.start_vmbo_year, s.vmbo_year_at_start),
                  s.vmbo_year_at_start)]}
             for s in students]
    today = services.today()
    for line in table:
        if line["choice"] is None:   # not posted yet: overgang, or set aside in the last route year
            line["choice"] = services.steps.default_choice(
                line["student"].route_year,
                services.steps.last_route_year(length, route.start_vmbo_year, line["student"].vmbo_year_at_start))
        if line["date"] is None:     # not typed: the day the step would be recorded on (diploma, uitstroom)
            row, step = line["row"], line["choice"] if line["choice"] in services.steps.DATED else services.DIPLOMA
            day = row.on if row is not None and row.action in services.steps.DATED else services.steps.default_date(
                step, services.current_school_year(line["student"]), today)
            line["date"] = day.isoformat()
    return render(request, "students/promote.html", {
        "route": route, "cohort": cohort, "students": students, "table": table, "promotion": promotion,
        "route_length": length,
        "destinations": m.Destination.choices, "steps": list(STEP_LABELS.items())}, status=status)


STEP_LABELS = {
    services.PROMOTE: gettext_lazy("overgang"), services.REPEAT: gettext_lazy("doublure"),
    services.UITLOOPJAAR: gettext_lazy("uitloopjaar"), services.DIPLOMA: gettext_lazy("mbo-diploma"),
    services.LEAVE: gettext_lazy("uitstroom"), services.APART: gettext_lazy("apart zetten"),
}


def _promotion_choices(request, students, route, length) -> tuple[dict, dict, list[str]]:
    """The step per student as posted (student id -> (action, destination, day)) and the day as typed
    (student id -> text, shown again); with ``step=bulk`` the chosen step (and day, when given) is put on
    every selected student. A value that is no step or no date is named with the student."""
    chosen, typed, errors = {}, {}, []
    if request.method != "POST":
        return chosen, typed, errors
    selected = set(request.POST.getlist("selected"))
    bulk = request.POST.get("step") == "bulk"
    bulk_action, bulk_destination = request.POST.get("bulk_action", ""), request.POST.get("bulk_destination", "")
    bulk_date = request.POST.get("bulk_date", "").strip()
    if bulk and not selected:
        errors.append(_("Vink eerst de leerlingen aan voor wie de keuze geldt."))
    if bulk and bulk_action not in STEP_LABELS:
        errors.append(_("Kies de stap voor de aangevinkte leerlingen."))
    for student in students:
        action = request.POST.get(f"action_{student.pk}")
        destination = request.POST.get(f"destination_{student.pk}", "")
        raw = request.POST.get(f"date_{student.pk}", "").strip()
        if bulk and str(student.pk) in selected and bulk_action in STEP_LABELS:
            action, destination, raw = bulk_action, bulk_destination or destination, bulk_date or raw
        if action is None:
            continue
        if raw:
            typed[student.pk] = raw[:20]
        day = _posted_date(raw) if action in services.steps.DATED else None
        if action not in STEP_LABELS:
            errors.append(_("%(name)s: onbekende stap %(action)s.") % {"name": student, "action": action[:20]})
        elif destination and destination not in m.Destination.values:
            errors.append(_("%(name)s: onbekende bestemming %(d)s.") % {"name": student, "d": destination[:20]})
        elif day is False:
            errors.append(_("%(name)s: %(value)s is geen datum; schrijf bijvoorbeeld 31-07-2026.")
                          % {"name": student, "value": raw[:20]})
        else:
            chosen[student.pk] = (action, destination if action == services.LEAVE else "", day)
    return chosen, typed, errors


def _posted_date(raw: str):
    """A typed day (2026-07-31 from a date field, or 31-07-2026); None when empty, False when no date."""
    if not raw:
        return None
    for parse in (date.fromisoformat, lambda text: datetime.strptime(text, "%d-%m-%Y").date()):
        try:
            return parse(raw)
        except ValueError:
            continue
    return False


def _promotion_input(chosen: dict, apply: bool = False):
    """The use case's typed input: one choice per (step, destination), naming its students."""
    from .schemas import PromotionChoice, PromotionIn

    groups: dict[tuple, list[int]] = {}
    for pk, key in chosen.items():
        groups.setdefault(key, []).append(pk)
    return PromotionIn(apply=apply, choices=[PromotionChoice(students=pks, action=action, destination=destination,
                                                             date=day)
                                             for (action, destination, day), pks in groups.items()])


def _report_promotion(request, promotion) -> None:
    """After a saved promotion: how many took a step, and who stays where they are and why."""
    messages.success(request, _("Cohort %(c)s is doorgezet: %(n)s leerling(en).")
                     % {"c": promotion.cohort, "n": len(promotion.moved)})
    if promotion.set_aside:
        messages.warning(request, _("Blijft staan: %(rows)s") % {"rows": "; ".join(
            f"{r.student} ({r.reason or _('apart gezet')})" for r in promotion.set_aside)})


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
        columns, numbers = _own_numbers(own)
        rows = [[*numbers(s), s.last_name, s.first_name, r.route_year, r.phase, r.funded_institution,
                 ", ".join(r.funded_actual), ", ".join(r.violations), " ".join(r.messages)] for s, r in results]
        return table_response(f"teldatum-{day:%Y-%m-%d}", [*columns, "achternaam", "voornaam", "routejaar", "fase",
                                                           "hoort bekostigd bij", "bekostigd bij", "regels",
                                                           "toelichting"], rows, fmt)
    return render(request, "students/teldatum.html", {"route": route, "day": day, "results": results,
                                                      "violations": sum(1 for _s, r in results if r.violations)})


@login_required
def exam_deadlines(request, pk):
    route = _route(request.user, pk)
    own = Student.objects.visible_to(request.user, route)
    shown = set(own.values_list("pk", flat=True))
    parts = [(part, deadline) for part, deadline in services.open_vmbo_parts(route) if part.student_id in shown]
    privacy.log_reads(request.user, {part.student for part, _d in parts})
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        privacy.log_export(request.user, {part.student for part, _d in parts})
        columns, numbers = _own_numbers(own)
        rows = [[*numbers(p.student), p.student.last_name, p.student.first_name, p.name, p.kind,
                 p.planned_route_year, deadline] for p, deadline in parts]
        return table_response("open-vmbo-onderdelen", [*columns, "achternaam", "voornaam", "onderdeel", "soort",
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


def _field_label(field: str) -> str:
    """The label of the field a finding is about, in the user's language ("" for the route as a whole)."""
    return str(FIELD_LABELS.get(field, _("leerlingen") if field == "students" else field))


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
        "rows": [(rules[x.rule], x, _field_label(x.field), rule_state.title(rules[x.rule]),
                  texts.shown(x))
                 for x in disclosure.findings_for(request.user, route, findings)],
        "student_rows": [(rules[rule], pairs, counts[rule], rule_state.title(rules[rule]))
                         for rule, pairs in by_rule.items()],
        "show_names": show_names,
    })
