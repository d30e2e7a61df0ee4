"""Use cases on students, shared by the interface, the API and the imports. Every change runs in a
transaction and is refused as a whole when a rule that guards it fails (RuleViolation)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import F, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.routes import compliance
from apps.routes.compliance import RuleViolation
from domain import facts
from domain import path as core
from domain.calendar import school_year_label, school_year_of, teldatum, year_end, year_start
from domain.path import PathError
from domain.rules import blocking, evaluate_student, get_rule
from domain.teldatum import TeldatumResult, check_teldatum

from . import exam_plan
from . import findings as rule_state
from . import models as m

__all__ = ["PathError", "RuleViolation", "school_year_of", "year_end", "year_start"]


def student_facts(student: m.Student, route: facts.Route | None = None) -> facts.Student:
    """The rules' view of a student; pass ``route`` (facts) when checking many students of one route.
    An unsaved student has no enrolments, exam parts or BPV yet."""
    if route is None:
        route = compliance.route_facts(student.route)
    route = facts.Route(**{**route.__dict__, "has_students": True})
    kwalificatie = student.kwalificatie
    saved = student.pk is not None
    roles = {p.institution_id: p.role for p in student.route.partners.all()}
    return facts.Student(
        key=str(student.pk or "nieuw"),
        route=route,
        leerweg=student.leerweg.code,
        vmbo_year_at_start=student.vmbo_year_at_start,
        cohort=student.cohort,
        kwalificatie=facts.Kwalificatie(kwalificatie.code, kwalificatie.name, kwalificatie.level) if kwalificatie else None,
        enrolments=tuple(
            facts.Enrolment(brin=e.institution.brin, role=roles.get(e.institution_id, "mbo"),
                            school_year=e.school_year, route_year=e.route_year, start=e.start, end=e.end,
                            funded=e.funded, phase=e.phase)
            for e in (student.enrolments.all() if saved else ())),
        exam_parts=tuple(
            facts.ExamPart(name=p.name, sector=p.sector, kind=p.kind, planned_route_year=p.planned_route_year,
                           actual_route_year=p.actual_route_year, result=p.result, integrated=p.integrated,
                           result_on=p.result_on)
            for p in (student.exam_parts.all() if saved else ())),
        bpv=tuple(facts.BpvPeriod(leerbedrijf=b.leerbedrijf, recognised=b.recognised,
                                  praktijkovereenkomst=b.praktijkovereenkomst, start=b.start, end=b.end)
                  for b in (student.bpv_periods.all() if saved else ())),
        vmbo_diploma_on=student.vmbo_diploma_on,
        glr_judgment_on=student.glr_judgment_on,
        active=student.status == m.Status.ACTIEF,
        vo_brin=student.vo_school.brin if student.vo_school_id else "",
        mbo_brin=student.mbo_institution.brin if student.mbo_institution_id else "",
    )


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


def own_institution(student: m.Student, side: str):
    """The student's own institution on a side ("vo" | "mbo"), as the core decides it
    (``domain.path.own_brin``): their own vo-school or mbo when it is a partner of that side, else the
    route's first partner of that side."""
    partners = {p.institution.brin: p.institution
                for p in student.route.partners.select_related("institution") if p.role == side}
    own = student.vo_school if side == "vo" else student.mbo_institution
    brin = core.own_brin(own.brin if own else "", list(partners))
    return partners.get(brin, own)


def enrolments_for_year(student: m.Student, school_year: int, route_year: int, start: date | None = None,
                        end: date | None = None) -> list[m.Enrolment]:
    """The enrolments (unsaved) a student needs in a stretch of a school year, as the core decides them
    (``domain.path.required_enrolments``): one funded enrolment at the phase's side (R-10), the unfunded
    ones of the route's enrolment pattern, and the R-11 enrolment at the vo-school."""
    period = core.Period(school_year, route_year, start or year_start(school_year), end)
    return _enrolments(student, core.required_enrolments(student_facts(student), period))


def _enrolments(student: m.Student, rows) -> list[m.Enrolment]:
    """Unsaved Enrolment records for the core's required enrolments, at the student's own institutions."""
    institutions = {side: own_institution(student, side) for side in ("vo", "mbo")}
    return [m.Enrolment(student=student, institution=institutions[row.side], school_year=row.school_year,
                        route_year=row.route_year, start=row.start, end=row.end, funded=row.funded, phase=row.phase)
            for row in rows if institutions[row.side] is not None]


# --- the path: events replayed by the core -------------------------------------------------------

def path_event(event: m.Event) -> core.PathEvent:
    return core.PathEvent(kind=event.kind, date=event.date, route_year=event.route_year,
                          kwalificatie=event.kwalificatie.code if event.kwalificatie_id else "",
                          destination=event.destination, key=str(event.pk or "nieuw"))


def replay(events) -> core.PathState:
    """The path the events give; PathError names the first event the path does not allow."""
    return core.replay([path_event(e) for e in events])


ENTRY_KINDS = (m.EventKind.INSTROOM, m.EventKind.ZIJ_INSTROOM, m.EventKind.TERUGKEER)
# Events that change where the student is (and so which enrolments the student needs); the vmbo diploma
# ends the R-11 enrolment at the vo-school.
PATH_KINDS = (*ENTRY_KINDS, m.EventKind.OVERGANG, m.EventKind.DOUBLURE, m.EventKind.UITSTROOM,
              m.EventKind.MBO_DIPLOMA, m.EventKind.VMBO_DIPLOMA)


def rederive(student: m.Student, from_school_year: int | None = None, enrolments: bool = True) -> core.PathState:
    """Derive everything the events decide: the summary fields (route year, status, diploma, leaving,
    zij-instroom, uitstroomrichting) and, with ``enrolments``, the enrolments of ``from_school_year`` on
    (all when None), which are replaced by what the route's enrolment pattern gives for the path (each
    change audited). Earlier school years stay as they are."""
    events = list(student.events.select_related("kwalificatie"))
    state = replay(events)
    by_code = {e.kwalificatie.code: e.kwalificatie for e in events if e.kwalificatie_id}
    student.route_year, student.status = state.route_year, state.status
    student.entry_route_year, student.zij_instroom = state.entry_route_year, state.zij_instroom
    student.vmbo_diploma_on = state.vmbo_diploma_on
    student.mbo_diploma_on, student.mbo_diploma_route_year = state.mbo_diploma_on, state.mbo_diploma_route_year
    student.left_on, student.left_route_year = state.left_on, state.left_route_year
    student.destination = state.destination
    if state.kwalificatie in by_code:
        student.kwalificatie = by_code[state.kwalificatie]
    student.save()
    if not enrolments:
        return state
    first = from_school_year if from_school_year is not None else state.periods[0].school_year
    fresh = m.Student.objects.select_related("vo_school", "mbo_institution", "leerweg", "kwalificatie", "route") \
        .prefetch_related(*PREFETCH).get(pk=student.pk)
    needed = [e for e in _enrolments(fresh, core.required_for_path(student_facts(fresh), state))
              if e.school_year >= first]
    # Keep what already matches, remove the rest, add what is missing (each change audited).
    key = lambda e: (e.institution_id, e.school_year, e.route_year, e.start, e.end, e.funded, e.phase)  # noqa: E731
    wanted = {key(e) for e in needed}
    kept = set()
    for enrolment in student.enrolments.filter(school_year__gte=first):
        if key(enrolment) in wanted and key(enrolment) not in kept:
            kept.add(key(enrolment))
        else:
            enrolment.delete()
    save_all(e for e in needed if key(e) not in kept)
    return state


def enrol(student: m.Student, numbers: dict, user, on: date | None = None, origin: str = ""):
    """Put a new student in a route: the record, local student numbers (institution -> number), the
    instroom event (zij-instroom when the student enters a later route year: ``student.entry_route_year``,
    joining the cohort of the group they enter) and the enrolments the route's pattern gives. Refused
    when a rule guarding enrolment fails."""
    entry = student.entry_route_year or 1
    school_year = student.cohort + entry - 1
    on = on or year_start(school_year)

    def apply():
        if student.vo_school_id is None or student.mbo_institution_id is None:
            own_by_number(student, numbers)
        student.route_year, student.zij_instroom = entry, entry > 1
        student.save()
        for institution, number in numbers.items():
            if number:
                m.StudentNumber.objects.create(student=student, institution=institution, number=number)
        kind = m.EventKind.ZIJ_INSTROOM if entry > 1 else m.EventKind.INSTROOM
        m.Event.objects.create(student=student, kind=kind, date=on, school_year=school_year_of(on),
                               route_year=entry, kwalificatie=student.kwalificatie, origin=origin,
                               recorded_by=user)
        exam_plan.plan_from_template(student)  # the mbo plan (kwalificatie known) and the vmbo plan
        rederive(student)
        return student

    return _guarded(apply, "student.enrol")


def own_by_number(student: m.Student, numbers: dict) -> None:
    """A new student's own vo-school and mbo, where not chosen: the partner of that side that gave the
    student a number, else the route's first partner of that side."""
    partners = list(student.route.partners.select_related("institution"))
    for side, field in (("vo", "vo_school"), ("mbo", "mbo_institution")):
        if getattr(student, f"{field}_id") is None:
            of_side = [p.institution for p in partners if p.role == side]
            numbered = [i for i in of_side if numbers.get(i)]
            setattr(student, field, (numbered or of_side or [None])[0])


def save_all(records) -> None:
    """Save one by one, so that every record goes through the audit trail (no bulk writes here)."""
    for record in records:
        record.save()


def update_student(form):
    """Correct a student's own data (AVG: rectification); checked like an enrolment (R-03, R-05, R-17).
    A corrected own school or vmbo leerjaar at the start changes the enrolments: they are derived again."""
    path_fields = {"vo_school", "mbo_institution", "vmbo_year_at_start"}

    def apply():
        student = form.save()
        if path_fields & set(form.changed_data):
            rederive(student)
        return student

    return _guarded(apply, "student.enrol")


def current_school_year(student: m.Student) -> int:
    enrolment = student.enrolments.order_by("-school_year").first()
    return enrolment.school_year if enrolment else student.cohort + student.route_year - 1


def _check_event(student: m.Student, kind: str, kwalificatie) -> None:
    """What the register (not the order of events) decides about a new event."""
    if kind == m.EventKind.MBO_DIPLOMA and not (status := diploma_status(student))["mbo_diploma"]:
        raise PathError(_("Het mbo-diploma vraagt dat alle vereiste mbo-examenonderdelen behaald zijn. Nog nodig: "
                          "%(missing)s.") % {"missing": "; ".join(x["label"] for x in status["mbo_missing"])})
    if kind == m.EventKind.SWITCH and not student.route.uitstroomrichtingen.filter(kwalificatie=kwalificatie).exists():
        raise PathError(_("Kies een uitstroomrichting van deze route."))
    if kind in (m.EventKind.INSTROOM, m.EventKind.ZIJ_INSTROOM):
        raise PathError(_("Instroom en zij-instroom worden vastgelegd bij het inschrijven van de leerling."))


def record_event(student: m.Student, kind: str, on: date, user, kwalificatie=None, destination="",
                 detail="", doorstroom_level="", route_year: int | None = None, origin: str = ""):
    """Record an event on the student's path. The events are replayed in date order with the new one
    (PathError names the event the path does not allow: anything but terugkeer after leaving, anything
    but doorstroom after the diploma, a diploma with required parts open); then everything after it
    is derived again (route year, status, enrolments). A switch of uitstroomrichting is checked like
    an enrolment (R-05); ``route_year`` is the route year a terugkeer enters (default: the one left)."""
    _check_event(student, kind, kwalificatie)
    event = m.Event(student=student, kind=kind, date=on, school_year=school_year_of(on),
                    route_year=route_year or student.route_year, kwalificatie=kwalificatie,
                    destination=destination, origin=origin, detail=detail[:300], recorded_by=user)
    if kind == m.EventKind.TERUGKEER and route_year is None:
        event.route_year = student.left_route_year or student.route_year
    replay([*student.events.select_related("kwalificatie"), event])

    def apply():
        event.save()
        if kind == m.EventKind.DOORSTROOM:
            student.doorstroom_level = doorstroom_level
        rederive(student, school_year_of(on), enrolments=kind in PATH_KINDS)
        if kind == m.EventKind.SWITCH and kwalificatie and not student.exam_parts.filter(sector="mbo").exists():
            exam_plan.plan_from_template(student, sectors=("mbo",))  # uitstroomrichting chosen: its mbo plan
        return student

    return _guarded(apply, "student.enrol" if kind in (m.EventKind.SWITCH, m.EventKind.TERUGKEER) else None)


def change_event(event: m.Event, user, on: date | None = None, detail: str | None = None,
                 destination: str | None = None, route_year: int | None = None):
    """Correct an event: its date, the destination of an uitstroom, the route year an instroom,
    zij-instroom or terugkeer entered, the note. The path is replayed with the correction first; a path
    it breaks is refused with a PathError naming the conflict. When the date or the route year entered
    changed, everything from the earlier of the old and new school year on is derived again."""
    student = event.student
    before = (event.date, event.route_year)
    if on is not None:
        event.date, event.school_year = on, school_year_of(on)
    if destination is not None and event.kind == m.EventKind.UITSTROOM:
        event.destination = destination
    if route_year is not None and event.kind in ENTRY_KINDS:
        event.route_year = route_year
    if detail is not None:
        event.detail = detail[:300]
    others = [e for e in student.events.select_related("kwalificatie") if e.pk != event.pk]
    replay([*others, event])
    if event.kind in (m.EventKind.INSTROOM, m.EventKind.ZIJ_INSTROOM):
        # the student joins the cohort of the group entered
        student.cohort = event.school_year - event.route_year + 1
    moved = (event.date, event.route_year) != before

    def apply():
        event.save()
        rederive(student, min(school_year_of(before[0]), event.school_year),
                 enrolments=moved and event.kind in PATH_KINDS)
        return student

    return _guarded(apply, "student.enrol")


def remove_event(event: m.Event, user):
    """Remove an event recorded by mistake. Refused (PathError) when the path without it breaks (the
    instroom itself, an uitstroom a terugkeer follows, ...); else everything from its school year on is
    derived again."""
    student = event.student
    if event.kind in (m.EventKind.INSTROOM, m.EventKind.ZIJ_INSTROOM):
        raise PathError(_("De instroom is het begin van het pad en kan niet worden verwijderd; corrigeer de datum "
                          "of wis de leerling."))
    replay([e for e in student.events.select_related("kwalificatie") if e.pk != event.pk])

    def apply():
        school_year, kind = event.school_year, event.kind
        event.delete()
        rederive(student, school_year, enrolments=kind in PATH_KINDS)
        return student

    return _guarded(apply, None)


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


def promote_cohort(route, cohort: int, exceptions: dict, user, apply: bool = False, within=None) -> list[PromotionRow]:
    """Move every active student of a cohort to the next school year in one step.

    ``exceptions``: student id -> (action, destination) for doublure or uitstroom. With ``apply``
    False nothing is saved: the rows are the preview. With ``apply`` True all students move in one
    transaction; if any student's move breaks a rule nothing is saved (RuleViolation)."""
    students = list((route.students if within is None else within).filter(cohort=cohort, status=m.Status.ACTIEF)
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
                try:
                    record_event(student, m.EventKind.UITSTROOM, year_end(school_year - 1), user,
                                 destination=destination)
                except PathError as error:
                    row.problems = (f"{student}: {error}",)
            else:
                event = m.EventKind.OVERGANG if action == PROMOTE else m.EventKind.DOUBLURE
                m.Event.objects.create(student=student, kind=event, date=year_start(school_year),
                                       school_year=school_year, route_year=student.route_year + (action == PROMOTE),
                                       recorded_by=user)
                rederive(student, school_year)
                new = student.enrolments.filter(school_year=school_year).select_related("institution")
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
    1 October and which rules fail. An active student who entered the route by that school year but has no
    enrolment in it or later (not yet moved into it) is listed too: nobody is funded for them (R-10)."""
    route_facts = compliance.route_facts(route)
    school_year = school_year_of(day)
    enrolled = Q(enrolments__school_year=school_year)
    missing = Q(status=m.Status.ACTIEF, cohort__lte=school_year + 1 - F("entry_route_year")) & ~Q(
        pk__in=m.Enrolment.objects.filter(school_year__gte=school_year).values("student"))
    students = (route.students.filter(enrolled | missing).distinct()
                .select_related("route", "leerweg", "kwalificatie")
                .prefetch_related(*PREFETCH, Prefetch("numbers", queryset=m.StudentNumber.objects.all())))
    results = []
    for s in students:
        if any(e.school_year == school_year for e in s.enrolments.all()):
            results.append((s, check_teldatum(student_facts(s, route_facts), day, compliance.rule_settings())))
        else:
            phase = s.phase_in(s.route_year)
            expected = own_institution(s, phase)
            results.append((s, TeldatumResult(
                student=str(s.pk), route_year=None, phase=phase,
                funded_institution=expected.brin if expected else None, funded_actual=(), violations=("R-10",),
                messages=(_("De leerling is actief in de route maar heeft geen inschrijving in schooljaar %(y)s; "
                            "op 1 oktober is niemand bekostigd.") % {"y": school_year_label(school_year)},))))
    return results


def diploma_status(student: m.Student, cache: dict | None = None) -> dict:
    """What each diploma still needs, compared with what is required (see exam_plan)."""
    return exam_plan.diploma_status(student, cache)


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


def vmbo_deadlines(students) -> dict[int, date | None]:
    """R-04 per student (id -> deadline): the end of the student's first mbo-fase school year (a doublure in
    the vo-fase moves it), from the route years of their enrolments, in one query."""
    students = list(students)
    years: dict[int, dict[int, int]] = {s.pk: {} for s in students}
    for student_id, school_year, route_year in m.Enrolment.objects.filter(student__in=students).values_list(
            "student_id", "school_year", "route_year"):
        years[student_id][school_year] = route_year
    result = {}
    for s in students:
        first = core.first_mbo_year(s.vmbo_year_at_start, years[s.pk])
        result[s.pk] = year_end(first) if first is not None else None
    return result


def vmbo_deadline(student: m.Student) -> date | None:
    return vmbo_deadlines([student])[student.pk]


def choice_deadline(student: m.Student) -> date | None:
    """The last day the student's uitstroomrichting may stay open (None: chosen at the start)."""
    return core.choice_deadline(student_facts(student))


def open_vmbo_parts(route, months: int = 6):
    """Open vmbo exam parts of active students whose R-04 deadline is within ``months`` or passed."""
    horizon = today()
    horizon = date(horizon.year + (horizon.month + months - 1) // 12, (horizon.month + months - 1) % 12 + 1, 1)
    parts = list(m.ExamPart.objects.filter(student__route=route, student__status=m.Status.ACTIEF, sector="vmbo")
                 .exclude(result="passed").select_related("student", "examiner"))
    deadlines = vmbo_deadlines({p.student_id: p.student for p in parts}.values())
    rows = [(part, deadlines[part.student_id]) for part in parts]
    return sorted([(part, deadline) for part, deadline in rows if deadline and deadline <= horizon],
                  key=lambda r: r[1])


def responsible_parties(student: m.Student) -> list[tuple[str, str]]:
    """(task, institution) for the student's current phase: the phase's partner unless the route
    agreed otherwise (e.g. the vo-school reports VSV for the whole route)."""
    from apps.routes.models import Task, responsible_roles

    roles = responsible_roles(student.route, student.phase_in(student.route_year))
    institutions = {side: own_institution(student, side) for side in ("vo", "mbo")}
    return [(label, institutions[roles[task]].name if institutions[roles[task]] else "—")
            for task, label in Task.choices]


def student_findings(route) -> dict[str, list]:
    """Per student rule, the (student, finding) pairs of the route's active students that fail it; each
    student's state is kept on the way (so the route's stored summary matches what this lists)."""
    route_facts = compliance.route_facts(route)
    settings = compliance.rule_settings()
    found: dict[str, list] = {}
    students = (route.students.filter(status=m.Status.ACTIEF).select_related("route", "leerweg", "kwalificatie")
                .prefetch_related(*PREFETCH))
    for student in students:
        evaluated = evaluate_student(student_facts(student, route_facts), settings)
        rule_state.record(student, evaluated)
        for finding in evaluated:
            if finding.status != "passed" and "student" in get_rule(finding.rule).subjects:
                found.setdefault(finding.rule, []).append((student, finding))
    return dict(sorted(found.items()))
