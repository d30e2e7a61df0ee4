"""R-02: the mbo kwalificatie is related ("verwant") to the route's vmbo profiel."""
from __future__ import annotations

from domain.facts import Route, Settings
from domain.messages import Message, gettext_noop, join

from .base import Finding, LegalRouteRule, kwalificatie_label


class R02VerwantProfiel(LegalRouteRule):
    id = "R-02"
    level = "warning"
    title = "Kwalificatie verwant aan het vmbo-profiel"
    description = (
        "De mbo-kwalificatie van elke uitstroomrichting is verwant aan een vmbo-profiel van de "
        "route. De beheerder houdt de tabel met verwante combinaties bij; een combinatie die "
        "daar niet in staat, geeft een waarschuwing.")
    title_en = "Qualification related to the vmbo profiel"
    description_en = (
        "The mbo qualification of each uitstroomrichting is related to one of the route's vmbo "
        "profielen. An administrator keeps the table of related pairs; a pair that is not in "
        "it gives a warning.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157); verwantschapstabel"

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        active = [u.kwalificatie for u in obj.uitstroomrichtingen if u.active]
        if not active:
            return []
        if not obj.profielen:
            return [self.fail("profielen", Message(gettext_noop(
                "Er is geen vmbo-profiel vastgelegd, dus de verwantschap met de "
                "mbo-kwalificaties kan niet worden gecontroleerd; leg het profiel van de route "
                "vast.")))]
        profielen = sorted(obj.profielen)
        template = (gettext_noop(
            "Kwalificatie %(kwalificatie)s staat in de verwantschapstabel niet bij het vmbo-profiel "
            "%(profielen)s; controleer de keuze of vraag de beheerder de combinatie toe te voegen.")
            if len(profielen) == 1 else gettext_noop(
            "Kwalificatie %(kwalificatie)s staat in de verwantschapstabel niet bij de vmbo-profielen "
            "%(profielen)s; controleer de keuze of vraag de beheerder de combinatie toe te voegen."))
        return [
            self.fail("uitstroomrichtingen", Message.of(
                template, kwalificatie=kwalificatie_label(kwalificatie), profielen=join(profielen)),
                kwalificatie.code)
            for kwalificatie in active
            if not any((profiel, kwalificatie.code) in obj.related_pairs for profiel in profielen)
        ]
