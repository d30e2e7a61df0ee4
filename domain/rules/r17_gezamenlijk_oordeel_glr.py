"""R-17: placing a BB student in a GLR needs a recorded joint judgment."""
from __future__ import annotations

from domain.facts import Settings, Student
from domain.messages import Message, gettext_noop

from .base import Finding, StudentRule

GLR_LEERWEG = "BB"


class R17GezamenlijkOordeelGlr(StudentRule):
    """Checked per BB student of a route without vmbo diploma (GLR)."""

    id = "R-17"
    level = "error"
    title = "Gezamenlijk oordeel bij plaatsing in een GLR"
    description = (
        "Een BB-leerling wordt alleen in een geïntegreerde leerroute zonder vmbo-diploma "
        "geplaatst met een vastgelegd gezamenlijk oordeel van de vo-school en het mbo dat de "
        "leerling zo een betere kans heeft op een startkwalificatie.")
    title_en = "Joint judgment for placement in a GLR"
    description_en = (
        "A BB student is placed in a geïntegreerde leerroute without vmbo diploma only with a "
        "recorded joint judgment of the vo school and the mbo that the student has a better "
        "chance of a startkwalificatie that way.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157)"
    blocks = frozenset({"student.enrol"})

    def applies_to_student(self, student: Student, settings: Settings) -> bool:
        return (super().applies_to_student(student, settings) and not student.route.vmbo_diploma
                and student.leerweg == GLR_LEERWEG)

    def student_problems(self, student: Student, settings: Settings) -> list[Finding]:
        if student.glr_judgment_on is not None:
            return []
        return [self.fail("glr_judgment_on", Message(gettext_noop(
            "De leerling (BB) is geplaatst in een route zonder vmbo-diploma, maar er is geen "
            "gezamenlijk oordeel van de vo-school en het mbo vastgelegd dat de leerling zo een "
            "betere kans heeft op een startkwalificatie. Leg de datum van dat oordeel vast.")))]
