"""R-09: teambevoegdheid: every programme component is covered by a competent team member."""
from __future__ import annotations

from domain.facts import Route, Settings
from domain.messages import Message, gettext_noop

from .base import WARNING, Finding, LegalRouteRule


class R09Teambevoegdheid(LegalRouteRule):
    id = "R-09"
    level = "error"
    title = "Teambevoegdheid per programmaonderdeel"
    description = (
        "Elk programmaonderdeel van de route wordt gedekt door minstens één teamlid met de "
        "vereiste bevoegdheid of bekwaamheid. Zolang er nog geen programmaonderdelen zijn "
        "vastgelegd, is dat een waarschuwing (nog niet vastgelegd) en geen fout.")
    title_en = "Team competence per programme component"
    description_en = (
        "Every programme component of the route is covered by at least one team member holding "
        "the required competence. As long as no components are recorded, this is a warning "
        "(not yet recorded) rather than an error.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157)"

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        if not obj.components:
            return [self.finding(WARNING, "components", Message(gettext_noop(
                "De teambevoegdheid is nog niet vastgelegd: leg de programmaonderdelen van de "
                "route vast en per onderdeel het teamlid met de vereiste bevoegdheid.")))]
        return [
            self.fail("components", Message.of(gettext_noop(
                "Programmaonderdeel '%(component)s' wordt niet gedekt door een teamlid met de "
                "vereiste bevoegdheid of bekwaamheid; wijs een teamlid aan."), component=component.name))
            for component in obj.components if not component.covered_by.strip()
        ]
