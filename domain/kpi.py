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
from domain.numbers import format_number
from domain.path import KIND_ORDER
from domain.suppression import LIMIT, SMALL, TOTAL, suppress

PERCENT, YEARS, COUNT = "%", "jaar", "aantal"
DASH = "–"          # a figure with denominator 0
# The dates a KPI may be asked on: school years 1990-1991 to 2099-2100 (cohort years are bounded alike).
FIRST_DAY, LAST_DAY = date(1990, 8, 1), date(2100, 7, 31)

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
        "Aandeel van de vmbo-leerlingen van de regio in leerjaar 3 (of een ander gekozen leerjaar) per leerweg dat "
        "een wettelijke route (DLR/GLR) volgt, op 1 oktober van het schooljaar."),
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
    """The page's writing of a value (Dutch notation): "88,0%", "3,09 jaar", "78", "1.234", "–"."""
    if value is None:
        return DASH
    text = format_number(value)   # the one formatter: "88,0", "1.234"
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

NUMERATOR, DENOMINATOR = "numerator", "denominator"


# Chains of counts of one cohort where each count's students are part of the next one's (a reader can
# subtract them): zij-instroom within the intake, VSV within uitval, uitval to werk or geen (onbekend)
# within VSV, succes within doorstroom, diploma
# within k years within k + 1 years within all diploma holders (K-06's denominator: the holders minus
# the last K-04/k are the late diplomas) within the cohort (K-01: the cohort minus the holders are those
# without a diploma), and the holders counted for doorstroom (K-05's denominator) within all holders.
# A link is (figure id, which of its counts).
def _chains(ids: list[str]) -> list[list[tuple[str, str]]]:
    ks = sorted(int(i.split("/")[1]) for i in ids if i.startswith("K-04/"))
    chains = [[(ZIJ_INSTROOM, NUMERATOR), ("K-01", NUMERATOR)], [("K-03", NUMERATOR), ("K-02", NUMERATOR)],
              [("K-12", NUMERATOR), ("K-05", NUMERATOR)],
              [*((f"K-04/{k}", NUMERATOR) for k in ks), ("K-06", DENOMINATOR), ("K-01", NUMERATOR)],
              [("K-05", DENOMINATOR), ("K-06", DENOMINATOR), ("K-01", NUMERATOR)]]
    chains += [[(uitval_to(d), NUMERATOR), ("K-03", NUMERATOR)] for d in DESTINATIONS_VSV]   # VSV by destination
    return [[link for link in chain if link[0] in ids] for chain in chains]


def _small(count: int | None) -> bool:
    return count is not None and 0 < count < LIMIT


def _leaks(f: Figure) -> bool:
    """A figure gives away a count from 1 to 4: its numerator, its denominator, or the rest
    (denominator - numerator) that the two shown together reveal."""
    rest = f.denominator - f.numerator if f.numerator is not None and f.denominator is not None else None
    return _small(f.numerator) or _small(f.denominator) or _small(rest)


def hide(f: Figure) -> Figure:
    return replace(f, numerator=None, denominator=None, value=None, suppressed=True)


def _count(f: Figure, side: str) -> int:
    return getattr(f, side) or 0


def _hide_chains(result: dict[str, Figure]) -> bool:
    """Hide the part of the first link of a chain whose two shown counts differ by 1 to 4 (a hidden
    link is skipped: the counts either side of it are compared). Whether one was hidden."""
    for chain in _chains(list(result)):
        visible = [link for link in chain if not result[link[0]].suppressed]
        for (part, side), (whole, whole_side) in zip(visible, visible[1:], strict=False):
            if _small(_count(result[whole], whole_side) - _count(result[part], side)):
                result[part] = hide(result[part])
                return True
    return False


# Totals shown beside their parts (a part's id is its total's id and one step more): uitval per
# destination (K-02/<destination>), the intake per group of the route's minimum scope
# (K-09/<year>/<group>) and K-10 per leerweg (K-10/<year>/<leerweg>).
SUMMED = ("K-02", "K-09", "K-10")
REST = "rest"    # denominator - numerator: for K-10 the students of a leerweg in no route


def _groups(ids: list[str]) -> dict[str, list[str]]:
    """Each total of ``SUMMED`` shown with its parts: total id -> part ids."""
    groups: dict[str, list[str]] = {}
    for i in ids:
        total = i.rsplit("/", 1)[0]
        if i.split("/")[0] in SUMMED and total != i and total in ids:
            groups.setdefault(total, []).append(i)
    return groups


def _side(f: Figure, side: str) -> int | None:
    if side == REST:
        return f.denominator - f.numerator if f.numerator is not None and f.denominator is not None else None
    return getattr(f, side)


def _hide_groups(result: dict[str, Figure], raw: dict[str, Figure]) -> bool:
    """A total and its parts (``SUMMED``), checked with ``domain.suppression.suppress`` (a total and all
    but one part give that part away, however many parts) on each count that adds up: the numerators,
    and where the parts' denominators add up to the total's (K-10), the denominators and the rests.
    Every part or total that rule does not show as a number is hidden. Whether one was hidden."""
    changed = False
    for total, parts in _groups(list(result)).items():
        for side in (NUMERATOR, DENOMINATOR, REST):
            whole, counts = _side(raw[total], side), {i: _side(raw[i], side) for i in parts}
            if whole is None or None in counts.values() or min(whole, *counts.values()) < 0 \
                    or sum(counts.values()) > whole:
                continue     # this count does not add up over the parts (K-02's denominators: each the cohort)
            for i, text in suppress(counts, whole).items():
                key = total if i == TOTAL else i
                if text != str(whole if i == TOTAL else counts[i]) and not result[key].suppressed:
                    result[key] = hide(result[key])
                    changed = True
            changed = _hide_one_more_part(result, raw, total, parts, side) or changed
        changed = _hide_a_part_of_hidden_total(result, raw, total, parts) or changed
    return changed


def _hide_one_more_part(result: dict[str, Figure], raw: dict[str, Figure], total: str, parts: list[str],
                        side: str) -> bool:
    """With the total shown, the hidden parts together are the total minus the parts shown: when they add
    up to 1 to 4 (two parts of "<5" that are 4 together), the smallest shown part with students is
    hidden too."""
    hidden = [p for p in parts if result[p].suppressed]
    if result[total].suppressed or len(hidden) < 2 or not _small(sum(_side(raw[p], side) or 0 for p in hidden)):
        return False
    smallest = _smallest_shown(result, raw, parts) or total
    result[smallest] = hide(result[smallest])
    return True


def _smallest_shown(result: dict[str, Figure], raw: dict[str, Figure], parts: list[str]) -> str | None:
    """The shown part with the fewest students (at least one), the next to hide; None if there is none."""
    shown = [p for p in parts if not result[p].suppressed and raw[p].numerator]
    return min(shown, key=lambda p: (raw[p].numerator, p), default=None)


def _hide_a_part_of_hidden_total(result: dict[str, Figure], raw: dict[str, Figure], total: str,
                                 parts: list[str]) -> bool:
    """A total hidden by another rule (or because a region's route hides it) while all its parts with
    students are shown would be their sum: then the smallest of them is hidden too."""
    if not result[total].suppressed or not raw[total].numerator \
            or any(result[p].suppressed for p in parts if raw[p].numerator):
        return False
    smallest = _smallest_shown(result, raw, parts)
    if smallest:
        result[smallest] = hide(result[smallest])
    return bool(smallest)


def _hide_yearly_diplomas(result: dict[str, Figure]) -> bool:
    """A school year's diplomas over all cohorts (K-08/<year>'s numerator) hold a cohort's diplomas of
    that year, and a cohort's diplomas often all fall in one school year (the route's last): K-08/<year>
    is hidden when it exceeds a cohort's diploma count shown beside it (K-04/k, K-06's holders) by 1 to
    4. Whether one was hidden."""
    diplomas = [_count(f, DENOMINATOR if f.id == "K-06" else NUMERATOR) for f in result.values()
                if (f.id.startswith("K-04/") or f.id == "K-06") and not f.suppressed]
    for f in list(result.values()):
        if f.kpi == "K-08" and f.id.count("/") == 1 and not f.suppressed \
                and any(_small(_count(f, NUMERATOR) - n) for n in diplomas):
            result[f.id] = hide(f)
            return True
    return False


def suppress_figures(figures: list[Figure], hidden=()) -> list[Figure]:
    """The figures as a reader outside the route's partners may see them: a figure that shows a count
    from 1 to 4 (numerator, denominator, or their difference) is hidden whole (numerator, denominator
    and value None, ``suppressed``), and so is the smaller of two nested counts shown that differ by 1
    to 4 (VSV within uitval, diploma within k years within the next year count shown within all
    holders within the cohort, ...), a part or total (``SUMMED``) that with the others would give a small
    group away, and a school year's diplomas within 1 to 4 of a cohort's diplomas shown beside them,
    until nothing shown reveals a count from 1 to 4. Figures without counts (value only) pass.
    Known limit: sums across unrelated figures (K-02 + K-07 = K-01 when no leaver holds a havo
    diploma) are covered by each figure's own rest (denominator - numerator), not checked apart.
    ``hidden``: ids hidden in any case, before the rules run (a region hides what one of its routes
    hides), so that the rules keep them from being derived from the other figures too."""
    result = {f.id: (hide(f) if _leaks(f) or f.id in hidden else f) for f in figures}
    raw = {f.id: f for f in figures}
    while _hide_chains(result) or _hide_groups(result, raw) or _hide_yearly_diplomas(result):
        pass
    return [result[f.id] for f in figures]


def suppress_with_parts(whole: list[Figure], parts: list[list[Figure]]) -> list[Figure]:
    """The figures of a whole (a region) made of parts (its routes) whose figures are also shown or
    known to some readers (the routes side by side, a partner's own route): suppressed as above, and
    a figure hidden for any one part is hidden for the whole too. The whole minus any set of parts is
    then never from 1 to 4: such a rest would be a sum of parts' counts, one of them from 1 to 4, and
    that part's figure would be hidden."""
    return suppress_figures(whole, hidden={f.id for part in parts for f in suppress_figures(part) if f.suppressed})


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
VERVOLGDIPLOMA = "vervolgdiploma"    # K-12's follow-up record: a diploma at the higher level (level 3, 4, 5 = hbo)


@dataclass(frozen=True)
class Step:
    """One event of a student's path that the KPIs look at."""
    kind: str                       # instroom, zij_instroom, doublure, overgang, switch, certificaat,
    #                                 mbo_diploma, uitstroom, terugkeer, doorstroom, vervolgdiploma
    date: date
    destination: str = ""           # uitstroom
    kwalificatie: str = ""          # instroom, switch, mbo_diploma: the kwalificatie code
    level: int | None = None        # mbo_diploma: the diploma's level; doorstroom, vervolgdiploma: 3, 4 or 5 (hbo)


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


def succes_na_doorstroom(record: PathRecord, state: Snapshot, on: date) -> bool:
    """K-12's numerator (of the doorstromers): a diploma at a level higher than the route's diploma on
    or before ``on`` (a follow-up record: a vervolgdiploma step with its level, or the date given)."""
    level = state.diploma_level or STARTKWALIFICATIE_LEVEL
    recorded = any(s.kind == VERVOLGDIPLOMA and s.date <= on and (s.level or 0) > level for s in record.steps)
    return recorded or (record.followup_diploma_on is not None and record.followup_diploma_on <= on)


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
    successful = [r for r, s in doorstromers if succes_na_doorstroom(r, s, on)]
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
