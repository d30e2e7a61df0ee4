"""Synthetic DUO population counts for the demo (data/amsterdam-populatie.toml says what they are made
to agree with). Generated after the students, for every school year from the file's first school
year up to the demo's today, deterministically (a random generator seeded per school and year):

1. every school's own route students on 1 October (from the register, by leerweg, profiel and vmbo
   leerjaar) are counted at that school;
2. each school gets ``per_leerjaar`` other students per leerjaar, spread over its leerwegen (leerjaar
   1-2 without profiel, 3-4 over its profielen); a real school only in the leerwegen and profielen
   of its own routes;
3. the BB leerjaar-4 total is then set, through the invented schools' BB leerjaar-4 counts, so that
   the register's route students are ``bb_leerjaar4_in_route`` of it (K-10 on leerjaar 4)."""
from __future__ import annotations

import random
from collections import defaultdict

from django.db.models import Count, F, Q

from apps.regional.coverage import bereik
from apps.registry.models import Leerweg, PopulationCount, Profiel
from apps.routes.models import RoutePartner
from apps.students.models import Enrolment
from domain.calendar import teldatum

ALL_LEERJAREN = (1, 2, 3, 4)


def load(loader) -> None:
    for spec in loader.data.population:
        region = loader.regions[spec.region]
        for year in range(spec.first_school_year, loader.school_year + 1):
            counts, floors = _generate(loader, spec, year)
            _calibrate_bb4(loader, spec, region, year, counts, floors)
            _write(loader, spec, year, counts)


def _route_students(institutions: list[int], year: int) -> dict[tuple, int]:
    """Register students enrolled on 1 October at their own vo-school, per (school, leerweg, profiel, leerjaar)."""
    day = teldatum(year)
    rows = (Enrolment.objects.filter(school_year=year, student__vo_school__in=institutions, start__lte=day)
            .filter(Q(end__isnull=True) | Q(end__gte=day))
            .annotate(leerjaar=F("student__vmbo_year_at_start") + F("route_year") - 1)
            .filter(leerjaar__in=ALL_LEERJAREN)
            .values_list("student__vo_school", "student__leerweg__code", "student__profiel__code", "leerjaar")
            .annotate(n=Count("student", distinct=True)))
    return {(school, lw, profiel if leerjaar >= 3 else None, leerjaar): n
            for school, lw, profiel, leerjaar, n in rows}


def _own_route_offer(institution_id: int) -> tuple[list[str], list[str]]:
    routes = RoutePartner.objects.filter(institution=institution_id, role="vo").values("route")
    leerwegen = sorted(set(Leerweg.objects.filter(routes__in=routes).values_list("code", flat=True)))
    profielen = sorted(set(Profiel.objects.filter(routes__in=routes).values_list("code", flat=True)))
    return leerwegen, profielen


def _generate(loader, spec, year: int) -> tuple[dict[tuple, int], dict[tuple, int]]:
    """The counts per (school, leerweg, profiel, leerjaar), and the route students in them (the floor
    no count may go below)."""
    schools = {s.institution: loader.institutions[s.institution].pk for s in spec.schools}
    counts: dict[tuple, int] = defaultdict(int)
    floors = _route_students(list(schools.values()), year)
    for key, n in floors.items():
        counts[key] += n
    for school in spec.schools:
        pk = schools[school.institution]
        own_leerwegen, own_profielen = _own_route_offer(pk)
        leerwegen = school.leerwegen or own_leerwegen or ["BB"]
        profielen = school.profielen or own_profielen
        rng = random.Random(f"{spec.key}:{school.institution}:{year}")
        for leerjaar in ALL_LEERJAREN:
            size = round(school.per_leerjaar * rng.uniform(0.9, 1.1))
            for i, leerweg in enumerate(leerwegen):
                n = size // len(leerwegen) + (1 if i < size % len(leerwegen) else 0)
                if leerjaar <= 2 or not profielen:
                    counts[(pk, leerweg, None, leerjaar)] += n
                    continue
                for j, profiel in enumerate(profielen):
                    counts[(pk, leerweg, profiel, leerjaar)] += n // len(profielen) + (
                        1 if j < n % len(profielen) else 0)
    return counts, floors


def _calibrate_bb4(loader, spec, region, year: int, counts: dict[tuple, int], floors: dict[tuple, int]) -> None:
    """Set the BB leerjaar-4 total so that the register's route students are the file's share of it:
    more students go to the invented schools; fewer come off any school's other students (never
    below its route students)."""
    in_route = next((b.numerator for b in bereik(region, year, leerjaar=4) if b.leerweg == "BB"), 0)
    if not in_route:
        return
    target = int(in_route / spec.bb_leerjaar4_in_route)
    invented = {loader.institutions[s.institution].pk for s in spec.schools if s.invented}
    bb4 = sorted((k for k in counts if k[1] == "BB" and k[3] == 4), key=str)
    delta = target - sum(counts[k] for k in bb4)
    keys = [k for k in bb4 if k[0] in invented] if delta > 0 else bb4
    while delta and keys:
        step = 1 if delta > 0 else -1
        movable = [k for k in keys if step > 0 or counts[k] > floors.get(k, 0)]
        for key in movable[:abs(delta)]:
            counts[key] += step
            delta -= step
        if not movable:
            break


def _write(loader, spec, year: int, counts: dict[tuple, int]) -> None:
    stadsdeel = {loader.institutions[s.institution].pk: s.stadsdeel for s in spec.schools}
    locations = {inst.pk: inst.locations.order_by("code").first() for inst in loader.institutions.values()
                 if inst.pk in stadsdeel}
    leerwegen = {lw.code: lw.pk for lw in Leerweg.objects.all()}
    profielen = {p.code: p.pk for p in Profiel.objects.all()}
    PopulationCount.objects.bulk_create([
        PopulationCount(school_year=year, institution_id=school, location=locations[school], gemeente=spec.gemeente,
                        stadsdeel=stadsdeel[school], leerweg_id=leerwegen[lw], profiel_id=profielen.get(profiel),
                        leerjaar=leerjaar, count=n)
        for (school, lw, profiel, leerjaar), n in sorted(counts.items(), key=lambda kv: str(kv[0])) if n > 0],
        batch_size=2000)
