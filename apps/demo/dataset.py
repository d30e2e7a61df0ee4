"""The demo data set as data: the TOML files in ``apps/demo/data/`` (one per region or practice,
plus ``registry.toml``), read with ``tomllib`` and checked against a schema (pydantic) when loaded.
A broken file gives a DemoDataError naming the file, the record and the field.

Records that break a rule on purpose say so in the data: ``breaks_rules`` lists the rules and
``breaks_rules_because`` says why (a deliberate example on an illustrative route, or a problem the
sources themselves state). The loader sets rule enforcement aside for those rules only."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

DATA_DIR = Path(__file__).resolve().parent / "data"


class DemoDataError(ValueError):
    """A data file that cannot be loaded; the message names the file, the record and the field."""


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Breaks(Record):
    breaks_rules: list[str] = []
    breaks_rules_because: str = ""

    @model_validator(mode="after")
    def _because(self):
        if self.breaks_rules and not self.breaks_rules_because.strip():
            raise ValueError("breaks_rules needs breaks_rules_because: say why this record breaks a rule")
        return self


class Region(Record):
    key: str
    kind: Literal["rmc", "arbeidsmarktregio", "gemeente", "samenwerkingsverband", "provincie"]
    code: str = ""
    name: str


class Board(Record):
    key: str
    name: str
    bevoegd_gezag_nummer: str = ""


class Location(Record):
    code: str
    name: str
    city: str = ""


class Institution(Record):
    key: str
    brin: str = Field(pattern=r"^[0-9]{2}[A-Z0-9]{2}$")
    brin_illustrative: bool = False
    name: str
    sector: Literal["vo", "mbo"]
    kind: str
    board: str
    city: str = ""
    regions: list[str] = []
    locations: list[Location] = []

    @model_validator(mode="after")
    def _illustrative_codes(self):
        # an invented BRIN uses 99xx (vo) or 98xx (mbo), so it can never be mistaken for a real one
        if self.brin_illustrative and not self.brin.startswith("99" if self.sector == "vo" else "98"):
            raise ValueError(f"brin: an illustrative {self.sector} code starts with "
                             f"{'99' if self.sector == 'vo' else '98'}")
        return self


class Kwalificatie(Record):
    code: str = Field(pattern=r"^[0-9]{5}$")
    name: str
    level: int = Field(ge=1, le=4)
    dossier: str = ""
    paths: list[Literal["BOL", "BBL"]] = ["BOL", "BBL"]
    code_illustrative: bool = False


class ProfielKwalificatie(Record):
    profiel: str
    kwalificatie: str


class Partner(Record):
    institution: str
    role: Literal["vo", "mbo"]
    location: str = ""
    joined_on: str = ""
    rio_registered_on: str = ""


class RouteUitstroomrichting(Record):
    kwalificatie: str
    min_intake: int | None = None
    active: bool = True


class RouteYear(Record):
    route_year: int = Field(ge=1, le=8)
    vmbo_year: int | None = None
    days_at_mbo: float = 0
    days_bpv: float = 0
    teaching_location: str = ""
    teaching_by: str = ""
    unfunded_at: Literal["", "vo", "mbo"] = ""
    note: str = ""


class Target(Record):
    kpi: str
    parameter: str | int = ""
    operator: Literal[">=", "<="] = ">="
    value: float


class PhaseChange(Record):
    phase: str
    since: str
    note: str = ""


class Contact(Record):
    """A role a person holds in the route. The person is found by institution and name (the same name at
    the same institution in two routes is one person with two roles). ``ends_in_days``: the role ends
    that many days after the day the demo is built (a leaving person); ``successor``: the ``key`` of
    the contact who took the role over (a completed handover, with ``handover_note``)."""
    institution: str
    role: str
    name: str
    key: str = ""
    email: str = ""
    phone: str = ""
    uitstroomrichting: str = ""      # kwalificatie key of one of the route's uitstroomrichtingen
    start: str = ""
    end: str = ""
    ends_in_days: int | None = None
    handover_note: str = ""
    successor: str = ""


class Responsibility(Record):
    task: str
    party: Literal["vo", "mbo"]
    note: str = ""


class Component(Record):
    name: str
    covered_by: str = ""


# -- synthetic students ------------------------------------------------------------------------

class Leaver(Record):
    route_year: int = Field(ge=1, le=8)
    destination: Literal["regulier_vmbo", "entree", "ander_mbo", "havo", "werk", "geen"]
    during: bool = False           # leaves during the school year (else at its end)
    count: int = Field(default=1, ge=1)
    returns: bool = False          # terugkeer: comes back into the route before the next school year
    # with ``during``: leaves before this day of the school year ("MM-DD"), where a source dated its
    # count (else on a day from 15 October to the end of May)
    before: str = Field(default="", pattern=r"^$|^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")


class Cohort(Record):
    """A cohort whose figures are published: its counts are fixed."""
    year: int
    size: int = Field(ge=0)
    leavers: list[Leaver] = []
    repeat: int = 0
    late: int = 0
    early: int = 0
    doorstroom: int | None = None  # diploma holders (in time) who continue; None: the route's share
    zij_instroom: int | None = None


class Deliberate(Record):
    """A synthetic student who breaks one rule on purpose (only on illustrative routes, or where the
    sources state the problem)."""
    cohort_offset: int = Field(default=1, ge=0)   # cohort = current school year - offset
    rule: str
    first_name: str
    last_name: str
    what: str
    leerweg: str = "BB"
    kwalificatie: str
    diploma_route_year: int | None = None


class Students(Record):
    first_cohort: int
    last_cohort: int | None = None           # None: a new cohort every school year up to today
    size: tuple[int, int]
    headcount: dict[str, int] = {}           # school year -> students enrolled in it (published)
    klas_size: int = 25
    leerwegen: dict[str, float] = {"BB": 1}
    kwalificaties: dict[str, float] = {}
    kwalificaties_per_leerweg: dict[str, dict[str, float]] = {}
    vo_schools: dict[str, float] = {}
    vo_school_from: dict[str, int] = {}      # institution key -> first cohort at that vo-school
    mbo: str = ""
    mbo_per_kwalificatie: dict[str, str] = {}
    diploma_route_year: int = 3
    diploma_route_year_per_level: dict[str, int] = {}
    diploma_route_year_per_kwalificatie: dict[str, int] = {}
    leavers: tuple[int, int] = (0, 0)
    leave_route_years: list[int] = [1]
    destinations: dict[str, float] = {"ander_mbo": 1}
    leavers_fail_vmbo: bool = False
    returns: float = 0                       # share of the leavers who come back (terugkeer)
    repeat: tuple[int, int] = (0, 0)
    late: tuple[int, int] = (0, 0)
    early: tuple[int, int] = (0, 0)
    doorstroom: tuple[float, float] = (0.8, 0.8)
    doorstroom_levels: dict[str, float] = {"mbo3": 1}
    doorstroom_level_per_level: dict[str, str] = {}
    switch_share: float = 0
    zij_instroom: tuple[int, int] = (0, 0)
    zij_instroom_route_year: int = 2
    zij_instroom_origin: Literal["havo", "andere_school", "mbo", "regulier_vmbo", "anders"] = "andere_school"
    certificaat: str = ""                    # a tussentijds certificaat on the way (illustrative routes only)
    cohorts: list[Cohort] = []
    deliberate: list[Deliberate] = []


class Route(Breaks):
    key: str
    name: str
    illustrative: bool = False
    type: Literal["doorlopend", "geintegreerd", "gestapeld", "gedeeltelijk", "experiment"]
    programme_label: str = ""
    region: str
    phase: Literal["in_ontwikkeling", "opstartfase", "eerste_cohort", "regulier", "gestopt"]
    phase_history: list[PhaseChange] = []
    start_year: int | None = None
    end_date: str = ""
    partners: list[Partner] = []
    profielen: list[str] = []
    leerwegen: list[str] = []
    uitstroomrichtingen: list[RouteUitstroomrichting] = []
    selection: str = "alle"
    vmbo_diploma: bool = True
    acceleration: Literal["geen", "optioneel", "allen"] = "geen"
    acceleration_note: str = ""
    start_vmbo_year: int = 3
    vmbo_exam_route_year: int | None = None
    study_duration_years: int | None = None
    onderwijstijd_hours: int | None = None
    onderwijstijd_deviation: str = ""
    mr_consent_on: str = ""
    integrated_exam: bool = False
    pta_oer: str = ""
    settlement_model: Literal["", "M1", "M2", "M3", "M4", "M5"] = ""
    settlement: dict = {}                    # extra parameters of the demo settlement (illustrative tariffs)
    reported_students: int | None = None
    min_intake: int | None = None
    min_intake_scope: Literal["uitstroomrichting", "klas", "vo_school", "route"] = "uitstroomrichting"
    without_structural_meetings: bool = False
    last_partner_meeting_days_ago: int | None = None   # relative to the day the demo is loaded
    route_years: list[RouteYear] = []
    targets: list[Target] = []
    contacts: list[Contact] = []
    responsibilities: list[Responsibility] = []
    components: list[Component] = []
    description: str = ""
    source: str = ""
    students: Students | None = None

    @model_validator(mode="after")
    def _examples(self):
        if self.illustrative and "illustratief" not in self.name.lower():
            raise ValueError("name: an illustrative route says so in its name ('illustratief')")
        return self


class Signature(Record):
    board: str
    signed_on: str = ""
    signatory: str = ""


class Agreement(Breaks):
    key: str
    kind: Literal["sok", "interne_regeling", "lwt"]
    title: str
    reference: str = ""
    valid_from: str = ""
    valid_to: str = ""
    routes: list[str] = []
    signatures: list[Signature] = []
    topics: dict[str, str] = {}
    supersedes: str = ""


class PopulationSchool(Record):
    institution: str
    invented: bool = False          # a synthetic school (its BB leerjaar-4 count takes the calibration)
    stadsdeel: str = ""
    leerwegen: list[str] = []       # empty: the leerwegen of the school's own routes
    profielen: list[str] = []       # empty: the profielen of the school's own routes
    per_leerjaar: int = Field(ge=0)  # students per leerjaar besides the route students (synthetic)


class Population(Record):
    """Synthetic DUO population counts of a region (apps/demo/population.py generates them)."""
    key: str
    region: str
    gemeente: str
    first_school_year: int
    bb_leerjaar4_in_route: float = Field(gt=0, lt=1)
    source: str = ""
    schools: list[PopulationSchool] = []


SECTIONS = {"regions": Region, "boards": Board, "institutions": Institution, "kwalificaties": Kwalificatie,
            "profiel_kwalificatie": ProfielKwalificatie, "routes": Route, "agreements": Agreement,
            "population": Population}


class Dataset:
    def __init__(self):
        self.records = {section: [] for section in SECTIONS}
        self.origin = {}  # (section, key) -> file name

    def __getattr__(self, section):
        try:
            return self.__dict__["records"][section]
        except KeyError:
            raise AttributeError(section) from None


def _label(record: dict, index: int) -> str:
    return f"'{record.get('key') or record.get('code') or record.get('name') or index + 1}'"


def load(directory: Path = DATA_DIR) -> Dataset:
    """Read and check every data file; raise DemoDataError naming file, record and field."""
    data = Dataset()
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise DemoDataError(f"{directory}: no data files (*.toml)")
    for path in files:
        try:
            content = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise DemoDataError(f"{path.name}: not valid TOML: {error}") from None
        for section, records in content.items():
            model = SECTIONS.get(section)
            if model is None:
                raise DemoDataError(f"{path.name}: unknown section [[{section}]] "
                                    f"(expected one of {', '.join(SECTIONS)})")
            for i, raw in enumerate(records):
                try:
                    record = model.model_validate(raw)
                except ValidationError as error:
                    problems = "; ".join(f"field '{'.'.join(str(x) for x in e['loc'])}': {e['msg']}"
                                         for e in error.errors())
                    raise DemoDataError(f"{path.name}: {section} {_label(raw, i)}: {problems}") from None
                ident = getattr(record, "key", None) or getattr(record, "code", None)
                if ident is not None and section != "profiel_kwalificatie":
                    if (section, ident) in data.origin:
                        raise DemoDataError(f"{path.name}: {section} '{ident}': also defined in "
                                            f"{data.origin[(section, ident)]}")
                    data.origin[(section, ident)] = path.name
                data.records[section].append(record)
    _check_references(data)
    return data


def _check_references(data: Dataset) -> None:
    keys = {section: {getattr(r, "key", None) or getattr(r, "code", None) for r in records}
            for section, records in data.records.items()}

    def need(section, value, where, field, record):
        if value and value not in keys[section]:
            raise DemoDataError(f"{data.origin.get((where, record), '?')}: {where} '{record}': field '{field}': "
                                f"unknown {section[:-1]} '{value}'")

    for inst in data.institutions:
        need("boards", inst.board, "institutions", "board", inst.key)
        for region in inst.regions:
            need("regions", region, "institutions", "regions", inst.key)
    for pk in data.profiel_kwalificatie:
        if pk.kwalificatie not in keys["kwalificaties"]:
            raise DemoDataError(f"registry: profiel_kwalificatie: unknown kwalificatie '{pk.kwalificatie}'")
    for route in data.routes:
        need("regions", route.region, "routes", "region", route.key)
        for p in route.partners:
            need("institutions", p.institution, "routes", "partners.institution", route.key)
        contact_keys = {c.key for c in route.contacts if c.key}
        for c in route.contacts:
            need("institutions", c.institution, "routes", "contacts.institution", route.key)
            if c.successor and c.successor not in contact_keys:
                raise DemoDataError(f"routes '{route.key}': contacts.successor: unknown contact '{c.successor}'")
        for u in route.uitstroomrichtingen:
            need("kwalificaties", u.kwalificatie, "routes", "uitstroomrichtingen.kwalificatie", route.key)
        if route.students:
            s = route.students
            for k in [*s.kwalificaties, *s.mbo_per_kwalificatie, *(k for d in s.kwalificaties_per_leerweg.values()
                                                                   for k in d)]:
                need("kwalificaties", k, "routes", "students.kwalificaties", route.key)
            partners = {p.institution for p in route.partners}
            for inst in [*s.vo_schools, s.mbo, *s.mbo_per_kwalificatie.values()]:
                if inst and inst not in partners:
                    raise DemoDataError(f"{data.origin[('routes', route.key)]}: routes '{route.key}': field "
                                        f"'students': '{inst}' is not a partner of the route")
    for population in data.population:
        need("regions", population.region, "population", "region", population.key)
        for school in population.schools:
            need("institutions", school.institution, "population", "schools.institution", population.key)
    for agreement in data.agreements:
        for r in agreement.routes:
            need("routes", r, "agreements", "routes", agreement.key)
        for s in agreement.signatures:
            need("boards", s.board, "agreements", "signatures.board", agreement.key)
        need("agreements", agreement.supersedes, "agreements", "supersedes", agreement.key)
