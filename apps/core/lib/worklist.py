"""One item of a user's work list on the start page (apps.dashboard): what needs the user now, with a
link to where to act. The apps that own the records make the items (``apps.students.worklist``,
``apps.finance.worklist``), each deciding access with its own visibility methods; the start page only
collects and sorts them. Pure: no Django."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# the kinds of item, in the order the start page lists them when nothing is overdue or due
KINDS = ("funding", "promotion", "approval", "r04", "import", "rules")


@dataclass(frozen=True)
class WorkItem:
    kind: str                 # one of KINDS (also the item's CSS/data attribute on the page)
    label: str                # what needs doing, in the user's language ("3 leerlingen ...")
    link: str                 # the page where the user acts on it
    route: str = ""           # the route's name, when the item belongs to one
    due: date | None = None   # the day it must be done by, if there is one
    overdue: bool = False     # the due day has passed and it is still there

    @classmethod
    def on(cls, today: date, kind: str, label: str, link: str, route: str = "", due: date | None = None,
           passed: bool | None = None) -> WorkItem:
        """An item as of ``today``: overdue when its due day lies before today (``passed`` overrides, for a
        deadline that is a day's end or a count date that has passed on the day itself)."""
        overdue = passed if passed is not None else (due is not None and due < today)
        return cls(kind, label, link, route, due, overdue)


def ordered(items) -> list[WorkItem]:
    """Overdue first, then by due day (items without one last), then by kind and route."""
    far = date.max
    return sorted(items, key=lambda i: (not i.overdue, i.due or far, KINDS.index(i.kind), i.route, i.label))
