"""Personal data: every read of a student's record is logged (who, when), a student's complete data
can be exported and erased on request; the erasure itself is recorded without personal data, in the
database and in a file outside it, and applied again after a restore (``reapply_erasures``)."""
import hashlib
import hmac
import json

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from apps.students.models import Student

from . import models as m


def _purge_import_jobs(route_id: int, numbers: set[str], national_key: str) -> None:
    """Import jobs keep the rows of a file until it is imported; the erased student's rows go."""
    markers = {*numbers, national_key} - {""}
    for job in m.ImportJob.objects.filter(route_id=route_id):
        rows = [row for row in job.rows if not markers & {str(cell) for cell in row}]
        errors = [e for e in job.errors if str(e.get("value")) not in markers]
        if len(rows) != len(job.rows) or len(errors) != len(job.errors):
            job.rows, job.errors = rows, errors
            if job.status != m.ImportJob.State.DONE:
                job.status = m.ImportJob.State.FAILED
            job.save(update_fields=["rows", "errors", "status"])


def read_student(user, pk) -> m.Student:
    """A student the user may see (404 otherwise); the read is logged."""
    students = Student.objects.visible_to(user).select_related("route", "leerweg", "profiel", "kwalificatie",
                                                               "vo_school", "mbo_institution")
    student = get_object_or_404(students, pk=pk)
    log_read(user, student)
    return student


def log_read(user, student: m.Student) -> None:
    m.AccessLog.objects.create(user=user, student_id=student.pk, route_id=student.route_id,
                               action=m.AccessLog.Action.READ)


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


def erasure_hash(value: str) -> str:
    """A keyed hash (HMAC-SHA256) for the erasure register: recognises a student number or national
    key again without holding it. Keyed with LEERROUTE_PSEUDONYM_KEY, or SECRET_KEY without one."""
    key = settings.LEERROUTE_PSEUDONYM_KEY or settings.SECRET_KEY
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).hexdigest()


def _markers(student: m.Student) -> list[str]:
    markers = [erasure_hash(f"{n.institution.brin}:{n.number}") for n in student.numbers.all()]
    if student.national_key:
        markers.append(erasure_hash(f"national:{student.national_key}"))
    return sorted(markers)


@transaction.atomic
def erase(student: m.Student, user, register: bool = True) -> None:
    """Erase every record of the student, including the audit entries that hold its data; what stays
    is one access-log line (user, time, 'erase', the meaningless id) and, with ``register``, an
    ErasureRecord without personal data, also appended to LEERROUTE_ERASURE_FILE (inside the
    transaction: when the file cannot be written, nothing is erased and the error shows)."""
    if register:
        record = m.ErasureRecord.objects.create(student_id=student.pk, route_id=student.route_id,
                                                number_hashes=_markers(student), erased_at=timezone.now(),
                                                erased_by_id=user.pk if user else None)
        _append(record)
    _erase(student, user)


def _erase(student: m.Student, user) -> None:
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
    logged = m.AccessLog.objects.filter(student_id=student_id)
    logged.exclude(action=m.AccessLog.Action.ERASE).delete()
    if user is not None and not logged.exists():   # erased again after a restore: one line stays
        m.AccessLog.objects.create(user=user, student_id=student_id, route_id=route_id,
                                   action=m.AccessLog.Action.ERASE)


# -- the erasure register, outside the database too -------------------------------------------------

FIELDS = ("student_id", "route_id", "number_hashes", "erased_at", "erased_by_id")


def _append(record: m.ErasureRecord) -> None:
    path = settings.LEERROUTE_ERASURE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    line = {f: getattr(record, f) for f in FIELDS} | {"erased_at": record.erased_at.isoformat()}
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(line, sort_keys=True) + "\n")
        out.flush()


def read_register_file(path) -> list[dict]:
    """The erasures kept in the file (none when it does not exist); a line that is not a record
    raises ValueError naming the line."""
    if not path.exists():
        return []
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            records.append({f: data[f] for f in FIELDS} | {"erased_at": parse_datetime(data["erased_at"])})
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}, regel {number}: geen wissing ({error}).") from None
    return records


def _found(record: m.ErasureRecord):
    """The students of the register entry in the database: the same id in the same route, or a
    student of that route with one of the erased numbers or national key (re-entered after a restore)."""
    same = list(m.Student.objects.filter(pk=record.student_id, route_id=record.route_id))
    markers = set(record.number_hashes)
    if markers:
        others = m.Student.objects.filter(route_id=record.route_id).exclude(pk=record.student_id)
        for student in others.prefetch_related("numbers__institution"):
            if markers & set(_markers(student)):
                same.append(student)
    return same


def reapply_erasures(path=None) -> tuple[int, int]:
    """Erase again every student of the erasure register still in the database (after a restore),
    the register being the records in the database and in the file together; records only in the
    file are put back in the database. Idempotent. Returns (students erased, records in the register)."""
    path = path or settings.LEERROUTE_ERASURE_FILE
    users = get_user_model().objects
    erased = 0
    with transaction.atomic():
        in_file = read_register_file(path)
        for data in in_file:
            m.ErasureRecord.objects.get_or_create(student_id=data["student_id"], route_id=data["route_id"],
                                                  defaults=data)
        records = list(m.ErasureRecord.objects.all())
        kept = {(data["student_id"], data["route_id"]) for data in in_file}
        for record in records:
            if (record.student_id, record.route_id) not in kept:
                _append(record)   # a record the file lost (or an older file): the file is complete again
        for record in records:
            found = _found(record)
            for student in found:
                _erase(student, users.filter(pk=record.erased_by_id).first() if record.erased_by_id else None)
            if found:
                record.reapplied_at = timezone.now()
                record.save(update_fields=["reapplied_at"])
                erased += len(found)
    return erased, len(records)
