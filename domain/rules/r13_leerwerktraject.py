"""R-13: a leerwerktraject (LWT) is never part of a legal route.

The rule checks two subjects: a route (does it include an LWT?) and an agreement (does an LWT
agreement cover a legal route?). It is one class, dispatching on the type of the fact.
"""
from __future__ import annotations

from domain.facts import DLR_TYPES, Agreement, Route, Settings
from domain.messages import Message, gettext_noop

from .base import Finding, Rule


class R13Leerwerktraject(Rule[Route | Agreement]):
    id = "R-13"
    level = "error"
    subject = "route"
    subjects = frozenset({"route", "agreement"})
    title = "Geen leerwerktraject in de route"
    description = (
        "Een leerwerktraject (LWT) hoort bij het reguliere vmbo-BB: geen leerling in een "
        "doorlopende of geïntegreerde leerroute volgt een LWT. Een LWT dat de school naast de "
        "route uitvoert, heeft een eigen overeenkomst met het mbo die geen leerroute omvat.")
    title_en = "No leerwerktraject in the route"
    description_en = (
        "A leerwerktraject (LWT) is part of regular vmbo-BB only: no student in a doorlopende "
        "or geïntegreerde leerroute follows an LWT. An LWT the school runs beside the route has "
        "its own agreement with the mbo, which covers no leerroute.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157)"
    blocks = frozenset({"route.save", "agreement.save"})

    def applies(self, obj: Route | Agreement, settings: Settings) -> bool:
        if isinstance(obj, Route):
            return obj.is_legal_route
        return isinstance(obj, Agreement) and obj.kind == "lwt"

    def check(self, obj: Route | Agreement, settings: Settings) -> list[Finding]:
        if isinstance(obj, Route):
            if not obj.includes_lwt:
                return []
            return [self.fail("includes_lwt", Message(gettext_noop(
                "Een leerwerktraject (LWT) hoort bij het reguliere vmbo-BB en kan geen deel zijn "
                "van een doorlopende of geïntegreerde leerroute. Haal het LWT uit de route en "
                "leg het vast met een eigen overeenkomst met het mbo.")))]
        if not obj.route_types & DLR_TYPES:
            return []
        return [self.fail("routes", Message(gettext_noop(
            "Deze LWT-overeenkomst omvat een doorlopende of geïntegreerde leerroute; een "
            "leerwerktraject naast de route heeft een eigen overeenkomst. Koppel de "
            "LWT-overeenkomst los van de leerroute.")))]
