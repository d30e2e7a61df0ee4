"""Use cases on students, shared by the interface, the API and the imports. Every change runs in a
transaction and is refused as a whole when a rule that guards it fails (RuleViolation)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.lib.texts import render, shown
from apps.routes import compliance
from apps.routes.compliance import RuleViolation
from domain import diploma, facts
from domain import path as core
from domain import promotion as steps
from domain.calendar import school_year_label, school_year_of, year_end, year_start
from domain.path import PathError
from domain.rules import blocking, evaluate_student, get_rule
from domain.rules.base import Finding
from domain.teldatum import TeldatumResult, check_teldatum

from . import exam_plan, schemas
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
        kwalificatie=(facts.Kwalificatie(kwalificatie.code, kwalificatie.name, kwalificatie.level)
                      if kwalificatie else None),
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
    diploma = next((e for e in reversed(events) if e.kind == m.EventKind.MBO_DIPLOMA), None)
    student.mbo_diploma_level = diploma.kwalificatie.level if diploma and diploma.kwalificatie_id else None
    student.left_on, student.left_route_year = state.left_on, state.left_route_year
    student.destination = state.destination
    if state.kwalificatie in by_code:
        student.kwalificatie = by_code[state.kwalificatie]
    student.save()
    m.Student.objects.filter(pk=student.pk).refresh_plain_paths()
    student.refresh_from_db(fields=m.PLAIN_FIELDS)
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
                try:
                    with transaction.atomic():  # a savepoint: the uniqueness constraint decides a race
                        m.StudentNumber.objects.create(student=student, institution=institution, number=number)
                except IntegrityError:
                    raise RuleViolation([_number_taken(institution, number)]) from None
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


# --- typed input: problems named by field ---------------------------------------------------------

def problem(field: str, message: str) -> Finding:
    """Bad input named by its field (no rule: ``rule`` is empty)."""
    return Finding(rule="", status="failed", field=field, message=message)


def refuse(problems: list[Finding]) -> None:
    if problems:
        raise RuleViolation(problems)


def _by_code(model, field: str, value, name: str, problems: list, queryset=None, message: str = ""):
    """The record a code stands for (None when no code is given); an unknown code is a problem."""
    if not value:
        return None
    found = (queryset if queryset is not None else model.objects).filter(**{field: value}).first()
    if found is None:
        problems.append(problem(name, message or _("Onbekende code %(code)s.") % {"code": value}))
    return found


def _own_school(user, route, role: str, brin, current, problems: list, name: str):
    """The student's own vo-school or mbo among the route's partners, as the user may choose it: a
    vo-school's staff only their own school (set when it is the only one they may choose); the mbo
    only asked when the route has several (else the use case fills it in). ``current``: the school
    recorded now (kept, even when the user could not choose it)."""
    from apps.registry.models import Institution

    partners = list(Institution.objects.filter(route_partnerships__route=route, route_partnerships__role=role)
                    .distinct())
    choices = list(route.assignable_institutions(user, role)) if user is not None else partners
    if brin:
        chosen = next((i for i in partners if i.brin == brin), None)
        if chosen is None:
            problems.append(problem(name, _("%(brin)s is geen partner van deze route.") % {"brin": brin}))
        elif chosen not in choices and chosen != current:
            problems.append(problem(name, _("U kunt alleen %(schools)s kiezen.")
                                    % {"schools": ", ".join(i.name for i in choices) or "—"}))
        return chosen
    if current is not None:
        return None if role == "mbo" and len(partners) < 2 else current
    if len(choices) == 1:
        return choices[0]
    if role == "vo" or len(partners) >= 2:
        problems.append(problem(name, _("Kies de eigen vo-school van de leerling.") if role == "vo"
                                else _("Kies de eigen mbo-instelling van de leerling.")))
    return None


def _kwalificatie(route, code, problems: list, name: str = "kwalificatie"):
    from apps.registry.models import Kwalificatie

    return _by_code(Kwalificatie, "code", code, name, problems,
                    Kwalificatie.objects.filter(uitstroomrichtingen__route=route),
                    _("Kwalificatie %(code)s is geen uitstroomrichting van deze route.") % {"code": code})


def number_problems(numbers: dict, student: m.Student | None = None) -> list[Finding]:
    """Student numbers (institution -> number) already given to another student of that institution."""
    found = []
    for institution, number in numbers.items():
        taken = m.StudentNumber.objects.filter(institution=institution, number=number)
        if student is not None and student.pk:
            taken = taken.exclude(student=student)
        if number and taken.exists():
            found.append(_number_taken(institution, number))
    return found


def _number_taken(institution, number) -> Finding:
    return problem(f"numbers.{institution.brin}", _("Leerlingnummer %(n)s bestaat al bij %(school)s.")
                   % {"n": number, "school": institution.name})


def entry_problems(cohort: int, entry_route_year: int, origin: str, entry_date: date | None) -> list[Finding]:
    """A zij-instromer says where they come from; the entry date lies in the school year entered."""
    found = []
    if entry_route_year > 1 and not origin:
        found.append(problem("origin", _("Kies waar de zij-instromer vandaan komt.")))
    school_year = cohort + entry_route_year - 1
    if entry_date and school_year_of(entry_date) != school_year:
        found.append(problem("entry_date", _(
            "De instroomdatum valt niet in schooljaar %(year)s, het schooljaar van routejaar %(ry)s van cohort "
            "%(cohort)s.") % {"year": school_year_label(school_year), "ry": entry_route_year,
                             "cohort": school_year_label(cohort)}))
    return found


# --- students --------------------------------------------------------------------------------------

def create_student(user, route, data: schemas.StudentIn):
    """Enrol a new student in a route (the interface and the API): the codes and BRINs of the input
    resolved, the user's choice of own schools and student numbers checked, then ``enrol``. Every
    problem is named by its field in one RuleViolation; nothing is saved then."""
    from apps.registry.models import Leerweg, Profiel

    problems: list[Finding] = []
    leerweg = _by_code(Leerweg, "code", data.leerweg, "leerweg", problems)
    profiel = _by_code(Profiel, "code", data.profiel, "profiel", problems)
    kwalificatie = _kwalificatie(route, data.kwalificatie, problems)
    if kwalificatie is None and not data.kwalificatie and route.choice_route_year is None:
        problems.append(problem("kwalificatie", _("Kies de uitstroomrichting: deze route kiest die bij de start.")))
    vo_school = _own_school(user, route, "vo", data.vo_school, None, problems, "vo_school")
    mbo = _own_school(user, route, "mbo", data.mbo_institution, None, problems, "mbo_institution")
    partners = {p.institution.brin: p.institution for p in route.partners.select_related("institution")}
    allowed = {i.pk for role in ("vo", "mbo") for i in route.assignable_institutions(user, role)} \
        if user is not None else {i.pk for i in partners.values()}
    numbers = {}
    for brin, number in data.numbers.items():
        if brin not in partners:
            problems.append(problem(f"numbers.{brin}", _("%(brin)s is geen partner van deze route.") % {"brin": brin}))
        elif partners[brin].pk not in allowed:
            problems.append(problem(f"numbers.{brin}", _("U legt geen leerlingnummers van %(school)s vast.")
                                    % {"school": partners[brin].name}))
        elif number.strip():
            numbers[partners[brin]] = number.strip()
    problems += number_problems(numbers)
    problems += entry_problems(data.cohort, data.entry_route_year, data.origin, data.entry_date)
    refuse(problems)
    student = m.Student(route=route, first_name=data.first_name.strip(), last_name=data.last_name.strip(),
                        date_of_birth=data.date_of_birth, vo_school=vo_school, mbo_institution=mbo, leerweg=leerweg,
                        profiel=profiel, vmbo_year_at_start=data.vmbo_year_at_start, cohort=data.cohort,
                        entry_route_year=data.entry_route_year, kwalificatie=kwalificatie,
                        glr_judgment_on=data.glr_judgment_on, glr_judgment_note=data.glr_judgment_note)
    return enrol(student, numbers, user, on=data.entry_date, origin=data.origin)


def update_student(user, student: m.Student, data: schemas.StudentPatch | schemas.StudentChange):
    """Correct a student's own data (AVG: rectification): the fields given (PATCH; a PUT gives all);
    checked like an enrolment (R-03, R-05, R-17). A corrected own school or vmbo leerjaar at the start
    changes the enrolments: they are derived again."""
    from apps.registry.models import Leerweg, Profiel

    changes = schemas.given(data)
    problems: list[Finding] = []
    values = {}
    for name, value in changes.items():
        if name in ("vo_school", "mbo_institution"):
            role = "vo" if name == "vo_school" else "mbo"
            if value:
                value = _own_school(user, student.route, role, value, getattr(student, name), problems, name)
            elif role == "vo" or student.route.partners.filter(role="mbo").count() >= 2:
                problems.append(problem(name, _("Kies de eigen vo-school van de leerling.") if role == "vo"
                                        else _("Kies de eigen mbo-instelling van de leerling.")))
        elif value is None and name in ("first_name", "last_name", "leerweg", "vmbo_year_at_start"):
            problems.append(problem(name, _("Dit veld mag niet leeg zijn.")))
            continue
        elif name == "leerweg":
            value = _by_code(Leerweg, "code", value, name, problems)
        elif name == "profiel":
            value = _by_code(Profiel, "code", value, name, problems)
        elif name == "glr_judgment_note":
            value = (value or "").strip()
        elif isinstance(value, str):
            value = value.strip()
        values[name] = value
    refuse(problems)
    path_fields = {"vo_school", "mbo_institution", "vmbo_year_at_start"}
    changed = {name for name, value in values.items() if getattr(student, name) != value}

    def apply():
        for name, value in values.items():
            setattr(student, name, value)
        student.save()
        if path_fields & changed:
            rederive(student)
        return student

    return _guarded(apply, "student.enrol")


def current_school_year(student: m.Student) -> int:
    enrolment = student.enrolments.order_by("-school_year").first()
    return enrolment.school_year if enrolment else student.cohort + student.route_year - 1


# --- events ------------------------------------------------------------------------------------------

# Events recorded by hand; instroom and zij-instroom come with the enrolment, overgang and doublure with
# cohort promotion, exam parts and BPV with their own use cases.
MANUAL_EVENTS = (m.EventKind.SWITCH, m.EventKind.VMBO_DIPLOMA, m.EventKind.CERTIFICAAT, m.EventKind.MBO_DIPLOMA,
                 m.EventKind.UITSTROOM, m.EventKind.TERUGKEER, m.EventKind.DOORSTROOM, m.EventKind.VERVOLGDIPLOMA)
LEVELS = {"mbo3": m.FollowupLevel.MBO3, "mbo4": m.FollowupLevel.MBO4, "hbo": m.FollowupLevel.HBO}


def event_problems(data: schemas.EventIn) -> list[Finding]:
    """What a recorded event needs besides its kind and date."""
    found = []
    if data.kind not in MANUAL_EVENTS:
        found.append(problem("kind", _("Deze gebeurtenis wordt niet met de hand vastgelegd; kies één van: "
                                       "%(kinds)s.") % {"kinds": ", ".join(MANUAL_EVENTS)}))
    if data.kind == m.EventKind.UITSTROOM and not data.destination:
        found.append(problem("destination", _("Kies de bestemming van een leerling die de route verlaat.")))
    if data.kind == m.EventKind.SWITCH and not data.kwalificatie:
        found.append(problem("kwalificatie", _("Kies de nieuwe uitstroomrichting.")))
    if data.kind == m.EventKind.DOORSTROOM and not data.doorstroom_level:
        found.append(problem("doorstroom_level", _("Kies het niveau waarnaar de leerling doorstroomt.")))
    if data.kind == m.EventKind.CERTIFICAAT and not (data.detail.strip() or data.kwalificatie):
        found.append(problem("detail", _("Noem het certificaat (bijvoorbeeld Entree-certificaat).")))
    if data.kind == m.EventKind.VERVOLGDIPLOMA:
        if not data.doorstroom_level:
            found.append(problem("doorstroom_level", _("Kies het niveau van het vervolgdiploma: mbo 3, mbo 4 of hbo.")))
        if not data.source:
            found.append(problem("source", _("Noem de bron van het vervolgdiploma.")))
    return found


def _followup_kwalificatie(code, level: str, problems: list):
    """The kwalificatie of a vervolgdiploma: any of the register at the diploma's level (not the route's)."""
    from apps.registry.models import Kwalificatie

    found = _by_code(Kwalificatie, "code", code, "kwalificatie", problems)
    if found is not None and level and found.level != LEVELS[level]:
        problems.append(problem("kwalificatie", _("Kwalificatie %(code)s is niet van het gekozen niveau.")
                                % {"code": code}))
    return found


def _diploma_level(student: m.Student) -> int:
    """The level of the student's mbo diploma (of the route): its kwalificatie's, else the
    uitstroomrichting's, else the lowest startkwalificatie level (2)."""
    diploma = (student.events.filter(kind=m.EventKind.MBO_DIPLOMA, kwalificatie__isnull=False)
               .order_by("-date", "-pk").values_list("kwalificatie__level", flat=True).first())
    return diploma or (student.kwalificatie.level if student.kwalificatie_id else None) or 2


def record_event(user, student: m.Student, data: schemas.EventIn):
    """Record an event on the student's path (the interface, the API and cohort promotion). The events
    are replayed in date order with the new one (a path it breaks is refused, naming the event: anything
    but terugkeer after leaving, anything but doorstroom after the diploma, a diploma with required parts
    open); then everything after it is derived again (route year, status, enrolments). A switch of
    uitstroomrichting is checked like an enrolment (R-05); ``route_year`` is the route year a terugkeer
    enters (default: the one left)."""
    problems = event_problems(data)
    followup = data.kind == m.EventKind.VERVOLGDIPLOMA
    kwalificatie = (_followup_kwalificatie(data.kwalificatie, data.doorstroom_level, problems) if followup
                    else _kwalificatie(student.route, data.kwalificatie, problems))
    if followup and data.doorstroom_level and LEVELS[data.doorstroom_level] <= _diploma_level(student):
        problems.append(problem("doorstroom_level", _("Een vervolgdiploma is van een hoger niveau dan het "
                                                      "mbo-diploma van de route (niveau %(level)s).")
                                % {"level": _diploma_level(student)}))
    refuse(problems)
    more = {"level": LEVELS[data.doorstroom_level], "source": data.source} if followup else {}
    try:
        return _record(student, data.kind, data.date, user, kwalificatie=kwalificatie, destination=data.destination,
                       detail=data.detail, doorstroom_level=data.doorstroom_level, route_year=data.route_year,
                       **more)
    except PathError as error:
        raise RuleViolation([problem("kind", str(error))]) from error


def _record(student: m.Student, kind: str, on: date, user, kwalificatie=None, destination="",
            detail="", doorstroom_level="", route_year: int | None = None, origin: str = "",
            level: int | None = None, source: str = ""):
    _check_event(student, kind, kwalificatie)
    event = m.Event(student=student, kind=kind, date=on, school_year=school_year_of(on),
                    route_year=route_year or student.route_year, kwalificatie=kwalificatie,
                    destination=destination, origin=origin, detail=detail[:300], level=level, source=source,
                    recorded_by=user)
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


def _check_event(student: m.Student, kind: str, kwalificatie) -> None:
    """What the register (not the order of events) decides about a new event."""
    if kind == m.EventKind.MBO_DIPLOMA and not (status := diploma_status(student))["mbo_diploma"]:
        raise PathError(_("Het mbo-diploma vraagt dat alle vereiste mbo-examenonderdelen behaald zijn. Nog nodig: "
                          "%(missing)s.") % {"missing": "; ".join(x["label"] for x in status["mbo_missing"])})
    if kind == m.EventKind.SWITCH and not student.route.uitstroomrichtingen.filter(kwalificatie=kwalificatie).exists():
        raise PathError(_("Kies een uitstroomrichting van deze route."))
    if kind in (m.EventKind.INSTROOM, m.EventKind.ZIJ_INSTROOM):
        raise PathError(_("Instroom en zij-instroom worden vastgelegd bij het inschrijven van de leerling."))


def change_event(user, event: m.Event, data: schemas.EventChange):
    """Correct an event (the fields given): its date, the destination of an uitstroom, the route year an
    instroom, zij-instroom or terugkeer entered, the note. The path is replayed with the correction
    first; a path it breaks is refused naming the conflict. When the date or the route year entered
    changed, everything from the earlier of the old and new school year on is derived again."""
    changes = schemas.given(data)
    student = event.student
    if "date" in changes and changes["date"] is None:
        refuse([problem("date", _("Een gebeurtenis heeft een datum."))])
    before = (event.date, event.route_year)
    if changes.get("date") is not None:
        event.date, event.school_year = changes["date"], school_year_of(changes["date"])
    if "destination" in changes and event.kind == m.EventKind.UITSTROOM:
        if not changes["destination"]:
            refuse([problem("destination", _("Kies de bestemming van een leerling die de route verlaat."))])
        event.destination = changes["destination"]
    if changes.get("route_year") is not None and event.kind in ENTRY_KINDS:
        event.route_year = changes["route_year"]
    if "detail" in changes:
        event.detail = (changes["detail"] or "")[:300]
    others = [e for e in student.events.select_related("kwalificatie") if e.pk != event.pk]
    try:
        replay([*others, event])
    except PathError as error:
        raise RuleViolation([problem("date", str(error))]) from error
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


def remove_event(user, event: m.Event):
    """Remove an event recorded by mistake. Refused (naming the conflict) when the path without it breaks
    (the instroom itself, an uitstroom a terugkeer follows, ...); else everything from its school year on
    is derived again."""
    student = event.student
    if event.kind in (m.EventKind.INSTROOM, m.EventKind.ZIJ_INSTROOM):
        refuse([problem("kind", _("De instroom is het begin van het pad en kan niet worden verwijderd; corrigeer "
                                  "de datum of wis de leerling."))])
    try:
        replay([e for e in student.events.select_related("kwalificatie") if e.pk != event.pk])
    except PathError as error:
        raise RuleViolation([problem("kind", str(error))]) from error

    def apply():
        school_year, kind = event.school_year, event.kind
        event.delete()
        rederive(student, school_year, enrolments=kind in PATH_KINDS)
        return student

    return _guarded(apply, None)


# --- exam plan and BPV -------------------------------------------------------------------------

PART_KINDS = {"vmbo": ("SE", "CSPE"), "mbo": ("generiek", "kerntaak", "keuzedeel", "BPV")}
PART_FIELDS = ("sector", "kind", "name", "planned_route_year", "actual_route_year", "examiner", "location",
               "integrated", "result", "grade", "result_on")


def exam_part_problems(student: m.Student, values: dict) -> list[Finding]:
    """What is wrong with an exam part's values (all fields, examiner as BRIN): the kind of its sector,
    the examiner a partner of the route, the grade and whether it is consistent with the result."""
    found = [problem(name, _("Dit veld mag niet leeg zijn."))
             for name in ("sector", "kind", "name", "planned_route_year", "result") if values.get(name) is None]
    if found:
        return found
    if values["kind"] not in PART_KINDS[values["sector"]]:
        found.append(problem("kind", _("Een vmbo-onderdeel is een SE of CSPE.") if values["sector"] == "vmbo" else
                             _("Een mbo-onderdeel is generiek, een kerntaak, een keuzedeel of BPV.")))
    found += [problem(field, message) for field, message in
              diploma.grade_problems(values["sector"], values["grade"], values["result"])]
    return found


def save_exam_part(user, student: m.Student, data=None, part: m.ExamPart | None = None):
    """Add or change an exam part (the interface, the API and the results import). Without ``part``,
    a part already in the student's plan with the same sector, kind and name (case does not count) is
    updated, keeping the plan's name; else a new part is added. ``data``: every field (ExamPartIn,
    ExamPartFull) or the fields to change (ExamPartPatch). R-04 refuses a vmbo part planned after its
    deadline. Returns (student, findings, part)."""
    if isinstance(user, m.Student):  # the results import still hands over a form: (student, form)
        student, form, user = user, student, None
        data, part = form.as_input(), form.instance if form.instance.pk else None
    changes = schemas.given(data) if isinstance(data, schemas.ExamPartPatch) else data.dict()
    if part is None and isinstance(data, schemas.ExamPartPatch):
        raise ValueError("a PATCH changes an existing exam part")
    if part is None:
        part = exam_plan.matching_part(student, data.sector, data.kind, data.name)
        if part is not None:
            changes["name"] = part.name  # the plan's (template's) stable name
    record, problems = exam_part_record(student, changes, part)
    refuse(problems)

    def apply():
        record.save()
        return student

    student, findings = _guarded(apply, "student.exam")
    return student, findings, record


def exam_part_record(student: m.Student, changes: dict, part: m.ExamPart | None = None
                     ) -> tuple[m.ExamPart, list[Finding]]:
    """The exam part (unsaved) with ``changes`` applied (fields as the schemas name them, the examiner
    as BRIN), and what is wrong with its values; both use cases on exam parts (one part, a group's
    results) prepare their records here, so a part is checked the same way whichever page saves it."""
    current = {name: getattr(part, name) for name in PART_FIELDS if name not in ("examiner", "grade")} if part \
        else {"location": "", "integrated": False, "result": "open"}
    if part is not None:
        current.update(examiner=part.examiner.brin if part.examiner_id else None, grade=part.grade_value)
    values = {**current, **changes}
    values["location"] = (values.get("location") or "").strip()
    values["integrated"] = bool(values.get("integrated"))
    if isinstance(values.get("name"), str):
        values["name"] = " ".join(values["name"].split())
    problems = exam_part_problems(student, values)
    from apps.registry.models import Institution
    examiner = _by_code(Institution, "brin", values.get("examiner"), "examiner", problems,
                        Institution.objects.filter(route_partnerships__route=student.route).distinct(),
                        _("%(brin)s is geen partner van deze route.") % {"brin": values.get("examiner")})
    record = part or m.ExamPart(student=student)
    grade = values.pop("grade")
    for name, value in values.items():
        if name != "examiner":
            setattr(record, name, value)
    record.examiner = examiner
    record.grade, record.assessment = (None, grade) if isinstance(grade, str) else (grade, "")
    return record, problems


@dataclass
class GroupResult:
    """One saved row of a group's results: the student, their part (as saved) and its findings."""
    student: m.Student
    part: m.ExamPart
    created: bool


def _row_result(row: schemas.GroupResultRow) -> str:
    """The row's result: as given, else from the grade (5,5 or higher, V or G: behaald)."""
    if row.result is not None:
        return row.result
    if isinstance(row.grade, str) or diploma.LOWEST_GRADE <= row.grade <= diploma.HIGHEST_GRADE:
        return m.ExamPart.Result.PASSED if diploma.grade_passes(row.grade) else m.ExamPart.Result.FAILED
    return m.ExamPart.Result.PASSED      # an impossible grade: grade_problems names it at the grade


def save_group_results(user, route, data: schemas.GroupResultsIn, within=None) -> list[GroupResult]:
    """Record the results of one exam part for a group of students at once (the grid, as EduArte
    users enter a test's grades; the API's bulk operation): every row is checked first (the typed
    grade and result, the student one of ``within``, the user's students of the route), then every
    part is saved in one transaction and the rules guarding exam results (R-04) are checked per
    student; if any row has a problem nothing is saved (RuleViolation, each problem named by its row:
    ``rows[2].grade``, a rule's finding at ``rows[2]`` with its rule id). A row without grade and
    result is left alone. The part is the student's own part of that sector, kind and name (case does
    not count), else it is added to their plan in the route year it was taken. Each save is audited."""
    students = (route.students if within is None else within.filter(route=route))
    found = {s.pk: s for s in students.filter(pk__in=[row.student for row in data.rows])
             .select_related("route", "leerweg", "kwalificatie", "vo_school", "mbo_institution")}
    name = " ".join(data.name.split())
    result_on = data.result_on or today()
    problems, prepared, seen = [], [], set()
    for index, row in enumerate(data.rows):
        at = f"rows[{index}]"
        student = found.get(row.student)
        if student is None:
            problems.append(problem(f"{at}.student", _("Geen leerling van deze route die u kunt wijzigen.")))
            continue
        if row.student in seen:
            problems.append(problem(f"{at}.student", _("%(name)s staat twee keer in de lijst.") % {"name": student}))
            continue
        seen.add(row.student)
        if row.grade is None and row.result is None:
            continue
        part = exam_plan.matching_part(student, data.sector, data.kind, name)
        year = row.actual_route_year or (part.actual_route_year if part else None) or student.route_year
        changes = {"result": _row_result(row), "grade": row.grade, "result_on": result_on,
                   "actual_route_year": year}
        if part is None:
            changes.update(sector=data.sector, kind=data.kind, name=name, planned_route_year=year)
        record, found_problems = exam_part_record(student, changes, part)
        problems += [problem(f"{at}.{p.field}", p.message) for p in found_problems]
        prepared.append((index, student, record, part is None))
    refuse(problems)

    route_facts, settings = compliance.route_facts(route), compliance.rule_settings()  # once, not per student
    saved, states, blocked = [], [], []
    with transaction.atomic():
        for index, student, record, created in prepared:
            record.save()
            record.refresh_from_db(fields=["grade"])       # as stored: 7 is 7.0
            fresh = m.Student.objects.select_related("route", "leerweg", "kwalificatie", "vo_school",
                                                     "mbo_institution").prefetch_related(*PREFETCH).get(pk=student.pk)
            findings = evaluate_student(student_facts(fresh, route_facts), settings)
            blocked += [Finding(rule=f.rule, status=f.status, field=f"rows[{index}]", message=f.message,
                                item=f.item, text=f.text) for f in blocking(findings, "student.exam")]
            states.append((fresh, findings))
            saved.append(GroupResult(fresh, record, created))
        if blocked:
            raise RuleViolation(blocked)          # leaves the transaction: nothing is saved
        for fresh, findings in states:
            rule_state.record(fresh, findings)
        if states:
            compliance.refresh(route)
    return saved


def save_bpv(user, student: m.Student, data: schemas.BpvIn):
    """Add a BPV period; R-19 refuses one that is not at a recognised leerbedrijf with a praktijkovereenkomst."""
    if data.end is not None and data.end < data.start:
        refuse([problem("end", _("Het einde ligt voor het begin van de BPV-periode."))])

    def apply():
        m.BpvPeriod.objects.create(student=student, leerbedrijf=data.leerbedrijf.strip(), recognised=data.recognised,
                                   praktijkovereenkomst=data.praktijkovereenkomst, start=data.start, end=data.end)
        return student

    return _guarded(apply, "student.bpv")


# --- cohort promotion --------------------------------------------------------------------------

PROMOTE, REPEAT, LEAVE = steps.OVERGANG, steps.DOUBLURE, steps.UITSTROOM
DIPLOMA, UITLOOPJAAR, APART = steps.DIPLOMA, steps.UITLOOPJAAR, steps.APART


@dataclass
class PromotionRow:
    """One student of the cohort in a promotion: the step, what it gives, what blocks it."""
    student: m.Student
    action: str                  # one of domain.promotion.ACTIONS
    route_year: int = 1          # the route year the student is in now
    destination: str = ""
    school_year: int | None = None        # the school year the student moves into
    next_route_year: int | None = None
    enrolments: tuple = ()       # (institution name, funded, phase) of the next school year
    problems: tuple = ()         # what blocks this step (the rule or the path, with its message)
    reason: str = ""             # set aside: why the student cannot simply go over
    last_route_year: int | None = None
    choices: tuple = ()          # the steps this student may take
    on: date | None = None       # diploma, uitstroom: the day recorded

    @property
    def set_aside(self) -> bool:
        return self.action == APART

    @property
    def blocked(self) -> bool:
        return bool(self.problems) and not self.set_aside

    @property
    def in_last_year(self) -> bool:
        return steps.in_last_year(self.route_year, self.last_route_year)


@dataclass
class Promotion:
    """The outcome of a cohort promotion (the preview, or what was saved)."""
    route: object
    cohort: int
    rows: list[PromotionRow]
    applied: bool = False

    @property
    def blocked(self) -> list[PromotionRow]:
        return [r for r in self.rows if r.blocked]

    @property
    def set_aside(self) -> list[PromotionRow]:
        return [r for r in self.rows if r.set_aside]

    @property
    def moved(self) -> list[PromotionRow]:
        return [r for r in self.rows if not r.set_aside]


class PromotionBlocked(RuleViolation):
    """Nothing was saved: the students named (``students[id]``) cannot take the step chosen for them."""

    def __init__(self, promotion: Promotion):
        self.promotion = promotion
        super().__init__([problem(f"students[{r.student.pk}]", f"{r.student}: {p}")
                          for r in promotion.blocked for p in r.problems])


def route_length(route) -> int | None:
    """The route's number of route years: its last route year described, or its study duration."""
    described = max((y.route_year for y in route.years.all()), default=0)
    return max(described, route.study_duration_years or 0) or None


def _student_last_year(route, length: int | None, student: m.Student) -> int | None:
    return steps.last_route_year(length, route.start_vmbo_year, student.vmbo_year_at_start)


def promotion_choices(students, route, data: schemas.PromotionIn) -> dict[int, schemas.PromotionChoice]:
    """The choice per student id; a choice a student may not take, a student outside the cohort (or
    not visible), a student named twice or an uitstroom without destination is refused, naming the
    student (``choices[i].students``); so is the day of a diploma or uitstroom after the end of the
    student's school year or before the cohort's start (``choices[i].date``)."""
    by_pk = {s.pk: s for s in students}
    length = route_length(route)
    chosen: dict[int, schemas.PromotionChoice] = {}
    problems: list[Finding] = []
    for i, choice in enumerate(data.choices):
        field = f"choices[{i}].students"
        for pk in choice.students:
            student = by_pk.get(pk)
            if student is None:
                problems.append(problem(field, _("Leerling %(pk)s hoort niet bij de actieve leerlingen van dit cohort "
                                                 "die u mag doorzetten.") % {"pk": pk}))
                continue
            if pk in chosen:
                problems.append(problem(field, _("%(name)s: twee keuzes voor dezelfde leerling.")
                                        % {"name": student}))
                continue
            chosen[pk] = choice
            last = _student_last_year(route, length, student)
            wrong = steps.choice_problem(choice.action, student.route_year, last, student.vmbo_year_at_start)
            if wrong:
                problems.append(problem(field, f"{student}: {wrong}"))
            elif choice.action == LEAVE and not choice.destination:
                problems.append(problem(field, _("%(name)s: kies de bestemming bij uitstroom.") % {"name": student}))
            elif choice.action in steps.DATED and choice.date is not None and \
                    (late := steps.date_problem(choice.date, current_school_year(student), student.cohort)):
                problems.append(problem(f"choices[{i}].date", f"{student}: {render(late)}"))
    refuse(problems)
    return chosen


def promote_cohort(user, route, cohort: int, data: schemas.PromotionIn, within=None) -> Promotion:
    """Move the active students of a cohort to the next school year in one step (the interface and the
    API): each student takes the step chosen for them (``data.choices``), the others go over; a
    student in their last route year cannot go over (that route year does not exist) and is set aside
    until a diploma, uitloopjaar or uitstroom is chosen. A student set aside (apart) stays where they
    are; the row says why they could not simply go over.

    With ``data.apply`` False nothing is saved: the rows are the preview. With ``apply`` True all steps
    are saved in one transaction, or none: if a student who is not set aside is blocked (a rule, the
    path, the diploma's exam parts), PromotionBlocked names them and nothing is saved. A saved
    promotion is audited as one entry (which student took which step, ids only). ``within``: the
    students this user may change (default: the route's)."""
    students = list((route.students if within is None else within).filter(cohort=cohort, status=m.Status.ACTIEF)
                    .select_related("route", "leerweg", "kwalificatie").prefetch_related(*PREFETCH)
                    .order_by("last_name", "first_name", "pk"))
    chosen = promotion_choices(students, route, data)
    length = route_length(route)
    route_facts, settings = compliance.route_facts(route), compliance.rule_settings()  # once, not per student
    rows = []
    with transaction.atomic():
        for student in students:
            last = _student_last_year(route, length, student)
            choice = chosen.get(student.pk)
            action = choice.action if choice else steps.default_choice(student.route_year, last)
            school_year = current_school_year(student) + 1
            row = PromotionRow(student, action, student.route_year, choice.destination if choice else "", school_year,
                               last_route_year=last,
                               choices=steps.choices(student.route_year, last, student.vmbo_year_at_start),
                               on=(choice.date if choice else None) or steps.default_date(action, school_year - 1,
                                                                                          today()))
            if action == APART:
                row.reason = _set_aside_reason(user, student, row, route_facts, settings)
            else:
                row.problems = _not_due(student, school_year) or _take_step(user, student, row, route_facts, settings)
            rows.append(row)
        promotion = Promotion(route, cohort, rows, applied=data.apply)
        if not data.apply:
            transaction.set_rollback(True)
        elif promotion.blocked:
            transaction.set_rollback(True)
            promotion.applied = False
            raise PromotionBlocked(promotion)
        else:
            compliance.refresh(route)
            _audit_promotion(user, promotion)
    return promotion


def _not_due(student: m.Student, school_year: int) -> tuple:
    """Promote into a school year that starts within three months, and only once."""
    if school_year > school_year_of(today() + timedelta(days=92)) or \
            student.enrolments.filter(school_year=school_year).exists():
        return (_("de leerling staat nu in schooljaar %(year)s; schooljaar %(next)s is nog niet aan de beurt of al "
                  "gevuld.") % {"year": school_year_label(school_year - 1), "next": school_year_label(school_year)},)
    return ()


def _take_step(user, student: m.Student, row: PromotionRow, route_facts, settings) -> tuple:
    """Take the row's step in a savepoint (undone when it is blocked); the problems that block it."""
    try:
        with transaction.atomic():
            problems = _step(user, student, row, route_facts, settings)
            if problems:
                transaction.set_rollback(True)
    except RuleViolation as violation:
        problems = tuple(f"{f.rule}: {shown(f)}" if f.rule else shown(f) for f in violation.findings)
    except PathError as error:
        problems = (str(error),)
    if problems:
        student.refresh_from_db()   # the step was undone: the record as it is stored
    return problems


def _step(user, student: m.Student, row: PromotionRow, route_facts, settings) -> tuple:
    """One student's step. The diploma and uitstroom go through the event use case (``record_event``:
    its path and diploma checks); overgang, doublure and uitloopjaar are the promotion's own events,
    checked by the rules that guard an enrolment."""
    if row.action in (DIPLOMA, LEAVE):
        kind = m.EventKind.MBO_DIPLOMA if row.action == DIPLOMA else m.EventKind.UITSTROOM
        record_event(user, student, schemas.EventIn(kind=kind, date=row.on, destination=row.destination,
                                                    detail=_("cohort doorgezet")))
        return ()
    kind = m.EventKind.OVERGANG if row.action == PROMOTE else m.EventKind.DOUBLURE
    m.Event.objects.create(student=student, kind=kind, date=year_start(row.school_year), school_year=row.school_year,
                           route_year=student.route_year + (row.action == PROMOTE), recorded_by=user,
                           detail=_("uitloopjaar") if row.action == UITLOOPJAAR else _("cohort doorgezet"))
    rederive(student, row.school_year)
    new = student.enrolments.filter(school_year=row.school_year).select_related("institution")
    row.next_route_year = student.route_year
    row.enrolments = tuple((e.institution.name, e.funded, e.get_phase_display()) for e in new)
    fresh = m.Student.objects.prefetch_related(*PREFETCH).get(pk=student.pk)
    findings = evaluate_student(student_facts(fresh, route_facts), settings)
    rule_state.record(fresh, findings)
    return tuple(f"{f.rule}: {shown(f)}" for f in blocking(findings, "student.enrol"))


def _set_aside_reason(user, student: m.Student, row: PromotionRow, route_facts, settings) -> str:
    """Why a student set aside could not simply go over: the last route year, the school year not due,
    or what would block the overgang (tried in a savepoint that is always undone); "" when nothing."""
    if row.in_last_year:
        return steps.last_year_reason(student.route_year)
    if late := _not_due(student, row.school_year):
        return late[0]
    trial = PromotionRow(student, PROMOTE, row.route_year, school_year=row.school_year)
    with transaction.atomic():
        problems = _take_step(user, student, trial, route_facts, settings)
        transaction.set_rollback(True)
    student.refresh_from_db()
    return "; ".join(problems)


def _audit_promotion(user, promotion: Promotion) -> None:
    """One audit entry for a saved promotion: which student took which step and who was set aside with
    which reason (ids only, no names); each event and enrolment has its own entry besides."""
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    route = promotion.route
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(type(route)), object_pk=str(route.pk), object_id=route.pk,
        object_repr=f"cohort {promotion.cohort} doorgezet", action=LogEntry.Action.UPDATE, actor=user,
        changes={"promoted": [None, len(promotion.moved)]}, changes_text="",
        additional_data={"promotion": {"cohort": promotion.cohort,
                                       "steps": [[r.student.pk, r.action] for r in promotion.rows],
                                       "set_aside": [[r.student.pk, r.reason] for r in promotion.set_aside]}})


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
                .select_related("route", "leerweg", "kwalificatie", "vo_school", "mbo_institution")
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


def deadline_horizon(day: date, months: int) -> date:
    """The first day of the month ``months`` after ``day``'s: deadlines up to it are near."""
    return date(day.year + (day.month + months - 1) // 12, (day.month + months - 1) % 12 + 1, 1)


def open_vmbo_parts(route, months: int = 6):
    """Open vmbo exam parts of active students whose R-04 deadline is within ``months`` or passed."""
    horizon = deadline_horizon(today(), months)
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
