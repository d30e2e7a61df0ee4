"""The results of routes: the KPI catalogue K-01..K-12, how a figure is written (percentages with one
decimal rounded half up, studieduur in years with two decimals, "–" for a denominator 0), small-count
suppression of a list of figures, the above/below signal against a target or benchmark, and a
REFERENCE computation of the cohort KPIs and the yearly jaarresultaat over plain per-student path
records.

The reference is written for clarity, one student at a time, straight from the conventions of the
domain brief (section 7); the database engine (``apps.results.engine``) computes the same figures with
aggregating queries, and the tests hold the two against each other on the same students.

Conventions (pinned):
- school year Y runs 1 August Y to 31 July Y+1; a KPI "on date D" uses the state on D;
- cohort Y = the students whose group's route year 1 is school year Y (zij-instromers included);
- a student is in the route from instroom until an mbo diploma of the route or an uitstroom; a
  terugkeer puts them back in (a leaver who came back is not a leaver);
- elapsed time, never the route year, measures duration ("by the end of year k" = on or before 31
  July of Y + k); a doublure does not reset the clock and is not uitval;
- startkwalificatie = an mbo diploma of level 2 or higher (or a havo/vwo diploma).

Pure Python: no Django imports.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from domain.calendar import end_of_year, latest_teldatum, school_year_of, year_end, year_start
from domain.path import KIND_ORDER

PERCENT, YEARS, COUNT = "%", "jaar", "aantal"
DASH = "–"          # a figure with denominator 0
# The dates a KPI may be asked on: school years 1990-1991 to 2099-2100 (cohort years are bounded alike).
FIRST_DAY, LAST_DAY = date(1990, 8, 1), date(2100, 7, 31)
SMALL = "<5"        # a count from 1 to 4, outside the route's partners
LIMIT = 5

# -- the catalogue ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kpi:
    id: str
    label: str          # Dutch, as the pages and the API show it
    unit: str           # "%", "jaar", "aantal"
    per: str            # "cohort" (on a date) or "schooljaar"
    convention: str     # how it is counted, in one sentence (Dutch, for the pages)


CATALOGUE: dict[str, Kpi] = {k.id: k for k in (
    Kpi("K-01", "Instroom", COUNT, "cohort",
        "Aantal leerlingen van het cohort op de peildatum (zij-instromers tellen mee in het cohort van hun groep)."),
    Kpi("K-02", "Uitval uit de route", PERCENT, "cohort",
        "Cohortleden die op de peildatum uit de route zijn zonder mbo-diploma van de route; doublure, switch, "
        "tussentijds certificaat of terugkeer is geen uitval."),
    Kpi("K-03", "Voortijdig schoolverlaten (VSV)", PERCENT, "cohort",
        "Cohortleden uit de route zonder startkwalificatie met bestemming werk of geen/onbekend."),
    Kpi("K-04", "Diploma binnen k jaar", PERCENT, "cohort",
        "Cohortleden met een mbo-diploma gedateerd op of vóór 31 juli van cohortjaar + k (verstreken tijd)."),
    Kpi("K-05", "Doorstroom", PERCENT, "cohort",
        "Van de gediplomeerden van wie de eerste 1 oktober na het diploma voorbij is: ingeschreven op een hoger "
        "mbo-niveau of in het hbo op die 1 oktober."),
    Kpi("K-06", "Studieduur", YEARS, "cohort",
        "Gemiddeld aantal schooljaren van het eerste schooljaar van het cohort tot en met het schooljaar van het "
        "diploma, min 0,5 bij een diploma tussen 1 augustus en 31 januari."),
    Kpi("K-07", "Binding", PERCENT, "cohort",
        "Cohortleden die op de peildatum in de route zitten of een startkwalificatie hebben."),
    Kpi("K-08", "Jaarresultaat", PERCENT, "schooljaar",
        "Diploma's in het schooljaar / (diploma's + leerlingen die in het schooljaar zonder diploma uit de route "
        "gingen en niet vóór het eind van het schooljaar terugkwamen), over alle cohorten."),
    Kpi("K-09", "Groepsgrootte", COUNT, "schooljaar",
        "Instroom in routejaar 1 van het schooljaar volgens het register, tegen de minimale instroom (R-15)."),
    Kpi("K-10", "Bereik", PERCENT, "schooljaar",
        "Aandeel van de vmbo-leerlingen van de regio in leerjaar 3 per leerweg dat een wettelijke route volgt."),
    Kpi("K-11", "Switch", PERCENT, "cohort",
        "Cohortleden die vóór of op de peildatum minstens één keer van uitstroomrichting wisselden."),
    Kpi("K-12", "Succes na doorstroom", PERCENT, "cohort",
        "Van de doorstromers (K-05): het percentage dat het diploma op het hogere niveau haalde."),
)}

# The cohort KPIs the reference (and the engine) compute; K-04 comes once per year count k.
YEARLY_UITVAL = "uitval"     # K-08/<year>/uitval: the yearly uitval rate beside the jaarresultaat
ZIJ_INSTROOM = "K-01/zij"    # K-01's zij-instroom, shown apart
COHORT_KPIS = ("K-01", "K-02", "K-03", "K-04", "K-05", "K-06", "K-07", "K-11", "K-12")
FIRST_K = 2          # K-04/2 is the first year count shown
MIN_LAST_K = 4       # ... up to the route's length, at least 4

DESTINATIONS_IN_EDUCATION = ("regulier_vmbo", "entree", "ander_mbo", "havo")
DESTINATIONS_VSV = ("werk", "geen", "")          # "" = not recorded: unknown
# K-02 by destination of the last uitstroom: K-02/<destination>, one per destination (the register's
# Event.destination); a leaver without one recorded is counted under "geen" (geen of onbekend).
DESTINATIONS = (*DESTINATIONS_IN_EDUCATION, "werk", "geen")
UNRECORDED_AS = "geen"
DESTINATION_LABELS = {"regulier_vmbo": "regulier vmbo", "entree": "Entree (mbo 1)", "ander_mbo": "andere mbo-opleiding",
                      "havo": "havo", "werk": "werk", "geen": "geen of onbekend"}


def uitval_to(destination: str) -> str:
    """The id of K-02's part for leavers to ``destination`` ("" counts as "geen"): "K-02/entree"."""
    return f"K-02/{destination or UNRECORDED_AS}"
DOORSTROOM_LEVELS = {"mbo3": 3, "mbo4": 4, "hbo": 5}
STARTKWALIFICATIE_LEVEL = 2


def kpi_of(figure_id: str) -> Kpi:
    """The catalogue entry of a figure id ("K-04/3" -> K-04, "K-08/2022" -> K-08)."""
    return CATALOGUE[figure_id.split("/")[0]]


def label_of(figure_id: str) -> str:
    """The figure's label: "Diploma binnen 3 jaar" for K-04/3, "Jaarresultaat 2022-2023" for K-08/2022."""
    kpi, _, parameter = figure_id.partition("/")
    base = CATALOGUE[kpi].label
    if figure_id == ZIJ_INSTROOM:
        return "Waarvan zij-instroom"
    if kpi == "K-02" and parameter in DESTINATION_LABELS:
        return f"Waarvan naar {DESTINATION_LABELS[parameter]}"
    if kpi == "K-04" and parameter:
        return f"Diploma binnen {parameter} jaar"
    if CATALOGUE[kpi].per == "schooljaar" and parameter:
        year, _, group = parameter.partition("/")
        if group == YEARLY_UITVAL:
            return f"Uitval {year}-{int(year) + 1}"
        return f"{base} {year}-{int(year) + 1}" + (f" ({group})" if group else "")
    return f"{base} ({parameter})" if parameter else base


def k_range(route_length: int | None) -> range:
    """The year counts k of K-04: 2 .. the route's length, at least 4."""
    return range(FIRST_K, max(MIN_LAST_K, route_length or 0) + 1)


# -- writing figures -------------------------------------------------------------------------------

ONE_DECIMAL, TWO_DECIMALS = Decimal("0.1"), Decimal("0.01")


def percentage(numerator: int, denominator: int) -> Decimal | None:
    """numerator / denominator as a percentage with one decimal, rounded half up (Decimal, exact);
    None for a denominator 0 (shown as "–", never as 0)."""
    if not denominator:
        return None
    return (Decimal(100 * numerator) / Decimal(denominator)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def mean_years(half_years: int, count: int) -> Decimal | None:
    """A mean studieduur from the sum of the holders' durations in half years: years with two
    decimals, rounded half up; None without holders."""
    if not count:
        return None
    return (Decimal(half_years) / Decimal(2 * count)).quantize(TWO_DECIMALS, rounding=ROUND_HALF_UP)


def as_text(value: Decimal | None) -> str | None:
    """The API's writing of a value: "88.0", "3.09", "78"; None stays None."""
    return None if value is None else str(value)


def shown(value: Decimal | None, unit: str) -> str:
    """The page's writing of a value (Dutch decimal comma): "88,0%", "3,09 jaar", "78", "–"."""
    if value is None:
        return DASH
    text = str(value).replace(".", ",")
    return {PERCENT: f"{text}%", YEARS: f"{text} jaar"}.get(unit, text)


@dataclass(frozen=True)
class Figure:
    """One figure of a scope: a cohort KPI ("K-01", "K-04/3") or a yearly one ("K-08/2022")."""
    id: str
    label: str
    numerator: int | None
    denominator: int | None
    value: Decimal | None
    unit: str
    suppressed: bool = False

    @property
    def kpi(self) -> str:
        return self.id.split("/")[0]

    @property
    def text(self) -> str:
        return SMALL if self.suppressed else shown(self.value, self.unit)


def figure(figure_id: str, numerator: int | None, denominator: int | None, value: Decimal | None = None) -> Figure:
    """A figure with its label and unit from the catalogue; a percentage's value from its counts."""
    kpi = kpi_of(figure_id)
    if kpi.unit == PERCENT:
        value = percentage(numerator, denominator)
    elif kpi.unit == COUNT and value is None and numerator is not None:
        value = Decimal(numerator)
    return Figure(figure_id, label_of(figure_id), numerator, denominator, value, kpi.unit)


# -- small-count suppression of figures -------------------------------------------------------------

# Chains of figures of one cohort where each figure's students are part of the next one's (a reader
# can subtract the counts): zij-instroom within the intake, VSV within uitval, diploma within k years
# within k + 1 years, succes within doorstroom, an intake group within the year's intake.
def _chains(ids: list[str]) -> list[list[str]]:
    ks = sorted(int(i.split("/")[1]) for i in ids if i.startswith("K-04/"))
    chains = [[ZIJ_INSTROOM, "K-01"], ["K-03", "K-02"], ["K-12", "K-05"], [f"K-04/{k}" for k in ks]]
    chains += [[uitval_to(d), "K-03", "K-02"] if d in DESTINATIONS_VSV else [uitval_to(d), "K-02"]
               for d in DESTINATIONS]
    chains += [[i, i.rsplit("/", 1)[0]] for i in ids if i.startswith("K-09/") and i.count("/") == 2]
    return [[i for i in chain if i in ids] for chain in chains]


def _small(count: int | None) -> bool:
    return count is not None and 0 < count < LIMIT


def _leaks(f: Figure) -> bool:
    """A figure gives away a count from 1 to 4: its numerator, its denominator, or the rest
    (denominator - numerator) that the two shown together reveal."""
    rest = f.denominator - f.numerator if f.numerator is not None and f.denominator is not None else None
    return _small(f.numerator) or _small(f.denominator) or _small(rest)


def hide(f: Figure) -> Figure:
    return replace(f, numerator=None, denominator=None, value=None, suppressed=True)


# Totals split into parts that add up to them: K-02 into its destinations.
def _partitions(ids: list[str]) -> list[tuple[str, list[str]]]:
    parts = [uitval_to(d) for d in DESTINATIONS if uitval_to(d) in ids]
    return [("K-02", parts)] if "K-02" in ids and parts else []


def _partition_leak(result: dict, original: dict, total: str, parts: list[str]) -> str | None:
    """A part to hide so that a total and its parts give no hidden part away, or None: while the total
    is shown, the hidden parts must be at least two and together not 1 to 4 (else the total minus the
    parts shown gives them); while it is hidden, at least one part must be (else the parts add up to
    it). The part to hide is the smallest shown with a count; the total when there is none."""
    hidden = [p for p in parts if result[p].suppressed]
    shown = sorted((p for p in parts if not result[p].suppressed and result[p].numerator),
                   key=lambda p: (result[p].numerator, parts.index(p)))
    if result[total].suppressed:
        needed = not hidden and original[total].numerator and shown
    else:
        needed = hidden and (len(hidden) == 1 or _small(sum(original[p].numerator or 0 for p in hidden)))
    if not needed:
        return None
    return shown[0] if shown else total


def suppress_figures(figures: list[Figure], hidden=()) -> list[Figure]:
    """The figures as a reader outside the route's partners may see them: a figure that shows a count
    from 1 to 4 (numerator, denominator, or their difference) is hidden whole (numerator, denominator
    and value None, ``suppressed``), and so is the smaller of two nested figures shown whose numerators
    differ by 1 to 4 (VSV within uitval, diploma within k years within the next year count shown, a
    destination within uitval), and a part of a total split into parts (K-02 by destination) where the
    total and the other parts would give a hidden part away (``_partition_leak``), until nothing shown
    reveals a count from 1 to 4. Figures without counts (value only) pass. ``hidden``: ids hidden in
    any case (a region hides what one of its routes hides), before the rules run.
    Known limit: sums across unrelated figures (K-02 + K-07 = K-01 when no leaver holds a havo
    diploma) are covered by each figure's own rest (denominator - numerator), not checked apart."""
    original = {f.id: f for f in figures}
    result = {f.id: (hide(f) if _leaks(f) or f.id in hidden else f) for f in figures}
    changed = True
    while changed:
        changed = False
        for chain in _chains(list(result)):
            visible = [i for i in chain if not result[i].suppressed]   # a hidden link: compare across it
            for part, whole in zip(visible, visible[1:], strict=False):
                if _small((result[whole].numerator or 0) - (result[part].numerator or 0)):
                    result[part] = hide(result[part])
                    changed = True
                    break
        for total, parts in _partitions(list(result)):
            leak = _partition_leak(result, original, total, parts)
            if leak is not None:
                result[leak] = hide(result[leak])
                changed = True
    return [result[f.id] for f in figures]


# -- the above/below signal -------------------------------------------------------------------------

MEETS, MISSES = "voldoet", "voldoet_niet"


def signal(value: Decimal | None, operator: str, norm: Decimal) -> str | None:
    """Whether a figure meets a target or benchmark: ">=" (at least the norm: higher is better) or
    "<=" (at most the norm: lower is better). None when there is no value to compare."""
    if value is None:
        return None
    if operator == ">=":
        return MEETS if value >= norm else MISSES
    if operator == "<=":
        return MEETS if value <= norm else MISSES
    raise ValueError(f"Onbekende norm {operator!r}: kies >= of <=.")


# Benchmarks carry no operator; whether more is better follows from the KPI.
LOWER_IS_BETTER = frozenset({"K-02", "K-03", "K-06", "K-11"})


def benchmark_operator(figure_id: str) -> str:
    """">=" when more is better, "<=" when less is (uitval, VSV, studieduur, switch)."""
    lower = figure_id.split("/")[0] in LOWER_IS_BETTER or figure_id.endswith("/" + YEARLY_UITVAL)
    return "<=" if lower else ">="


# -- the reference computation ----------------------------------------------------------------------

ENTRY_KINDS = ("instroom", "zij_instroom")


@dataclass(frozen=True)
class Step:
    """One event of a student's path that the KPIs look at."""
    kind: str                       # instroom, zij_instroom, doublure, overgang, switch, certificaat,
    #                                 mbo_diploma, uitstroom, terugkeer, doorstroom
    date: date
    destination: str = ""           # uitstroom
    kwalificatie: str = ""          # instroom, switch, mbo_diploma: the kwalificatie code
    level: int | None = None        # mbo_diploma: the diploma's level; doorstroom: 3, 4 or 5 (hbo)


@dataclass(frozen=True)
class PathRecord:
    """A student as the KPIs see them: the cohort and the path's steps (any order)."""
    cohort: int
    steps: tuple[Step, ...]
    other_startkwalificatie_on: date | None = None   # a havo/vwo diploma (not held by the register)
    followup_diploma_on: date | None = None          # K-12: diploma at the higher level after doorstroom


@dataclass(frozen=True)
class Snapshot:
    """A student's state on a day, replayed from the steps up to and including that day."""
    member: bool = False            # entered by the day
    zij_instroom: bool = False
    in_route: bool = False
    left: bool = False
    left_on: date | None = None
    destination: str = ""
    diploma_on: date | None = None
    diploma_level: int | None = None
    switched: bool = False


def _ordered(steps) -> list[Step]:
    return sorted(steps, key=lambda s: (s.date, KIND_ORDER.index(s.kind) if s.kind in KIND_ORDER else 99))


def snapshot(record: PathRecord, day: date) -> Snapshot:
    """The state on ``day``: in the route, graduated or out (and where to), and whether the student
    switched uitstroomrichting by then."""
    state, current = Snapshot(), ""
    for step in _ordered(s for s in record.steps if s.date <= day):
        if step.kind in ENTRY_KINDS:
            state = replace(state, member=True, in_route=True, zij_instroom=step.kind == "zij_instroom")
            current = step.kwalificatie
        elif step.kind == "switch":
            if current and step.kwalificatie and step.kwalificatie != current:
                state = replace(state, switched=True)
            current = step.kwalificatie or current
        elif step.kind == "uitstroom":
            state = replace(state, in_route=False, left=True, left_on=step.date, destination=step.destination)
        elif step.kind == "terugkeer":
            state = replace(state, in_route=True, left=False, left_on=None, destination="")
        elif step.kind == "mbo_diploma":
            state = replace(state, in_route=False, diploma_on=step.date, diploma_level=step.level)
    return state


def startkwalificatie(record: PathRecord, state: Snapshot, day: date) -> bool:
    """An mbo diploma of level 2 or higher (a diploma of unknown level is a route's diploma, which
    R-01 puts at level 2 or higher), or a havo/vwo diploma, by ``day``."""
    mbo = state.diploma_on is not None and (state.diploma_level is None
                                            or state.diploma_level >= STARTKWALIFICATIE_LEVEL)
    other = record.other_startkwalificatie_on is not None and record.other_startkwalificatie_on <= day
    return mbo or other


def first_teldatum_after(day: date) -> date:
    """The first 1 October after ``day`` (a diploma on 1 October waits for the next one)."""
    this_year = date(day.year, 10, 1)
    return this_year if day < this_year else date(day.year + 1, 10, 1)


def doorstroom(record: PathRecord, state: Snapshot) -> bool:
    """K-05's numerator: enrolled at a higher level than the diploma on the first 1 October after it."""
    teldatum = first_teldatum_after(state.diploma_on)
    level = state.diploma_level or STARTKWALIFICATIE_LEVEL
    return any(s.kind == "doorstroom" and s.date <= teldatum and (s.level or 0) > level for s in record.steps)


def half_years(cohort: int, diploma_on: date) -> int:
    """K-06 for one holder in half years: the school years from the cohort's first up to and including
    the diploma's, minus a half when the diploma is dated 1 August - 31 January."""
    years = 2 * (school_year_of(diploma_on) - cohort + 1)
    return years - 1 if diploma_on.month in (8, 9, 10, 11, 12, 1) else years


def reference_cohort(records: list[PathRecord], cohort: int, on: date, route_length: int | None = None) \
        -> list[Figure]:
    """The cohort KPIs of ``cohort`` on ``on`` over ``records`` (the scope's students), one student
    at a time: K-01, K-02 (and per destination, K-02/<destination>), K-03, K-04/k, K-05, K-06, K-07,
    K-11, K-12."""
    members = [(r, snapshot(r, on)) for r in records if r.cohort == cohort]
    members = [(r, s) for r, s in members if s.member]
    n = len(members)
    out = [(r, s) for r, s in members if s.left]
    vsv = [(r, s) for r, s in out if s.destination in DESTINATIONS_VSV and not startkwalificatie(r, s, on)]
    holders = [(r, s) for r, s in members if s.diploma_on is not None]
    counted = [(r, s) for r, s in holders if s.diploma_on < latest_teldatum(on)]     # their first 1 October has passed
    doorstromers = [(r, s) for r, s in counted if doorstroom(r, s)]
    successful = [r for r, s in doorstromers if r.followup_diploma_on is not None and r.followup_diploma_on <= on]
    bound = [(r, s) for r, s in members if s.in_route or startkwalificatie(r, s, on)]
    figures = [figure("K-01", n, None), figure(ZIJ_INSTROOM, sum(s.zij_instroom for _, s in members), None),
               figure("K-02", len(out), n),
               *(figure(uitval_to(d), sum(uitval_to(s.destination) == uitval_to(d) for _, s in out), n)
                 for d in DESTINATIONS),
               figure("K-03", len(vsv), n)]
    for k in k_range(route_length):
        by = min(end_of_year(cohort, k), on)
        figures.append(figure(f"K-04/{k}", sum(s.diploma_on <= by for _, s in holders), n))
    figures.append(figure("K-05", len(doorstromers), len(counted)))
    figures.append(figure("K-06", None, len(holders),
                          mean_years(sum(half_years(cohort, s.diploma_on) for _, s in holders), len(holders))))
    figures.append(figure("K-07", len(bound), n))
    figures.append(figure("K-11", sum(s.switched for _, s in members), n))
    figures.append(figure("K-12", len(successful), len(doorstromers)))
    return figures


def reference_year(records: list[PathRecord], school_year: int) -> list[Figure]:
    """K-08 jaarresultaat of ``school_year`` over all cohorts: diplomas dated in the school year /
    (those + students whose time in the route ended in the school year without a diploma and who did
    not come back before its end); and the yearly uitval (K-08/<year>/uitval): those leavers / the
    students in the route on some day of the school year (in it on 31 July before, or entering or
    coming back during it)."""
    start, end = year_start(school_year), year_end(school_year)
    diplomas = ended = present = 0
    for record in records:
        state = snapshot(record, end)
        if state.diploma_on is not None and start <= state.diploma_on <= end:
            diplomas += 1
        elif state.left and start <= state.left_on <= end:
            ended += 1
        before = snapshot(record, start - timedelta(days=1))
        came = any(s.kind in (*ENTRY_KINDS, "terugkeer") and start <= s.date <= end for s in record.steps)
        present += (before.member and before.in_route) or came
    return [figure(f"K-08/{school_year}", diplomas, diplomas + ended),
            figure(f"K-08/{school_year}/{YEARLY_UITVAL}", ended, present)]


def matches(figure_id: str, kpi: str, parameter: str = "") -> bool:
    """Whether a target or benchmark (a KPI id and a parameter, as ``RouteTarget`` stores them) is about
    this figure: "K-04" "3" is K-04/3; "K-02" "" is K-02; a yearly KPI ("K-08", "K-09") matches its
    figure of every school year, "K-08" "uitval" the yearly uitval."""
    base, _, rest = figure_id.partition("/")
    if base != kpi.strip().upper():
        return False
    parameter = parameter.strip()
    if CATALOGUE[base].per == "schooljaar":
        _, _, group = rest.partition("/")
        return group == parameter
    return rest == parameter
