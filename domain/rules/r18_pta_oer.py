"""R-18: integrated exam parts are laid down in the route's joint PTA/OER."""
from __future__ import annotations

from domain.facts import Route, Settings
from domain.messages import Message, gettext_noop

from .base import Finding, LegalRouteRule


class R18PtaOer(LegalRouteRule):
    id = "R-18"
    level = "error"
    title = "Geïntegreerd examen in gezamenlijk PTA/OER"
    description = (
        "Een examenonderdeel dat vmbo- en mbo-inhoud integreert, staat in het gezamenlijke "
        "PTA/OER van de route: één document dat programma en examinering per leerjaar voor de "
        "hele route beschrijft.")
    title_en = "Integrated exam in a joint PTA/OER"
    description_en = (
        "An exam part that integrates vmbo and mbo content is laid down in the route's joint "
        "PTA/OER: one document describing programme and examination per year for the whole "
        "route.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157)"
    blocks = frozenset({"route.save"})

    def applies(self, obj: Route, settings: Settings) -> bool:
        return super().applies(obj, settings) and obj.integrated_exam

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        if obj.pta_oer.strip():
            return []
        return [self.fail("pta_oer", Message(gettext_noop(
            "De route heeft examenonderdelen die vmbo en mbo integreren, maar er is geen "
            "gezamenlijk PTA/OER vastgelegd; leg het PTA/OER vast waarin deze onderdelen per "
            "leerjaar staan beschreven.")))]
