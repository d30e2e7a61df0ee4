"""Plain facts the rules are evaluated on.

The Django layer builds these from its models (or from a form/API payload before saving), so
the rules never touch the database. Dates are ``datetime.date``; absent facts are ``None``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from domain.phase import VO_PHASE, first_mbo_route_year, phase_of

DLR_TYPES = frozenset({"doorlopend", "geintegreerd"})

MANDATORY_TOPICS = ("aansturing", "inrichting", "bekostiging", "overstapoptie")
RECOMMENDED_TOPICS = (
    "faciliteiten", "sector_domein", "werkgevers", "klachten", "examinering",
    "administratie_avg", "begeleiding_zorg", "verzuim", "looptijd",
    "evaluatie_beeindiging", "medezeggenschap",
)


@dataclass(frozen=True)
class Kwalificatie:
    code: str
    name: str
    level: int


@dataclass(frozen=True)
class Uitstroomrichting:
    kwalificatie: Kwalificatie
    min_intake: int | None = None   # minimum group size (cost coverage), R-15; None = the route's
    active: bool = True


# What a route's minimum intake is counted over: Route.min_intake_scope.
INTAKE_SCOPES = ("uitstroomrichting", "klas", "vo_school", "route")


@dataclass(frozen=True)
class IntakeCount:
    """The intake of one group of the route's minimum scope, counted from the register: the
    students in route year 1 of the school year (zij-instromers in a later route year are not)."""
    key: str        # kwalificatie code, klas, vo-school BRIN; "" = the whole route / not chosen
    label: str      # what a message calls the group ("klas 3A", "De Uilenhof")
    count: int


@dataclass(frozen=True)
class Partner:
    institution: str          # display name
    brin: str
    role: str                 # "vo" | "mbo"
    board: str                # bevoegd gezag (display name), used by R-06
    joined_on: date | None = None
    rio_registered_on: date | None = None
    first_enrolment: date | None = None     # first enrolment of a route student there


@dataclass(frozen=True)
class Signature:
    board: str
    signed_on: date | None


@dataclass(frozen=True)
class Agreement:
    kind: str                                   # "sok" | "interne_regeling" | "lwt"
    title: str
    valid_from: date | None
    valid_to: date | None
    signatures: tuple[Signature, ...] = ()
    topics: frozenset[str] = frozenset()        # topic codes with agreed text or reference
    route_types: frozenset[str] = frozenset()   # types of the routes it covers
    superseded: bool = False                    # a newer version replaces this one

    @property
    def signed(self) -> bool:
        return bool(self.signatures) and all(s.signed_on for s in self.signatures)

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to)

    def current(self, day: date) -> bool:
        """In force or still to come on ``day``: not replaced by a newer version, not expired."""
        return not self.superseded and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class ProgrammeComponent:
    name: str
    covered_by: str = ""    # team member (role/name) holding the competence; "" = uncovered


@dataclass(frozen=True)
class Contact:
    role: str
    name: str
    active: bool = True
    institution: str = ""   # display name of the partner institution (R-16 counts per partner)
    person: int | None = None   # who holds the role (one person with two roles is one contact person)


@dataclass(frozen=True)
class Route:
    name: str
    type: str                                   # see docs/design.md
    phase: str
    start_date: date | None = None              # first day of route year 1 of the first cohort
    end_date: date | None = None
    start_vmbo_year: int | None = 3             # vmbo leerjaar of route year 1
    vmbo_exam_route_year: int | None = None     # planned route year the vmbo exam ends
    vmbo_diploma: bool = True                   # False = GLR without vmbo diploma
    leerwegen: frozenset[str] = frozenset()
    profielen: frozenset[str] = frozenset()
    uitstroomrichtingen: tuple[Uitstroomrichting, ...] = ()
    partners: tuple[Partner, ...] = ()
    agreements: tuple[Agreement, ...] = ()      # agreements that cover this route
    related_pairs: frozenset[tuple[str, str]] = frozenset()  # (profiel, kwalificatie code), R-02
    study_duration_years: int | None = None
    onderwijstijd_hours: int | None = None
    onderwijstijd_deviation: str = ""           # description of a deviation, "" = none
    mr_consent_on: date | None = None
    integrated_exam: bool = False               # has exam parts integrating vmbo+mbo
    pta_oer: str = ""                           # reference to the joint PTA/OER
    components: tuple[ProgrammeComponent, ...] = ()
    contacts: tuple[Contact, ...] = ()
    settlement_model: str = ""                  # "" = no financial agreement known
    last_partner_meeting: date | None = None
    without_structural_meetings: bool = False   # the meeting part is not checked
    min_intake: int | None = None               # minimum group size of the route
    min_intake_scope: str = "uitstroomrichting"  # one of INTAKE_SCOPES
    intake_school_year: int | None = None       # the school year counted (2023 = 2023-2024)
    intake: tuple[IntakeCount, ...] = ()        # intake per group of the scope (register)
    has_students: bool = False                  # R-12 becomes an error once students exist
    includes_lwt: bool = False
    # the route's enrolment pattern: (route year, side) of the unfunded enrolments the route keeps
    # besides the funded one (Calvijn: (2, "mbo"), (3, "vo")); the law's minimum when empty
    enrolment_pattern: tuple[tuple[int, str], ...] = ()
    choice_route_year: int | None = None        # the uitstroomrichting may stay open until this
    choice_month: int | None = None             # route year (and month of it)

    @property
    def keeps_vmbo_diploma(self) -> bool:
        """A legal route that keeps the vmbo diploma (a DLR, whatever its label): R-11 applies."""
        return self.is_legal_route and self.vmbo_diploma

    def unfunded_sides(self, route_year: int) -> frozenset[str]:
        return frozenset(side for year, side in self.enrolment_pattern if year == route_year)

    @property
    def is_legal_route(self) -> bool:
        return self.type in DLR_TYPES

    @property
    def active(self) -> bool:
        return self.phase != "gestopt"


@dataclass(frozen=True)
class Settings:
    """Parameters of rules that the product keeps configurable."""
    today: date = field(default_factory=date.today)
    meeting_interval_months: int = 6
    min_hours_per_year: int = 1000
    experiment_end: date = date(2022, 7, 31)


# -- students (issue: students in a route) ---------------------------------------------------


@dataclass(frozen=True)
class Enrolment:
    """One enrolment of a student at one partner in one school year."""
    brin: str
    role: str                       # partner role of the institution: "vo" | "mbo"
    school_year: int                # first calendar year, e.g. 2021 for 2021-2022
    route_year: int                 # the student's route year in that school year
    start: date
    end: date | None = None
    funded: bool = True
    phase: str = VO_PHASE           # "vo" (vo-fase) | "mbo" (mbo-fase)

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ExamPart:
    name: str                       # e.g. "Nederlands", "Helpende zorg: kerntaak 1"
    sector: str                     # "vmbo" | "mbo"
    kind: str                       # vmbo: "SE" | "CSPE"; mbo: "generiek" | "kerntaak" | "keuzedeel" | "BPV"
    planned_route_year: int | None = None
    actual_route_year: int | None = None
    result: str = "open"            # "open" | "passed" | "failed"
    integrated: bool = False        # integrates vmbo and mbo content
    result_on: date | None = None   # the day the result was established


@dataclass(frozen=True)
class BpvPeriod:
    leerbedrijf: str
    recognised: bool                # erkend leerbedrijf (SBB)
    praktijkovereenkomst: bool
    start: date
    end: date | None = None


@dataclass(frozen=True)
class Student:
    key: str                        # what messages call the student (e.g. local number), never a BSN
    route: Route
    leerweg: str                    # BB | KB | GL | TL
    vmbo_year_at_start: int         # vmbo leerjaar in route year 1
    cohort: int                     # first calendar year of the school year of route year 1
    kwalificatie: Kwalificatie | None = None      # chosen uitstroomrichting
    enrolments: tuple[Enrolment, ...] = ()
    exam_parts: tuple[ExamPart, ...] = ()
    bpv: tuple[BpvPeriod, ...] = ()
    vmbo_diploma_on: date | None = None
    glr_judgment_on: date | None = None  # joint judgment vo + mbo recorded
    active: bool = True             # still in the route (not left, not finished)
    vo_brin: str = ""               # the student's own vo-school (one of the route's vo-schools)
    mbo_brin: str = ""              # the student's own mbo institution, where the route has several

    @property
    def vo_phase_years(self) -> int:
        """Route years in the vo-fase: up to and including vmbo leerjaar 4."""
        return first_mbo_route_year(self.vmbo_year_at_start) - 1

    def phase_in(self, route_year: int) -> str:
        return phase_of(self.vmbo_year_at_start, route_year)
