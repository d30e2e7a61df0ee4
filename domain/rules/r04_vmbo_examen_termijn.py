"""R-04: the vmbo exam is completed no later than the end of route year 3."""
from __future__ import annotations

from domain.facts import Route, Settings

from .base import Finding, LegalRouteRule

LAST_EXAM_ROUTE_YEAR = 3


class R04VmboExamenTermijn(LegalRouteRule):
    id = "R-04"
    level = "error"
    title = "Vmbo-examen uiterlijk in routejaar 3"
    description = (
        "Alle examenonderdelen die meetellen voor het vmbo-diploma zijn uiterlijk aan het eind "
        "van routejaar 3 afgerond: één jaar later dan in het reguliere vmbo. Geldt voor routes "
        "die het vmbo-diploma uitreiken.")
    title_en = "Vmbo exam by route year 3"
    description_en = (
        "All exam parts that count for the vmbo diploma are completed by the end of route year "
        "3, one year later than in regular vmbo. Applies to routes that issue the vmbo diploma.")
    source = "Wet doorlopende leerroutes vmbo-mbo (Stb. 2020, 157)"
    blocks = frozenset({"route.save"})

    def applies(self, obj: Route, settings: Settings) -> bool:
        return super().applies(obj, settings) and obj.vmbo_diploma

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        year = obj.vmbo_exam_route_year
        if year is None or year <= LAST_EXAM_ROUTE_YEAR:
            return []
        return [self.fail("vmbo_exam_route_year", (
            f"Het vmbo-examen is gepland tot en met routejaar {year}; alle examenonderdelen voor "
            "het vmbo-diploma moeten uiterlijk aan het eind van routejaar 3 zijn afgerond. "
            "Plan het examen eerder."))]
