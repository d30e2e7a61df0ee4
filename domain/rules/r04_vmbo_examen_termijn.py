"""R-04: the vmbo exam is completed no later than the end of route year 3."""
from __future__ import annotations

from domain.facts import Route, Settings, Student

from .base import Finding, LegalRouteRule

LAST_EXAM_ROUTE_YEAR = 3


class R04VmboExamenTermijn(LegalRouteRule):
    """Checks the route's planned exam year (routes with vmbo diploma) and, per student, every
    vmbo exam part the student has: also in a route without vmbo diploma (a GLR may drop the
    exam partly), the parts that exist are completed in time."""

    id = "R-04"
    subjects = frozenset({"route", "student"})
    level = "error"
    title = "Vmbo-examen uiterlijk in routejaar 3"
    description = (
        "Alle examenonderdelen die meetellen voor het vmbo-diploma zijn uiterlijk aan het eind "
        "van routejaar 3 afgerond: één jaar later dan in het reguliere vmbo. Geldt voor routes "
        "die het vmbo-diploma uitreiken; per leerling voor elk vmbo-examenonderdeel dat de "
        "leerling heeft.")
    title_en = "Vmbo exam by route year 3"
    description_en = (
        "All exam parts that count for the vmbo diploma are completed by the end of route year "
        "3, one year later than in regular vmbo. Applies to routes that issue the vmbo diploma; "
        "per student to every vmbo exam part the student has.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157)"
    blocks = frozenset({"route.save", "student.exam"})

    def applies(self, obj: Route, settings: Settings) -> bool:
        return super().applies(obj, settings) and obj.vmbo_diploma

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        year = obj.vmbo_exam_route_year
        if year is None or year <= LAST_EXAM_ROUTE_YEAR:
            return []
        return [self.fail("vmbo_exam_route_year", (
            f"Het vmbo-examen is gepland tot en met routejaar {year}; alle examenonderdelen voor "
            "het vmbo-diploma moeten uiterlijk aan het eind van routejaar 3 zijn afgerond. "
            "Plan het examen eerder."))]

    def student_problems(self, student: Student, settings: Settings) -> list[Finding]:
        findings = []
        for part in student.exam_parts:
            if part.sector != "vmbo":
                continue
            late = [(what, year) for what, year in (("gepland", part.planned_route_year),
                                                    ("afgerond", part.actual_route_year))
                    if year is not None and year > LAST_EXAM_ROUTE_YEAR]
            if late:
                when = " en ".join(f"{what} in routejaar {year}" for what, year in late)
                findings.append(self.fail("exam_parts", (
                    f"Vmbo-examenonderdeel {part.name} ({part.kind}) is {when}; alle "
                    "vmbo-examenonderdelen moeten uiterlijk aan het eind van routejaar 3 zijn "
                    "afgerond."), part.name))
        return findings
