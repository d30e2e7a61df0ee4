"""Students, enrolments, events, exam parts, teldatum and diploma checks over JSON, scoped as the
interface: only users of the route's partner institutions; rule violations answered with 422."""
import datetime
from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from apps.accounts.scoping import may_change_students, may_erase_students, student_routes, visible_students
from apps.core.api_schemas import Errors
from apps.core.idempotency import idempotent
from apps.registry.models import Institution, Kwalificatie, Leerweg, Profiel

from . import forms as f
from . import models as m
from . import exam_plan, privacy, services

router = Router(tags=["students"])


class StudentSummary(Schema):
    id: int
    status: str
    first_name: str
    last_name: str
    cohort: int
    route_year: int
    leerweg: str
    kwalificatie: str | None
    vo_school: str | None                 # BRIN of the student's own vo-school

    @staticmethod
    def resolve_leerweg(obj):
        return obj.leerweg.code

    @staticmethod
    def resolve_vo_school(obj):
        return obj.vo_school.brin if obj.vo_school else None

    @staticmethod
    def resolve_kwalificatie(obj):
        return obj.kwalificatie.code if obj.kwalificatie else None


class StudentIn(Schema):
    first_name: str
    last_name: str
    date_of_birth: date | None = None
    leerweg: str
    profiel: str | None = None
    vmbo_year_at_start: int = 3
    cohort: int                           # the cohort of the group the student enters
    entry_route_year: int = 1             # > 1: zij-instroom in that route year of the cohort
    origin: str = ""                      # zij-instroom from: havo | andere_school | mbo | regulier_vmbo | anders
    entry_date: date | None = None        # default: the start of the school year entered
    kwalificatie: str | None = None
    glr_judgment_on: date | None = None
    glr_judgment_note: str = ""
    vo_school: str | None = None          # BRIN of the student's own vo-school: required when the route has several
    mbo_institution: str | None = None    # BRIN of the student's own mbo: required when the route has several
    numbers: dict[str, str] = {}          # BRIN -> school-local student number


class EventIn(Schema):
    kind: str
    date: date
    kwalificatie: str | None = None
    destination: str = ""
    detail: str = ""
    doorstroom_level: str = ""
    route_year: int | None = None         # terugkeer: the route year the student returns in


class EventChange(Schema):
    date: datetime.date | None = None
    route_year: int | None = None         # instroom, zij-instroom, terugkeer: the route year entered
    destination: str | None = None
    detail: str | None = None


class ExamPartIn(Schema):
    sector: str
    kind: str
    name: str
    planned_route_year: int
    actual_route_year: int | None = None
    examiner: str | None = None           # BRIN
    location: str = ""
    integrated: bool = False
    result: str = "open"
    grade: float | None = None
    result_on: date | None = None


class TeldatumOut(Schema):
    student: int
    name: str
    route_year: int | None
    phase: str | None
    funded_institution: str | None
    funded_actual: list[str]
    violations: list[str]
    messages: list[str]


def _errors(findings):
    return {"errors": [{"rule": x.rule, "field": x.field, "message": x.message} for x in findings]}


def _form_errors(form):
    return {"errors": [{"rule": None, "field": name, "message": str(msg)}
                       for name, msgs in form.errors.items() for msg in msgs]}


def _student(request, student_id):
    return privacy.read_student(request.user, student_id)


def _code_pk(model, field, value):
    return model.objects.filter(**{field: value}).values_list("pk", flat=True).first() if value else None


def student_out(student) -> dict:
    return {
        **StudentSummary.from_orm(student).dict(),
        "date_of_birth": student.date_of_birth, "vmbo_year_at_start": student.vmbo_year_at_start,
        "profiel": student.profiel.code if student.profiel else None,
        "mbo_institution": student.mbo_institution.brin if student.mbo_institution else None,
        "vmbo_diploma_on": student.vmbo_diploma_on, "mbo_diploma_on": student.mbo_diploma_on,
        "destination": student.destination, "doorstroom_level": student.doorstroom_level,
        "numbers": {n.institution.brin: n.number for n in student.numbers.select_related("institution")},
        "enrolments": [{"school_year": e.school_year, "route_year": e.route_year, "institution": e.institution.brin,
                        "start": e.start, "end": e.end, "funded": e.funded, "phase": e.phase}
                       for e in student.enrolments.select_related("institution")],
        "zij_instroom": student.zij_instroom, "entry_route_year": student.entry_route_year,
        "vo_school": student.vo_school.brin if student.vo_school_id else None,
        "events": [{"id": e.pk, "kind": e.kind, "date": e.date, "school_year": e.school_year, "route_year": e.route_year,
                    "kwalificatie": e.kwalificatie.code if e.kwalificatie else None, "destination": e.destination,
                    "origin": e.origin, "detail": e.detail} for e in student.events.select_related("kwalificatie")],
        "exam_parts": [{"id": p.pk, "sector": p.sector, "kind": p.kind, "name": p.name,
                        "planned_route_year": p.planned_route_year, "actual_route_year": p.actual_route_year,
                        "examiner": p.examiner.brin if p.examiner else None, "result": p.result,
                        "grade": p.grade, "result_on": p.result_on} for p in student.exam_parts.select_related("examiner")],
        "findings": [{"rule": x.rule, "status": x.status, "field": x.field, "message": x.message}
                     for x in services.evaluate(student) if x.status != "passed"],
    }


@router.get("/routes/{route_id}/students", response=list[StudentSummary])
def list_students(request, route_id: int, cohort: int | None = None, status: str = ""):
    """The route's students; `cohort` is the first calendar year of the cohort's school year."""
    route = get_object_or_404(student_routes(request.user), pk=route_id)
    students = visible_students(request.user, route).select_related("leerweg", "kwalificatie", "vo_school")
    if cohort is not None:
        students = students.filter(cohort=cohort)
    students = list(students.filter(status=status) if status else students)
    privacy.log_reads(request.user, students)
    return students


@router.post("/routes/{route_id}/students", response={201: dict, 422: Errors, 403: dict})
@idempotent
def create_student(request, route_id: int, payload: StudentIn):
    route = get_object_or_404(student_routes(request.user), pk=route_id)
    if not may_change_students(request.user):
        return Status(403, {"detail": "Uw rol mag geen leerlingen inschrijven."})
    data = payload.dict()
    data.update(leerweg=_code_pk(Leerweg, "code", payload.leerweg), profiel=_code_pk(Profiel, "code", payload.profiel),
                kwalificatie=_code_pk(Kwalificatie, "code", payload.kwalificatie))
    unknown_codes = [(name, value) for name, value, pk in (
        ("leerweg", payload.leerweg, data["leerweg"]), ("profiel", payload.profiel, data["profiel"]),
        ("kwalificatie", payload.kwalificatie, data["kwalificatie"])) if value and pk is None]
    if unknown_codes:
        return Status(422, {"errors": [{"rule": None, "field": name, "message": f"Onbekende code {value}."}
                                       for name, value in unknown_codes]})
    partners = {p.institution.brin: p.institution_id for p in route.partners.all().select_related("institution")}
    data.update({f"number_{partners[brin]}": number for brin, number in payload.numbers.items() if brin in partners})
    unknown = [{"rule": None, "field": name, "message": f"{brin} is geen partner van deze route."}
               for name, brin in (("vo_school", payload.vo_school), ("mbo_institution", payload.mbo_institution))
               if brin and brin not in partners]
    data.update(vo_school=partners.get(payload.vo_school), mbo_institution=partners.get(payload.mbo_institution))
    form = f.StudentForm({k: v for k, v in data.items() if v is not None}, route=route, user=request.user)
    unknown += [{"rule": None, "field": "numbers", "message": f"{brin} is geen partner van deze route."}
                for brin in payload.numbers if brin not in partners]
    if unknown:
        return Status(422, {"errors": unknown})
    if not form.is_valid():
        return Status(422, _form_errors(form))
    student = form.save(commit=False)
    student.route = route
    try:
        student, _found = services.enrol(student, form.numbers(), request.user, on=form.cleaned_data.get("entry_date"),
                                         origin=form.cleaned_data.get("origin") or "")
    except services.RuleViolation as violation:
        return Status(422, _errors(violation.findings))
    return Status(201, student_out(student))


@router.get("/students/{student_id}", response=dict)
def get_student(request, student_id: int):
    return student_out(_student(request, student_id))


@router.post("/students/{student_id}/events", response={201: dict, 422: Errors, 403: dict})
@idempotent
def add_event(request, student_id: int, payload: EventIn):
    student = _student(request, student_id)
    if not may_change_students(request.user):
        return Status(403, {"detail": "Uw rol mag geen gebeurtenissen vastleggen."})
    form = f.EventForm({**payload.dict(), "kwalificatie": _code_pk(Kwalificatie, "code", payload.kwalificatie) or "",
                        "entry_route_year": payload.route_year or ""}, route=student.route)
    if not form.is_valid():
        return Status(422, _form_errors(form))
    data = form.cleaned_data
    try:
        student, _found = services.record_event(student, data["kind"], data["date"], request.user,
                                                kwalificatie=data["kwalificatie"], destination=data["destination"],
                                                detail=data["detail"], doorstroom_level=data["doorstroom_level"],
                                                route_year=data["entry_route_year"])
    except services.RuleViolation as violation:
        return Status(422, _errors(violation.findings))
    except services.PathError as error:
        return Status(422, {"errors": [{"rule": None, "field": "kind", "message": str(error)}]})
    return Status(201, student_out(student))


@router.patch("/students/{student_id}/events/{event_id}", response={200: dict, 422: Errors, 403: dict})
def change_event(request, student_id: int, event_id: int, payload: EventChange):
    """Correct an event; the path is replayed with the correction (422 naming the conflict when it breaks)
    and everything after it is derived again."""
    student = _student(request, student_id)
    if not may_change_students(request.user):
        return Status(403, {"detail": "Uw rol mag geen gebeurtenissen corrigeren."})
    event = get_object_or_404(student.events, pk=event_id)
    current = {"date": event.date, "route_year": event.route_year, "destination": event.destination,
               "detail": event.detail}
    form = f.EventChangeForm({**current, **payload.dict(exclude_none=True)})
    if not form.is_valid():
        return Status(422, _form_errors(form))
    data = form.cleaned_data
    try:
        student, _found = services.change_event(event, request.user, on=data["date"], detail=data["detail"],
                                                destination=data["destination"], route_year=data["route_year"])
    except services.RuleViolation as violation:
        return Status(422, _errors(violation.findings))
    except services.PathError as error:
        return Status(422, {"errors": [{"rule": None, "field": "date", "message": str(error)}]})
    return Status(200, student_out(student))


@router.delete("/students/{student_id}/events/{event_id}", response={200: dict, 422: Errors, 403: dict})
def remove_event(request, student_id: int, event_id: int):
    """Remove an event recorded by mistake (refused with 422 when the path without it breaks)."""
    student = _student(request, student_id)
    if not may_change_students(request.user):
        return Status(403, {"detail": "Uw rol mag geen gebeurtenissen verwijderen."})
    event = get_object_or_404(student.events, pk=event_id)
    try:
        student, _found = services.remove_event(event, request.user)
    except services.PathError as error:
        return Status(422, {"errors": [{"rule": None, "field": "kind", "message": str(error)}]})
    return Status(200, student_out(student))


def _save_exam_part(request, student_id: int, payload: ExamPartIn, part_id: int | None = None):
    student = _student(request, student_id)
    if not may_change_students(request.user):
        return Status(403, {"detail": "Uw rol mag geen examenonderdelen vastleggen."})
    # Without an id, a part already in the student's plan (same sector, kind and name) is updated.
    part = get_object_or_404(student.exam_parts, pk=part_id) if part_id else exam_plan.matching_part(
        student, payload.sector, payload.kind, payload.name)
    data = {k: v for k, v in payload.dict().items() if v is not None}
    data["examiner"] = _code_pk(Institution, "brin", payload.examiner) or ""
    if part is not None and not part_id:
        data["name"] = part.name  # the plan's (template's) stable name
    form = f.ExamPartForm(data, instance=part, route=student.route)
    if not form.is_valid():
        return Status(422, _form_errors(form))
    try:
        student, _found = services.save_exam_part(student, form)
    except services.RuleViolation as violation:
        return Status(422, _errors(violation.findings))
    return Status(201 if part is None else 200, student_out(student))


@router.post("/students/{student_id}/exam-parts", response={201: dict, 200: dict, 422: Errors, 403: dict})
@idempotent
def add_exam_part(request, student_id: int, payload: ExamPartIn):
    """Add an exam part (201), or record the result of a part already in the plan (200)."""
    return _save_exam_part(request, student_id, payload)


@router.put("/students/{student_id}/exam-parts/{part_id}", response={200: dict, 422: Errors, 403: dict})
def update_exam_part(request, student_id: int, part_id: int, payload: ExamPartIn):
    return _save_exam_part(request, student_id, payload, part_id)


@router.get("/students/{student_id}/diploma", response=dict)
def diploma(request, student_id: int):
    return services.diploma_status(_student(request, student_id))


@router.get("/students/{student_id}/export", response=dict)
def export(request, student_id: int):
    student = _student(request, student_id)
    privacy.log_export(request.user, [student])
    return privacy.export(student)


@router.delete("/students/{student_id}", response={204: None, 403: dict})
def erase(request, student_id: int):
    student = _student(request, student_id)
    if not may_erase_students(request.user):
        return Status(403, {"detail": "Alleen de routecoördinator wist leerlinggegevens."})
    privacy.erase(student, request.user)
    return Status(204, None)


@router.get("/routes/{route_id}/teldatum", response=list[TeldatumOut])
def teldatum(request, route_id: int, date: date):
    """For a 1 October: per student of the route, the institution that should be funded (BRIN) and
    the rules that fail (R-10, R-11)."""
    route = get_object_or_404(student_routes(request.user), pk=route_id)
    shown = set(visible_students(request.user, route).values_list("pk", flat=True))
    results = [(s, r) for s, r in services.teldatum_check(route, date) if s.pk in shown]
    privacy.log_reads(request.user, [s for s, _r in results])
    return [{"student": s.pk, "name": f"{s.first_name} {s.last_name}", "route_year": r.route_year, "phase": r.phase,
             "funded_institution": r.funded_institution, "funded_actual": list(r.funded_actual),
             "violations": list(r.violations), "messages": list(r.messages)}
            for s, r in results]


@router.get("/routes/{route_id}/diploma-check", response=list[dict])
def diploma_check(request, route_id: int, cohort: int | None = None):
    """Diploma status of every active student of the route (optionally one cohort): ready or not per
    diploma and what is still missing compared with the required parts (exam plan templates)."""
    route = get_object_or_404(student_routes(request.user), pk=route_id)
    students = visible_students(request.user, route).filter(status=m.Status.ACTIEF).select_related(
        "route", "leerweg", "kwalificatie", "profiel")
    if cohort is not None:
        students = students.filter(cohort=cohort)
    templates = {}  # the exam plan templates, read once for the list
    students = list(students.prefetch_related("exam_parts"))
    privacy.log_reads(request.user, students)
    return [{"student": s.pk, **services.diploma_status(s, templates)} for s in students]


class PromotionIn(Schema):
    exceptions: dict[int, list[str]] = {}  # student id -> ["doublure"] or ["uitstroom", destination]
    apply: bool = False


@router.post("/routes/{route_id}/cohorts/{cohort}/promote", response={200: list[dict], 422: dict, 403: dict})
@idempotent
def promote(request, route_id: int, cohort: int, payload: PromotionIn):
    route = get_object_or_404(student_routes(request.user), pk=route_id)
    if not may_change_students(request.user):
        return Status(403, {"detail": "Uw rol mag geen cohorten doorzetten."})
    exceptions, errors = {}, []
    for pk, value in payload.exceptions.items():
        action, destination = (value + ["", ""])[:2]
        if action not in (services.REPEAT, services.LEAVE):
            errors.append({"rule": None, "field": f"exceptions[{pk}]", "message": "Kies doublure of uitstroom."})
        elif action == services.LEAVE and destination not in m.Destination.values:
            errors.append({"rule": None, "field": f"exceptions[{pk}]",
                           "message": f"Kies een bestemming: {', '.join(m.Destination.values)}."})
        exceptions[pk] = (action, destination)
    if errors:
        return Status(422, {"errors": errors})
    own = visible_students(request.user, route)
    privacy.log_reads(request.user, own.filter(cohort=cohort, status=m.Status.ACTIEF))   # the answer lists them
    try:
        rows = services.promote_cohort(route, cohort, exceptions, request.user, apply=payload.apply, within=own)
    except services.RuleViolation:
        rows = services.promote_cohort(route, cohort, exceptions, request.user, apply=False, within=own)
        return Status(422, {"errors": [{"rule": p.split(":")[0], "field": f"students[{r.student.pk}]", "message": p}
                                       for r in rows for p in r.problems]})
    return Status(200, [{"student": r.student.pk, "action": r.action, "next_route_year": r.next_route_year,
                         "problems": list(r.problems)} for r in rows])
