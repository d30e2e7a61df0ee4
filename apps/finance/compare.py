"""Two scenarios side by side: per party what each statement gives (its "per partij" total), the
difference A minus B, and the same figures as a bar chart (``apps.core.lib.charts``)."""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from apps.core.lib.charts import Chart, Kind, Series
from domain.numbers import format_eur

from .exports import euros


@dataclass(frozen=True)
class Line:
    """One party (or the transfer): its amount in A and in B (cents, None where that scenario has no
    such party) and the difference A minus B (a missing amount counts as 0)."""

    label: str
    a: int | None
    b: int | None

    @property
    def difference(self) -> int:
        return (self.a or 0) - (self.b or 0)


@dataclass(frozen=True)
class Comparison:
    lines: list[Line]
    transfer: Line
    chart: Chart


def compare(a, b, names: dict) -> Comparison | None:
    """The comparison of statements ``a`` and ``b`` (None when either is not computed); parties by
    institution name (``names``: "vo"/"mbo" to the route's institutions)."""
    if a is None or b is None:
        return None
    keys = list(dict.fromkeys([*a.parties, *b.parties]))
    lines = [Line(names.get(key, key), a.parties.get(key), b.parties.get(key)) for key in keys]
    transfer = Line(_("Overdracht"), a.transfer.amount_cents, b.transfer.amount_cents)
    series = [Series(_("Scenario A"), [euros(line.a) if line.a is not None else None for line in lines],
                     [format_eur(line.a) if line.a is not None else "–" for line in lines]),
              Series(_("Scenario B"), [euros(line.b) if line.b is not None else None for line in lines],
                     [format_eur(line.b) if line.b is not None else "–" for line in lines])]
    chart = Chart("scenario-chart", Kind.BARS, _("Per partij: scenario A en B"), [line.label for line in lines],
                  series, axis_label=_("euro"), label_header=_("Partij"))
    return Comparison(lines, transfer, chart)
