"""R-12: every partner has registered the route with DUO (RIO) itself."""
from __future__ import annotations

from domain.facts import Route, Settings
from domain.messages import Message, gettext_noop

from .base import FAILED, WARNING, Finding, LegalRouteRule


class R12RegistratieRio(LegalRouteRule):
    id = "R-12"
    level = "warning"
    title = "Registratie in RIO door elke partner"
    description = (
        "Elke partnerschool registreert de route zelf bij DUO (RIO); één registratie voor "
        "beide kan niet; 15 oktober is de peildatum van het ministerie. Zonder registratie mag de "
        "ruimte van de wet niet worden gebruikt: zodra de route leerlingen heeft, is een "
        "ontbrekende registratie een fout.")
    title_en = "Registration in RIO by every partner"
    description_en = (
        "Every partner school registers the route with DUO (RIO) itself; one registration for "
        "both is not possible; 15 October is the ministry's measuring date. Without registration "
        "the law's room may not be used: once the route has students, a missing registration is "
        "an error.")
    source = "DUO, Registratie Instellingen en Opleidingen (RIO)"

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        status = FAILED if obj.has_students else WARNING
        consequence = Message(gettext_noop(
            " De route heeft leerlingen: zonder registratie mag de ruimte van de wet niet worden "
            "gebruikt.")) if obj.has_students else ""
        return [
            self.finding(status, "partners", Message.of(gettext_noop(
                "%(institution)s (%(brin)s) heeft de route niet zelf in RIO bij DUO geregistreerd; elke "
                "partner registreert de route apart (peildatum 15 oktober).%(consequence)s"),
                institution=partner.institution, brin=partner.brin, consequence=consequence))
            for partner in obj.partners if partner.rio_registered_on is None
        ]
