"""The students of the register as the pure core's path records (``domain.kpi.PathRecord``), for the
reference computation. Used by the tests as the oracle's input and for checking a figure by hand; the
pages and the API use the database engine (``engine.py``), never this loop over students."""
from __future__ import annotations

from django.db.models import Prefetch

from apps.students.models import Event, EventKind
from domain import kpi as core

KINDS = {EventKind.INSTROOM, EventKind.ZIJ_INSTROOM, EventKind.UITSTROOM, EventKind.TERUGKEER,
         EventKind.MBO_DIPLOMA, EventKind.SWITCH, EventKind.DOORSTROOM, EventKind.DOUBLURE, EventKind.OVERGANG,
         EventKind.CERTIFICAAT, EventKind.VERVOLGDIPLOMA}


def _step(student, event) -> core.Step:
    level = None
    if event.kind == EventKind.MBO_DIPLOMA:
        kwalificatie = event.kwalificatie or student.kwalificatie
        level = kwalificatie.level if kwalificatie else None
    elif event.kind == EventKind.DOORSTROOM:
        level = core.DOORSTROOM_LEVELS.get(student.doorstroom_level)
    elif event.kind == EventKind.VERVOLGDIPLOMA:
        level = event.level
    return core.Step(kind=event.kind, date=event.date, destination=event.destination,
                     kwalificatie=event.kwalificatie.code if event.kwalificatie_id else "", level=level)


def path_records(students) -> list[core.PathRecord]:
    """One record per student of the queryset, built from the student's events."""
    events = Prefetch("events", queryset=Event.objects.filter(kind__in=KINDS).select_related("kwalificatie")
                      .order_by("date", "pk"))
    return [core.PathRecord(cohort=s.cohort, steps=tuple(_step(s, e) for e in s.events.all()))
            for s in students.select_related("kwalificatie").prefetch_related(events)]
