"""A synthetic national data set, for measuring the product at national scale (issue 9, point 8).

At scale 1: about 400 vo-schools and 60 mbo institutions spread over the 39 RMC regions, 2,000 routes
and 500,000 students over the 10 cohorts up to the current school year, with their events, enrolments
and exam results, written up to ``today`` (nothing dated later has happened). ``scale`` multiplies
the counts (0.01 for a quick run, 0.001 for a test); ``seed`` makes the set reproducible: the same
seed, scale, day and starting database give the same data.

Everything invented is marked: institutions carry BRIN codes 99xx (vo) and 98xx (mbo), the codes
the demo reserves for invented schools, and names ending in "(synthetisch)"; their boards are named
"Synthetisch bestuur ..."; the kwalificaties have crebo codes 992xx-994xx (no real code starts with
99); regions are the registry's RMC regions, topped up with "Synthetische RMC-regio NN" regions.

How it is written, and why:

* Routes, partners, uitstroomrichtingen, route years and agreements are bulk-created. They are
  valid by construction (a DLR/GLR to mbo 2-4, GLR only for BB to mbo 2, a SOK signed by every board
  before the start with the mandatory topics, RIO registration), but the R-rules are not evaluated
  per route: no ComplianceFinding rows are written (``manage.py evaluate_compliance`` does that).
* A student's path is drawn as events (instroom or zij-instroom, overgang or doublure, switch, vmbo
  diploma, uitstroom with a destination, terugkeer, mbo diploma, doorstroom) and replayed by the
  domain core (``domain.path.replay``), which gives the summary fields exactly as
  ``services.rederive`` keeps them; the enrolments are what the core requires for that path and the
  route's enrolment pattern (``domain.path.required_for_path``), as ``services.rederive`` writes them.
* The exam plan is the product's default template per level and leerweg (``exam_defaults``), as
  ``services.enrol`` plans it; a part is passed once the student finished its route year.
* Students and their rows are written as plain rows (``importing.insert_rows``: COPY on PostgreSQL,
  executemany on SQLite), one transaction per batch of students, without audit entries (as the import
  does; the whole set is one batch job, not a user's change), no per-student rule state.

Distributions: about 5% of a cohort leaves the route per school year (per route a factor 0.5-1.8),
about 12% of leavers come back the next school year, 2.5% doublure a year, 3% fail the vmbo exam once
and 10% the final year once; the mbo diploma falls at the end of the route's nominal length (route
year 3 for mbo 2, 4 for mbo 3, 5 for mbo 4 when the route starts in vmbo 3), 8% of them in January.
"""
from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from auditlog.context import disable_auditlog
from django.apps import apps as django_apps
from django.db import connection, transaction
from django.utils import timezone

from apps.registry import exam_defaults, reference
from apps.registry import models as reg
from apps.routes import models as rm
from apps.students import models as sm
from apps.students.importing import allocate_ids, insert_rows, written_fields
from domain import facts
from domain import path as core
from domain.calendar import school_year_of, year_start
from domain.facts import MANDATORY_TOPICS
from domain.phase import first_mbo_route_year

from .students import DOORSTROOM_DETAIL, FIRST_NAMES, LAST_NAMES

FULL = {"regions": 39, "vo_schools": 400, "mbo_institutions": 60, "routes": 2000, "students": 500_000}
COHORTS = 10
MARK = "(synthetisch)"
BOARD_PREFIX = "Synthetisch bestuur"
REGION_PREFIX = "Synthetische RMC-regio"
BATCH = 10_000            # students per transaction

LEAVE_PER_YEAR = 0.05
RETURN_AFTER_LEAVING = 0.12
DOUBLURE_PER_YEAR = 0.025
FAIL_VMBO = 0.03
FAIL_FINAL = 0.10
EARLY_DIPLOMA = 0.08
SWITCH = 0.04
ZIJ_INSTROOM = 0.02
DOORSTROOM = {2: (("mbo3", 0.55), ("mbo4", 0.15)), 3: (("mbo4", 0.6),), 4: (("hbo", 0.45),)}
DESTINATIONS = {
    "vo": (("regulier_vmbo", 45), ("entree", 15), ("havo", 5), ("ander_mbo", 10), ("werk", 5), ("geen", 20)),
    "mbo": (("ander_mbo", 40), ("entree", 10), ("werk", 25), ("geen", 25)),
}
VMBO_GRADES = [Decimal(n) / 10 for n in range(55, 87)]
FAILED_GRADES = [Decimal(n) / 10 for n in range(35, 55)]
MBO_GRADES = [Decimal(n) / 10 for n in range(55, 85)]


@dataclass(frozen=True)
class Scale:
    regions: int
    vo_schools: int
    mbo_institutions: int
    routes: int
    students: int

    @classmethod
    def of(cls, factor: float) -> Scale:
        """The counts at a scale factor: at least one of each, never more regions than mbo institutions
        (every region has an mbo), nor more vo-schools than invented BRIN codes."""
        vo = min(600, max(1, round(FULL["vo_schools"] * factor)))
        mbo = min(600, max(1, round(FULL["mbo_institutions"] * factor)))
        return cls(regions=min(FULL["regions"], mbo, vo), vo_schools=vo, mbo_institutions=mbo,
                   routes=max(1, round(FULL["routes"] * factor)), students=round(FULL["students"] * factor))


class AlreadyGenerated(RuntimeError):
    """The database already holds a synthetic national set."""


def exists() -> bool:
    return reg.Bestuur.objects.filter(name__startswith=BOARD_PREFIX).exists()


@dataclass
class RouteSpec:
    """What the student generator needs of a route, kept in memory."""
    pk: int
    number: int                     # position in the set (seeds the route's random draws)
    region: int
    type: str
    start_year: int
    start_vmbo_year: int
    length: int                     # route years up to the mbo diploma
    vmbo_diploma: bool
    leerwegen: tuple[int, ...]
    profiel: int
    kwalificaties: tuple[int, ...]
    level: int
    vo: tuple[int, ...]
    mbo: tuple[int, ...]
    quality: float                  # multiplies the chance of leaving
    size: float                     # relative cohort size
    facts: facts.Route = None

    @property
    def vo_years(self) -> int:
        return first_mbo_route_year(self.start_vmbo_year) - 1


@dataclass
class Generator:
    scale: float = 1.0
    seed: int = 2026
    today: date = field(default_factory=date.today)
    progress: object = print
    batch: int = BATCH

    def __post_init__(self):
        self.counts = Scale.of(self.scale)
        self.rng = random.Random(f"leerroute-national-{self.seed}")
        self.last_cohort = school_year_of(self.today)
        self.cohorts = list(range(self.last_cohort - COHORTS + 1, self.last_cohort + 1))
        self.written = {"students": 0, "events": 0, "enrolments": 0, "exam_parts": 0, "numbers": 0}
        self._enrolment_cache, self._replay_cache = {}, {}

    # -- registry ------------------------------------------------------------------------------

    def say(self, message: str) -> None:
        if self.progress:
            self.progress(message)

    def regions(self) -> list[reg.Region]:
        """The registry's RMC regions, topped up with synthetic ones to the scale's number."""
        found = list(reg.Region.objects.filter(kind=reg.Region.Kind.RMC).order_by("name", "pk"))
        found = found[:self.counts.regions]
        for n in range(len(found) + 1, self.counts.regions + 1):
            found.append(reg.Region.objects.get_or_create(
                kind=reg.Region.Kind.RMC, name=f"{REGION_PREFIX} {n:02d}", defaults={"code": f"S{n:02d}"})[0])
        return found

    @staticmethod
    def free_brins(prefix: str, count: int) -> list[str]:
        taken = set(reg.Institution.objects.filter(brin__startswith=prefix).values_list("brin", flat=True))
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        free = [f"{prefix}{a}{b}" for a in letters for b in letters if f"{prefix}{a}{b}" not in taken]
        if len(free) < count:
            raise ValueError(f"only {len(free)} invented BRIN codes {prefix}xx are free, {count} needed")
        return free[:count]

    def institutions(self, regions) -> tuple[list, list]:
        """Invented vo-schools (99xx) and mbo institutions (98xx), each with its own board, spread
        over the regions (every region has at least one of each)."""
        made = {}
        for sector, prefix, count, kind, label in (
                ("vo", "99", self.counts.vo_schools, reg.Institution.Kind.VO_SCHOOL, "Vo-school"),
                ("mbo", "98", self.counts.mbo_institutions, reg.Institution.Kind.ROC, "Mbo-college")):
            brins = self.free_brins(prefix, count)
            boards = reg.Bestuur.objects.bulk_create(
                [reg.Bestuur(name=f"{BOARD_PREFIX} {sector} {n:03d}") for n in range(1, count + 1)])
            rows = reg.Institution.objects.bulk_create(
                [reg.Institution(brin=brin, name=f"{label} {n:03d} {MARK}", sector=sector, kind=kind,
                                 bestuur=board, city="")
                 for n, (brin, board) in enumerate(zip(brins, boards), start=1)])
            order = list(range(count))
            self.rng.shuffle(order)
            links = [reg.Institution.regions.through(institution_id=rows[i].pk,
                                                     region_id=regions[n % len(regions)].pk)
                     for n, i in enumerate(order)]
            reg.Institution.regions.through.objects.bulk_create(links)
            made[sector] = [(rows[i], regions[n % len(regions)].pk) for n, i in enumerate(order)]
        return made["vo"], made["mbo"]

    def kwalificaties(self) -> dict[tuple[str, int], reg.Kwalificatie]:
        """One invented kwalificatie per profiel and level 2-4, related to its profiel (R-02)."""
        profielen = list(reg.Profiel.objects.order_by("code"))
        result = {}
        for i, profiel in enumerate(profielen):
            for level in (2, 3, 4):
                k, _ = reg.Kwalificatie.objects.get_or_create(
                    code=f"99{level}{i:02d}",
                    defaults={"name": f"Beroep {profiel.code} niveau {level} {MARK}", "level": level,
                              "dossier": f"Synthetisch dossier {profiel.code}"})
                reg.ProfielKwalificatie.objects.get_or_create(profiel=profiel, kwalificatie=k)
                result[(profiel.code, level)] = k
        return result

    # -- routes --------------------------------------------------------------------------------

    def draw_routes(self, vo_schools, mbos, kwalificaties) -> list[RouteSpec]:
        rng = self.rng
        by_region_mbo, by_region_vo = {}, {}
        for inst, region in mbos:
            by_region_mbo.setdefault(region, []).append(inst)
        for inst, region in vo_schools:
            by_region_vo.setdefault(region, []).append(inst)
        profielen = sorted({p for p, _ in kwalificaties})
        leerwegen = {lw.code: lw.pk for lw in reg.Leerweg.objects.all()}
        specs = []
        for n in range(self.counts.routes):
            vo, region = vo_schools[n % len(vo_schools)] if n < len(vo_schools) else rng.choice(vo_schools)
            vos = [vo]
            others = [i for i in by_region_vo[region] if i.pk != vo.pk]
            if others and rng.random() < 0.15:
                vos.append(rng.choice(others))
            mbo_here = by_region_mbo[region]
            chosen = rng.sample(mbo_here, 2 if len(mbo_here) > 1 and rng.random() < 0.05 else 1)
            glr = rng.random() < 0.2
            level = 2 if glr else rng.choices((2, 3, 4), (45, 35, 20))[0]
            start_vmbo = 3 if rng.random() < 0.9 else 4
            length = {2: 3, 3: 4, 4: 5}[level] - (start_vmbo - 3)
            profiel = rng.choice(profielen)
            kwals = [kwalificaties[(profiel, level)].pk]
            if rng.random() < 0.3:   # a second uitstroomrichting of the same profiel and level's neighbour
                other = rng.choice([p for p in profielen if p != profiel] or [profiel])
                if kwalificaties[(other, level)].pk not in kwals:
                    kwals.append(kwalificaties[(other, level)].pk)
            if glr:
                lws = (leerwegen["BB"],)
            else:
                lws = tuple(leerwegen[c] for c in rng.choice((("BB", "KB"), ("BB", "KB"), ("KB",), ("GL", "TL"))))
            if rng.random() < 0.75:
                start_year = self.cohorts[0] - rng.randint(0, 6)
            else:
                start_year = rng.randint(self.cohorts[0] + 1, self.last_cohort)
            specs.append(RouteSpec(
                pk=0, number=n, region=region, type="geintegreerd" if glr else "doorlopend", start_year=start_year,
                start_vmbo_year=start_vmbo, length=length, vmbo_diploma=not glr, leerwegen=lws,
                profiel=profiel, kwalificaties=tuple(kwals), level=level,
                vo=tuple(i.pk for i in vos), mbo=tuple(i.pk for i in chosen),
                quality=rng.uniform(0.5, 1.8), size=rng.lognormvariate(0, 0.5)))
        return specs

    def write_routes(self, specs: list[RouteSpec], institutions: dict[int, reg.Institution]) -> None:
        """Routes with partners, uitstroomrichtingen, route years, profiel, leerwegen and a signed SOK."""
        rng = self.rng
        profielen = {p.code: p.pk for p in reg.Profiel.objects.all()}
        routes = []
        for n, s in enumerate(specs, start=1):
            phase = rm.Phase.REGULIER if s.start_year < self.last_cohort - 2 else rm.Phase.EERSTE_COHORT
            routes.append(rm.Route(
                name=f"Synthetische route {n:04d} {s.profiel} niveau {s.level}", type=s.type,
                region_id=s.region, phase=phase, start_year=s.start_year, vmbo_diploma=s.vmbo_diploma,
                start_vmbo_year=s.start_vmbo_year, vmbo_exam_route_year=s.vo_years + 1,
                study_duration_years=s.length, onderwijstijd_hours=1000 * s.length,
                settlement_model=rng.choice(("M1", "M2", "M3", "M5")), source="synthetisch (landelijke schaal)",
                mr_consent_on=year_start(s.start_year) - timedelta(days=120),
                description="Synthetische route voor metingen op landelijke schaal."))
        routes = rm.Route.objects.bulk_create(routes, batch_size=500)
        partners, richtingen, years, profiel_links, leerweg_links = [], [], [], [], []
        agreements, signatures, clauses, covered = [], [], [], []
        patterns = {}
        for route, s in zip(routes, specs):
            s.pk = route.pk
            start = year_start(s.start_year)
            for role, pks in (("vo", s.vo), ("mbo", s.mbo)):
                partners += [rm.RoutePartner(route=route, institution_id=pk, role=role, joined_on=start,
                                             rio_registered_on=start - timedelta(days=60)) for pk in pks]
            richtingen += [rm.Uitstroomrichting(route=route, kwalificatie_id=k) for k in s.kwalificaties]
            pattern = ()
            if s.vmbo_diploma and rng.random() < 0.2:   # a Calvijn-like pattern: an unfunded second enrolment
                pattern = ((s.vo_years, "mbo"), (s.vo_years + 1, "vo"))
            patterns[route.pk] = pattern
            unfunded = dict(pattern)
            for ry in range(1, s.length + 1):
                vmbo_year = s.start_vmbo_year + ry - 1
                years.append(rm.RouteYear(route=route, route_year=ry, vmbo_year=vmbo_year if vmbo_year <= 4 else None,
                                          days_at_mbo=Decimal(1 if vmbo_year <= 4 else 3),
                                          unfunded_at=unfunded.get(ry, "")))
            profiel_links.append(rm.Route.profielen.through(route_id=route.pk, profiel_id=profielen[s.profiel]))
            leerweg_links += [rm.Route.leerwegen.through(route_id=route.pk, leerweg_id=lw) for lw in s.leerwegen]
            agreements.append(rm.Agreement(kind=rm.AgreementKind.SOK, title=f"Samenwerkingsovereenkomst {route.name}",
                                           valid_from=start))
        rm.RoutePartner.objects.bulk_create(partners, batch_size=2000)
        rm.Uitstroomrichting.objects.bulk_create(richtingen, batch_size=2000)
        rm.RouteYear.objects.bulk_create(years, batch_size=2000)
        rm.Route.profielen.through.objects.bulk_create(profiel_links, batch_size=2000)
        rm.Route.leerwegen.through.objects.bulk_create(leerweg_links, batch_size=2000)
        agreements = rm.Agreement.objects.bulk_create(agreements, batch_size=500)
        for agreement, route, s in zip(agreements, routes, specs):
            boards = dict.fromkeys(institutions[pk].bestuur_id for pk in (*s.vo, *s.mbo))
            signed = year_start(s.start_year) - timedelta(days=30)
            signatures += [rm.Signature(agreement=agreement, bestuur_id=b, signed_on=signed, signatory="bestuurder")
                           for b in boards]
            clauses += [rm.Clause(agreement=agreement, topic=t, text="Geregeld in de overeenkomst (synthetisch).")
                        for t in MANDATORY_TOPICS]
            covered.append(rm.Agreement.routes.through(agreement_id=agreement.pk, route_id=route.pk))
        rm.Signature.objects.bulk_create(signatures, batch_size=2000)
        rm.Clause.objects.bulk_create(clauses, batch_size=2000)
        rm.Agreement.routes.through.objects.bulk_create(covered, batch_size=2000)
        for route, s in zip(routes, specs):
            s.facts = facts.Route(
                name=route.name, type=s.type, phase=route.phase, start_date=year_start(s.start_year),
                start_vmbo_year=s.start_vmbo_year, vmbo_diploma=s.vmbo_diploma,
                partners=tuple(facts.Partner(institution="", brin=institutions[pk].brin, role=role, board="")
                               for role, pks in (("vo", s.vo), ("mbo", s.mbo)) for pk in pks),
                enrolment_pattern=patterns[route.pk])

    # -- students ------------------------------------------------------------------------------

    def cells(self, specs) -> list[tuple[RouteSpec, int, int]]:
        """(route, cohort, number of students): the national total shared over the routes' cohorts by
        route size and a slowly growing intake, to the exact total (largest remainders)."""
        weights = [(s, c, s.size * (0.7 + 0.06 * (c - self.cohorts[0])))
                   for s in specs for c in self.cohorts if c >= s.start_year]
        if not weights:
            return []
        total = sum(w for _, _, w in weights)
        exact = [self.counts.students * w / total for _, _, w in weights]
        counts = [int(x) for x in exact]
        rest = self.counts.students - sum(counts)
        for i in sorted(range(len(exact)), key=lambda i: counts[i] - exact[i])[:rest]:
            counts[i] += 1
        return [(s, c, n) for (s, c, _), n in zip(weights, counts) if n]

    def path(self, rng, s: RouteSpec, cohort: int, kwal: int) -> list[tuple]:
        """The events of one student up to today: (kind, date, route year, kwalificatie, destination,
        origin, detail). Elapsed time runs on through doublures; nothing after today happens."""
        today, vo_years = self.today, s.vo_years
        entry = 2 if vo_years >= 2 and rng.random() < ZIJ_INSTROOM and year_start(cohort + 1) <= today else 1
        sy, ry = cohort + entry - 1, entry
        if entry > 1:
            events = [("zij_instroom", year_start(sy), ry, kwal, "", rng.choice(("havo", "andere_school")), "")]
        else:
            events = [("instroom", year_start(sy), ry, kwal, "", "", "")]
        vmbo_diploma, switched, final_fails = not s.vmbo_diploma, False, 0
        leave_p = LEAVE_PER_YEAR * s.quality
        while True:
            repeat = rng.random() < DOUBLURE_PER_YEAR
            if not switched and len(s.kwalificaties) > 1 and ry <= min(vo_years + 1, s.length - 1) \
                    and rng.random() < SWITCH:
                on = date(sy + 1, 2, 1)
                if on > today:
                    return events
                kwal = next(k for k in s.kwalificaties if k != kwal)
                events.append(("switch", on, ry, kwal, "", "", "andere uitstroomrichting"))
                switched = True
            elif rng.random() < leave_p:
                on = date(sy, 10, 15) + timedelta(days=rng.randrange(228))
                if on > today:
                    return events
                side = "vo" if ry <= vo_years else "mbo"
                destination = rng.choices(*zip(*DESTINATIONS[side]))[0]
                events.append(("uitstroom", on, ry, None, destination, "", ""))
                if rng.random() >= RETURN_AFTER_LEAVING or year_start(sy + 1) > today:
                    return events
                sy += 1
                events.append(("terugkeer", year_start(sy), ry, None, "", "", "terug in de route"))
                continue
            if ry == vo_years and not vmbo_diploma and not repeat:
                on = date(sy + 1, 6, 20)
                if on > today:
                    return events
                if rng.random() < FAIL_VMBO:
                    repeat = True
                else:
                    vmbo_diploma = True
                    events.append(("vmbo_diploma", on, ry, None, "", "", ""))
            if ry >= s.length and not repeat:
                on = date(sy + 1, 1, 31) if rng.random() < EARLY_DIPLOMA else date(sy + 1, 7, 1)
                if on > today:
                    return events
                if rng.random() >= FAIL_FINAL or final_fails:
                    events.append(("mbo_diploma", on, ry, kwal, "", "", f"niveau {s.level}"))
                    self.doorstroom(rng, s, on, ry, events)
                    return events
                final_fails, repeat = final_fails + 1, True
            if year_start(sy + 1) > today:
                return events
            sy += 1
            ry += 0 if repeat else 1
            events.append(("doublure" if repeat else "overgang", year_start(sy), ry, None, "", "", ""))

    def doorstroom(self, rng, s: RouteSpec, diploma_on: date, ry: int, events: list) -> None:
        on = date(diploma_on.year, 10, 1)
        if on > self.today:
            return
        draw, threshold = rng.random(), 0.0
        for level, share in DOORSTROOM[s.level]:
            threshold += share
            if draw < threshold:
                events.append(("doorstroom", on, ry, None, "", "", DOORSTROOM_DETAIL[level]))
                self.doorstroom_level = level
                return

    def replay(self, events: list[tuple], codes: dict) -> core.PathState:
        """The core's replay of the events (the summary fields follow from it), cached: most students
        of a route and cohort share their path."""
        key = tuple(e[:5] for e in events)
        if key not in self._replay_cache:
            if len(self._replay_cache) > 200_000:
                self._replay_cache.clear()
            self._replay_cache[key] = core.replay([
                core.PathEvent(kind=e[0], date=e[1], route_year=e[2], kwalificatie=codes.get(e[3], ""),
                               destination=e[4]) for e in events])
        return self._replay_cache[key]

    def enrolments(self, s: RouteSpec, student: facts.Student, state: core.PathState, own: dict) -> list[tuple]:
        """The enrolments the core requires for the path (as services.rederive writes them), cached
        by what they depend on."""
        key = (s.pk, own["vo"], own["mbo"], state.periods, state.vmbo_diploma_on)
        if key not in self._enrolment_cache:
            if len(self._enrolment_cache) > 200_000:
                self._enrolment_cache.clear()
            rows = core.required_for_path(student, state)
            self._enrolment_cache[key] = [(own[r.side], r.school_year, r.route_year, r.start, r.end, r.funded,
                                           r.phase) for r in rows]
        return self._enrolment_cache[key]

    def exam_plan(self, s: RouteSpec, leerweg_code: str) -> list[tuple]:
        """(sector, kind, name, planned route year) of the default templates: the vmbo parts by leerweg
        (not for a GLR, which drops the vmbo exam), the mbo parts by level, keuzedelen and BPV."""
        parts = []
        if s.vmbo_diploma:
            for kind, name, leerjaar in exam_defaults.VMBO_LEERWEGEN[leerweg_code]:
                parts.append(("vmbo", kind, name, max(1, leerjaar - s.start_vmbo_year + 1)))
        spec = exam_defaults.MBO_LEVELS[s.level]
        for kind, key in (("generiek", "generiek"), ("kerntaak", "kerntaken")):
            parts += [("mbo", kind, name, min(s.vo_years + year, s.length)) for name, year in spec[key]]
        parts += [("mbo", "keuzedeel", f"Keuzedeel {n}", s.length) for n in range(1, spec["keuzedelen"] + 1)]
        parts.append(("mbo", "BPV", "BPV", s.length))
        return parts

    def parts(self, rng, plan, state: core.PathState, examiners: dict) -> list[tuple]:
        """The exam parts with results: passed once the route year they are planned in was finished
        (moved on from, or the diploma in it); a failed vmbo CSPE in a year repeated for the exam."""
        finished, last_of = {}, {}
        periods = state.periods
        for i, period in enumerate(periods):
            last_of[period.route_year] = period.school_year
            nxt = periods[i + 1] if i + 1 < len(periods) else None
            if nxt is not None and nxt.route_year > period.route_year:
                finished[period.route_year] = date(period.school_year + 1, 4, 15)
        if state.mbo_diploma_on:
            finished[state.mbo_diploma_route_year] = state.mbo_diploma_on - timedelta(days=20)
        vmbo_done = state.vmbo_diploma_on
        rows = []
        for sector, kind, name, planned in plan:
            result, grade, assessment, on, actual = "open", None, "", None, None
            if sector == "vmbo" and vmbo_done and planned in last_of:
                result, on, actual = "passed", min(vmbo_done, date(last_of[planned] + 1, 6, 10)), planned
                grade = rng.choice(VMBO_GRADES)
            elif sector == "mbo" and planned in finished:
                result, on, actual = "passed", finished[planned], planned
                if kind == "generiek":
                    grade = rng.choice(MBO_GRADES)
                elif kind != "BPV":
                    assessment = "G" if rng.random() < 0.3 else "V"
            rows.append((sector, kind, name, planned, actual, examiners[sector], result, grade, assessment, on))
        return rows

    def students(self, specs, institutions) -> None:
        leerweg_codes = dict(reg.Leerweg.objects.values_list("pk", "code"))
        kwal_by_code = dict(reg.Kwalificatie.objects.values_list("code", "pk"))
        profielen = dict(reg.Profiel.objects.values_list("code", "pk"))
        codes = {pk: code for code, pk in kwal_by_code.items()}
        defaults = {f.attname: f.get_default() for f in written_fields(sm.Student)}
        pending, started = [], time.monotonic()
        cells = self.cells(specs)
        for s, cohort, n in cells:
            rng = random.Random(f"leerroute-national-{self.seed}-{s.number}-{cohort}")  # not the key: it varies
            for _ in range(n):
                pending.append(self.student(rng, s, cohort, institutions, leerweg_codes, codes, kwal_by_code,
                                            defaults, profielen))
                if len(pending) >= self.batch:
                    self.flush(pending, started)
                    pending = []
        self.flush(pending, started)

    def student(self, rng, s, cohort, institutions, leerweg_codes, codes, kwal_by_code, defaults, profielen):
        """One student: its row values, events, enrolments and exam parts (student key filled in later)."""
        vo = rng.choice(s.vo)
        mbo = rng.choice(s.mbo)
        leerweg = rng.choice(s.leerwegen)
        kwal = rng.choice(s.kwalificaties)
        self.doorstroom_level = ""
        events = self.path(rng, s, cohort, kwal)
        state = self.replay(events, codes)
        base = facts.Student(key="", route=s.facts, leerweg=leerweg_codes[leerweg],
                             vmbo_year_at_start=s.start_vmbo_year, cohort=cohort,
                             vo_brin=institutions[vo].brin, mbo_brin=institutions[mbo].brin)
        enrolments = self.enrolments(s, base, state, {"vo": vo, "mbo": mbo})
        parts = self.parts(rng, self.exam_plan(s, leerweg_codes[leerweg]), state, {"vmbo": vo, "mbo": mbo})
        row = dict(defaults, route_id=s.pk, first_name=rng.choice(FIRST_NAMES), last_name=rng.choice(LAST_NAMES),
                   date_of_birth=date(cohort - 15, 10, 1) + timedelta(days=rng.randrange(365)),
                   vo_school_id=vo, mbo_institution_id=mbo, leerweg_id=leerweg, vmbo_year_at_start=s.start_vmbo_year,
                   cohort=cohort, profiel_id=profielen[s.profiel],
                   kwalificatie_id=kwal_by_code.get(state.kwalificatie, kwal),
                   route_year=state.route_year, status=state.status, entry_route_year=state.entry_route_year,
                   zij_instroom=state.zij_instroom, vmbo_diploma_on=state.vmbo_diploma_on,
                   mbo_diploma_on=state.mbo_diploma_on, mbo_diploma_route_year=state.mbo_diploma_route_year,
                   mbo_diploma_level=s.level if state.mbo_diploma_on else None,
                   left_on=state.left_on, left_route_year=state.left_route_year, destination=state.destination,
                   doorstroom_level=self.doorstroom_level, klas=f"{s.start_vmbo_year}{'AB'[cohort % 2]}")
        return row, events, enrolments, parts

    def flush(self, pending, started) -> None:
        """Write one batch of students in one transaction, as plain rows."""
        if not pending:
            return
        now = timezone.now()
        with transaction.atomic():
            ids = allocate_ids(sm.Student, len(pending))
            students, numbers, events, enrolments, parts = [], [], [], [], []
            for pk, (row, path, rows, plan) in zip(ids, pending):
                row.update(id=pk, created=now, updated=now)
                students.append(row)
                numbers.append((pk, row["vo_school_id"], f"S{pk}"))
                events += [(pk, kind, on, school_year_of(on), ry, kwal, dest, origin, detail, None)
                           for kind, on, ry, kwal, dest, origin, detail in path]
                enrolments += [(pk, *e) for e in rows]
                parts += [(pk, *p) for p in plan]
            names = list(students[0])
            insert_rows(sm.Student, names, [tuple(r[n] for n in names) for r in students])
            insert_rows(sm.StudentNumber, ["student", "institution", "number"], numbers)
            insert_rows(sm.Event, ["student", "kind", "date", "school_year", "route_year", "kwalificatie",
                                   "destination", "origin", "detail", "recorded_by"], events)
            insert_rows(sm.Enrolment, ["student", "institution", "school_year", "route_year", "start", "end",
                                       "funded", "phase"], enrolments)
            insert_rows(sm.ExamPart, ["student", "sector", "kind", "name", "planned_route_year",
                                      "actual_route_year", "examiner", "result", "grade", "assessment",
                                      "result_on"], parts)
            sm.Student.objects.refresh_plain_paths(ids)
        for key, rows in (("students", students), ("numbers", numbers), ("events", events),
                          ("enrolments", enrolments), ("exam_parts", parts)):
            self.written[key] += len(rows)
        done, total = self.written["students"], self.counts.students
        elapsed = time.monotonic() - started
        self.say(f"leerlingen {done:>7} / {total} ({100 * done / max(total, 1):5.1f}%), {elapsed:6.1f} s")

    # -- all -----------------------------------------------------------------------------------

    def run(self) -> dict:
        if exists():
            raise AlreadyGenerated("De database bevat al een synthetische landelijke set (besturen "
                                   f"'{BOARD_PREFIX} ...'); gebruik een lege database.")
        started, cpu, server = time.monotonic(), time.process_time(), server_cpu_seconds()
        with disable_auditlog():
            with transaction.atomic():
                reference.seed(django_apps)   # the profielen and leerwegen (gone after a flush)
                regions = self.regions()
                vo, mbo = self.institutions(regions)
                kwalificaties = self.kwalificaties()
                specs = self.draw_routes(vo, mbo, kwalificaties)
                institutions = {i.pk: i for i, _ in (*vo, *mbo)}
                self.write_routes(specs, institutions)
            self.say(f"register: {len(regions)} regio's, {len(vo)} vo-scholen, {len(mbo)} mbo-instellingen, "
                     f"{len(specs)} routes ({time.monotonic() - started:.1f} s)")
            self.students(specs, institutions)
        analyse()
        result = {"scale": self.scale, "seed": self.seed, "today": self.today.isoformat(),
                  "regions": len(regions), "vo_schools": len(vo), "mbo_institutions": len(mbo),
                  "routes": len(specs), **self.written, "seconds": round(time.monotonic() - started, 1),
                  "cpu_seconds": round(time.process_time() - cpu, 1)}
        if server is not None and (server_now := server_cpu_seconds()) is not None:
            result["server_cpu_seconds"] = round(server_now - server, 1)
        self.say(f"klaar in {result['seconds']} s")
        return result


def server_cpu_seconds() -> float | None:
    """CPU seconds used so far by this connection's PostgreSQL server process, when the server runs on
    this machine (read from /proc); None on SQLite (its work is this process's own CPU time) or when
    it cannot be read. Wall-clock times on a shared machine grow with the load, CPU times do not."""
    if connection.vendor != "postgresql":
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def analyse() -> None:
    """Fresh planner statistics after writing in bulk (both engines use them to pick indexes)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def generate(scale: float = 1.0, seed: int = 2026, today: date | None = None, progress=print,
             batch: int = BATCH) -> dict:
    """Write the synthetic national set into the configured database; returns what was written."""
    return Generator(scale=scale, seed=seed, today=today or date.today(), progress=progress, batch=batch).run()


