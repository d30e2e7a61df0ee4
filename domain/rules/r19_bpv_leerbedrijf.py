"""R-19: BPV at a recognised leerbedrijf with a praktijkovereenkomst."""
from __future__ import annotations

from .base import StudentRule


class R19BpvLeerbedrijf(StudentRule):
    """Checked per student once students are part of the facts (a later issue)."""

    id = "R-19"
    level = "error"
    title = "BPV bij een erkend leerbedrijf"
    description = (
        "Beroepspraktijkvorming (BPV), ook als die al in de vo-fase begint, vindt plaats bij een "
        "erkend leerbedrijf en met een praktijkovereenkomst.")
    title_en = "Work placement at a recognised company"
    description_en = (
        "Work placement (BPV), also when it starts in the vo phase, takes place at a recognised "
        "leerbedrijf with a placement agreement (praktijkovereenkomst).")
    source = "Wet educatie en beroepsonderwijs; Wet doorlopende leerroutes vmbo-mbo"
    blocks = frozenset({"student.enrol"})
