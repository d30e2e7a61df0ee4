"""R-07: the agreement covers the mandatory topics."""
from __future__ import annotations

from domain.facts import MANDATORY_TOPICS, Agreement, Settings
from domain.messages import Message, gettext_noop

from .base import TOPIC_NAMES, AgreementRule, Finding


class R07VerplichteOnderwerpen(AgreementRule):
    id = "R-07"
    level = "error"
    title = "Verplichte onderwerpen in de overeenkomst"
    description = (
        "De samenwerkingsovereenkomst of interne regeling regelt ten minste: aansturing; "
        "organisatorische en onderwijskundige inrichting; bekostiging (de overdracht van "
        "bekostiging, of uitdrukkelijk geen); overstapoptie. Een concept mag onvolledig zijn, "
        "maar kan pas worden ondertekend als deze onderwerpen erin staan.")
    title_en = "Mandatory topics of the agreement"
    description_en = (
        "The cooperation agreement or internal regulation covers at least: governance; "
        "organisational and educational arrangement; funding (the transfer of funding, or "
        "explicitly none); the switch option. A draft may be incomplete, but it cannot be "
        "signed until these topics are in it.")
    source = ("Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157); DUO; "
              "sterkberoepsonderwijs.nl")
    blocks = frozenset({"agreement.sign"})

    def check(self, obj: Agreement, settings: Settings) -> list[Finding]:
        if any(s.signed_on for s in obj.signatures):
            template = gettext_noop("Het onderwerp '%(topic)s' ontbreekt in de ondertekende overeenkomst; "
                                    "vul de overeenkomst aan.")
        else:
            template = gettext_noop("Het onderwerp '%(topic)s' ontbreekt; vul het aan voordat de "
                                    "overeenkomst wordt ondertekend.")
        return [
            self.fail("topics", Message.of(template, topic=Message(TOPIC_NAMES[topic])), topic)
            for topic in MANDATORY_TOPICS if topic not in obj.topics
        ]
