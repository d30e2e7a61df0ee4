"""R-03: a route starts no earlier than vmbo year 3."""
from __future__ import annotations

from domain.facts import Route, Settings, Student
from domain.messages import Message, gettext_noop

from .base import Finding, LegalRouteRule

START_YEARS = (3, 4)


class R03StartVmboJaar(LegalRouteRule):
    """Checks the route's start year and, per student, the vmbo year at the student's start."""

    id = "R-03"
    subjects = frozenset({"route", "student"})
    level = "error"
    title = "Start op zijn vroegst in vmbo-leerjaar 3"
    description = (
        "Een doorlopende leerroute begint op zijn vroegst in vmbo-leerjaar 3: routejaar 1 is "
        "vmbo-leerjaar 3 of later. Dit wordt per route gecontroleerd en per leerling bij de "
        "inschrijving.")
    title_en = "Start no earlier than vmbo year 3"
    description_en = (
        "A route starts no earlier than vmbo year 3: route year 1 is vmbo year 3 or later. It "
        "is checked per route and per student at enrolment.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157)"
    blocks = frozenset({"route.save", "student.enrol"})

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        year = obj.start_vmbo_year
        if year is None or year in START_YEARS:
            return []
        if year < START_YEARS[0]:
            template = gettext_noop(
                "De route begint in vmbo-leerjaar %(year)s; een doorlopende leerroute begint op "
                "zijn vroegst in vmbo-leerjaar 3 (routejaar 1 is vmbo-leerjaar 3 of later).")
        else:
            template = gettext_noop(
                "Vmbo-leerjaar %(year)s bestaat niet; het vmbo heeft leerjaar 1 tot en met 4 en "
                "een doorlopende leerroute begint in leerjaar 3 of 4.")
        return [self.fail("start_vmbo_year", Message.of(template, year=year))]

    def student_problems(self, student: Student, settings: Settings) -> list[Finding]:
        year = student.vmbo_year_at_start
        if year in START_YEARS:
            return []
        if year < START_YEARS[0]:
            template = gettext_noop(
                "De leerling begint de route in vmbo-leerjaar %(year)s; een doorlopende leerroute "
                "begint op zijn vroegst in vmbo-leerjaar 3 (routejaar 1 is vmbo-leerjaar 3 of "
                "later).")
        else:
            template = gettext_noop(
                "Vmbo-leerjaar %(year)s bestaat niet; het vmbo heeft leerjaar 1 tot en met 4 en "
                "een leerling begint de route in leerjaar 3 of 4.")
        return [self.fail("vmbo_year_at_start", Message.of(template, year=year))]
