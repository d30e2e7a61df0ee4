"""R-11: double enrolment of an mbo-phase student without vmbo diploma."""
from __future__ import annotations

from .base import StudentRule


class R11DubbeleInschrijving(StudentRule):
    """Checked per student once students are part of the facts (a later issue)."""

    id = "R-11"
    level = "error"
    title = "Dubbele inschrijving zonder vmbo-diploma"
    description = (
        "Een leerling in de mbo-fase van een doorlopende leerroute zonder vmbo-diploma blijft "
        "onbekostigd ingeschreven bij de vo-school tot het vo-deel is afgerond. Die dubbele "
        "inschrijving mag alleen zolang er vmbo-examenonderdelen openstaan, en uiterlijk tot het "
        "eind van routejaar 3.")
    title_en = "Double enrolment without vmbo diploma"
    description_en = (
        "A student in the mbo phase of a doorlopende leerroute without a vmbo diploma stays "
        "enrolled, unfunded, at the vo school until the vo part is finished. This double "
        "enrolment is valid only while vmbo exam parts are open, and at most until the end of "
        "route year 3.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157); DUO"
    blocks = frozenset({"student.enrol"})
