"""R-05: omitting the vmbo diploma (GLR) is allowed only for leerweg BB to mbo level 2."""
from __future__ import annotations

from domain.facts import Route, Settings, Student
from domain.messages import Message, gettext_noop

from .base import Finding, LegalRouteRule, kwalificatie_label, sorted_leerwegen

GLR_LEERWEG = "BB"
GLR_LEVEL = 2
LEVEL_TWO = gettext_noop("Kwalificatie %(kwalificatie)s is niveau %(level)s; een route zonder vmbo-diploma "
                         "leidt naar een mbo-kwalificatie van niveau 2.")


class R05ZonderVmboDiploma(LegalRouteRule):
    """Checks a route without vmbo diploma and, per student of such a route, the student's
    leerweg and chosen kwalificatie."""

    id = "R-05"
    subjects = frozenset({"route", "student"})
    level = "error"
    title = "Zonder vmbo-diploma alleen BB naar mbo 2"
    description = (
        "Alleen een geïntegreerde leerroute mag het vmbo-diploma weglaten, en alleen voor "
        "leerweg BB naar een mbo-kwalificatie van niveau 2. Het volledige vmbo-BB-programma "
        "wordt wel gegeven; het vmbo-examen mag geheel of gedeeltelijk vervallen.")
    title_en = "Without vmbo diploma only BB to mbo 2"
    description_en = (
        "Only a geïntegreerde leerroute may omit the vmbo diploma, and only for leerweg BB to "
        "an mbo qualification of level 2. The full vmbo-BB programme is still taught; the vmbo "
        "exam may be dropped partly or wholly.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157)"
    blocks = frozenset({"route.save", "student.enrol"})

    def applies(self, obj: Route, settings: Settings) -> bool:
        return super().applies(obj, settings) and not obj.vmbo_diploma

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        findings = []
        if obj.type == "doorlopend":
            findings.append(self.fail("vmbo_diploma", Message(gettext_noop(
                "Een doorlopende leerroute leidt altijd ook naar het vmbo-diploma; alleen een "
                "geïntegreerde leerroute mag het weglaten. Reik het vmbo-diploma uit of kies "
                "het type geïntegreerd."))))
        for leerweg in sorted_leerwegen(obj.leerwegen):
            if leerweg != GLR_LEERWEG:
                findings.append(self.fail("leerwegen", Message.of(gettext_noop(
                    "Leerweg %(leerweg)s is toegelaten, maar een route zonder vmbo-diploma is "
                    "alleen toegestaan voor leerweg BB. Laat alleen BB toe of reik het "
                    "vmbo-diploma uit."), leerweg=leerweg), leerweg))
        for richting in obj.uitstroomrichtingen:
            kwalificatie = richting.kwalificatie
            if richting.active and kwalificatie.level != GLR_LEVEL:
                findings.append(self.fail("uitstroomrichtingen", Message.of(
                    LEVEL_TWO, kwalificatie=kwalificatie_label(kwalificatie), level=kwalificatie.level),
                    kwalificatie.code))
        return findings

    def applies_to_student(self, student: Student, settings: Settings) -> bool:
        return super().applies_to_student(student, settings) and not student.route.vmbo_diploma

    def student_problems(self, student: Student, settings: Settings) -> list[Finding]:
        findings = []
        if student.leerweg != GLR_LEERWEG:
            findings.append(self.fail("leerweg", Message.of(gettext_noop(
                "De leerling volgt leerweg %(leerweg)s, maar een route zonder "
                "vmbo-diploma is alleen toegestaan voor leerweg BB. Plaats de leerling in een "
                "route met vmbo-diploma."), leerweg=student.leerweg), student.leerweg))
        kwalificatie = student.kwalificatie
        if kwalificatie is not None and kwalificatie.level != GLR_LEVEL:
            findings.append(self.fail("kwalificatie", Message.of(
                LEVEL_TWO, kwalificatie=kwalificatie_label(kwalificatie), level=kwalificatie.level),
                kwalificatie.code))
        return findings
