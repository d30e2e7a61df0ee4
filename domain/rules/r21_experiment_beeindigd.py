"""R-21: routes of the old experiment regulations cannot be active after 31 July 2022."""
from __future__ import annotations

from domain.facts import Route, Settings
from domain.messages import Message, gettext_noop

from .base import PHASE_NAMES, Finding, RouteRule


class R21ExperimentBeeindigd(RouteRule):
    id = "R-21"
    level = "error"
    title = "Experimentroute beëindigd"
    description = (
        "Routes van de oude experimentregelingen (VM2, vakmanschapsroute, technologieroute) "
        "moesten vanaf 1 augustus 2022 aan de wet voldoen: een route met het type experiment "
        "kan na 31 juli 2022 niet meer actief zijn. Zet de route op gestopt of zet haar om naar "
        "een doorlopende of geïntegreerde leerroute.")
    title_en = "Experiment route ended"
    description_en = (
        "Routes of the old experiment regulations (VM2, vakmanschapsroute, technologieroute) "
        "had to meet the law from 1 August 2022: a route of type experiment cannot be active "
        "after 31 July 2022. Stop the route or convert it to a doorlopende or geïntegreerde "
        "leerroute.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157), overgangsrecht"
    blocks = frozenset({"route.save"})

    def applies(self, obj: Route, settings: Settings) -> bool:
        return super().applies(obj, settings) and obj.type == "experiment"

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        end = settings.experiment_end
        findings = []
        if obj.active and settings.today > settings.experiment_end:
            phase = Message(PHASE_NAMES.get(obj.phase, obj.phase))
            findings.append(self.fail("phase", Message.of(gettext_noop(
                "De experimentroute is nog actief (fase '%(phase)s'), maar routes van de oude "
                "experimentregelingen mogen na %(end)s niet meer actief zijn. Zet de fase op "
                "'gestopt' of zet de route om naar een doorlopende of geïntegreerde leerroute."),
                phase=phase, end=end)))
        if obj.end_date is not None and obj.end_date > settings.experiment_end:
            findings.append(self.fail("end_date", Message.of(gettext_noop(
                "De einddatum %(day)s ligt na %(end)s; een experimentroute eindigt uiterlijk op %(end)s."),
                day=obj.end_date, end=end)))
        return findings
