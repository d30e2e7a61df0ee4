"""R-04: the vmbo exam is completed by the end of the student's first mbo-fase school year."""
from __future__ import annotations

from domain.calendar import school_year_label
from domain.facts import Route, Settings, Student
from domain.messages import Message, gettext_noop, join_and
from domain.path import first_mbo_school_year, vmbo_deadline
from domain.phase import first_mbo_route_year

from .base import Finding, LegalRouteRule


class R04VmboExamenTermijn(LegalRouteRule):
    """Checks the route's planned exam year (routes with vmbo diploma) and, per student, every
    vmbo exam part the student has: also in a route without vmbo diploma (a GLR may drop the
    exam partly), the parts that exist are completed in time. The deadline follows the student's
    vmbo leerjaar: the end of the first school year after vmbo leerjaar 4 (route year 3 for a route
    that starts in vmbo 3, route year 2 for one that starts in vmbo 4); a doublure in the vo-fase
    moves it with it. An open part whose deadline has passed is not a finding here (it depends on
    the day, not on the record): the exam deadline list shows it as overdue."""

    id = "R-04"
    subjects = frozenset({"route", "student"})
    level = "error"
    title = "Vmbo-examen uiterlijk in het eerste mbo-fasejaar"
    description = (
        "Alle examenonderdelen die meetellen voor het vmbo-diploma zijn uiterlijk één schooljaar "
        "na vmbo-leerjaar 4 afgerond: aan het eind van het eerste schooljaar van de leerling in de "
        "mbo-fase (routejaar 3 als de route in vmbo 3 begint, routejaar 2 als ze in vmbo 4 "
        "begint). Een doublure in de vo-fase schuift de termijn mee. Geldt voor routes die het "
        "vmbo-diploma uitreiken; per leerling voor elk vmbo-examenonderdeel dat de leerling heeft.")
    title_en = "Vmbo exam by the first mbo-phase year"
    description_en = (
        "All exam parts that count for the vmbo diploma are completed no later than one school "
        "year after vmbo year 4: by the end of the student's first school year in the mbo phase "
        "(route year 3 for a route that starts in vmbo 3, route year 2 for one that starts in vmbo "
        "4). A repeated year in the vo phase moves the deadline with it. Applies to routes that "
        "issue the vmbo diploma; per student to every vmbo exam part the student has.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157)"
    blocks = frozenset({"route.save", "student.exam"})

    def applies(self, obj: Route, settings: Settings) -> bool:
        return super().applies(obj, settings) and obj.vmbo_diploma

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        year = obj.vmbo_exam_route_year
        last = first_mbo_route_year(obj.start_vmbo_year or 3)
        if year is None or year <= last:
            return []
        return [self.fail("vmbo_exam_route_year", Message.of(gettext_noop(
            "Het vmbo-examen is gepland tot en met routejaar %(year)s; alle examenonderdelen voor "
            "het vmbo-diploma moeten uiterlijk aan het eind van routejaar %(last)s zijn afgerond, het "
            "eerste jaar na vmbo-leerjaar 4 (de route begint in vmbo-leerjaar "
            "%(start)s). Plan het examen eerder."), year=year, last=last, start=obj.start_vmbo_year or 3))]

    def student_problems(self, student: Student, settings: Settings) -> list[Finding]:
        last = first_mbo_route_year(student.vmbo_year_at_start)
        deadline = vmbo_deadline(student)
        findings = []
        for part in student.exam_parts:
            if part.sector != "vmbo":
                continue
            late: list[Message] = [
                Message.of(template, year=year) for template, year in (
                    (gettext_noop("gepland in routejaar %(year)s"), part.planned_route_year),
                    (gettext_noop("afgerond in routejaar %(year)s"), part.actual_route_year))
                if year is not None and year > last]
            if deadline and part.result_on and part.result_on > deadline:
                late.append(Message.of(gettext_noop("afgerond op %(day)s"), day=part.result_on))
            if late:
                findings.append(self.fail("exam_parts", Message.of(gettext_noop(
                    "Vmbo-examenonderdeel %(part)s (%(kind)s) is %(late)s; alle vmbo-examenonderdelen "
                    "moeten uiterlijk af zijn aan het eind van het eerste schooljaar in de mbo-fase: "
                    "routejaar %(last)s%(when)s."), part=part.name, kind=part.kind, late=join_and(late),
                    last=last, when=self._when(student, deadline)), part.name))
        return findings

    @staticmethod
    def _when(student: Student, deadline) -> Message | str:
        year = first_mbo_school_year(student)
        if not deadline or year is None:
            return ""
        return Message.of(gettext_noop(", schooljaar %(year)s, dus uiterlijk %(deadline)s"),
                          year=school_year_label(year), deadline=deadline)
