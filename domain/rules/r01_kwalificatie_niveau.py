"""R-01: a legal route leads to an mbo kwalificatie of level 2, 3 or 4, never Entree."""
from __future__ import annotations

from domain.facts import Route, Settings
from domain.messages import Message, gettext_noop

from .base import Finding, LegalRouteRule, kwalificatie_label

ROUTE_LEVELS = (2, 3, 4)
PHASES_WITHOUT_CHOICE = frozenset({"in_ontwikkeling", "gestopt"})


class R01KwalificatieNiveau(LegalRouteRule):
    id = "R-01"
    level = "error"
    title = "Kwalificatie van niveau 2, 3 of 4"
    description = (
        "Een doorlopende of geïntegreerde leerroute leidt naar een mbo-kwalificatie van niveau "
        "2, 3 of 4, nooit naar Entree (niveau 1). Een route heeft minstens één actieve "
        "uitstroomrichting; alleen in de fase 'in ontwikkeling' mag die keuze nog open zijn.")
    title_en = "Qualification of level 2, 3 or 4"
    description_en = (
        "A doorlopende or geïntegreerde leerroute leads to an mbo qualification of level 2, 3 "
        "or 4, never to Entree (level 1). A route has at least one active uitstroomrichting; "
        "only a route still in development may leave that choice open.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157)"
    blocks = frozenset({"route.save"})

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        active = [u for u in obj.uitstroomrichtingen if u.active]
        if not active and obj.phase not in PHASES_WITHOUT_CHOICE:
            return [self.fail("uitstroomrichtingen", Message(gettext_noop(
                "De route heeft geen actieve uitstroomrichting; leg minstens één "
                "mbo-kwalificatie van niveau 2, 3 of 4 vast. Alleen een route in ontwikkeling "
                "mag deze keuze nog open laten.")))]
        findings = []
        for richting in active:
            kwalificatie = richting.kwalificatie
            if kwalificatie.level in ROUTE_LEVELS:
                continue
            template = (gettext_noop("Kwalificatie %(kwalificatie)s is niveau %(level)s (Entree); een "
                                     "doorlopende leerroute leidt naar niveau 2, 3 of 4.")
                        if kwalificatie.level == 1 else
                        gettext_noop("Kwalificatie %(kwalificatie)s is niveau %(level)s; een doorlopende "
                                     "leerroute leidt naar niveau 2, 3 of 4."))
            findings.append(self.fail("uitstroomrichtingen", Message.of(
                template, kwalificatie=kwalificatie_label(kwalificatie), level=kwalificatie.level),
                kwalificatie.code))
        return findings
