"""The cooperation around a route (domain.md section 8): the kinds of overleg, the categories of
knelpunten, and when a meeting counts as one of both sides. Pure data and functions."""
from __future__ import annotations

from dataclasses import dataclass

# The kinds of overleg and how often each is meant to meet by default (times per school year; 0: as
# needed). Their labels are the app's (apps/cooperation/models.py).
MEETING_FREQUENCY: dict[str, int] = {
    "stuurgroep": 4,
    "werkgroep": 6,          # per profiel; Assen's teachers meet six times a year
    "directieberaad": 6,     # Profijt: every two months
    "docentenoverleg": 6,
    "planning": 1,           # the yearly planning meeting in May/June (TOT)
    "bestuurlijk": 1,        # the yearly board talk (Het Element)
    "overig": 0,
}

# The knelpunten the sources name (domain.md section 8), by code; labels in the app.
KNELPUNT_CATEGORIES = (
    "ov_kaart", "vervoerskosten", "programma_overladen", "bpv_plaatsen", "personeelsverloop", "docenttijd",
    "examenmomenten", "cascadetelling", "mbo_registratie", "ouders", "concurrentie", "cao_cultuur",
    "arbeidsmarkt", "overig",
)


@dataclass(frozen=True)
class Attendee:
    side: str          # "vo" or "mbo": the partner role of the person's institution in the route
    present: bool


def both_sides_present(attendees: list[Attendee] | tuple[Attendee, ...]) -> bool:
    """A meeting of the partners counts when at least one person of the vo side and one of the mbo side
    were there (Profijt cancels a meeting when the mbo partners cannot attend)."""
    present = {a.side for a in attendees if a.present}
    return {"vo", "mbo"} <= present


# A category counts as recurring in a region when knelpunten of it were logged on at least this many routes.
RECURRING_FROM = 2


@dataclass(frozen=True)
class LoggedKnelpunt:
    category: str
    route: int | None   # the route's id; None for a knelpunt of the region as a whole
    open: bool          # not yet solved


@dataclass(frozen=True)
class CategoryCount:
    category: str
    routes: int         # routes with a knelpunt of this category
    total: int          # knelpunten of this category (the routes' and the region's own)
    open: int           # of which not yet solved

    @property
    def recurring(self) -> bool:
        return self.routes >= RECURRING_FROM


def count_per_category(knelpunten) -> list[CategoryCount]:
    """The knelpunten of a region counted per category: recurring categories (logged on most routes) on
    top, then by number of knelpunten, then in the catalogue's order; categories without any left out."""
    routes: dict[str, set] = {}
    total: dict[str, int] = {}
    still_open: dict[str, int] = {}
    for k in knelpunten:
        total[k.category] = total.get(k.category, 0) + 1
        still_open[k.category] = still_open.get(k.category, 0) + (1 if k.open else 0)
        if k.route is not None:
            routes.setdefault(k.category, set()).add(k.route)
    order = {c: i for i, c in enumerate(KNELPUNT_CATEGORIES)}
    counts = [CategoryCount(c, len(routes.get(c, ())), total[c], still_open[c]) for c in total]
    return sorted(counts, key=lambda c: (-c.routes, -c.total, order.get(c.category, len(order)), c.category))
