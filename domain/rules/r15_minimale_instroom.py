"""R-15: intake below the route's minimum group size, counted from the register per the route's
scope (per uitstroomrichting, klas, vo-school or the whole route)."""
from __future__ import annotations

from domain import teldatum
from domain.facts import Route, Settings
from domain.messages import Message, gettext_noop

from .base import ActiveRouteRule, Finding, kwalificatie_label

SCOPE_NAMES = {
    "uitstroomrichting": gettext_noop("per uitstroomrichting"),
    "klas": gettext_noop("per klas"),
    "vo_school": gettext_noop("per vo-school"),
    "route": gettext_noop("voor de hele route"),
}


class R15MinimaleInstroom(ActiveRouteRule):
    """Compares the intake the register holds (``Route.intake``: the students in route year 1 of
    the current school year, counted per group of the route's scope) with the minimum: per
    uitstroomrichting its own minimum or else the route's, for the other scopes the route's.
    A route still in development (no cohort yet) is not checked; a route without any student in
    the register has an intake of 0, and the message says the register holds none.

    The messages' parameter ``intake`` (and ``open_choice``, the students without a chosen
    uitstroomrichting) are the counts a reader outside the partners sees suppressed
    (``apps.routes.disclosure``); the finding's item names the group counted."""

    id = "R-15"
    level = "warning"
    title = "Instroom onder de minimale groepsgrootte"
    description = (
        "De instroom (de leerlingen in routejaar 1 van het schooljaar, geteld uit het register) "
        "ligt onder de minimale groepsgrootte die de route nodig heeft om de kosten te dekken. "
        "Het minimum geldt per uitstroomrichting, per klas, per vo-school (cohort) of voor de "
        "hele route. Geldt voor elke actieve route, ook buiten de wet.")
    title_en = "Intake below the minimum group size"
    description_en = (
        "The intake (the students in route year 1 of the school year, counted from the register) "
        "is below the minimum group size the route needs to cover its costs. The minimum applies "
        "per uitstroomrichting, per class, per vo-school (cohort) or to the whole route. Applies "
        "to every active route, also outside the law.")
    source = "Praktijk (kostendekking per uitstroomrichting)"

    def check(self, obj: Route, settings: Settings) -> list[Finding]:
        if obj.phase == "in_ontwikkeling" or obj.intake_school_year is None:
            return []
        year = teldatum.school_year_label(obj.intake_school_year)
        empty = "" if obj.has_students else Message(gettext_noop(
            " Het register bevat nog geen leerlingen van deze route."))
        counts = {group.key: group for group in obj.intake}
        if obj.min_intake_scope == "uitstroomrichting":
            open_choice = counts.get("")
            note = Message.of(gettext_noop(
                " Daarnaast %(open_choice)s leerling(en) in routejaar 1 zonder gekozen uitstroomrichting."),
                open_choice=open_choice.count) if open_choice and open_choice.count else ""
            findings = []
            for richting in obj.uitstroomrichtingen:
                minimum = richting.min_intake if richting.min_intake is not None else obj.min_intake
                group = counts.get(richting.kwalificatie.code)
                count = group.count if group else 0
                if richting.active and minimum is not None and count < minimum:
                    findings.append(self.fail("uitstroomrichtingen", Message.of(gettext_noop(
                        "Uitstroomrichting %(kwalificatie)s heeft in schooljaar %(year)s een instroom van "
                        "%(intake)s, onder de minimale groepsgrootte van %(minimum)s.%(note)s%(empty)s"),
                        kwalificatie=kwalificatie_label(richting.kwalificatie), year=year, intake=count,
                        minimum=minimum, note=note, empty=empty), richting.kwalificatie.code))
            return findings
        minimum = obj.min_intake
        if minimum is None:
            return []
        scope = Message(SCOPE_NAMES.get(obj.min_intake_scope, obj.min_intake_scope))
        if obj.min_intake_scope == "route":
            total = sum(group.count for group in obj.intake)
            if total >= minimum:
                return []
            return [self.fail("min_intake", Message.of(gettext_noop(
                "Route %(route)s heeft in schooljaar %(year)s een instroom van %(intake)s, onder de "
                "minimale groepsgrootte van %(minimum)s %(scope)s.%(empty)s"),
                route=obj.name, year=year, intake=total, minimum=minimum, scope=scope, empty=empty))]
        return [
            self.fail("min_intake", Message.of(gettext_noop(
                "%(group)s heeft in schooljaar %(year)s een instroom van %(intake)s, onder de minimale "
                "groepsgrootte van %(minimum)s %(scope)s."),
                group=group.label, year=year, intake=group.count, minimum=minimum, scope=scope), group.key)
            for group in obj.intake if group.count < minimum
        ]
