"""A round's results as the pages and the API show them: per partner institution the average per item,
per section and per group of its submitted responses, the items where the partners differ most, the
answers to the phase question and the notes (per institution, without names); and the change over the
route's rounds. Only submitted responses count; a draft is its participant's alone. The arithmetic is
``domain.reflection``; this module reads the records and builds the charts (``apps.core.lib.charts``)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from apps.core.lib.charts import Chart, Kind, Series
from apps.registry.models import Institution
from domain import reflection as core

from . import models as m
from .services import partner_institutions

TOP_DIFFERENCES = 5


def _shown(value: Decimal | None) -> str:
    return "–" if value is None else f"{value}".replace(".", ",")


@dataclass
class Partner:
    institution: Institution
    invited: int = 0
    submitted: int = 0
    responses: list = field(default_factory=list)    # its participants' responses (who and their status)


@dataclass
class Row:
    """One item (or section, or group): the partners' averages in the partners' order."""
    key: str
    label: str
    values: list[Decimal | None]
    spread: Decimal | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)   # (institution name, note)
    text: str = ""
    group: str = ""
    section: str = ""

    @property
    def cells(self) -> list[str]:
        return [_shown(v) for v in self.values]

    @property
    def spread_shown(self) -> str:
        return _shown(self.spread)


@dataclass
class PhaseFit:
    institution: Institution
    counts: dict[str, int]
    notes: list[str]


@dataclass
class Results:
    round: m.ReflectionRound
    partners: list[Partner]
    comparable: bool
    items: list[Row]
    sections: list[Row]
    groups: list[Row]
    differing: list[Row]          # the items the partners differ most on (spread > 0), largest first
    phase_fit: list[PhaseFit]
    chart: Chart | None
    means: dict                   # institution pk -> {item, section and group key -> Fraction | None}


def _submitted(rnd: m.ReflectionRound):
    return (rnd.responses.filter(status=m.Response.Status.SUBMITTED)
            .select_related("institution").prefetch_related("answers"))


def _partners(rnd: m.ReflectionRound) -> list[Partner]:
    """The route's partner institutions, and any institution a participant answered for that is no
    longer a partner, with their counts of invitations and submitted responses."""
    partners = {i.pk: Partner(i) for i in partner_institutions(rnd.route)}
    for response in rnd.responses.select_related("institution", "user"):
        partner = partners.setdefault(response.institution_id, Partner(response.institution))
        partner.responses.append(response)
        partner.invited += 1
        partner.submitted += response.locked
    return list(partners.values())


def partner_means(responses) -> dict:
    """institution pk -> the means per item, section and group of its submitted responses."""
    by_partner = core.partner_means((r.institution_id, r.scores()) for r in responses)
    return {pk: {**means, **core.section_means(means), **core.group_means(means)} for pk, means in by_partner.items()}


def results(rnd: m.ReflectionRound) -> Results:
    partners = _partners(rnd)
    responses = list(_submitted(rnd))
    comparable = core.comparable({p.institution.pk: p.submitted for p in partners})
    means = partner_means(responses)
    shown = [p for p in partners if p.submitted] if comparable else []

    def values(key):
        return [core.rounded(means.get(p.institution.pk, {}).get(key)) for p in shown]

    spreads = {d.item: d for d in core.differences({p.institution.pk: means[p.institution.pk] for p in shown})}
    notes: dict[str, list[tuple[str, str]]] = {}
    for response in responses:
        for answer in response.answers.all():
            if answer.note:
                notes.setdefault(answer.item, []).append((response.institution.name, answer.note))
    items = [Row(i.id, f"{i.id} {i.title}", values(i.id),
                 core.rounded(spreads[i.id].spread) if i.id in spreads else None,
                 sorted(notes.get(i.id, [])) if comparable else [], text=i.text, group=str(i.group),
                 section=i.section)
             for i in core.ITEMS]
    # the sections of the groups that have more than one (the five conditions are one section)
    sections = [Row(s.key, s.label, values(s.key), group=str(s.group)) for s in core.SECTIONS
                if sum(t.group == s.group for t in core.SECTIONS) > 1]
    groups = [Row(str(g), core.GROUP_SHORT[g], values(str(g))) for g in core.Group]
    order = {d.item: n for n, d in enumerate(spreads.values())}
    differing = sorted((r for r in items if r.spread), key=lambda r: order[r.key])[:TOP_DIFFERENCES]
    phase_fit = []
    if comparable:
        for partner in shown:
            own = [r for r in responses if r.institution_id == partner.institution.pk]
            counts = Counter(r.phase_fit for r in own)
            phase_fit.append(PhaseFit(partner.institution, {k: counts.get(k, 0) for k in core.PHASE_FIT_LABELS},
                                      [r.phase_fit_note for r in own if r.phase_fit_note]))
    chart = _items_chart(rnd, shown, items) if comparable else None
    return Results(rnd, partners, comparable, items, sections, groups, differing, phase_fit, chart, means)


def _items_chart(rnd, partners: list[Partner], items: list[Row]) -> Chart:
    labels = [row.label for row in items]
    series = [Series(p.institution.name, [row.values[n] for row in items], [row.cells[n] for row in items])
              for n, p in enumerate(partners)]
    return Chart(f"reflection-{rnd.pk}", Kind.BARS, _("Gemiddelde score per onderdeel en per partner"), labels, series,
                 axis_label=_("score (1 tot en met 5)"), label_header=_("Onderdeel"), max_value=core.HIGHEST,
                 horizontal=True)


# --- over the rounds of a route ---------------------------------------------------------------------------


@dataclass
class TrendRow:
    institution: Institution
    group: str
    cells: list[str]
    change: str            # the last round against the one before


@dataclass
class Trend:
    rounds: list[m.ReflectionRound]
    charts: list[Chart]
    rows: list[TrendRow]


def _comparable(rnd: m.ReflectionRound) -> bool:
    submitted = Counter(rnd.responses.filter(status=m.Response.Status.SUBMITTED).values_list("institution", flat=True))
    return core.comparable(submitted)


def trend(route, rounds=None) -> Trend:
    """Per group a line per partner over the route's rounds whose results show (``core.comparable``; oldest
    first), and the same numbers with the change since the round before."""
    rounds = [r for r in (rounds if rounds is not None else route.reflection_rounds.all()) if _comparable(r)]
    per_round = [partner_means(_submitted(r)) for r in rounds]
    names = {i.pk: i for i in partner_institutions(route)}
    for rnd in rounds:
        for response in rnd.responses.select_related("institution"):
            names.setdefault(response.institution_id, response.institution)
    labels = [f"{r.title} ({r.ended_on:%m-%Y})" for r in rounds]
    charts, rows = [], []
    for group in core.Group:
        lines = core.trend(per_round, str(group))
        series = []
        for pk in names:
            if pk not in lines:
                continue
            values = [core.rounded(v) for v in lines[pk]]
            series.append(Series(names[pk].name, values, [_shown(v) for v in values]))
            last = lines[pk][-2:] if len(lines[pk]) > 1 else []
            delta = core.change({"x": last[0]}, {"x": last[1]})["x"] if last else None
            rows.append(TrendRow(names[pk], core.GROUP_SHORT[group], [_shown(v) for v in values],
                                 "" if delta is None else f"{'+' if delta > 0 else ''}{_shown(core.rounded(delta))}"))
        charts.append(Chart(f"reflection-trend-{group}", Kind.TREND, core.GROUP_LABELS[group], labels, series,
                            axis_label=_("gemiddelde score"), label_header=_("Ronde"), max_value=core.HIGHEST))
    return Trend(rounds, charts if rounds else [], rows)


@dataclass(frozen=True)
class Summary:
    """A route's latest reflection round whose results show, in two numbers for an overview of routes:
    the average of all items over the partners (each partner weighs the same) and the largest difference
    between the partners' averages on one item. No notes, no names."""
    round: m.ReflectionRound
    mean: Decimal | None
    largest_difference: Decimal | None


def latest_summary(route) -> Summary | None:
    for rnd in route.reflection_rounds.order_by("-closes_on", "-pk"):
        if not _comparable(rnd):
            continue
        by_partner = core.partner_means((r.institution_id, r.scores()) for r in _submitted(rnd))
        overall = core.mean(core.overall_means(by_partner).values())
        spreads = core.differences(by_partner)
        return Summary(rnd, core.rounded(overall), core.rounded(spreads[0].spread) if spreads else None)
    return None
