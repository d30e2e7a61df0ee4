"""The student path: the events of a student in a route replayed in date order, the enrolments a
student needs in a school year (R-10, the route's enrolment pattern, R-11), the student's own
institution per phase and the vmbo exam deadline (R-04).

Route year and elapsed time are different things: the route year is where the student is in the
programme (a doublure repeats it), a school year is a stretch of calendar. Phase and deadline follow
the student's vmbo leerjaar (``domain.phase``); dates follow ``domain.calendar``.

Pure Python: no Django imports.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from domain.calendar import format_date, month_end, school_year_label, school_year_of, teldatum, year_end
from domain.facts import Route, Student
from domain.phase import MBO_PHASE, VO_PHASE, first_mbo_route_year, phase_of

# -- the student's own institutions ----------------------------------------------------------


def own_brin(own: str, partners: list[str]) -> str | None:
    """The one rule for a student's own institution on a side: their own school when it is one of
    the route's partners of that side (or the route has none), else the route's first partner of that
    side; None without either."""
    if own and (own in partners or not partners):
        return own
    return partners[0] if partners else None


def own_institution(student: Student, side: str) -> str | None:
    """The BRIN of the student's own institution on a side ("vo" | "mbo")."""
    own = student.vo_brin if side == VO_PHASE else student.mbo_brin
    return own_brin(own, [p.brin for p in student.route.partners if p.role == side])


def funded_side(student: Student, route_year: int) -> str:
    """R-10: the side that holds the funded enrolment in a route year (the phase's side)."""
    return phase_of(student.vmbo_year_at_start, route_year)


# -- vmbo part and deadline (R-04, R-11) -------------------------------------------------------


def has_vmbo_diploma(student: Student, day: date) -> bool:
    return student.vmbo_diploma_on is not None and student.vmbo_diploma_on <= day


def vo_part_open(student: Student, day: date) -> bool:
    """The vo part is not finished on the day: no vmbo diploma yet, and a vmbo exam part was not
    passed by that day (or no vmbo exam part is recorded at all). A part passed without a date counts
    as passed whenever."""
    if has_vmbo_diploma(student, day):
        return False
    parts = [p for p in student.exam_parts if p.sector == "vmbo"]
    return not parts or any(p.result != "passed" or (p.result_on is not None and p.result_on > day)
                            for p in parts)


def first_mbo_school_year(student: Student, extra: tuple[tuple[int, int], ...] = ()) -> int | None:
    """The school year of the student's first mbo-fase year, from the (school year, route year) of
    their enrolments plus ``extra`` pairs (see ``first_mbo_year``)."""
    years = {e.school_year: e.route_year for e in student.enrolments}
    years.update(dict(extra))
    return first_mbo_year(student.vmbo_year_at_start, years)


def first_mbo_year(vmbo_year_at_start: int, years: dict[int, int]) -> int | None:
    """The school year of the first mbo-fase year in ``years`` (school year -> route year)."""
    return school_year_reaching(years, first_mbo_route_year(vmbo_year_at_start))


def school_year_reaching(years: dict[int, int], route_year: int) -> int | None:
    """The first school year in ``years`` (school year -> route year) in which the student is in
    ``route_year`` or later; while not there yet, projected from the latest school year without
    doublures. None when there is no school year yet."""
    if not years:
        return None
    reached = [year for year, ry in years.items() if ry >= route_year]
    if reached:
        return min(reached)
    latest = max(years)
    return latest + route_year - years[latest]


def vmbo_deadline(student: Student, extra: tuple[tuple[int, int], ...] = ()) -> date | None:
    """R-04: the vmbo exam is completed by the end of the student's first mbo-fase school year
    (one school year after vmbo leerjaar 4; a doublure in the vo-fase moves it with it)."""
    year = first_mbo_school_year(student, extra)
    return year_end(year) if year is not None else None


# -- the enrolments a student needs ------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A stretch of one school year that the student spends in the route in one route year."""
    school_year: int
    route_year: int
    start: date
    end: date | None = None         # None: to the end of the school year (or still running)

    @property
    def last_day(self) -> date:
        return self.end or year_end(self.school_year)


@dataclass(frozen=True)
class RequiredEnrolment:
    side: str                       # "vo" | "mbo": the partner side
    brin: str | None                # the student's own institution on that side
    funded: bool
    phase: str                      # the phase of the route year
    school_year: int
    route_year: int
    start: date
    end: date
    reason: str                     # "R-10" (the funded one), "patroon" (the route's pattern), "R-11"


def required_enrolments(student: Student, period: Period,
                        years: tuple[tuple[int, int], ...] = ()) -> list[RequiredEnrolment]:
    """The enrolments a student needs in a stretch of a school year: one funded enrolment at the
    phase's side (R-10); the unfunded enrolments of the route's enrolment pattern for that route
    year; and, in a route that keeps the vmbo diploma, an unfunded enrolment at the vo-school in
    the mbo-fase while the vo part is open on the teldatum, up to the R-04 deadline (R-11).
    Non-legal routes (gestapeld, gedeeltelijk) have one enrolment at the phase's side. ``years``:
    (school year, route year) pairs of the student's path, when it is not yet in the enrolments."""
    route: Route = student.route
    phase = funded_side(student, period.route_year)
    other = MBO_PHASE if phase == VO_PHASE else VO_PHASE

    def row(side: str, funded: bool, reason: str) -> RequiredEnrolment:
        return RequiredEnrolment(side, own_institution(student, side), funded, phase, period.school_year,
                                 period.route_year, period.start, period.last_day, reason)

    rows = [row(phase, True, "R-10")]
    if not route.is_legal_route:
        return rows
    if other in route.unfunded_sides(period.route_year):
        rows.append(row(other, False, "patroon"))
    elif phase == MBO_PHASE and double_enrolment_required(student, period, years):
        # until the vo part is finished; the vmbo diploma ends it
        diploma = student.vmbo_diploma_on
        ends = diploma if diploma and period.start <= diploma < period.last_day else None
        rows.append(replace(row(VO_PHASE, False, "R-11"), end=ends or period.last_day))
    return rows


def double_enrolment_required(student: Student, period: Period,
                              years: tuple[tuple[int, int], ...] = ()) -> bool:
    """R-11: a student of a route that keeps the vmbo diploma, in the mbo-fase with the vo part
    open on the teldatum, stays enrolled (unfunded) at the vo-school, at most until the R-04
    deadline."""
    if not student.route.keeps_vmbo_diploma:
        return False
    if funded_side(student, period.route_year) != MBO_PHASE:
        return False
    deadline_year = first_mbo_school_year(student, years + ((period.school_year, period.route_year),))
    return (deadline_year is not None and period.school_year <= deadline_year
            and vo_part_open(student, teldatum(period.school_year)))


# -- the uitstroomrichting that may stay open ---------------------------------------------------


def choice_deadline(student: Student) -> date | None:
    """The last day the student's uitstroomrichting may stay open: the end of the route's chosen
    month of its chosen route year (the end of that route year without a month), in the school year
    the student is (or will be, without doublures) in that route year. None: the route asks for the
    choice at the start (or the student has no school year yet)."""
    route_year = student.route.choice_route_year
    years = {e.school_year: e.route_year for e in student.enrolments}
    if route_year is None or not years:
        return None
    school_year = school_year_reaching(years, route_year)
    month = student.route.choice_month
    return month_end(school_year, month) if month else year_end(school_year)


# -- replaying the events -----------------------------------------------------------------------

INSTROOM, ZIJ_INSTROOM, TERUGKEER = "instroom", "zij_instroom", "terugkeer"
OVERGANG, DOUBLURE, SWITCH = "overgang", "doublure", "switch"
VMBO_DIPLOMA, MBO_DIPLOMA, CERTIFICAAT = "vmbo_diploma", "mbo_diploma", "certificaat"
UITSTROOM, DOORSTROOM = "uitstroom", "doorstroom"
VERVOLGDIPLOMA = "vervolgdiploma"   # a diploma at the higher level after doorstroom (K-12's follow-up record)
AFTER_DIPLOMA = (DOORSTROOM, VERVOLGDIPLOMA)
ENTRY = (INSTROOM, ZIJ_INSTROOM)

# Events of one day are taken in this order (entering before moving on, leaving last).
KIND_ORDER = (INSTROOM, ZIJ_INSTROOM, TERUGKEER, OVERGANG, DOUBLURE, SWITCH, "vmbo_part", VMBO_DIPLOMA,
              "mbo_part", "bpv_start", "bpv_end", CERTIFICAAT, MBO_DIPLOMA, UITSTROOM, DOORSTROOM, VERVOLGDIPLOMA)

KIND_LABELS = {
    INSTROOM: "de instroom", ZIJ_INSTROOM: "de zij-instroom", TERUGKEER: "de terugkeer",
    OVERGANG: "de overgang", DOUBLURE: "de doublure", SWITCH: "de andere uitstroomrichting",
    "vmbo_part": "het vmbo-examenonderdeel", VMBO_DIPLOMA: "het vmbo-diploma",
    "mbo_part": "het mbo-examenonderdeel", "bpv_start": "de start van de BPV", "bpv_end": "het einde van de BPV",
    CERTIFICAAT: "het tussentijds certificaat", MBO_DIPLOMA: "het mbo-diploma", UITSTROOM: "de uitstroom",
    DOORSTROOM: "de doorstroom", VERVOLGDIPLOMA: "het vervolgdiploma",
}

ACTIVE, GRADUATED, LEFT = "actief", "gediplomeerd", "uitgestroomd"


@dataclass(frozen=True)
class PathEvent:
    kind: str
    date: date
    route_year: int | None = None   # instroom, zij-instroom, terugkeer: the route year entered
    kwalificatie: str = ""          # switch (and instroom): the uitstroomrichting chosen
    destination: str = ""           # uitstroom
    key: str = ""                   # what a message calls the event (its id)


@dataclass(frozen=True)
class PathState:
    """What the events say, replayed in date order."""
    periods: tuple[Period, ...]
    status: str = ACTIVE
    entry_route_year: int = 1
    zij_instroom: bool = False
    kwalificatie: str = ""
    vmbo_diploma_on: date | None = None
    mbo_diploma_on: date | None = None
    mbo_diploma_route_year: int | None = None
    left_on: date | None = None
    left_route_year: int | None = None
    destination: str = ""
    certificates: tuple[date, ...] = ()
    returned_on: tuple[date, ...] = ()
    events: tuple[PathEvent, ...] = field(default=(), repr=False)   # in the order replayed

    @property
    def route_year(self) -> int:
        return self.periods[-1].route_year

    @property
    def school_year(self) -> int:
        return self.periods[-1].school_year


class PathError(ValueError):
    """An event the path does not allow; ``key`` names the event concerned."""

    def __init__(self, message: str, key: str = ""):
        super().__init__(message)
        self.message, self.key = message, key


def _label(event: PathEvent) -> str:
    return f"{KIND_LABELS.get(event.kind, event.kind)} op {format_date(event.date)}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def ordered(events) -> list[PathEvent]:
    return sorted(events, key=lambda e: (e.date, KIND_ORDER.index(e.kind) if e.kind in KIND_ORDER else 99))


def replay(events) -> PathState:
    """Replay a student's events in date order and derive the path: the periods per school year
    with their route year, the status and the summary. Raises PathError naming the first event the
    path does not allow (no entry first, anything but terugkeer after leaving, anything but
    doorstroom or a vervolgdiploma after the diploma, two moves in one school year, a school year skipped)."""
    events = ordered(events)
    if not events:
        raise PathError("De leerling heeft geen instroom: het pad begint met instroom of zij-instroom.")
    first = events[0]
    if first.kind not in ENTRY:
        raise PathError(f"{_cap(_label(first))} gaat vooraf aan de instroom; het pad begint met instroom of "
                        "zij-instroom.", first.key)
    entry_year = first.route_year or 1
    state = PathState(periods=(Period(school_year_of(first.date), entry_year, first.date),),
                      entry_route_year=entry_year, zij_instroom=first.kind == ZIJ_INSTROOM or entry_year > 1,
                      kwalificatie=first.kwalificatie, events=(first,))
    for event in events[1:]:
        state = replace(_step(state, event), events=state.events + (event,))
    return state


def _close(periods: tuple[Period, ...], end: date) -> tuple[Period, ...]:
    last = periods[-1]
    return periods[:-1] + (replace(last, end=min(end, last.last_day)),)


def _step(state: PathState, event: PathEvent) -> PathState:
    label = _label(event)
    if event.kind in ENTRY:
        raise PathError(f"{_cap(label)} kan niet: de leerling is al ingestroomd op "
                        f"{format_date(state.periods[0].start)}. Een leerling die terugkomt na uitstroom krijgt een "
                        "terugkeer.", event.key)
    if state.status == LEFT and event.kind != TERUGKEER:
        raise PathError(f"{_cap(label)} kan niet: de leerling is op {format_date(state.left_on)} uit de route "
                        "gegaan. Leg eerst de terugkeer vast.", event.key)
    if state.status == GRADUATED and event.kind not in AFTER_DIPLOMA:
        raise PathError(f"{_cap(label)} kan niet: de leerling heeft op {format_date(state.mbo_diploma_on)} het "
                        "mbo-diploma gehaald; daarna kan alleen de doorstroom of het vervolgdiploma nog.", event.key)
    if event.kind == TERUGKEER:
        if state.status != LEFT:
            raise PathError(f"{_cap(label)} kan niet: de leerling is niet uit de route gegaan.", event.key)
        route_year = event.route_year or state.left_route_year or state.route_year
        period = Period(school_year_of(event.date), route_year, event.date)
        return replace(state, periods=state.periods + (period,), status=ACTIVE, left_on=None,
                       left_route_year=None, destination="", returned_on=state.returned_on + (event.date,))
    if event.kind in (OVERGANG, DOUBLURE):
        school_year, last = school_year_of(event.date), state.periods[-1]
        if school_year <= last.school_year:
            raise PathError(f"{_cap(label)} kan niet: de leerling zit al in schooljaar "
                            f"{school_year_label(last.school_year)}; per schooljaar is er één overgang of doublure.",
                            event.key)
        if school_year > last.school_year + 1:
            raise PathError(f"{_cap(label)} kan niet: in schooljaar {school_year_label(last.school_year + 1)} "
                            "ontbreekt de overgang of doublure.", event.key)
        route_year = last.route_year + (1 if event.kind == OVERGANG else 0)
        periods = _close(state.periods, year_end(last.school_year))
        return replace(state, periods=periods + (Period(school_year, route_year, event.date),))
    if event.kind == UITSTROOM:
        return replace(state, periods=_close(state.periods, event.date), status=LEFT, left_on=event.date,
                       left_route_year=state.route_year, destination=event.destination or "geen")
    if event.kind == MBO_DIPLOMA:
        return replace(state, periods=_close(state.periods, event.date), status=GRADUATED,
                       mbo_diploma_on=event.date, mbo_diploma_route_year=state.route_year)
    if event.kind == DOORSTROOM and state.status != GRADUATED:
        raise PathError(f"{_cap(label)} kan niet: doorstroom volgt op het mbo-diploma.", event.key)
    if event.kind == VERVOLGDIPLOMA and state.status != GRADUATED:
        raise PathError(f"{_cap(label)} kan niet: een vervolgdiploma volgt op het mbo-diploma.", event.key)
    if event.kind == VMBO_DIPLOMA:
        if state.vmbo_diploma_on:
            raise PathError(f"{_cap(label)} kan niet: de leerling heeft het vmbo-diploma al op "
                            f"{format_date(state.vmbo_diploma_on)}.", event.key)
        return replace(state, vmbo_diploma_on=event.date)
    if event.kind == SWITCH:
        return replace(state, kwalificatie=event.kwalificatie or state.kwalificatie)
    if event.kind == CERTIFICAAT:
        return replace(state, certificates=state.certificates + (event.date,))
    return state


def required_for_path(student: Student, state: PathState) -> list[RequiredEnrolment]:
    """Every enrolment the path needs: per period, what ``required_enrolments`` gives."""
    facts = replace(student, vmbo_diploma_on=state.vmbo_diploma_on, enrolments=())
    years = tuple((p.school_year, p.route_year) for p in state.periods)
    return [row for period in state.periods for row in required_enrolments(facts, period, years)]
