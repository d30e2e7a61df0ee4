"""R-10: funding phase by vmbo leerjaar; exactly one funded enrolment on 1 October; the route's pattern."""
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
        "De bekostigingsfase volgt het vmbo-leerjaar van de leerling: vmbo-leerjaar 3 en 4 zijn "
        "vo-fase (bekostigde inschrijving bij de vo-school), na vmbo-leerjaar 4 is de leerling in "
        "de mbo-fase (bekostigde inschrijving bij het mbo); een doublure in vmbo 3 of 4 blijft in "
        "de vo-fase. Op 1 oktober heeft een leerling precies één bekostigde inschrijving; een "
        "tweede inschrijving is onbekostigd, en welke onbekostigde inschrijvingen een route houdt "
        "is het inschrijvingspatroon van de route (per routejaar).")
    title_en = "Funding phase and one funded enrolment"
    description_en = (
        "The funding phase follows the student's vmbo year: vmbo years 3 and 4 are the vo phase "
        "(funded enrolment at the vo school), after vmbo year 4 the student is in the mbo phase "
        "(funded enrolment at the mbo); a repeated vmbo 3 or 4 stays in the vo phase. On 1 October "
        "a student has exactly one funded enrolment; a second enrolment is unfunded, and which "
        "unfunded enrolments a route keeps is the route's enrolment pattern (per route year).")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157); DUO"
    blocks = frozenset({"student.enrol"})

    def student_problems(self, student: Student, settings: Settings) -> list[Finding]:
        return [
            self.fail("enrolments", message, teldatum.school_year_label(year))
            for year in teldatum.school_years(student)
            for message in teldatum.funding_problems(student, teldatum.teldatum(year))
        ]
