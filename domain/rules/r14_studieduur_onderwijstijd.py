"""R-14: one study duration and one onderwijstijd for the whole route."""
from __future__ import annotations

from domain.facts import Route, Settings
from domain.messages import Message, gettext_noop

from .base import Finding, LegalRouteRule, format_number


class R14StudieduurOnderwijstijd(LegalRouteRule):
    id = "R-14"
    level = "warning"
    title = "Eén studieduur en onderwijstijd"
    description = (
        "Voor de hele route zijn één studieduur en één onderwijstijd vastgelegd. De "
        "onderwijstijd is minstens het ingestelde aantal uren per jaar maal de studieduur "
        "(standaard 1.000 uur per jaar: een route van 3 jaar heeft 3.000 uur).")
    title_en = "One study duration and onderwijstijd"
    description_en = (
        "One study duration and one onderwijstijd are declared for the whole route. The "
        "onderwijstijd is at least the configured hours per year times the study duration "
        "(default 1,000 hours a year: a 3-year route has 3,000 hours).")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157); handreiking onderwijstijd"

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        years, hours = obj.study_duration_years, obj.onderwijstijd_hours
        findings = []
        if years is None:
            findings.append(self.fail("study_duration_years", Message(gettext_noop(
                "De studieduur van de route is niet vastgelegd; leg één studieduur voor de hele "
                "route vast."))))
        if hours is None:
            findings.append(self.fail("onderwijstijd_hours", Message(gettext_noop(
                "De onderwijstijd van de route is niet vastgelegd; leg één onderwijstijd (in "
                "uren) voor de hele route vast."))))
        if years is not None and hours is not None:
            minimum = years * settings.min_hours_per_year
            if hours < minimum:
                findings.append(self.fail("onderwijstijd_hours", Message.of(gettext_noop(
                    "De onderwijstijd is %(hours)s uur; %(years)s jaar vraagt minstens %(minimum)s uur."),
                    hours=format_number(hours), years=years, minimum=format_number(minimum))))
        return findings
