"""The flow of a cohort through its route: per elapsed school year of the cohort, where its members
are at the end of that year (or on ``on`` for the current year): still in the route, in the route
after repeating that year (doublure), out of the route by destination, with the mbo diploma, or with
the diploma and continued to a higher level (mbo 3/4, hbo). The categories split the members who had
entered by then, so each bar adds up to the cohort as it was on that day (zij-instromers join later).

One aggregating query per school year over the engine's state on that day (``engine.state_sql``):
never a loop over students. Kept in its own module so the engine and this flow change apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.utils.translation import gettext_lazy as _

from apps.students.models import Destination, Event
from domain.calendar import end_of_year, school_year_of

from .engine import Scope, state_sql, students_in, today

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


FLOW_SQL = """{state}
SELECT out_to,
       SUM(CASE WHEN gone = 0 AND holder = 0 AND NOT {repeated} THEN 1 ELSE 0 END) AS in_route,
       SUM(CASE WHEN gone = 0 AND holder = 0 AND {repeated} THEN 1 ELSE 0 END) AS doublure,
       SUM(CASE WHEN holder = 1 AND NOT {moved_on} THEN 1 ELSE 0 END) AS diploma,
       SUM(CASE WHEN holder = 1 AND {moved_on} THEN 1 ELSE 0 END) AS doorstroom,
       SUM(gone) AS gone
FROM state GROUP BY out_to
"""
REPEATED_SQL = ("EXISTS (SELECT 1 FROM {event} x WHERE x.student_id = state.sid AND x.kind = 'doublure'"
                " AND x.school_year = %s)")
MOVED_ON_SQL = ("EXISTS (SELECT 1 FROM {event} x WHERE x.student_id = state.sid AND x.kind = 'doorstroom'"
                " AND x.date <= %s)")


def _year_counts(students, cohort: int, k: int, on: date) -> dict[str, int]:
    """The categories of the members on ``on`` (the engine's state), in one query."""
    state, params = state_sql(students, on)
    table = Event._meta.db_table
    sql = FLOW_SQL.format(state=state, repeated=REPEATED_SQL.format(event=table),
                          moved_on=MOVED_ON_SQL.format(event=table))
    school_year, day = cohort + k - 1, connection.ops.adapt_datefield_value(on)
    counts = dict.fromkeys([IN_ROUTE, REPEATED, DIPLOMA, DOORSTROOM, *(LEFT + v for v in Destination.values)], 0)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, school_year, school_year, day, day])
        for out_to, in_route, repeated, diploma, doorstroom, gone in cursor.fetchall():
            counts[IN_ROUTE] += in_route or 0
            counts[REPEATED] += repeated or 0
            counts[DIPLOMA] += diploma or 0
            counts[DOORSTROOM] += doorstroom or 0
            if out_to is not None:     # a leaver without a recorded destination: unknown
                counts[LEFT + (out_to or Destination.GEEN)] += gone or 0
    return counts


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
