"""R-20: a deviation from the standard onderwijstijd has the MR's consent."""
from __future__ import annotations

from domain.facts import Route, Settings
from domain.messages import Message, gettext_noop

from .base import Finding, LegalRouteRule


class R20InstemmingMr(LegalRouteRule):
    id = "R-20"
    level = "warning"
    title = "Instemming MR bij afwijkende onderwijstijd"
    description = (
        "Een afwijking van de standaard onderwijstijd (bijvoorbeeld meer BPV, minder begeleide "
        "uren of een verkorte route) heeft de vastgelegde instemming van de "
        "medezeggenschapsraad.")
    title_en = "Participation council consent for deviating onderwijstijd"
    description_en = (
        "A deviation from the standard onderwijstijd (for example more work placement, fewer "
        "guided hours or a shortened route) has the recorded consent of the participation "
        "council (medezeggenschapsraad).")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157); WMS"

    def applies(self, obj: Route, settings: Settings) -> bool:
        return super().applies(obj, settings) and bool(obj.onderwijstijd_deviation.strip())

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        if obj.mr_consent_on is not None:
            return []
        return [self.fail("mr_consent_on", Message(gettext_noop(
            "De route wijkt af van de standaard onderwijstijd, maar de instemming van de "
            "medezeggenschapsraad is niet vastgelegd; leg de datum van instemming vast.")))]
