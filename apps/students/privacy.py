"""Personal data: every read of a student's record is logged (who, when), a student's complete data
can be exported and erased on request; the erasure itself is recorded without personal data."""
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404

from apps.accounts.scoping import visible_students

from . import models as m


def _purge_import_jobs(route_id: int, numbers: set[str], national_key: str) -> None:
    """Import jobs keep the rows of a file until it is imported; the erased student's rows go."""
    markers = {*numbers, national_key} - {""}
    for job in m.ImportJob.objects.filter(route_id=route_id):
        rows = [row for row in job.rows if not markers & {str(cell) for cell in row}]
        errors = [e for e in job.errors if str(e.get("value")) not in markers]
        if len(rows) != len(job.rows) or len(errors) != len(job.errors):
            job.rows, job.errors = rows, errors
            if job.status != m.ImportJob.State.IMPORTED:
                job.status = m.ImportJob.State.FAILED
            job.save(update_fields=["rows", "errors", "status"])


def read_student(user, pk) -> m.Student:
    """A student the user may see (404 otherwise); the read is logged."""
    students = visible_students(user).select_related("route", "leerweg", "profiel", "kwalificatie", "vo_school",
                                                     "mbo_institution")
    student = get_object_or_404(students, pk=pk)
    log_read(user, student)
    return student


def log_read(user, student: m.Student) -> None:
    m.AccessLog.objects.create(user=user, student_id=student.pk, route_id=student.route_id, action=m.AccessLog.Action.READ)


def log_reads(user, students) -> None:
    """A list that shows students by name counts as reading each of them."""
    m.AccessLog.objects.bulk_create(
        m.AccessLog(user=user, student_id=s.pk, route_id=s.route_id, action=m.AccessLog.Action.READ)
        for s in students)


def log_export(user, students) -> None:
    m.AccessLog.objects.bulk_create(
        m.AccessLog(user=user, student_id=s.pk, route_id=s.route_id, action=m.AccessLog.Action.EXPORT)
        for s in students)


def export(student: m.Student) -> dict:
    """Everything the product holds about one student (AVG inzage/dataportabiliteit)."""
    def rows(qs, *fields):
        return [{f: getattr(obj, f) if not f.endswith("__name") else str(getattr(obj, f[:-6]))
                 for f in fields} for obj in qs]

    return {
        "student": {f: getattr(student, f) for f in (
            "id", "first_name", "last_name", "date_of_birth", "vmbo_year_at_start", "cohort", "route_year",
            "status", "vmbo_diploma_on", "mbo_diploma_on", "left_on", "destination", "doorstroom_level",
            "glr_judgment_on", "glr_judgment_note")} | {
            "route": student.route.name, "leerweg": student.leerweg.code,
            "profiel": student.profiel.code if student.profiel else None,
            "kwalificatie": student.kwalificatie.code if student.kwalificatie else None,
            "national_key_present": bool(student.national_key),
            "vo_school": student.vo_school.brin if student.vo_school else None,
            "mbo_institution": student.mbo_institution.brin if student.mbo_institution else None},
        "student_numbers": [{"institution": n.institution.brin, "number": n.number} for n in student.numbers.all()],
        "enrolments": rows(student.enrolments.select_related("institution"), "school_year", "route_year", "start",
                           "end", "funded", "phase", "institution__name"),
        "events": rows(student.events.all(), "kind", "date", "school_year", "route_year", "destination", "detail"),
        "exam_parts": rows(student.exam_parts.all(), "sector", "kind", "name", "planned_route_year",
                           "actual_route_year", "result", "grade", "assessment", "result_on", "location"),
        "bpv": rows(student.bpv_periods.all(), "leerbedrijf", "recognised", "praktijkovereenkomst", "start", "end"),
        "access_log": [{"user": a.user.username, "action": a.action, "at": a.at}
                       for a in m.AccessLog.objects.filter(student_id=student.pk).select_related("user")],
    }


@transaction.atomic
def erase(student: m.Student, user) -> None:
    """Erase every record of the student, including the audit entries that hold its data; what stays
    is one access-log line (user, time, 'erase', the meaningless id)."""
    parts = {m.Student: [student.pk]}
    for model, related in ((m.StudentNumber, "numbers"), (m.Enrolment, "enrolments"), (m.Event, "events"),
                           (m.ExamPart, "exam_parts"), (m.BpvPeriod, "bpv_periods")):
        parts[model] = list(getattr(student, related).values_list("pk", flat=True))
    audit = Q(additional_data__student_id=student.pk)
    for model, pks in parts.items():
        audit |= Q(content_type=ContentType.objects.get_for_model(model), object_pk__in=[str(pk) for pk in pks])
    student_id, route_id = student.pk, student.route_id
    numbers = {n.number for n in student.numbers.all()}
    _purge_import_jobs(route_id, numbers, student.national_key)
    student.delete()
    LogEntry.objects.filter(audit).delete()
    m.AccessLog.objects.filter(student_id=student_id).exclude(action=m.AccessLog.Action.ERASE).delete()
    m.AccessLog.objects.create(user=user, student_id=student_id, route_id=route_id, action=m.AccessLog.Action.ERASE)
