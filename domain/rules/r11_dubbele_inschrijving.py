"""R-11: double enrolment of an mbo-phase student without vmbo diploma."""
from __future__ import annotations

from domain import teldatum
from domain.facts import Settings, Student

from .base import Finding, StudentRule


class R11DubbeleInschrijving(StudentRule):
    """Checked per student of a route that keeps the vmbo diploma on 1 October of every school year the
    student has enrolments in; the check itself is ``domain.teldatum.double_enrolment_problem``
    (shared with ``check_teldatum``)."""

    id = "R-11"
    level = "error"
    title = "Dubbele inschrijving zonder vmbo-diploma"
    description = (
        "Een leerling in de mbo-fase zonder vmbo-diploma in een route die het vmbo-diploma "
        "uitreikt (een doorlopende leerroute, hoe de regio haar ook noemt) blijft onbekostigd "
        "ingeschreven bij de vo-school tot het vo-deel is afgerond. Die dubbele inschrijving mag "
        "alleen zolang er vmbo-examenonderdelen openstaan, en uiterlijk tot de termijn van R-04: "
        "het eind van het eerste schooljaar in de mbo-fase.")
    title_en = "Double enrolment without vmbo diploma"
    description_en = (
        "A student in the mbo phase without a vmbo diploma, in a route that keeps the vmbo "
        "diploma (a doorlopende leerroute, whatever the region calls it), stays enrolled, "
        "unfunded, at the vo school until the vo part is finished. This double enrolment is valid "
        "only while vmbo exam parts are open, and at most until the R-04 deadline: the end of the "
        "first school year in the mbo phase.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157); DUO"
    blocks = frozenset({"student.enrol"})

    def applies_to_student(self, student: Student, settings: Settings) -> bool:
        return teldatum.double_enrolment_applies(student)

    def student_problems(self, student: Student, settings: Settings) -> list[Finding]:
        findings = []
        for year in teldatum.school_years(student):
            message = teldatum.double_enrolment_problem(student, teldatum.teldatum(year))
            if message:
                findings.append(self.fail("enrolments", message, teldatum.school_year_label(year)))
        return findings
