"""The typed input of the student use cases (services), the same schemas the API declares. The HTML
views turn their forms' cleaned data into these; the API hands its parsed body over. Limits follow
the model fields (lengths, coded fields, years in a sane range), so bad input is a 422 naming the
field and never reaches the database."""
from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema

from apps.core.ids import Id
from domain import promotion

from . import models as m

YEAR = Annotated[int, Field(ge=1990, le=2100)]           # a cohort or school year (its first calendar year)
ROUTE_YEAR = Annotated[int, Field(ge=1, le=8)]
VMBO_YEAR = Annotated[int, Field(ge=1, le=4)]
BRIN = Annotated[str, Field(max_length=8)]
CODE = Annotated[str, Field(max_length=20)]
NUMBER = Annotated[str, Field(max_length=30)]
DAY = Annotated[datetime.date, Field(ge=datetime.date(1990, 1, 1), le=datetime.date(2100, 12, 31))]
BIRTH = Annotated[datetime.date, Field(ge=datetime.date(1900, 1, 1), le=datetime.date(2100, 12, 31))]

Origin = Literal["", *m.Origin.values]
Destination = Literal["", *m.Destination.values]
EventKind = Literal[tuple(m.EventKind.values)]
DoorstroomLevel = Literal["", "mbo3", "mbo4", "hbo"]
FollowupSource = Literal["", *m.FollowupSource.values]
Sector = Literal[tuple(m.ExamPart.Sector.values)]
PartKind = Literal[tuple(m.ExamPart.Kind.values)]
Result = Literal[tuple(m.ExamPart.Result.values)]
# A grade: 1.0 to 10.0 (one decimal), or for an mbo part O, V or G (onvoldoende, voldoende, goed).
Grade = Decimal | Literal["O", "V", "G"]


class StudentIn(Schema):
    """A new student in a route (POST)."""
    first_name: str = Field(min_length=1, max_length=80)
    last_name: str = Field(min_length=1, max_length=120)
    date_of_birth: BIRTH | None = None
    leerweg: CODE                            # code: BB, KB, GL, TL
    profiel: CODE | None = None
    vmbo_year_at_start: VMBO_YEAR = 3
    cohort: YEAR                             # the cohort of the group the student enters
    entry_route_year: ROUTE_YEAR = 1         # > 1: zij-instroom in that route year of the cohort
    origin: Origin = ""                      # zij-instroom from: havo | andere_school | mbo | regulier_vmbo | anders
    entry_date: DAY | None = None            # default: the start of the school year entered
    kwalificatie: CODE | None = None
    glr_judgment_on: DAY | None = None
    glr_judgment_note: str = Field("", max_length=300)
    vo_school: BRIN | None = None            # BRIN of the student's own vo-school: required when the route has several
    mbo_institution: BRIN | None = None      # BRIN of the student's own mbo: required when the route has several
    numbers: dict[BRIN, NUMBER] = {}         # BRIN -> school-local student number


class StudentChange(Schema):
    """A student's own data, all of it (PUT); the cohort and the path change through events."""
    first_name: str = Field(min_length=1, max_length=80)
    last_name: str = Field(min_length=1, max_length=120)
    date_of_birth: BIRTH | None
    leerweg: CODE
    profiel: CODE | None
    vmbo_year_at_start: VMBO_YEAR
    glr_judgment_on: DAY | None
    glr_judgment_note: str = Field(max_length=300)
    vo_school: BRIN | None
    mbo_institution: BRIN | None


class StudentPatch(Schema):
    """Some of a student's own data (PATCH): only the fields given change."""
    first_name: str | None = Field(None, min_length=1, max_length=80)
    last_name: str | None = Field(None, min_length=1, max_length=120)
    date_of_birth: BIRTH | None = None
    leerweg: CODE | None = None
    profiel: CODE | None = None
    vmbo_year_at_start: VMBO_YEAR | None = None
    glr_judgment_on: DAY | None = None
    glr_judgment_note: str | None = Field(None, max_length=300)
    vo_school: BRIN | None = None
    mbo_institution: BRIN | None = None


class EventIn(Schema):
    kind: EventKind
    date: DAY
    kwalificatie: CODE | None = None
    destination: Destination = ""
    detail: str = Field("", max_length=300)
    doorstroom_level: DoorstroomLevel = ""   # doorstroom: the level continued at; vervolgdiploma: its level
    route_year: ROUTE_YEAR | None = None     # terugkeer: the route year the student returns in
    source: FollowupSource = ""              # vervolgdiploma: where the record comes from


class EventChange(Schema):
    """A correction of an event (PATCH): only the fields given change."""
    date: DAY | None = None
    route_year: ROUTE_YEAR | None = None     # instroom, zij-instroom, terugkeer: the route year entered
    destination: Destination | None = None
    detail: str | None = Field(None, max_length=300)


class ExamPartFull(Schema):
    """An exam part, every field (PUT replaces the part)."""
    sector: Sector
    kind: PartKind
    name: str = Field(min_length=1, max_length=120)
    planned_route_year: ROUTE_YEAR
    actual_route_year: ROUTE_YEAR | None
    examiner: BRIN | None                    # BRIN
    location: str = Field(max_length=120)
    integrated: bool
    result: Result
    grade: Grade | None
    result_on: DAY | None


class ExamPartIn(ExamPartFull):
    """A new exam part, or the result of a part already in the plan (POST)."""
    actual_route_year: ROUTE_YEAR | None = None
    examiner: BRIN | None = None
    location: str = Field("", max_length=120)
    integrated: bool = False
    result: Result = "open"
    grade: Grade | None = None
    result_on: DAY | None = None


class ExamPartPatch(Schema):
    """Some fields of an exam part (PATCH): only the fields given change."""
    sector: Sector | None = None
    kind: PartKind | None = None
    name: str | None = Field(None, min_length=1, max_length=120)
    planned_route_year: ROUTE_YEAR | None = None
    actual_route_year: ROUTE_YEAR | None = None
    examiner: BRIN | None = None
    location: str | None = Field(None, max_length=120)
    integrated: bool | None = None
    result: Result | None = None
    grade: Grade | None = None
    result_on: DAY | None = None


class GroupResultRow(Schema):
    """One student's result in a group's results (the grid): a row without grade and result is left alone."""
    student: Id                              # the student's id
    grade: Grade | None = None
    result: Result | None = None             # None: from the grade (5,5 or higher, V or G: behaald)
    actual_route_year: ROUTE_YEAR | None = None   # None: as recorded, else the student's route year now


class GroupResultsIn(Schema):
    """The results of one exam part for a group of students, saved all or nothing (POST)."""
    sector: Sector
    kind: PartKind
    name: str = Field(min_length=1, max_length=120)
    result_on: DAY | None = None             # the result date of every row; None: today
    rows: list[GroupResultRow] = Field(min_length=1, max_length=400)


class BpvIn(Schema):
    leerbedrijf: str = Field(min_length=1, max_length=160)
    recognised: bool = False
    praktijkovereenkomst: bool = False
    start: DAY
    end: DAY | None = None


PromotionAction = Literal[promotion.ACTIONS]


class PromotionChoice(Schema):
    """One step for a selection of the cohort's students (one choice, many students)."""
    students: list[Id] = Field(min_length=1, max_length=1000)
    action: PromotionAction                  # overgang | doublure | uitloopjaar | diploma | uitstroom | apart
    destination: Destination = ""            # uitstroom: where the student goes
    # diploma, uitstroom: the day recorded, within the student's school year and not before the cohort's
    # start; default the last day of the school year for the diploma, today for uitstroom
    date: DAY | None = None


class PromotionIn(Schema):
    """Cohort promotion: the students not named go over (in their last route year: set aside until
    chosen); ``apply`` False is the preview."""
    choices: list[PromotionChoice] = Field([], max_length=1000)
    apply: bool = False


def given(data: Schema) -> dict:
    """The fields the caller gave (a PATCH changes only these)."""
    return {name: getattr(data, name) for name in data.model_fields_set}
