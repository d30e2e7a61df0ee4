"""Use cases on students, shared by the interface, the API and the imports. Every change runs in a
transaction and is refused as a whole when a rule that guards it fails (RuleViolation)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.routes import compliance
from apps.routes.compliance import RuleViolation
from domain import facts
from domain.rules import blocking, evaluate_student, get_rule
from domain.teldatum import TeldatumResult, check_teldatum, school_year_label, school_year_of, teldatum, vo_part_open

from . import findings as rule_state
from . import models as m

__all__ = ["RuleViolation", "school_year_of"]


def year_start(school_year: int) -> date:
    return date(school_year, 8, 1)


def year_end(school_year: int) -> date:
    return date(school_year + 1, 7, 31)


def student_facts(student: m.Student, route: facts.Route | None = None) -> facts.Student:
    """The rules' view of a student; pass ``route`` (facts) when checking many students of one route."""
    if route is None:
        route = compliance.route_facts(student.route)
    route = facts.Route(**{**route.__dict__, "has_students": True})
    kwalificatie = student.kwalificatie
    return facts.Student(
        key=str(student.pk or "nieuw"),
        route=route,
        leerweg=student.leerweg.code,
        vmbo_year_at_start=student.vmbo_year_at_start,
        cohort=student.cohort,
        kwalificatie=facts.Kwalificatie(kwalificatie.code, kwalificatie.name, kwalificatie.level) if kwalificatie else None,
        enrolments=tuple(
            facts.Enrolment(brin=e.institution.brin, role=_role(student, e.institution_id), school_year=e.school_year,
                            route_year=e.route_year, start=e.start, end=e.end, funded=e.funded, phase=e.phase)
            for e in student.enrolments.all()),
        exam_parts=tuple(
            facts.ExamPart(name=p.name, sector=p.sector, kind=p.kind, planned_route_year=p.planned_route_year,
                           actual_route_year=p.actual_route_year, result=p.result, integrated=p.integrated)
            for p in student.exam_parts.all()),
        bpv=tuple(facts.BpvPeriod(leerbedrijf=b.leerbedrijf, recognised=b.recognised,
                                  praktijkovereenkomst=b.praktijkovereenkomst, start=b.start, end=b.end)
                  for b in student.bpv_periods.all()),
        vmbo_diploma_on=student.vmbo_diploma_on,
        glr_judgment_on=student.glr_judgment_on,
        active=student.status == m.Status.ACTIEF,
    )


def _role(student: m.Student, institution_id: int) -> str:
    roles = {p.institution_id: p.role for p in student.route.partners.all()}
    return roles.get(institution_id, "mbo")


def evaluate(student: m.Student) -> list:
    return evaluate_student(student_facts(student), compliance.rule_settings())


def _guarded(apply, action: str | None):
    """Run ``apply`` (returns the student) in a transaction; roll back if a rule guarding ``action``
    fails (``action`` None: nothing guards the change, e.g. recording that a student left)."""
    with transaction.atomic():
        student = apply()
        student = m.Student.objects.prefetch_related(*PREFETCH).get(pk=student.pk)
        findings = evaluate(student)
        blocked = blocking(findings, action) if action else []
        if blocked:
            raise RuleViolation(blocked)
        rule_state.record(student, findings)      # the student's failing rules ...
        compliance.refresh(student.route)         # ... count in the route's stored state
    return student, findings


PREFETCH = ["enrolments__institution", "exam_parts", "bpv_periods", "route__partners"]


def partner(route, role: str, student: m.Student | None = None):
    """The student's own institution of the route in that role: where the student was last enrolled
    in that role, else where the student has a student number, else the route's first such partner
    (a route may have several vo-schools or mbo colleges)."""
    institutions = [p.institution for p in route.partners.select_related("institution") if p.role == role]
    if student is not None and student.pk and institutions:
        ids = {i.pk: i for i in institutions}
        enrolled = (student.enrolments.filter(institution__in=ids).order_by("-school_year", "-funded")
                    .values_list("institution", flat=True).first())
        numbered = student.numbers.filter(institution__in=ids).values_list("institution", flat=True).first()
        if enrolled or numbered:
            return ids[enrolled or numbered]
    return institutions[0] if institutions else None


def enrolments_for_year(student: m.Student, school_year: int, route_year: int) -> list[m.Enrolment]:
    """The enrolments a student needs in a school year (R-10, R-11): one funded enrolment at the
    phase's partner; in the last vo-fase year of a legal route an unfunded mbo enrolment (mbo content
    starts, as in the Calvijn practice); in mbo-fase of a DLR without vmbo diploma an unfunded vo
    enrolment while vmbo exam parts are open and at most until route year 3."""
    route = student.route
    phase = student.phase_in(route_year)
    start, end = year_start(school_year), year_end(school_year)
    vo, mbo = partner(route, "vo", student), partner(route, "mbo", student)
    rows = [m.Enrolment(student=student, institution=vo if phase == "vo" else mbo, school_year=school_year,
                        route_year=route_year, start=start, end=end, funded=True, phase=phase)]
    if route.is_legal_route and phase == "vo" and route_year == student.vo_phase_years and mbo:
        rows.append(m.Enrolment(student=student, institution=mbo, school_year=school_year, route_year=route_year,
                                start=start, end=end, funded=False, phase=phase))
    open_vmbo = student.pk is None or vo_part_open(student_facts(student), teldatum(school_year))
    if route.type == "doorlopend" and phase == "mbo" and route_year <= 3 and open_vmbo and vo:
        rows.append(m.Enrolment(student=student, institution=vo, school_year=school_year, route_year=route_year,
                                start=start, end=end, funded=False, phase=phase))
    return [row for row in rows if row.institution is not None]


def enrol(student: m.Student, numbers: dict, user, on: date | None = None):
    """Put a new student in a route: the record, local student numbers (institution -> number), the
    enrolments of route year 1 and the instroom event. Refused when a rule guarding enrolment fails."""
    on = on or year_start(student.cohort)

    def apply():
        student.route_year = student.route_year or 1
        student.vo_school = student.vo_school or partner(student.route, "vo", student)
        student.mbo_institution = student.mbo_institution or partner(student.route, "mbo", student)
        student.save()
        for institution, number in numbers.items():
            if number:
                m.StudentNumber.objects.create(student=student, institution=institution, number=number)
        school_year = student.cohort + student.route_year - 1
        save_all(enrolments_for_year(student, school_year, student.route_year))
        m.Event.objects.create(student=student, kind=m.EventKind.INSTROOM, date=on, school_year=school_year,
                               route_year=student.route_year, kwalificatie=student.kwalificatie, recorded_by=user)
        return student

    return _guarded(apply, "student.enrol")


class PathError(ValueError):
    """An event that the student's path does not allow."""


def save_all(records) -> None:
    """Save one by one, so that every record goes through the audit trail (no bulk writes here)."""
    for record in records:
        record.save()


def end_enrolments(student: m.Student, on: date) -> None:
    """The student leaves the route or graduates on ``on``: running enrolments end that day and
    enrolments that had not started yet are removed (each change audited)."""
    for enrolment in student.enrolments.all():
        if enrolment.start > on:
            enrolment.delete()
        elif enrolment.end is None or enrolment.end > on:
            enrolment.end = on
            enrolment.save(update_fields=["end"])


def update_student(form):
    """Correct a student's own data (AVG: rectification); checked like an enrolment (R-03, R-05, R-17)."""
    return _guarded(form.save, "student.enrol")


def current_school_year(student: m.Student) -> int:
    enrolment = student.enrolments.order_by("-school_year").first()
    return enrolment.school_year if enrolment else student.cohort + student.route_year - 1


def record_event(student: m.Student, kind: str, on: date, user, kwalificatie=None, destination="",
                 detail="", doorstroom_level=""):
    """Record an event on the student's path and keep the summary fields in step. A switch of
    uitstroomrichting is checked like an enrolment (R-05). Raises PathError for an event the path
    does not allow (after leaving the route, a diploma with mbo parts open)."""
    if student.status == m.Status.UITGESTROOMD:
        raise PathError(_("De leerling heeft de route verlaten; er kan geen gebeurtenis meer bij."))
    if student.status == m.Status.GEDIPLOMEERD and kind != m.EventKind.DOORSTROOM:
        raise PathError(_("Na het mbo-diploma kan alleen de doorstroom nog worden vastgelegd."))
    if kind == m.EventKind.MBO_DIPLOMA and not diploma_status(student)["mbo_diploma"]:
        raise PathError(_("Het mbo-diploma vraagt dat alle mbo-examenonderdelen behaald zijn."))
    if kind == m.EventKind.SWITCH and not student.route.uitstroomrichtingen.filter(kwalificatie=kwalificatie).exists():
        raise PathError(_("Kies een uitstroomrichting van deze route."))

    def apply():
        school_year = school_year_of(on)
        m.Event.objects.create(student=student, kind=kind, date=on, school_year=school_year,
                               route_year=student.route_year, kwalificatie=kwalificatie, destination=destination,
                               detail=detail[:300], recorded_by=user)
        if kind == m.EventKind.SWITCH and kwalificatie:
            student.kwalificatie = kwalificatie
        elif kind == m.EventKind.VMBO_DIPLOMA:
            student.vmbo_diploma_on = on
        elif kind == m.EventKind.MBO_DIPLOMA:
            student.mbo_diploma_on, student.mbo_diploma_route_year = on, student.route_year
            student.status = m.Status.GEDIPLOMEERD
            end_enrolments(student, on)
        elif kind == m.EventKind.UITSTROOM:
            student.left_on, student.left_route_year = on, student.route_year
            student.destination, student.status = destination or m.Destination.GEEN, m.Status.UITGESTROOMD
            end_enrolments(student, on)
        elif kind == m.EventKind.DOORSTROOM:
            student.doorstroom_level = doorstroom_level
        student.save()
        return student

    return _guarded(apply, "student.enrol" if kind == m.EventKind.SWITCH else None)


# --- cohort promotion --------------------------------------------------------------------------

PROMOTE, REPEAT, LEAVE = "overgang", "doublure", "uitstroom"


@dataclass
class PromotionRow:
    student: m.Student
    action: str                  # overgang | doublure | uitstroom
    destination: str = ""
    school_year: int | None = None
    next_route_year: int | None = None
    enrolments: tuple = ()       # (institution name, funded, phase) of the next school year
    problems: tuple = ()         # rule messages that would block this student's promotion


def promote_cohort(route, cohort: int, exceptions: dict, user, apply: bool = False) -> list[PromotionRow]:
    """Move every active student of a cohort to the next school year in one step.

    ``exceptions``: student id -> (action, destination) for doublure or uitstroom. With ``apply``
    False nothing is saved: the rows are the preview. With ``apply`` True all students move in one
    transaction; if any student's move breaks a rule nothing is saved (RuleViolation)."""
    students = list(route.students.filter(cohort=cohort, status=m.Status.ACTIEF)
                    .select_related("route", "leerweg", "kwalificatie").prefetch_related(*PREFETCH))
    route_facts, settings = compliance.route_facts(route), compliance.rule_settings()  # once, not per student
    rows = []
    with transaction.atomic():
        for student in students:
            action, destination = exceptions.get(student.pk, (PROMOTE, ""))
            school_year = current_school_year(student) + 1
            row = PromotionRow(student, action, destination, school_year)
            # Promote into a school year that starts within three months, and only once.
            if school_year > school_year_of(today() + timedelta(days=92)) or \
                    student.enrolments.filter(school_year=school_year).exists():
                row.problems = (_("%(name)s staat al in schooljaar %(year)s; schooljaar %(next)s is nog niet aan "
                                  "de beurt of al gevuld.") % {"name": student, "year": school_year_label(school_year - 1),
                                                               "next": school_year_label(school_year)},)
                rows.append(row)
                continue
            if action == LEAVE:
                record_event(student, m.EventKind.UITSTROOM, year_end(school_year - 1), user,
                             destination=destination)
            else:
                if action == PROMOTE:
                    student.route_year += 1
                    student.save(update_fields=["route_year", "updated"])
                event = m.EventKind.OVERGANG if action == PROMOTE else m.EventKind.DOUBLURE
                m.Event.objects.create(student=student, kind=event, date=year_start(school_year),
                                       school_year=school_year, route_year=student.route_year, recorded_by=user)
                new = enrolments_for_year(student, school_year, student.route_year)
                save_all(new)
                row.next_route_year = student.route_year
                row.enrolments = tuple((e.institution.name, e.funded, e.get_phase_display()) for e in new)
                fresh = m.Student.objects.prefetch_related(*PREFETCH).get(pk=student.pk)
                findings = evaluate_student(student_facts(fresh, route_facts), settings)
                rule_state.record(fresh, findings)
                row.problems = tuple(f"{f.rule}: {f.message}" for f in blocking(findings, "student.enrol"))
            rows.append(row)
        blocked = [p for row in rows for p in row.problems]
        if not apply:
            transaction.set_rollback(True)
        elif blocked:
            raise RuleViolation([])  # the caller shows the rows' problems
        else:
            compliance.refresh(route)
    return rows


# --- teldatum and diploma ----------------------------------------------------------------------

def teldatum_check(route, day: date):
    """Per student of the route enrolled in the school year of ``day``: who should be funded on that
    1 October and which rules fail. An active student of the route without any enrolment in that
    school year is listed too: nobody is funded for them (R-10)."""
    route_facts = compliance.route_facts(route)
    school_year = school_year_of(day)
    enrolled = Q(enrolments__school_year=school_year)
    missing = Q(status=m.Status.ACTIEF, cohort__lte=school_year) & ~Q(
        pk__in=m.Enrolment.objects.filter(school_year=school_year).values("student"))
    students = (route.students.filter(enrolled | missing).distinct()
                .select_related("route", "leerweg", "kwalificatie")
                .prefetch_related(*PREFETCH, Prefetch("numbers", queryset=m.StudentNumber.objects.all())))
    results = []
    for s in students:
        if any(e.school_year == school_year for e in s.enrolments.all()):
            results.append((s, check_teldatum(student_facts(s, route_facts), day, compliance.rule_settings())))
        else:
            phase = s.phase_in(s.route_year)
            expected = partner(route, phase, s)
            results.append((s, TeldatumResult(
                student=str(s.pk), route_year=None, phase=phase,
                funded_institution=expected.brin if expected else None, funded_actual=(), violations=("R-10",),
                messages=(_("De leerling is actief in de route maar heeft geen inschrijving in schooljaar %(y)s; "
                            "op 1 oktober is niemand bekostigd.") % {"y": school_year_label(school_year)},))))
    return results


def diploma_status(student: m.Student) -> dict:
    """What each diploma still needs. mbo: every mbo part passed; vmbo: every vmbo part passed,
    unless the route is a GLR without vmbo diploma and the student is BB (then a cijferlijst)."""
    parts = list(student.exam_parts.all())
    mbo_open = [p.name for p in parts if p.sector == "mbo" and p.result != "passed"]
    vmbo_open = [p.name for p in parts if p.sector == "vmbo" and p.result != "passed"]
    glr = not student.route.vmbo_diploma and student.leerweg.code == "BB"
    return {
        "mbo_diploma": bool(parts) and any(p.sector == "mbo" for p in parts) and not mbo_open,
        "mbo_open": mbo_open,
        "vmbo_required": not glr,
        "vmbo_diploma": (not glr) and any(p.sector == "vmbo" for p in parts) and not vmbo_open,
        "vmbo_open": vmbo_open,
        "cijferlijst": glr,
    }


def today():
    return timezone.localdate()


# --- exam plan and BPV -------------------------------------------------------------------------

def _save_part(student: m.Student, form, action: str):
    def apply():
        record = form.save(commit=False)
        record.student = student
        record.save()
        return student

    return _guarded(apply, action)


def save_exam_part(student: m.Student, form):
    """Add or change an exam part; R-04 refuses a vmbo part planned after route year 3."""
    return _save_part(student, form, "student.exam")


def save_bpv(student: m.Student, form):
    """Add a BPV period; R-19 refuses one that is not at a recognised leerbedrijf with a praktijkovereenkomst."""
    return _save_part(student, form, "student.bpv")


def vmbo_deadline(student: m.Student) -> date:
    """R-04: the end of route year 3 (a doublure moves it a year on)."""
    return year_end(current_school_year(student) - student.route_year + 3)


def open_vmbo_parts(route, months: int = 6):
    """Open vmbo exam parts of active students whose R-04 deadline is within ``months`` or passed."""
    horizon = today()
    horizon = date(horizon.year + (horizon.month + months - 1) // 12, (horizon.month + months - 1) % 12 + 1, 1)
    parts = (m.ExamPart.objects.filter(student__route=route, student__status=m.Status.ACTIEF, sector="vmbo")
             .exclude(result="passed").select_related("student", "examiner"))
    rows = [(part, vmbo_deadline(part.student)) for part in parts]
    return sorted([(part, deadline) for part, deadline in rows if deadline <= horizon], key=lambda r: r[1])


def responsible_parties(student: m.Student) -> list[tuple[str, str]]:
    """(task, institution) for the student's current phase: the phase's partner unless the route
    agreed otherwise (e.g. the vo-school reports VSV for the whole route)."""
    from apps.routes.models import Task, responsible_roles

    roles = responsible_roles(student.route, student.phase_in(student.route_year))
    institutions = {"vo": partner(student.route, "vo"), "mbo": partner(student.route, "mbo", student)}
    return [(label, institutions[roles[task]].name if institutions[roles[task]] else "—")
            for task, label in Task.choices]


def student_findings(route) -> dict[str, list]:
    """Per student rule, the (student, finding) pairs of the route's active students that fail it."""
    route_facts = compliance.route_facts(route)
    settings = compliance.rule_settings()
    found: dict[str, list] = {}
    students = (route.students.filter(status=m.Status.ACTIEF).select_related("route", "leerweg", "kwalificatie")
                .prefetch_related(*PREFETCH))
    for student in students:
        for finding in evaluate_student(student_facts(student, route_facts), settings):
            if finding.status != "passed" and "student" in get_rule(finding.rule).subjects:
                found.setdefault(finding.rule, []).append((student, finding))
    return dict(sorted(found.items()))
