"""Students, enrolments, events, exam parts, teldatum and diploma checks over JSON, scoped as the
interface: only users of the route's partner institutions; rule violations answered with 422."""
from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from apps.core.api_schemas import Errors
from apps.core.idempotency import idempotent
from apps.routes.models import Route
from apps.students.models import Student

from . import models as m
from . import privacy, schemas, services

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
    return {"errors": [{"rule": x.rule or None, "field": x.field, "message": x.message} for x in findings]}


def _refused(violation):
    return Status(422, _errors(violation.findings))


def _student(request, student_id):
    return privacy.read_student(request.user, student_id)


def _editor(request, message: str):
    return None if request.user.changes_students else Status(403, {"detail": message})


def _change(request, student_id: int, refusal: str, change, status: int = 200):
    """Every change of a student over the API: the student as this user may see them (404), the
    role's right to change (403, ``refusal``), the use case ``change(student)``, its refusal as 422."""
    student = _student(request, student_id)
    if refused := _editor(request, refusal):
        return refused
    try:
        student, _found = change(student)
    except services.RuleViolation as violation:
        return _refused(violation)
    return Status(status, student_out(student))


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
        "events": [{"id": e.pk, "kind": e.kind, "date": e.date, "school_year": e.school_year,
                    "route_year": e.route_year, "kwalificatie": e.kwalificatie.code if e.kwalificatie else None,
                    "destination": e.destination, "origin": e.origin, "detail": e.detail,
                    "level": e.level, "source": e.source}
                   for e in student.events.select_related("kwalificatie")],
        "exam_parts": [{"id": p.pk, "sector": p.sector, "kind": p.kind, "name": p.name,
                        "planned_route_year": p.planned_route_year, "actual_route_year": p.actual_route_year,
                        "examiner": p.examiner.brin if p.examiner else None, "result": p.result,
                        "location": p.location, "integrated": p.integrated,
                        "grade": p.grade_value, "result_on": p.result_on}
                       for p in student.exam_parts.select_related("examiner")],
        "bpv": [{"id": b.pk, "leerbedrijf": b.leerbedrijf, "recognised": b.recognised,
                 "praktijkovereenkomst": b.praktijkovereenkomst, "start": b.start, "end": b.end}
                for b in student.bpv_periods.all()],
        "findings": [{"rule": x.rule, "status": x.status, "field": x.field, "message": x.message}
                     for x in services.evaluate(student) if x.status != "passed"],
    }


@router.get("/routes/{route_id}/students", response=list[StudentSummary])
def list_students(request, route_id: int, cohort: int | None = None, status: str = ""):
    """The route's students; `cohort` is the first calendar year of the cohort's school year."""
    route = get_object_or_404(Route.objects.with_students_for(request.user), pk=route_id)
    students = Student.objects.visible_to(request.user, route).select_related("leerweg", "kwalificatie", "vo_school")
    if cohort is not None:
        students = students.filter(cohort=cohort)
    students = list(students.filter(status=status) if status else students)
    privacy.log_reads(request.user, students)
    return students


@router.post("/routes/{route_id}/students", response={201: dict, 422: Errors, 403: dict})
@idempotent
def create_student(request, route_id: int, payload: schemas.StudentIn):
    route = get_object_or_404(Route.objects.with_students_for(request.user), pk=route_id)
    if refused := _editor(request, "Uw rol mag geen leerlingen inschrijven."):
        return refused
    try:
        student, _found = services.create_student(request.user, route, payload)
    except services.RuleViolation as violation:
        return _refused(violation)
    return Status(201, student_out(student))


@router.get("/students/{student_id}", response=dict)
def get_student(request, student_id: int):
    return student_out(_student(request, student_id))


def _update_student(request, student_id: int, payload):
    return _change(request, student_id, "Uw rol mag geen leerlinggegevens wijzigen.",
                   lambda student: services.update_student(request.user, student, payload))


@router.put("/students/{student_id}", response={200: dict, 422: Errors, 403: dict})
def replace_student(request, student_id: int, payload: schemas.StudentChange):
    """Replace the student's own data: every field is needed (422 naming each missing one); the
    cohort and the path change through events."""
    return _update_student(request, student_id, payload)


@router.patch("/students/{student_id}", response={200: dict, 422: Errors, 403: dict})
def change_student(request, student_id: int, payload: schemas.StudentPatch):
    """Change some of the student's own data: only the fields given."""
    return _update_student(request, student_id, payload)


@router.post("/students/{student_id}/events", response={201: dict, 422: Errors, 403: dict})
@idempotent
def add_event(request, student_id: int, payload: schemas.EventIn):
    return _change(request, student_id, "Uw rol mag geen gebeurtenissen vastleggen.",
                   lambda student: services.record_event(request.user, student, payload), 201)


@router.patch("/students/{student_id}/events/{event_id}", response={200: dict, 422: Errors, 403: dict})
def change_event(request, student_id: int, event_id: int, payload: schemas.EventChange):
    """Correct an event; the path is replayed with the correction (422 naming the conflict when it breaks)
    and everything after it is derived again."""
    return _change(request, student_id, "Uw rol mag geen gebeurtenissen corrigeren.",
                   lambda student: services.change_event(request.user, get_object_or_404(student.events, pk=event_id),
                                                         payload))


@router.delete("/students/{student_id}/events/{event_id}", response={200: dict, 422: Errors, 403: dict})
def remove_event(request, student_id: int, event_id: int):
    """Remove an event recorded by mistake (refused with 422 when the path without it breaks)."""
    return _change(request, student_id, "Uw rol mag geen gebeurtenissen verwijderen.",
                   lambda student: services.remove_event(request.user, get_object_or_404(student.events, pk=event_id)))


def _save_exam_part(request, student_id: int, payload, part_id: int | None = None):
    student = _student(request, student_id)
    if refused := _editor(request, "Uw rol mag geen examenonderdelen vastleggen."):
        return refused
    part = get_object_or_404(student.exam_parts, pk=part_id) if part_id else None
    existing = set(student.exam_parts.values_list("pk", flat=True))
    try:
        student, _found, saved = services.save_exam_part(request.user, student, payload, part)
    except services.RuleViolation as violation:
        return _refused(violation)
    return Status(200 if part_id or saved.pk in existing else 201, student_out(student))


@router.post("/students/{student_id}/exam-parts", response={201: dict, 200: dict, 422: Errors, 403: dict})
@idempotent
def add_exam_part(request, student_id: int, payload: schemas.ExamPartIn):
    """Add an exam part (201), or record the result of a part already in the plan (200: same sector,
    kind and name, case not counting)."""
    return _save_exam_part(request, student_id, payload)


@router.put("/students/{student_id}/exam-parts/{part_id}", response={200: dict, 422: Errors, 403: dict})
def replace_exam_part(request, student_id: int, part_id: int, payload: schemas.ExamPartFull):
    """Replace an exam part: every field is needed (422 naming each missing one)."""
    return _save_exam_part(request, student_id, payload, part_id)


@router.patch("/students/{student_id}/exam-parts/{part_id}", response={200: dict, 422: Errors, 403: dict})
def change_exam_part(request, student_id: int, part_id: int, payload: schemas.ExamPartPatch):
    """Change some fields of an exam part (e.g. the result and grade): only the fields given."""
    return _save_exam_part(request, student_id, payload, part_id)


@router.post("/routes/{route_id}/exam-results/bulk", response={200: list[dict], 422: Errors, 403: dict})
@idempotent
def group_results(request, route_id: int, payload: schemas.GroupResultsIn):
    """The results of one exam part for a group of the route's students at once (as the grid on the
    route's exam page): every row is checked first and all are saved or none (422 naming each row's
    problem: ``rows[2].grade``; a rule such as R-04 at ``rows[2]`` with its id). A student's part of
    that sector, kind and name is updated, else added to their plan; a row without grade and result
    is left alone. The answer: per saved row the student, the part's id, result and grade."""
    route = get_object_or_404(Route.objects.with_students_for(request.user), pk=route_id)
    if refused := _editor(request, "Uw rol mag geen examenresultaten vastleggen."):
        return refused
    try:
        saved = services.save_group_results(request.user, route, payload,
                                            within=Student.objects.visible_to(request.user, route))
    except services.RuleViolation as violation:
        return _refused(violation)
    privacy.log_reads(request.user, [row.student for row in saved])   # the answer holds their results
    return Status(200, [{"student": row.student.pk, "part": row.part.pk, "created": row.created,
                         "result": row.part.result, "grade": row.part.grade_value,
                         "actual_route_year": row.part.actual_route_year, "result_on": row.part.result_on}
                        for row in saved])


@router.post("/students/{student_id}/bpv", response={201: dict, 422: Errors, 403: dict})
@idempotent
def add_bpv(request, student_id: int, payload: schemas.BpvIn):
    """Add a BPV period (R-19: a recognised leerbedrijf with a signed praktijkovereenkomst)."""
    return _change(request, student_id, "Uw rol mag geen BPV-periodes vastleggen.",
                   lambda student: services.save_bpv(request.user, student, payload), 201)


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
    if not request.user.erases_students:
        return Status(403, {"detail": "Alleen de routecoördinator wist leerlinggegevens."})
    privacy.erase(student, request.user)
    return Status(204, None)


@router.get("/routes/{route_id}/teldatum", response=list[TeldatumOut])
def teldatum(request, route_id: int, date: date):
    """For a 1 October: per student of the route, the institution that should be funded (BRIN) and
    the rules that fail (R-10, R-11)."""
    route = get_object_or_404(Route.objects.with_students_for(request.user), pk=route_id)
    shown = set(Student.objects.visible_to(request.user, route).values_list("pk", flat=True))
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
    route = get_object_or_404(Route.objects.with_students_for(request.user), pk=route_id)
    students = Student.objects.visible_to(request.user, route).filter(status=m.Status.ACTIEF).select_related(
        "route", "leerweg", "kwalificatie", "profiel")
    if cohort is not None:
        students = students.filter(cohort=cohort)
    templates = {}  # the exam plan templates, read once for the list
    students = list(students.prefetch_related("exam_parts"))
    privacy.log_reads(request.user, students)
    return [{"student": s.pk, **services.diploma_status(s, templates)} for s in students]


def promotion_row(row: services.PromotionRow) -> dict:
    return {"student": row.student.pk, "action": row.action, "route_year": row.route_year,
            "last_route_year": row.last_route_year, "choices": list(row.choices),
            "school_year": row.school_year if row.action in ("overgang", "doublure", "uitloopjaar") else None,
            "next_route_year": row.next_route_year, "date": row.on if row.action in ("diploma", "uitstroom") else None,
            "destination": row.destination, "problems": list(row.problems), "reason": row.reason}


@router.post("/routes/{route_id}/cohorts/{cohort}/promote", response={200: list[dict], 422: Errors, 403: dict})
@idempotent
def promote(request, route_id: int, cohort: int, payload: schemas.PromotionIn):
    """Promote a cohort (``apply`` false: the preview, nothing saved). Students not named go over; a
    student in the last route year is set aside until a diploma, uitloopjaar or uitstroom is chosen;
    one choice may name many students. Saved all or nothing: a student who is blocked and not set
    aside (``apart``) is a 422 naming them (``students[id]``); a choice a student may not take is a
    422 naming them (``choices[i].students``)."""
    route = get_object_or_404(Route.objects.with_students_for(request.user), pk=route_id)
    if not request.user.changes_students:
        return Status(403, {"detail": "Uw rol mag geen cohorten doorzetten."})
    own = Student.objects.visible_to(request.user, route)
    privacy.log_reads(request.user, own.filter(cohort=cohort, status=m.Status.ACTIEF))   # the answer lists them
    try:
        promotion = services.promote_cohort(request.user, route, cohort, payload, within=own)
    except services.RuleViolation as violation:
        return _refused(violation)
    return Status(200, [promotion_row(r) for r in promotion.rows])
