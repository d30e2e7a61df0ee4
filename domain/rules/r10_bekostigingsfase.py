"""R-10: funding phase per route year; exactly one funded enrolment on 1 October."""
from __future__ import annotations

from domain import teldatum
from domain.facts import Settings, Student

from .base import Finding, StudentRule


class R10Bekostigingsfase(StudentRule):
    """Checked per student on 1 October of every school year the student has enrolments in; the
    check itself is ``domain.teldatum.funding_problems`` (shared with ``check_teldatum``)."""

    id = "R-10"
    level = "error"
    title = "Bekostigingsfase en één bekostigde inschrijving"
    description = (
        "Routejaar 1 en 2 zijn vo-fase (bekostigde inschrijving bij de vo-school); vanaf "
        "routejaar 3 is de leerling in de mbo-fase (bekostigde inschrijving bij het mbo). Op "
        "1 oktober heeft een leerling precies één bekostigde inschrijving; een tweede "
        "inschrijving is onbekostigd.")
    title_en = "Funding phase and one funded enrolment"
    description_en = (
        "Route years 1 and 2 are the vo phase (funded enrolment at the vo school); from route "
        "year 3 the student is in the mbo phase (funded enrolment at the mbo). On 1 October a "
        "student has exactly one funded enrolment; a second enrolment is unfunded.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157); DUO"
    blocks = frozenset({"student.enrol"})

    def student_problems(self, student: Student, settings: Settings) -> list[Finding]:
        return [
            self.fail("enrolments", message, teldatum.school_year_label(year))
            for year in teldatum.school_years(student)
            for message in teldatum.funding_problems(student, teldatum.teldatum(year))
        ]
