"""Follow-up records for the demo (K-12 succes na doorstroom): Calvijn publishes that of those who
continued since 2015, 57% obtained the diploma at the higher level, spread over 44 mbo programmes
(practices.md, "Published results").

Written after the students (``students.load``), from whatever doorstromers the register then holds:
the engine's K-05 doorstromers of Calvijn's cohorts since 2015 on the load day. Of them, 57% (rounded
to the nearest student) get a ``vervolgdiploma`` event at the level they continued at, dated 30 June
after the nominal duration (mbo 3: two school years after the doorstroom, mbo 4: three), chosen among
those for whom that day has passed, by a random generator of their own (so the other demo draws stay
as they are); the programmes rotate over 32 mbo-3 and 12 mbo-4 names (44 in all), as free text, source
"instelling". If too few doorstromers have reached that day (a load day long ago), fewer get one: the
figure then is what it can be on that day."""
from __future__ import annotations

import random
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from apps.results import engine
from apps.students import models as m
from domain.calendar import school_year_of

ROUTE = "calvijn-vmr"
SINCE = 2015                    # "of those who continued since 2015"
SHARE = Decimal("0.57")
YEARS = {"mbo3": 2, "mbo4": 3, "hbo": 4}
LEVELS = {"mbo3": m.FollowupLevel.MBO3, "mbo4": m.FollowupLevel.MBO4, "hbo": m.FollowupLevel.HBO}

PROGRAMMES = {
    "mbo3": (
        "Verzorgende-IG", "Medewerker maatschappelijke zorg", "Sport- en bewegingsbegeleider",
        "Pedagogisch medewerker kinderopvang", "Allround kapper", "Allround schoonheidsspecialist",
        "Eerste verkoper", "Logistiek teamleider", "Zelfstandig werkend kok", "Zelfstandig werkend gastheer/-vrouw",
        "Dierverzorger", "Autotechnicus", "Eerste monteur elektrotechnische installaties",
        "Eerste monteur werktuigkundige installaties", "Allround timmerman", "Allround metselaar",
        "Allround schilder", "Coördinator beveiliging", "Hovenier", "Zelfstandig werkend bakker",
        "Medewerker ICT-support", "Allround medewerker IT systems and devices", "Eerste fietstechnicus",
        "Allround DTP'er", "Chauffeur goederenvervoer", "Zelfstandig medewerker leisure & hospitality",
        "Medewerker evenementenorganisatie", "Allround medewerker mode/maatkleding", "Verkoopspecialist",
        "Medewerker secretariaat en receptie", "Financieel administratief medewerker",
        "Gastheer/-vrouw luchtvaart"),
    "mbo4": (
        "Maatschappelijke zorg (persoonlijk begeleider)", "Verpleegkundige", "Doktersassistent",
        "Apothekersassistent", "Onderwijsassistent", "Sport- en bewegingscoördinator",
        "Pedagogisch medewerker jeugdzorg", "Facilitair leidinggevende", "Ondernemer horeca/bakkerij",
        "Mediavormgever", "Medewerker marketing en communicatie", "Juridisch medewerker"),
    "hbo": ("Social Work", "Verpleegkunde", "Pedagogiek"),
}


def _doorstromers(route, today: date) -> list[m.Student]:
    """The K-05 doorstromers of the route's cohorts since ``SINCE`` on ``today`` (the engine's own)."""
    students = m.Student.objects.filter(route=route)
    cohorts = students.filter(cohort__gte=SINCE).order_by("cohort").values_list("cohort", flat=True).distinct()
    found = []
    for cohort in cohorts:
        found += list(engine.students_behind(students, "K-05", cohort, today).order_by("pk"))
    return found


def _diploma_day(student: m.Student, doorstroom_on: date) -> date:
    return date(doorstroom_on.year + YEARS.get(student.doorstroom_level, 2), 6, 30)


def load(loader) -> list[m.Event]:
    """Write Calvijn's follow-up records (see the module's docstring); returns the events written."""
    route = loader.routes.get(ROUTE)
    if route is None:
        return []
    doorstromers = _doorstromers(route, loader.today)
    wanted = int((SHARE * len(doorstromers)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    doorstroom_on = dict(m.Event.objects.filter(student__in=doorstromers, kind=m.EventKind.DOORSTROOM)
                         .order_by("student", "date").values_list("student", "date"))
    eligible = [s for s in doorstromers
                if s.pk in doorstroom_on and _diploma_day(s, doorstroom_on[s.pk]) <= loader.today]
    rng = random.Random(f"leerroute-demo-followup-{ROUTE}")
    chosen = sorted(rng.sample(eligible, min(wanted, len(eligible))), key=lambda s: s.pk)
    turn = dict.fromkeys(PROGRAMMES, 0)
    events = []
    for student in chosen:
        level = student.doorstroom_level if student.doorstroom_level in PROGRAMMES else "mbo3"
        names = PROGRAMMES[level]
        programme, turn[level] = names[turn[level] % len(names)], turn[level] + 1
        day = _diploma_day(student, doorstroom_on[student.pk])
        events.append(m.Event(student=student, kind=m.EventKind.VERVOLGDIPLOMA, date=day,
                              school_year=school_year_of(day), route_year=student.route_year,
                              level=LEVELS[level], source=m.FollowupSource.INSTELLING,
                              detail=f"{programme} ({level.replace('mbo', 'mbo ')})"))
    return m.Event.objects.bulk_create(events)
