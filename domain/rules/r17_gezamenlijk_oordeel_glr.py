"""R-17: placing a BB student in a GLR needs a recorded joint judgment."""
from __future__ import annotations

from .base import StudentRule


class R17GezamenlijkOordeelGlr(StudentRule):
    """Checked per student once students are part of the facts (a later issue)."""

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
