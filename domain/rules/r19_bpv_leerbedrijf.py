"""R-19: BPV at a recognised leerbedrijf with a praktijkovereenkomst."""
from __future__ import annotations

from domain.facts import Settings, Student
from domain.messages import Message, gettext_noop, join

from .base import Finding, StudentRule


class R19BpvLeerbedrijf(StudentRule):
    """Checked per BPV period of a student; one finding per period that falls short."""

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
    blocks = frozenset({"student.bpv"})

    def student_problems(self, student: Student, settings: Settings) -> list[Finding]:
        findings = []
        for period in student.bpv:
            missing: list[Message] = []
            if not period.recognised:
                missing.append(Message.of(gettext_noop("%(leerbedrijf)s is geen erkend leerbedrijf (SBB)"),
                                          leerbedrijf=period.leerbedrijf))
            if not period.praktijkovereenkomst:
                missing.append(Message(gettext_noop("er is geen praktijkovereenkomst")))
            if missing:
                findings.append(self.fail("bpv", Message.of(gettext_noop(
                    "BPV vanaf %(start)s: %(missing)s. BPV, ook in de vo-fase, vindt plaats bij een "
                    "erkend leerbedrijf en met een praktijkovereenkomst."),
                    start=period.start, missing=join(missing)), period.leerbedrijf))
        return findings
