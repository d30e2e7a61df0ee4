"""Synthetic students for the demo routes, from the parameters in the data files (``students`` of a
route: cohort sizes, published headcounts, fixed cohorts with exact outcome counts, destinations,
zij-instroom, terugkeer, deliberate rule-breakers), so that each route's published results come out
of the register (practices.md, "Published results"; domain.md section 7, in elapsed time).

Every student is made up: a first and last name drawn from fixed lists of common names, a date of
birth, no BSN and no national key. Each route has its own seeded ``random.Random``, so every load
on the same day gives the same students. A student's path is written up to the day the demo is
loaded (``loader.today``): the enrolments of each school year up to the current one (as
``services.enrolments_for_year`` gives them for the route's enrolment pattern), the events
(instroom or zij-instroom, overgang or doublure each year, switch, tussentijds certificaat,
uitstroom and terugkeer, vmbo diploma where the route gives it, mbo diploma, doorstroom), exam
parts, BPV periods, klas and the summary fields on Student. Nothing dated after that day has
happened: results, diplomas, leaving and doorstroom later in the current school year stay open,
and those students are active in their route year of the current school year.

The published figures (tests/checks.py computes them from the register):

* Bindelmeer cohort 2019-20: 78 start, 73 to route year 2 ("year 4"), 4 to Entree, 1 doublure:
  uitval 4/78 = 5.1%.
* Noorderlicht cohort 2019-20: 30 start, 10 leave during route year 2 (2020-21), before the
  inventory's date (19 April 2021): uitval 10/30.
* Calvijn cohort 2017-18 (its diplomas are the 2019-20 results): 142 start, 125 with the mbo diploma
  by 31 July 2020 (88.0%), 5 uitval (3.5%), 113 of the 125 diploma holders of 2019-20 continue to
  mbo 3/4 (90.4%); with the 12 later diplomas 96.5% within 4 years, 11 of whose holders continue too
  (124 of 137, 90.5%).
* MLO: every student of the finished cohorts gets the diploma but one (to Entree, cohort 2021);
  about 95% of the diploma holders continue to mbo 3/4.

A few students break one rule on purpose (``deliberate`` in the data: on the illustrative routes,
and MLO's KB students, R-05, which the sources state), so the compliance views have something to
show; every other student passes every student rule.

Written with bulk_create (students first, so they have their keys), for speed."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from auditlog.context import disable_auditlog

from apps.registry.exam_templates import mbo_requirements, vmbo_requirements
from apps.registry.models import Leerweg, Profiel
from apps.students import models as m
from apps.students import services

from .dataset import Leaver

FIRST_NAMES = (
    "Daan", "Sem", "Lucas", "Milan", "Levi", "Luuk", "Noah", "Jesse", "Bram", "Thijs", "Stijn", "Tim",
    "Finn", "Ruben", "Lars", "Thomas", "Max", "Sven", "Jayden", "Kevin", "Dylan", "Julian", "Mohamed",
    "Ayoub", "Bilal", "Yusuf", "Omar", "Mehmet", "Emre", "Hamza", "Rayan", "Ilias", "Anouar", "Damian",
    "Niels", "Mees", "Gijs", "Jasper", "Rick", "Wesley", "Quinten", "Romano", "Jordy", "Kofi", "Kwame",
    "Sander", "Joey", "Mick", "Tygo", "Owen", "Adam", "Amir", "Youssef", "Soufiane", "Burak", "Kerem",
    "Rohan", "Vishal", "Glenn", "Stefano",
    "Emma", "Julia", "Sophie", "Tess", "Lotte", "Sanne", "Lisa", "Fleur", "Eva", "Anna", "Noa", "Mila",
    "Sara", "Zoë", "Isa", "Lieke", "Femke", "Iris", "Demi", "Kim", "Romy", "Naomi", "Esmee", "Chaima",
    "Fatima", "Salma", "Imane", "Nour", "Aya", "Hiba", "Elif", "Zeynep", "Melisa", "Shanice", "Chelsea",
    "Kimberly", "Anouk", "Britt", "Jasmijn", "Maud", "Nina", "Roos", "Vera", "Lina", "Ilse", "Kiki",
    "Amber", "Jade", "Merel", "Nadia", "Samira", "Dewi", "Priya", "Asha", "Gloria", "Abena",
)

LAST_NAMES = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
    "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
    "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden",
    "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek",
    "de Bruijn", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven",
    "Hoekstra", "Maas", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters",
    "de Jonge", "Kuipers", "van Veen", "Post", "Kuiper", "Veenstra", "Kramer", "van den Brink",
    "Scholten", "van Wijk", "Postma", "Martens", "Vink", "de Ridder", "Jonker", "Koning", "Evers",
    "Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Ozturk", "Aydin", "Arslan", "El Idrissi", "El Amrani",
    "Benali", "Ouali", "Azzouzi", "El Khatib", "Boukhari", "Tahiri", "Amrani", "Bakkali", "Ramdin",
    "Jagesar", "Soekhai", "Ramsaran", "Pinas", "Vreden", "Linger", "Wijngaarde", "Kasanwiredjo",
    "Mensah", "Owusu", "Boateng", "Asante", "Tjon", "da Silva", "Pereira", "Nowak", "Kowalski",
)

GLR_JUDGMENT_NOTE = ("Intake vo-school en mbo: met de geïntegreerde route heeft de leerling een betere kans "
                     "op een startkwalificatie.")

# Recognised leerbedrijven (made up) per field; BPV is always at one of these with a praktijkovereenkomst.
LEERBEDRIJVEN = {
    "zorg": ("Woonzorgcentrum De Lindehof", "Zorgcentrum Het Anker", "Kinderopvang 't Boomhuis",
             "Verpleeghuis De Kastanje", "Dagbesteding De Werkplaats", "Thuiszorg Samen Thuis"),
    "facilitair": ("Schoonmaakbedrijf Helder", "Hotel De Gracht", "Facilitair Servicecentrum Zuidas",
                   "Cateringbedrijf Smaakvol", "Congrescentrum Het Plein"),
    "sport": ("Sportcentrum De Sprong", "Zwembad Het Golfje", "Sportvereniging Oost", "Fitnesscentrum Fit & Sterk",
              "Buurtsportcoaches Stadsdeel"),
    "secretariaat": ("Administratiekantoor De Cijfers", "Receptie Kantorencentrum Amstel", "Uitzendbureau Werkpunt"),
    "retail": ("Supermarkt Vers & Co", "Modezaak Trend", "Bouwmarkt Klusvast", "Elektronicawinkel Stroom",
               "Evenementenbureau Festiviteit"),
    "techniek": ("Installatiebedrijf Warmtewerk", "Bouwbedrijf De Hoeksteen", "Ingenieursbureau Delta-Techniek",
                 "Elektrotechniek Rivierenland", "Timmerfabriek Het Eiken"),
    "ict": ("ICT-bedrijf NetWerk", "Systeembeheer Drechtsteden", "Servicedesk Gemeenteloket"),
    "auto": ("Autobedrijf Centrum", "Garage De Zuidpoort", "Truckservice Maasland", "Bandenservice Altena"),
    "kapper": ("Kapsalon Knip & Co", "Kapsalon Haarmode"),
    "food": ("Restaurant De Eemhof", "Bakkerij Het Korenschoof", "Brasserie Stationsplein"),
}
FIELD = {
    "25498": "zorg", "25486": "zorg", "25480": "zorg", "25499": "facilitair", "25500": "sport",
    "25150": "secretariaat", "25167": "retail", "25162": "retail", "25147": "retail",
    "25297": "techniek", "25104": "techniek", "25128": "techniek", "25118": "techniek", "25333": "techniek",
    "25332": "techniek", "25189": "ict", "25242": "auto", "25244": "auto", "25400": "kapper", "25180": "food",
    "25173": "food",
}
KEUZEDELEN = ("Keuzedeel Verdieping Nederlands", "Keuzedeel Voorbereiding mbo niveau 3", "Keuzedeel Ondernemend gedrag",
              "Keuzedeel Digitale vaardigheden")

DOORSTROOM_DETAIL = {"mbo3": "ingeschreven op mbo niveau 3", "mbo4": "ingeschreven op mbo niveau 4",
                     "hbo": "ingeschreven in het hbo"}


@dataclass
class Plan:
    """One student's path before it is written: route year per school year and how it ends."""
    kwalificatie: str
    leerweg: str = "BB"
    vo: str = ""                      # institution key of the student's vo-school
    mbo: str = ""                     # institution key of the student's mbo
    diploma_year: int = 3             # route year of the mbo diploma on the regular path
    years: list = field(default_factory=list)
    end: str = "diploma"              # diploma | leave
    destination: str = ""
    leave_during: bool = False        # leaves during the year (else at its end)
    leave_before: str = ""            # with leave_during: before this day of the year ("MM-DD")
    early: bool = False               # diploma half a year early (MLO: route in 4.5 years)
    doorstroom: str = ""              # mbo3 | mbo4 | hbo after the diploma
    switch_to: str = ""               # another uitstroomrichting chosen in route year 2
    fails_vmbo: bool = False          # fails the vmbo exam (returns to regular vmbo)
    breaks: str = ""                  # a rule this student breaks on purpose (the data's ``deliberate``)
    name: tuple = ()
    entry: int = 1                    # route year of entry (zij-instroom: later than 1)
    zij_instroom: str = ""            # origin of a zij-instromer
    returns_in: int = 0               # leaves in this route year and comes back (terugkeer)
    fails_vmbo_first: bool = False    # fails the vmbo exam once (then passes the herexamen)
    certificaat: str = ""             # a tussentijds certificaat on the way


# -- per route: who starts in each cohort and how their path goes (parameters in the data) --------

def _outcomes(rng, plans, *, leave=(), repeat=0, late=0, early=0, doorstroom=0.0, levels=None):
    """Give ``plans`` (one per student) their outcome, with exact counts: ``leave`` is a list of
    Leaver records (route year, destination, during, returns); ``repeat`` doublures (route year 1),
    ``late`` a diploma one route year later, ``early`` half a year earlier; ``doorstroom`` continue
    after the diploma (a count of the holders in time, or a share of all holders). ``levels`` gives
    the doorstroom level per plan."""
    rng.shuffle(plans)
    i = 0
    for leaver in [leaver for leaver in leave for _ in range(leaver.count)]:
        p = plans[i]
        if leaver.returns:  # leaves and comes back: a normal path with an uitstroom and a terugkeer in it
            p.returns_in = leaver.route_year
            p.fails_vmbo_first = True
            p.years = list(range(p.entry, p.diploma_year + 1))
        else:
            p.end, p.destination, p.leave_during = "leave", leaver.destination, leaver.during
            p.leave_before = leaver.before
            p.years = list(range(p.entry, leaver.route_year + 1))
        i += 1
    for kind, count in (("repeat", repeat), ("late", late), ("early", early)):
        for _ in range(count):
            p = plans[i]
            if kind == "repeat":
                p.years = [p.entry] + list(range(p.entry, p.diploma_year + 1))
            elif kind == "late":
                p.years = list(range(p.entry, p.diploma_year + 2))
            else:
                p.early, p.years = True, list(range(p.entry, p.diploma_year + 1))
            i += 1
    for p in plans[i:]:
        p.years = list(range(p.entry, p.diploma_year + 1))
    holders = [p for p in plans if p.end == "diploma"]
    if isinstance(doorstroom, int):
        # a published count of the holders in time; the later holders continue at the same rate, so
        # that K-05 stays at the published share once their first 1 October has passed too
        in_time = [p for p in holders if len(p.years) <= p.diploma_year - p.entry + 1]
        later = [p for p in holders if len(p.years) > p.diploma_year - p.entry + 1]
        chosen = rng.sample(in_time, doorstroom)
        if in_time and later:
            chosen += rng.sample(later, round(doorstroom * len(later) / len(in_time)))
    else:
        chosen = rng.sample(holders, round(doorstroom * len(holders)))
    for p in chosen:
        p.doorstroom = levels(p)
    return plans


def _leave_day(school_year, draw, before=""):
    """The day a student leaves during ``school_year``: ``draw`` (0-227) days after 15 October (to the
    end of May), or, with ``before`` ("MM-DD"), the same share of the days from 15 October to that day."""
    first = date(school_year, 10, 15)
    if not before:
        return first + timedelta(days=draw)
    month, day = (int(part) for part in before.split("-"))
    last = date(school_year + (month < 8), month, day)
    return first + timedelta(days=draw * (last - first).days // 228)


def _weighted(rng, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _range(rng, pair):
    return rng.randint(int(pair[0]), int(pair[1]))


def _leavers(rng, spec, count, mbo_phase_from):
    """Random leavers; in the mbo-fase nobody goes back to the vmbo or havo (they go to another mbo)."""
    result = []
    for _ in range(count):
        route_year = rng.choice(spec.leave_route_years)
        destination = _weighted(rng, spec.destinations)
        if route_year >= mbo_phase_from and destination in ("regulier_vmbo", "havo"):
            destination = "ander_mbo"
        result.append(Leaver(route_year=route_year, destination=destination, during=rng.random() < 0.5,
                             returns=bool(spec.returns) and rng.random() < spec.returns))
    return result


def cohort_plans(spec, route_spec, cohort, levels, size=None, entry=1):
    """The plans of one cohort (or, with ``entry`` > 1, of its zij-instromers), from the route's
    student parameters; deterministic per route, cohort and entry."""
    rng = random.Random(f"leerroute-demo-{route_spec.key}-{cohort}-{entry}")
    fixed = next((c for c in spec.cohorts if c.year == cohort), None) if entry == 1 else None
    if size is None:
        size = fixed.size if fixed else _range(rng, spec.size)
    vo_schools = {k: w for k, w in spec.vo_schools.items() if spec.vo_school_from.get(k, 0) <= cohort}
    plans = []
    for _ in range(size):
        leerweg = _weighted(rng, spec.leerwegen)
        code = _weighted(rng, spec.kwalificaties_per_leerweg.get(leerweg) or spec.kwalificaties)
        diploma_year = spec.diploma_route_year_per_kwalificatie.get(
            code, spec.diploma_route_year_per_level.get(str(levels[code]), spec.diploma_route_year))
        plans.append(Plan(code, leerweg=leerweg, vo=_weighted(rng, vo_schools),
                          mbo=spec.mbo_per_kwalificatie.get(code, spec.mbo), diploma_year=diploma_year, entry=entry))
    mbo_phase_from = max(1, 5 - route_spec.start_vmbo_year) + 1
    if fixed:
        leave, repeat, late, early = fixed.leavers, fixed.repeat, fixed.late, fixed.early
        doorstroom = fixed.doorstroom if fixed.doorstroom is not None else rng.uniform(*spec.doorstroom)
    elif entry > 1:  # zij-instromers follow the regular path
        leave, repeat, late, early, doorstroom = [], 0, 0, 0, rng.uniform(*spec.doorstroom)
    else:
        leave = _leavers(rng, spec, _range(rng, spec.leavers), mbo_phase_from)
        repeat, late, early = _range(rng, spec.repeat), _range(rng, spec.late), _range(rng, spec.early)
        doorstroom = rng.uniform(*spec.doorstroom)

    def level_after(p):
        if spec.doorstroom_level_per_level:
            return spec.doorstroom_level_per_level[str(levels[p.kwalificatie])]
        return _weighted(rng, spec.doorstroom_levels)

    plans = _outcomes(rng, plans, leave=leave, repeat=repeat, late=late, early=early, doorstroom=doorstroom,
                      levels=level_after)
    for p in plans:
        p.fails_vmbo = spec.leavers_fail_vmbo and p.end == "leave"
        if entry > 1:
            p.zij_instroom = spec.zij_instroom_origin
        elif spec.certificaat and p.end == "diploma" and rng.random() < 0.3:
            p.certificaat = spec.certificaat
        if spec.switch_share and len(p.years) >= 2 and rng.random() < spec.switch_share:
            same = [c for c in (spec.kwalificaties_per_leerweg.get(p.leerweg) or spec.kwalificaties)
                    if c != p.kwalificatie and spec.mbo_per_kwalificatie.get(c, spec.mbo) == p.mbo
                    and levels[c] == levels[p.kwalificatie]]
            if same:
                p.switch_to = rng.choice(same)
    return rng, plans


def present_in(plan, cohort, school_year):
    first = cohort + plan.entry - 1
    return first <= school_year < first + len(plan.years)


def route_plans(route_spec, levels, last_school_year):
    """Every cohort of a route up to ``last_school_year``: [(cohort, rng, [Plan])]. A published
    headcount for a school year fixes the size of the cohort that starts in it (the others first)."""
    spec = route_spec.students
    last = min(spec.last_cohort or last_school_year, last_school_year)
    headcount = {int(y): n for y, n in spec.headcount.items()}
    cohorts = {}
    for cohort in range(spec.first_cohort, last + 1):
        if cohort in headcount:
            continue
        rng, plans = cohort_plans(spec, route_spec, cohort, levels)
        zij = next((c.zij_instroom for c in spec.cohorts if c.year == cohort and c.zij_instroom is not None), None)
        zij = _range(rng, spec.zij_instroom) if zij is None else zij
        if zij and cohort + spec.zij_instroom_route_year - 1 <= last_school_year:
            plans += cohort_plans(spec, route_spec, cohort, levels, size=zij, entry=spec.zij_instroom_route_year)[1]
        cohorts[cohort] = (rng, plans)
    for cohort, target in sorted(headcount.items()):
        others = sum(present_in(p, c, cohort) for c, (_r, ps) in cohorts.items() for p in ps)
        rng, plans = cohort_plans(spec, route_spec, cohort, levels, size=max(0, target - others))
        cohorts[cohort] = (rng, plans)
    return [(c, *cohorts[c]) for c in sorted(cohorts)]


# -- writing -----------------------------------------------------------------------------------

class _Writer:
    def __init__(self, loader):
        self.loader = loader
        self.leerwegen = {lw.code: lw for lw in Leerweg.objects.all()}
        self.profielen = {p.code: p for p in Profiel.objects.all()}
        self.levels = {code: k.level for code, k in loader.kwalificaties.items()}
        self.pairs = {}
        for pk in loader.data.profiel_kwalificatie:
            self.pairs.setdefault(pk.kwalificatie, []).append(pk.profiel)
        self.last = loader.school_year  # paths run up to and including the current school year
        self.today = loader.today      # nothing after this day has happened yet: no result, diploma or leaving
        self.numbers = {}              # institution pk -> last number given
        # enrolments_for_year per (route, start year, school year, route year, vmbo diploma)
        self.template = {}
        self.students, self.rows = [], {"numbers": [], "enrolments": [], "events": [], "parts": [], "bpv": []}
        self.vmbo_plans, self.mbo_plans = {}, {}   # exam plan templates per (leerweg, profiel) / kwalificatie
        self.jobs = []                 # (student, plan, school years, vmbo diploma, vmbo parts open, end) to enrol
        self.deliberate = {}           # rule -> [Student]

    # numbers

    def number(self, institution):
        last = self.numbers.get(institution.pk, 0) + 1
        self.numbers[institution.pk] = last
        base = 500000 if institution.sector == "mbo" else 100000
        return str(base + last)

    # enrolments: the service decides which. It is asked with the saved student as it
    # stood in that school year (vmbo diploma or not, vmbo parts open or not). The same route, route
    # year and vmbo state give the same enrolments (dates relative to the school year), so it is
    # asked once per such kind of student; the answer is copied to each student's own vo-school and
    # mbo and moved to the student's school year.

    def enrolments(self, student, plan, school_year, route_year, vmbo_diploma_on, vmbo_open):
        route = student.route
        diploma = vmbo_diploma_on if vmbo_diploma_on and vmbo_diploma_on <= date(school_year, 10, 1) else None
        key = (route.pk, student.vmbo_year_at_start, route_year, bool(diploma), vmbo_open)
        if key not in self.template:
            roles = {p.institution_id: p.role for p in route.partners.all()}
            final = student.vmbo_diploma_on
            student.vmbo_diploma_on = diploma
            first, last = services.year_start(school_year), services.year_end(school_year)
            self.template[key] = [(roles[e.institution_id], e.funded, e.phase, e.start - first,
                                   e.end - last if e.end else None)
                                  for e in services.enrolments_for_year(student, school_year, route_year)]
            student.vmbo_diploma_on = final
        own = {"vo": self.loader.institutions[plan.vo], "mbo": self.loader.institutions[plan.mbo]}
        first, last = services.year_start(school_year), services.year_end(school_year)
        return [m.Enrolment(student=student, institution=own[role], school_year=school_year, route_year=route_year,
                            start=first + start, end=last + end if end is not None else None, funded=funded,
                            phase=phase)
                for role, funded, phase, start, end in self.template[key]]

    def write_enrolments(self, student, plan, done, vmbo_diploma_on, vmbo_open, end_on):
        enrolments = []
        for i, (sy, ry) in enumerate(done):
            rows = self.enrolments(student, plan, sy, ry, vmbo_diploma_on, vmbo_open)
            if plan.breaks == "R-10" and sy == self.last:  # deliberate: the mbo enrolment funded too
                for e in rows:
                    e.funded = True
            if plan.breaks == "R-11" and sy == self.last:  # deliberate: no vo enrolment in the mbo-fase
                rows = [e for e in rows if e.institution.sector == "mbo"]
            if i == len(done) - 1 and end_on:
                for e in rows:
                    e.end = end_on
            enrolments.extend(rows)
        for institution in {e.institution.pk: e.institution for e in enrolments}.values():
            self.rows["numbers"].append(m.StudentNumber(student=student, institution=institution,
                                                        number=self.number(institution)))
        self.rows["enrolments"] += enrolments

    # one student

    # exam plans: the parts the product's exam plan templates require (registry), so that a demo
    # diploma holder has passed every required part and the diploma check agrees with the path

    def vmbo_plan(self, student):
        """(name, kind, planned route year) of the vmbo parts the student's leerweg template requires."""
        key = (student.leerweg_id, student.profiel_id)
        if key not in self.vmbo_plans:
            requirements = vmbo_requirements(student.leerweg, student.profiel)
            self.vmbo_plans[key] = [(part.name, part.kind, max(1, part.year - student.vmbo_year_at_start + 1))
                                    for part in (requirements.parts if requirements else ())]
        return self.vmbo_plans[key]

    def mbo_plan(self, kwalificatie, diploma_year, rng):
        """(kind, name, planned route year) of the mbo parts the kwalificatie's template requires: generic
        parts and kerntaken by mbo-leerjaar (from route year 3), its number of keuzedelen, and the BPV."""
        if kwalificatie.code not in self.mbo_plans:
            self.mbo_plans[kwalificatie.code] = mbo_requirements(kwalificatie)
        requirements = self.mbo_plans[kwalificatie.code]
        parts = [(p.kind, p.name, min(2 + p.year, diploma_year)) for p in requirements.parts]
        parts += [("keuzedeel", name, diploma_year) for name in rng.sample(KEUZEDELEN, requirements.keuzedelen)]
        if requirements.bpv_hours:
            parts.append(("BPV", "BPV", diploma_year))
        return parts

    def write(self, rng, route, spec, cohort, plan, bpv_years, klas=""):
        k = self.loader.kwalificaties
        first, last = plan.name
        kwalificatie = k[plan.kwalificatie]
        profiel = next((p for p in self.pairs.get(plan.kwalificatie, []) if p in spec.profielen), None)
        glr = not spec.vmbo_diploma
        student = m.Student(
            route=route, first_name=first, last_name=last, leerweg=self.leerwegen[plan.leerweg],
            profiel=self.profielen.get(profiel) if profiel else None, vmbo_year_at_start=3, cohort=cohort,
            kwalificatie=kwalificatie, route_year=plan.entry, status=m.Status.ACTIEF, klas=klas,
            zij_instroom=plan.entry > 1, entry_route_year=plan.entry,
            vo_school=self.loader.institutions[plan.vo], mbo_institution=self.loader.institutions[plan.mbo],
            date_of_birth=date(cohort - 15, 10, 1) + timedelta(days=rng.randrange(365)))
        if glr and plan.leerweg == "BB" and plan.breaks != "R-17":
            student.glr_judgment_on = date(cohort, 6, rng.randint(1, 28))
            student.glr_judgment_note = GLR_JUDGMENT_NOTE
        self.students.append(student)
        if plan.breaks:
            self.deliberate.setdefault(plan.breaks, []).append(student)
        events, parts, bpv = [], [], []

        def event(kind, on, school_year, route_year, **extra):
            events.append(m.Event(student=student, kind=kind, date=on, school_year=school_year,
                                  route_year=route_year, **extra))

        years = [(cohort + plan.entry - 1 + i, ry) for i, ry in enumerate(plan.years)]
        done = [(sy, ry) for sy, ry in years if sy <= self.last]
        if not done:
            raise ValueError(f"{spec.key} cohort {cohort}: a student whose path starts after {self.last} ({plan})")
        finished = len(done) == len(years)  # the path ends within the data
        last_sy, last_ry = done[-1]
        end_on = None
        if finished and plan.end == "leave":
            end_on = (services.year_end(last_sy) if not plan.leave_during
                      else _leave_day(last_sy, rng.randrange(228), plan.leave_before))
        elif finished:
            end_on = date(last_sy + 1, 1, 31) if plan.early else date(last_sy + 1, 6, 30)
        if end_on and end_on > self.today:  # the path ends later this school year: still in the route today
            finished, end_on = False, None
        last_of = {}  # route year -> the last school year in it
        for sy, ry in done:
            last_of[ry] = sy
        # vmbo diploma at the end of route year 2, where the route gives it
        vmbo_diploma_on = None
        if (spec.vmbo_diploma and 2 in last_of and not plan.fails_vmbo
                and plan.breaks not in ("R-04", "R-11") and not (plan.end == "leave" and finished and last_ry == 2)):
            vmbo_diploma_on = date(last_of[2] + 1, 6, 20)

        for i, (sy, ry) in enumerate(done):
            if i == 0 and plan.zij_instroom:
                event(m.EventKind.ZIJ_INSTROOM, services.year_start(sy), sy, ry, kwalificatie=kwalificatie,
                      origin=plan.zij_instroom, detail="zij-instroom in routejaar %d" % ry)
            elif i == 0:
                event(m.EventKind.INSTROOM, services.year_start(sy), sy, ry, kwalificatie=kwalificatie)
            else:
                kind = m.EventKind.OVERGANG if ry != done[i - 1][1] else m.EventKind.DOUBLURE
                event(kind, services.year_start(sy), sy, ry)
            if plan.switch_to and ry == 2 and last_of[2] == sy and date(sy + 1, 2, 1) <= self.today:
                student.kwalificatie = kwalificatie = k[plan.switch_to]
                event(m.EventKind.SWITCH, date(sy + 1, 2, 1), sy, ry, kwalificatie=kwalificatie,
                      detail="andere uitstroomrichting na de oriëntatie")
        if vmbo_diploma_on and vmbo_diploma_on > self.today:
            vmbo_diploma_on = None
        # fails the vmbo exam, back to the vmbo, returns
        if plan.returns_in and plan.returns_in in last_of and date(last_of[plan.returns_in] + 1, 7, 1) <= self.today:
            sy = last_of[plan.returns_in]
            event(m.EventKind.UITSTROOM, date(sy + 1, 6, 1), sy, plan.returns_in, destination="regulier_vmbo",
                  detail="vmbo-examen niet gehaald tijdens het mbo-blok; terug naar het vmbo")
            event(m.EventKind.TERUGKEER, date(sy + 1, 7, 1), sy, plan.returns_in,
                  detail="herexamen gehaald; terug in de route")
            if vmbo_diploma_on:
                vmbo_diploma_on = date(sy + 1, 6, 30)
        if plan.certificaat and 2 in last_of and date(last_of[2] + 1, 2, 15) <= self.today:
            event(m.EventKind.CERTIFICAAT, date(last_of[2] + 1, 2, 15), last_of[2], 2, detail=plan.certificaat)
        student.vmbo_diploma_on = vmbo_diploma_on
        if vmbo_diploma_on:
            event(m.EventKind.VMBO_DIPLOMA, vmbo_diploma_on, last_of[2], 2)

        # exam parts: vmbo parts of the route years gone through; mbo parts once in the mbo-fase
        left_in = last_ry if plan.end == "leave" and finished else None
        vo, mbo = self.loader.institutions[plan.vo], self.loader.institutions[plan.mbo]
        for name, kind, planned in self.vmbo_plan(student):
            if planned not in last_of or (left_in == planned and plan.leave_during) or planned < plan.entry:
                continue
            sy = last_of[planned]
            part = m.ExamPart(student=student, sector="vmbo", kind=kind, name=name, planned_route_year=planned,
                              actual_route_year=planned, examiner=vo, result="passed",
                              grade=Decimal(str(round(rng.uniform(5.5, 8.6), 1))),
                              result_on=date(sy + 1, 3, 15) if kind == "SE" else date(sy + 1, 6, 10))
            if (plan.fails_vmbo or plan.breaks == "R-11") and kind == "CSPE" or left_in == planned:
                part.result, part.grade = "failed", Decimal(str(round(rng.uniform(3.5, 5.4), 1)))
            if part.result_on > self.today:  # later this school year: not taken yet
                part.result, part.grade, part.result_on, part.actual_route_year = "open", None, None, None
            if plan.breaks == "R-04" and name == "Maatschappijleer":  # deliberate: planned in route year 4
                part.planned_route_year, part.actual_route_year = 4, None
                part.result, part.grade, part.result_on = "open", None, None
            parts.append(part)
        # the mbo plan exists from the start (the product plans it from the template at enrolment)
        mbo_parts = self.mbo_plan(kwalificatie, plan.diploma_year, rng)
        diploma = finished and plan.end == "diploma"
        for kind, name, planned in mbo_parts:
            # generic parts in their planned year; the rest in the year of the diploma (planned on the regular path)
            taken = planned if kind == "generiek" or not diploma else last_ry
            passed = taken in last_of and (diploma or left_in != taken)
            on = None
            if passed and diploma and taken == last_ry:
                on = end_on - timedelta(days=10 if kind == "BPV" else 20)
            elif passed:
                on = date(last_of[taken] + 1, 4, 15)
            if on and on > self.today:  # later this school year: not taken yet
                passed, on = False, None
            parts.append(m.ExamPart(
                student=student, sector="mbo", kind=kind, name=name[:120], planned_route_year=planned,
                actual_route_year=taken if passed else None, examiner=mbo,
                result="passed" if passed else "open",
                grade=Decimal(str(round(rng.uniform(5.5, 8.4), 1))) if passed and kind != "BPV" else None,
                result_on=on))

        # BPV: one period a school year in the route years with days of BPV
        for sy, ry in done:
            if ry not in bpv_years:
                continue
            start, end = ((date(sy + 1, 2, 1), date(sy + 1, 6, 15)) if ry <= 2
                          else (date(sy, 9, 15), date(sy + 1, 6, 15)))
            if spec.key == "wvo-kwic" and ry == 2:  # the 7-week block right after the vmbo exam
                start, end = date(sy + 1, 5, 25), date(sy + 1, 7, 10)
            if sy == last_sy and end_on:
                if end_on <= start:
                    continue
                end = min(end, end_on)
            recognised = not (plan.breaks == "R-19" and sy == self.last)
            name = ("Zorgboerderij De Weide" if not recognised
                    else rng.choice(LEERBEDRIJVEN[FIELD[kwalificatie.code]]))
            bpv.append(m.BpvPeriod(student=student, leerbedrijf=name, recognised=recognised,
                                   praktijkovereenkomst=True, start=start, end=end))

        # how the path ends
        if finished and plan.end == "leave":
            event(m.EventKind.UITSTROOM, end_on, last_sy, last_ry, destination=plan.destination)
            student.status, student.left_on, student.left_route_year = m.Status.UITGESTROOMD, end_on, last_ry
            student.destination = plan.destination
        elif finished:
            event(m.EventKind.MBO_DIPLOMA, end_on, last_sy, last_ry, kwalificatie=kwalificatie,
                  detail=f"niveau {self.levels[kwalificatie.code]}")
            student.status, student.mbo_diploma_on, student.mbo_diploma_route_year = (
                m.Status.GEDIPLOMEERD, end_on, last_ry)
            student.mbo_diploma_level = self.levels[kwalificatie.code]
            if plan.doorstroom and date(end_on.year, 10, 1) <= self.today:
                on = date(end_on.year, 10, 1)
                event(m.EventKind.DOORSTROOM, on, services.school_year_of(on), last_ry,
                      detail=DOORSTROOM_DETAIL[plan.doorstroom])
                student.doorstroom_level = plan.doorstroom
        student.route_year = last_ry

        vmbo_open = any(p.sector == "vmbo" and p.result != "passed" for p in parts)
        self.jobs.append((student, plan, done, vmbo_diploma_on, vmbo_open, end_on))
        self.rows["events"] += events
        self.rows["parts"] += parts
        self.rows["bpv"] += bpv

    def save(self):
        """Students first (so they have keys), their exam parts, events and BPV; then the enrolments,
        which the service gives for the saved students, and the student numbers."""
        m.Student.objects.bulk_create(self.students, batch_size=500)
        for model, key in ((m.ExamPart, "parts"), (m.Event, "events"), (m.BpvPeriod, "bpv")):
            model.objects.bulk_create(self.rows[key], batch_size=1000)
        m.Student.objects.refresh_plain_paths([s.pk for s in self.students])
        for job in self.jobs:
            self.write_enrolments(*job)
        for model, key in ((m.Enrolment, "enrolments"), (m.StudentNumber, "numbers")):
            model.objects.bulk_create(self.rows[key], batch_size=1000)




def plans(loader, levels):
    """Every route's cohorts, names and klassen drawn, the deliberate rule-breakers added: route key
    -> [(cohort, rng, [Plan])]. Deterministic for a given current school year."""
    result = {}
    deliberate_names = {(d.first_name, d.last_name) for spec in loader.data.routes if spec.students
                        for d in spec.students.deliberate}
    for spec in loader.data.routes:
        if not spec.students:
            continue
        cohorts = route_plans(spec, levels, loader.school_year)
        names = random.Random(f"leerroute-demo-names-{spec.key}")
        used = set()
        for cohort, _rng, cohort_plans_ in cohorts:
            for d in spec.students.deliberate:
                if loader.school_year - d.cohort_offset == cohort:
                    p = Plan(d.kwalificatie, leerweg=d.leerweg, vo=next(iter(spec.students.vo_schools)),
                             mbo=spec.students.mbo_per_kwalificatie.get(d.kwalificatie, spec.students.mbo),
                             diploma_year=d.diploma_route_year or spec.students.diploma_route_year)
                    p.breaks, p.name = d.rule, (d.first_name, d.last_name)
                    p.years = list(range(1, p.diploma_year + 1))
                    cohort_plans_.append(p)
            for p in cohort_plans_:
                if not p.name:
                    while True:
                        pair = (names.choice(FIRST_NAMES), names.choice(LAST_NAMES))
                        if pair not in used and pair not in deliberate_names:
                            break
                    used.add(pair)
                    p.name = pair
        result[spec.key] = cohorts
    return result


def klassen(spec, cohort_plans_):
    """Klas per plan: groups of the route's klas size, by uitstroomrichting, named by the vmbo
    leerjaar of route year 1 (3A, 3B, ...)."""
    order = sorted(range(len(cohort_plans_)), key=lambda i: (cohort_plans_[i].kwalificatie, i))
    size = spec.students.klas_size
    groups = max(1, round(len(order) / size))
    per = -(-len(order) // groups) if order else 1
    return {i: f"{spec.start_vmbo_year}{chr(65 + n // per)}" for n, i in enumerate(order)}


def load(loader):
    """Write the demo students for the routes the loader has just written; returns
    {rule: [Student]} of the students who break a rule on purpose."""
    writer = _Writer(loader)
    with disable_auditlog():
        for key, cohorts in plans(loader, writer.levels).items():
            route, spec = loader.routes[key], loader.specs[key]
            bpv_years = {y.route_year for y in spec.route_years if y.days_bpv}
            bpv_years |= set(range(3, 8))  # every mbo year has BPV
            for cohort, rng, cohort_plans_ in cohorts:
                klas = klassen(spec, cohort_plans_)
                for i, plan in enumerate(cohort_plans_):
                    writer.write(rng, route, spec, cohort, plan, bpv_years, klas[i])
        writer.save()
    return writer.deliberate
