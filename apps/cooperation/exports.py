"""The overleg of a route as a table for the Excel export (apps.core.lib.tabular.table_response): one row
per meeting of a school year, with its date (a date), overlegvorm, whether it was held or cancelled (and
why), whether both sides were present, who was there per side and how many decisions it took."""
from django.db.models import Count
from django.utils.translation import gettext as _

from apps.routes.models import Route
from domain.calendar import year_end, year_start

from . import models as m
from . import services


def meeting_headers() -> list[str]:
    return [_("Datum"), _("Overleg"), _("Overlegvorm"), _("Soort overleg"), _("Status"), _("Reden afgelasting"),
            _("Beide kanten aanwezig"), _("Aanwezig vo-kant"), _("Aanwezig mbo-kant"), _("Afwezig"),
            _("Aantal besluiten")]


def meetings_of_year(route: Route, school_year: int):
    """The route's meetings held (or cancelled) in the school year, in date order."""
    return (route.meetings.filter(held_on__gte=year_start(school_year), held_on__lte=year_end(school_year))
            .select_related("series").annotate(decision_count=Count("decisions")).order_by("held_on", "pk"))


def meeting_rows(route: Route, school_year: int) -> list[list]:
    side_of = services.sides(route)
    meetings = list(meetings_of_year(route, school_year))
    present: dict[int, dict[str, list[str]]] = {mt.pk: {"vo": [], "mbo": [], "absent": []} for mt in meetings}
    for a in (m.Attendance.objects.filter(meeting__in=[mt.pk for mt in meetings]).select_related("person")
              .order_by("person__name")):
        names = present[a.meeting_id]
        if not a.present:
            names["absent"].append(a.person.name)
            continue
        for side in sorted(side_of.get(a.person.institution_id, ())):
            names[side].append(a.person.name)
    rows = []
    for mt in meetings:
        names = present[mt.pk]
        rows.append([
            mt.held_on, mt.title or mt.get_kind_display(), str(mt.series) if mt.series else "",
            mt.get_kind_display(), _("afgelast") if mt.cancelled else _("gehouden"), mt.cancel_reason,
            "" if mt.cancelled else (_("ja") if mt.both_sides else _("nee")),
            ", ".join(names["vo"]), ", ".join(names["mbo"]), ", ".join(names["absent"]), mt.decision_count,
        ])
    return rows
