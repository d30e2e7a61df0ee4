"""Student counts as a reader outside the route's partners may see them (regional users, beheerders):
counts from 1 to 4 as "<5", and counts that could be derived from a total and the other parts
hidden too (``apps.core.lib.suppression``). The route's partners see the counts themselves.

Stored findings keep their counts (they are written once for every reader); their messages are
rewritten here for an outside reader, through the messages' parameters: the student rules' summary
("2 leerlingen van de route voldoen niet aan R-10") and R-15's intake counts, with the same values the
route page shows."""
from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy

from apps.core.lib.suppression import SMALL, TOTAL, suppress
from apps.core.lib.texts import message_of
from domain.messages import Message, RuleTitle
from domain.rules import r16_continuiteit as r16
from domain.rules.base import students_summary
from domain.teldatum import school_year_of

from . import compliance
from .models import IntakeScope, RoutePartner


def is_partner(user, route) -> bool:
    """Whether the user works at one of the route's partner institutions."""
    return (user.is_authenticated
            and RoutePartner.objects.filter(route=route, institution__in=user.institutions.all()).exists())


def counts_for(user, route, counts: dict, total: int | None = None) -> dict[str, str]:
    """``counts`` (and ``total``, under ``TOTAL``) as strings for this reader."""
    if is_partner(user, route):
        shown = {key: str(value) for key, value in counts.items()}
        return shown | ({TOTAL: str(total)} if total is not None else {})
    return suppress(counts, total)


def reported_students(user, route) -> int | str | None:
    """The number of students the partners reported for the route, as this reader may see it."""
    if route.reported_students is None or is_partner(user, route):
        return route.reported_students
    shown = suppress({"n": route.reported_students})["n"]
    return shown if shown == SMALL else route.reported_students


PHASES = {"vo": gettext_lazy("vo-fase"), "mbo": gettext_lazy("mbo-fase")}   # the students' Enrolment.phase


@dataclass
class RegisterCounts:
    """The route's students in the register in a school year, per route year and phase, as the reader may
    see them, beside the number the partners reported (``Route.reported_students``)."""
    school_year: int
    rows: list[tuple[int, str, str]]   # (route year, phase label, count shown)
    total: str


def register_counts(user, route, school_year: int) -> RegisterCounts:
    """The students with an enrolment in ``school_year``, per route year and phase of that enrolment, in one
    aggregating query (through the reverse relation: the routes app does not import the students app);
    counted on the reader's side of the route (``Route.counted_side``: one vo-school of several counts its
    own students) and suppressed outside the partners. A student is counted once in the total."""
    side = route.counted_side(user)
    students = route.students.filter(enrolments__school_year=school_year)
    if side.vo_schools:
        students = students.filter(vo_school__in=side.vo_schools)
    groups = (students.order_by("enrolments__route_year", "enrolments__phase")
              .values_list("enrolments__route_year", "enrolments__phase").annotate(n=Count("pk", distinct=True)))
    counts = {(route_year, phase): n for route_year, phase, n in groups}
    total = students.aggregate(n=Count("pk", distinct=True))["n"]
    shown = counts_for(user, route, {f"{ry}-{phase}": n for (ry, phase), n in counts.items()}, total)
    return RegisterCounts(school_year, [(ry, str(PHASES.get(phase, phase)), shown[f"{ry}-{phase}"])
                                        for ry, phase in counts], shown[TOTAL])


@dataclass
class Intake:
    """The intake of a school year as shown to a reader: per uitstroomrichting (key "" = no
    kwalificatie chosen yet), per group of the route's own scope, and the route's total."""
    per_uitstroomrichting: dict[str, str]
    per_scope: list[tuple[str, str, str]] | None   # (key, label, count) when the scope is not per uitstroomrichting
    total: str


def intake(user, route, school_year: int) -> Intake:
    by_richting = {c.key: c.count for c in compliance.intake_counts(route, school_year, IntakeScope.UITSTROOMRICHTING)}
    total = sum(by_richting.values())
    richting = counts_for(user, route, by_richting, total)
    scope = None
    if route.min_intake_scope in (IntakeScope.KLAS, IntakeScope.VO_SCHOOL):
        groups = compliance.intake_counts(route, school_year)
        shown = counts_for(user, route, {c.key: c.count for c in groups}, total)
        scope = [(c.key, c.label, shown[c.key]) for c in groups]
        if shown[TOTAL] != str(total):          # hidden in one view of the total: hidden in every view
            richting[TOTAL] = shown[TOTAL]
    elif route.min_intake_scope == IntakeScope.ROUTE:
        scope = [("", route.name, richting[TOTAL])]
    return Intake({k: v for k, v in richting.items() if k != TOTAL}, scope, richting[TOTAL])


# -- messages of stored findings ------------------------------------------------------------------

@dataclass
class ShownFinding:
    rule: str
    status: str
    field: str
    message: str                 # Dutch, with the counts this reader may see
    item: str = ""
    text: Message | None = None  # the same as a template with parameters (``apps.core.lib.texts.shown``)


CONTACT_NAME = re.compile(r"(contactpersoon) \(.*\)(;)")   # "(name, role)" in R-16's contact message


def without_contact_names(message: str) -> str:
    """R-16's message about a single contact person without who it is."""
    return CONTACT_NAME.sub(r"\1\2", message, count=1)


def _without_contact_name(text: Message | None, message: str) -> tuple[Message | None, str]:
    """R-16's single-contact finding without the person's name: its template without the name, or (a finding
    kept before findings had their parameters) the Dutch text with the name cut out."""
    if text is not None and text.template == r16.SINGLE_CONTACT:
        values = text.values
        text = Message.of(r16.SINGLE_CONTACT_UNNAMED, who=values["who"], role=values["role"])
        return text, str(text)
    return text, without_contact_names(message)


def findings_for(user, route, findings, school_year: int | None = None) -> list:
    """``findings`` (stored, just evaluated, or dicts as the API writes them) with the counts in their
    messages as this reader may see them, and without contact names for a reader who may not see the
    route's people (``Route.objects.with_people_for``); unchanged for the route's partners. The counts are
    the parameters of the message (``domain.messages.Message``): the student rules' summary (``n``) and
    R-15's intake (``intake``, ``open_choice``, the group named by the finding's item)."""
    if is_partner(user, route):
        return list(findings)
    names = route.people_visible_to(user)
    shown_intake = None
    result = []
    for finding in findings:
        if isinstance(finding, dict):  # as the API shows a finding
            finding = ShownFinding(**finding)
        text, message = message_of(finding), finding.message
        if finding.field == "contacts" and not names:
            text, message = _without_contact_name(text, message)
        if finding.status != "passed" and (finding.field == "students" or finding.rule == "R-15"):
            if finding.rule == "R-15" and shown_intake is None:
                year = school_year if school_year is not None else school_year_of(timezone.localdate())
                shown_intake = intake(user, route, year)
            if text is None:        # kept before findings had their parameters: the rule's title, no counts
                text = Message.of("%(title)s", title=RuleTitle(finding.rule))
            elif finding.field == "students":
                text = _students(text, finding.status)
            else:
                text = _intake(finding, text, shown_intake)
            message = str(text)
        result.append(ShownFinding(finding.rule, finding.status, finding.field, message,
                                   getattr(finding, "item", ""), text))
    return result


def _students(text: Message, status: str) -> Message:
    n = text.values["n"]
    shown = suppress({"n": n})["n"] if isinstance(n, int) else n
    return text if shown == str(n) else students_summary(shown, text.values["rule"], status == "failed")


def _intake(finding, text: Message, shown: Intake) -> Message:
    values = text.values
    if "intake" not in values:
        return text
    if finding.field == "uitstroomrichtingen":
        count = shown.per_uitstroomrichting.get(finding.item)
    elif "route" in values:        # the whole route's intake
        count = shown.total
    else:
        count = next((c for key, _label, c in shown.per_scope or () if key == finding.item), None)
    if count is None:
        count = suppress({"n": values["intake"]})["n"]
    return text.replace(intake=count, open_choice=shown.per_uitstroomrichting.get("", SMALL))
