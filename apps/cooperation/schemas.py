"""The typed input of the cooperation use cases (services.py): the schemas the API declares and what the
pages turn their forms into. References are ids (a person, a meeting series, a meeting), coded fields
are closed lists, strings carry the limits of the model fields."""
from datetime import date

from apps.routes.schemas import In, LongText, choice, rows, small, string

from . import models as m


class SeriesIn(In):
    """One part of the route's meeting structure (overlegvorm). ``times_per_year`` left out: the
    default for the kind (stuurgroep 4, werkgroep 6, directieberaad 6, planning and board talk 1)."""
    kind: choice(m.MeetingKind)
    name: string(120) = ""
    profiel: string(20) = ""                 # for a werkgroep per profiel, e.g. "BWI"
    times_per_year: small(0, 52) | None = None
    months: string(60) = ""                  # when in the year, e.g. "mei/juni"
    note: LongText = ""
    active: bool = True


class AttendeeIn(In):
    person: int                              # id of a person of one of the route's partner institutions
    present: bool = True


class MeetingIn(In):
    """A meeting held: its kind (or its series, whose kind it takes), date, minutes and who was there.
    Whether both sides were present is worked out from the attendance."""
    series: int | None = None                # id of one of the route's overlegvormen
    kind: choice(m.MeetingKind) | None = None
    held_on: date
    title: string(200) = ""
    minutes: LongText = ""
    attendance: rows(AttendeeIn) = []


class CancelIn(In):
    reason: string(200, required=True)


class DecisionIn(In):
    text: string(2000, required=True)
    owner: int | None = None                 # id of a person of one of the route's partner institutions
    due_on: date | None = None
    meeting: int | None = None               # id of the route's meeting where it was decided


class CompleteIn(In):
    done_on: date | None = None              # left out: today


class KnelpuntIn(In):
    category: choice(m.KnelpuntCategory)
    title: string(200, required=True)
    description: LongText = ""
    owner: int | None = None                 # id of a person (of a partner, or of an institution of the region)
    status: choice(m.Knelpunt.Status) = m.Knelpunt.Status.OPEN.value
    action: LongText = ""                    # the action taken
    reported_on: date | None = None          # left out: today


class CloseIn(In):
    action: LongText = ""                    # what solved it (added to the action taken)
    resolved_on: date | None = None          # left out: today
