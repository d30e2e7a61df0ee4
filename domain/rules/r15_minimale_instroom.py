"""R-15: intake below the minimum group size of an uitstroomrichting."""
from __future__ import annotations

from domain.facts import Route, Settings

from .base import ActiveRouteRule, Finding, kwalificatie_label


class R15MinimaleInstroom(ActiveRouteRule):
    id = "R-15"
    level = "warning"
    title = "Instroom onder de minimale groepsgrootte"
    description = (
        "De instroom van een uitstroomrichting ligt onder de minimale groepsgrootte die de "
        "route nodig heeft om de kosten te dekken. Geldt voor elke actieve route, ook buiten de "
        "wet.")
    title_en = "Intake below the minimum group size"
    description_en = (
        "The intake of an uitstroomrichting is below the minimum group size the route needs to "
        "cover its costs. Applies to every active route, also outside the law.")
    source = "Praktijk (kostendekking per uitstroomrichting)"

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        return [
            self.fail("uitstroomrichtingen", (
                f"Uitstroomrichting {kwalificatie_label(richting.kwalificatie)} heeft een "
                f"instroom van {richting.intake}, onder de minimale groepsgrootte van "
                f"{richting.min_intake}."), richting.kwalificatie.code)
            for richting in obj.uitstroomrichtingen
            if richting.active and richting.min_intake is not None
            and richting.intake is not None and richting.intake < richting.min_intake
        ]
