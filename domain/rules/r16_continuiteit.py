"""R-16: continuity risks: one contact person, no financial agreement, no recent meeting."""
from __future__ import annotations

from domain.facts import Route, Settings

from .base import ActiveRouteRule, Finding, format_date, months_before


class R16Continuiteit(ActiveRouteRule):
    id = "R-16"
    level = "warning"
    title = "Continuïteitsrisico"
    description = (
        "Een route is kwetsbaar als ze afhangt van één contactpersoon, als er geen financiële "
        "afspraak is tussen de partners, of als er langer dan een instelbare periode (standaard "
        "6 maanden) geen partneroverleg is geweest. Geldt voor elke actieve route.")
    title_en = "Continuity risk"
    description_en = (
        "A route is at risk when it depends on one contact person, has no financial agreement "
        "between the partners, or had no partner meeting for longer than a configurable period "
        "(default 6 months). Applies to every active route.")
    source = "Praktijk; VM2-monitor (continuïteitsfactoren)"

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        findings = []
        contacts = [c for c in obj.contacts if c.active]
        if not contacts:
            findings.append(self.fail("contacts", (
                "De route heeft geen actieve contactpersoon; leg minstens twee contactpersonen "
                "vast.")))
        elif len(contacts) == 1:
            findings.append(self.fail("contacts", (
                f"De route is afhankelijk van één contactpersoon ({contacts[0].name}, "
                f"{contacts[0].role}); leg een tweede contactpersoon vast zodat de overdracht "
                "geborgd is.")))
        if not obj.settlement_model:
            findings.append(self.fail("settlement_model", (
                "Er is geen financiële afspraak tussen de partners vastgelegd; kies een "
                "verrekenmodel (M1 tot en met M5).")))
        months = settings.meeting_interval_months
        if obj.last_partner_meeting is None:
            findings.append(self.fail("last_partner_meeting", (
                "Er is geen partneroverleg vastgelegd; plan een overleg en leg het vast.")))
        elif obj.last_partner_meeting < months_before(settings.today, months):
            findings.append(self.fail("last_partner_meeting", (
                f"Het laatste partneroverleg was op {format_date(obj.last_partner_meeting)}, "
                f"meer dan {months} maanden geleden; plan een nieuw overleg.")))
        return findings
