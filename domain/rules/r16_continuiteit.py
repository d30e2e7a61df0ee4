"""R-16: continuity risks: one contact person, no financial agreement, no recent meeting."""
from __future__ import annotations

from domain.facts import Contact, Route, Settings
from domain.messages import Message, gettext_noop

from .base import PASSED, ActiveRouteRule, Finding, months_before

SINGLE_CONTACT = gettext_noop("%(who)s is afhankelijk van één contactpersoon (%(name)s, %(role)s); leg een tweede "
                              "contactpersoon vast zodat de overdracht geborgd is.")
# The same for a reader who may not see the route's people (apps.routes.disclosure).
SINGLE_CONTACT_UNNAMED = gettext_noop("%(who)s is afhankelijk van één contactpersoon (%(role)s); leg een tweede "
                                      "contactpersoon vast zodat de overdracht geborgd is.")


class R16Continuiteit(ActiveRouteRule):
    id = "R-16"
    level = "warning"
    title = "Continuïteitsrisico"
    description = (
        "Een route is kwetsbaar als een partner afhangt van één contactpersoon (geteld per "
        "partner), als er geen financiële afspraak is tussen de partners, of als er langer dan "
        "een instelbare periode (standaard 6 maanden) geen partneroverleg is geweest; een route "
        "die bewust zonder structureel overleg draait, wordt op dat laatste niet gecontroleerd. "
        "Geldt voor elke actieve route.")
    title_en = "Continuity risk"
    description_en = (
        "A route is at risk when a partner depends on one contact person (counted per partner), "
        "it has no financial agreement between the partners, or it had no partner meeting for "
        "longer than a configurable period (default 6 months); a route that runs without "
        "structural meetings on purpose is not checked on the last. Applies to every active "
        "route.")
    source = "Praktijk; VM2-monitor (continuïteitsfactoren)"

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        findings = self.contact_risks(obj)
        if not obj.settlement_model:
            findings.append(self.fail("settlement_model", Message(gettext_noop(
                "Er is geen financiële afspraak tussen de partners vastgelegd; kies een "
                "verrekenmodel (M1 tot en met M5)."))))
        months = settings.meeting_interval_months
        if obj.without_structural_meetings:
            if not findings:
                return [self.finding(PASSED, "without_structural_meetings", Message(gettext_noop(
                    "Voldoet aan R-16. De route draait zonder structureel partneroverleg; het "
                    "laatste partneroverleg is daarom niet gecontroleerd.")))]
        elif obj.last_partner_meeting is None:
            findings.append(self.fail("last_partner_meeting", Message(gettext_noop(
                "Er is geen partneroverleg vastgelegd; plan een overleg en leg het vast."))))
        elif obj.last_partner_meeting < months_before(settings.today, months):
            findings.append(self.fail("last_partner_meeting", Message.of(gettext_noop(
                "Het laatste partneroverleg was op %(day)s, meer dan %(months)s maanden geleden; plan "
                "een nieuw overleg."), day=obj.last_partner_meeting, months=months)))
        return findings

    def contact_risks(self, obj: Route) -> list[Finding]:
        """Per partner institution fewer than two active contacts; a route without partners is
        counted as a whole."""
        active = [c for c in obj.contacts if c.active]
        if not obj.partners:
            return self.too_few(active, Message.of(gettext_noop("De route %(route)s"), route=obj.name), "")
        findings = []
        seen = set()
        for partner in obj.partners:
            if partner.institution in seen:
                continue
            seen.add(partner.institution)
            own = [c for c in active if c.institution == partner.institution]
            findings.extend(self.too_few(own, partner.institution, partner.brin))
        return findings

    def too_few(self, contacts: list[Contact], who: Message | str, item: str) -> list[Finding]:
        if not contacts:
            return [self.fail("contacts", Message.of(gettext_noop(
                "%(who)s heeft geen actieve contactpersoon voor de route; leg minstens twee "
                "contactpersonen vast."), who=who), item)]
        if len({c.name if c.person is None else c.person for c in contacts}) == 1:
            return [self.fail("contacts", Message.of(SINGLE_CONTACT, who=who, name=contacts[0].name,
                                                     role=contacts[0].role), item)]
        return []
