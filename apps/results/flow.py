"""The flow of a cohort through its route: per elapsed school year of the cohort, where its members
are at the end of that year (or on ``on`` for the current year): still in the route, in the route
after repeating that year (doublure), out of the route by destination, with the mbo diploma, or with
the diploma and continued to a higher level (mbo 3/4, hbo). The categories split the members who had
entered by then, so each bar adds up to the cohort as it was on that day (zij-instromers join later).

One aggregating query per school year over the engine's state on that day (``engine.with_state``):
never a loop over students. Kept in its own module so the engine and this flow change apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from apps.students.models import Destination, Event, EventKind
from domain.calendar import end_of_year, school_year_of

from .engine import Scope, students_in, today, with_state

IN_ROUTE, REPEATED, DIPLOMA, DOORSTROOM = "in_route", "doublure", "diploma", "doorstroom"
LEFT = "left_"   # + the destination ("left_entree"); "left_geen" also holds a leaver without one recorded


def categories() -> list[tuple[str, str]]:
    """(key, label) of every category, in the order the chart stacks them."""
    return [
        (IN_ROUTE, _("in de route")), (REPEATED, _("in de route, doublure")),
        (DIPLOMA, _("mbo-diploma")), (DOORSTROOM, _("diploma en doorstroom (niveau 3/4, hbo)")),
        *((LEFT + value, _("uit de route: %(destination)s") % {"destination": label})
          for value, label in Destination.choices),
    ]


@dataclass(frozen=True)
class FlowYear:
    elapsed: int             # 1 for the cohort's first school year
    school_year: int
    on: date                 # the day the state is taken (31 July, or ``on`` in the current year)
    counts: dict[str, int]   # per category key

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _year_counts(students, cohort: int, k: int, on: date) -> dict[str, int]:
    school_year = cohort + k - 1
    repeated = Exists(Event.objects.filter(student=OuterRef("pk"), kind=EventKind.DOUBLURE, school_year=school_year))
    moved_on = Exists(Event.objects.filter(student=OuterRef("pk"), kind=EventKind.DOORSTROOM, date__lte=on))
    state = with_state(students, on).annotate(repeated=repeated, moved_on=moved_on).filter(member=1)
    in_route = Q(gone=0, holder=0)
    sums = {
        IN_ROUTE: Count("pk", filter=in_route & Q(repeated=False)),
        REPEATED: Count("pk", filter=in_route & Q(repeated=True)),
        DIPLOMA: Count("pk", filter=Q(holder=1, moved_on=False)),
        DOORSTROOM: Count("pk", filter=Q(holder=1, moved_on=True)),
    }
    for value in Destination.values:
        where = Q(out_to=value)
        if value == Destination.GEEN:
            where |= Q(out_to="")       # a leaver without a recorded destination: unknown
        sums[LEFT + value] = Count("pk", filter=Q(gone=1) & where)
    return state.aggregate(**sums)


def cohort_flow(scope: Scope, cohort: int, on: date | None = None) -> list[FlowYear]:
    """The flow of ``cohort`` in ``scope``: one FlowYear per elapsed school year up to the school year
    of ``on`` (default today), ending early after the first year in which nobody is in the route any
    more."""
    on = on or today()
    students = students_in(scope).filter(cohort=cohort)
    years = []
    for k in range(1, school_year_of(on) - cohort + 2):
        day = min(end_of_year(cohort, k), on)
        counts = _year_counts(students, cohort, k, day)
        years.append(FlowYear(k, cohort + k - 1, day, counts))
        if counts[IN_ROUTE] + counts[REPEATED] == 0 and sum(counts.values()):
            break
    return years
