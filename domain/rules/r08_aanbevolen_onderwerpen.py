"""R-08: the agreement also covers the recommended topics."""
from __future__ import annotations

from domain.facts import RECOMMENDED_TOPICS, Agreement, Settings
from domain.messages import Message, gettext_noop, join

from .base import TOPIC_NAMES, AgreementRule, Finding


class R08AanbevolenOnderwerpen(AgreementRule):
    id = "R-08"
    level = "warning"
    title = "Aanbevolen onderwerpen in de overeenkomst"
    description = (
        "De overeenkomst regelt ook de onderwerpen die het vroegere experimentenbesluit vroeg en "
        "de praktijk aanraadt: gebruik van voorzieningen, sector en opleidingsdomein, "
        "betrokkenheid van werkgevers, klachten, examinering en diplomering, administratie en "
        "gegevensuitwisseling (AVG), begeleiding en zorg, verzuimmelding, looptijd, evaluatie en "
        "beëindiging, medezeggenschap.")
    title_en = "Recommended topics of the agreement"
    description_en = (
        "The agreement also covers the topics the earlier experiment decree required and "
        "practice recommends: use of facilities, sector and education domain, involvement of "
        "employers, complaints, examination and diplomas, administration and data exchange "
        "(GDPR), guidance and care, absence reporting, term, evaluation and termination, "
        "participation councils.")
    source = "Besluit experimenten doorlopende leerroutes vmbo-mbo (vervallen); praktijk"

    def check(self, obj: Agreement, settings: Settings) -> list[Finding]:
        missing = [Message.of(gettext_noop("'%(topic)s'"), topic=Message(TOPIC_NAMES[topic]))
                   for topic in RECOMMENDED_TOPICS if topic not in obj.topics]
        if not missing:
            return []
        template = (gettext_noop("Het aanbevolen onderwerp %(topics)s ontbreekt in de overeenkomst; het wordt "
                                 "aangeraden dit vast te leggen.") if len(missing) == 1 else
                    gettext_noop("De aanbevolen onderwerpen %(topics)s ontbreken in de overeenkomst; het wordt "
                                 "aangeraden dit vast te leggen."))
        return [self.fail("topics", Message.of(template, topics=join(missing)))]
