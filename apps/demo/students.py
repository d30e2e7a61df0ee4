"""Synthetic students for the demo routes, so that each route's published results come out of the
product's own figures (practices.md, "Published results").

Every student is made up: a first and last name drawn from fixed lists of common names, a date of
birth, no BSN and no national key. Each route has its own seeded ``random.Random``, so every load
gives the same students. A student's whole path up to school year 2025-2026 is written: the
enrolments of each school year (as ``services.enrolments_for_year`` gives them, so R-10 and R-11
hold), the events (instroom, overgang or doublure each year, vmbo diploma where the route gives
it, mbo diploma, doorstroom, uitstroom with destination), exam parts, BPV periods and the summary
fields on Student. Cohorts whose path goes on after 2025-2026 are active in their route year of
2025-2026.

The published figures (as the results engine computes them from the summary fields):

* Bindelmeer cohort 2019-20: 78 start, 73 to route year 2 ("year 4"), 4 to Entree, 1 doublure:
  uitval 4/78 = 5.1%.
* Noorderlicht cohort 2019-20: 30 start, 10 leave during route year 2: uitval 10/30.
* Calvijn cohort 2017-18 (results published for 2019-20): 142 start, 125 with the mbo diploma in
  route year 3 (88.0%), 5 uitval (3.5%), 123 of the 137 diploma holders continue to mbo 3/4
  (89.8%, published as 90%).
* MLO: every student of the finished cohorts gets the diploma but one (to Entree, cohort 2021);
  95% of the diploma holders continue to mbo 3/4.

A few students break a rule on purpose (DELIBERATE), so the compliance views have something to
show; every other student passes every student rule.

Written with bulk_create (students first, so they have their keys), for speed."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from auditlog.context import disable_auditlog

from apps.registry.models import Leerweg, Profiel
from apps.students import models as m
from apps.students import services

from . import practices as data

LAST_SCHOOL_YEAR = 2025  # the paths run up to and including school year 2025-2026

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

# Students who break a rule on purpose, so the compliance views show them. Fixed names (synthetic,
# not drawn for anyone else): (route key, cohort, rule, first name, last name, what is wrong).
DELIBERATE = (
    ("mlo-glr", 2024, "R-05", "Yasmina", "Haddou",
     "KB-leerling in een geïntegreerde route zonder vmbo-diploma (alleen BB is toegestaan)"),
    ("mlo-glr", 2025, "R-05", "Thijs", "Verbeek", "KB-leerling in een geïntegreerde route zonder vmbo-diploma"),
    ("bindelmeer-vmr", 2025, "R-17", "Dani", "Olthof",
     "BB-leerling in een route zonder vmbo-diploma zonder vastgelegd gezamenlijk oordeel"),
    ("het-element-routes", 2023, "R-04", "Jelle", "Hoogeveen",
     "vmbo-onderdeel Wiskunde (SE) uitgesteld naar routejaar 4"),
    ("calvijn-vmr", 2024, "R-10", "Mariam", "Achahbar",
     "op 1 oktober 2025 bekostigd ingeschreven bij Calvijn én bij ROC van Amsterdam"),
    ("noorderlicht-hzw", 2024, "R-19", "Sevda", "Korkmaz", "BPV bij een leerbedrijf dat niet erkend is"),
    ("wvo-kwic", 2023, "R-11", "Ruud", "Stoop",
     "mbo-fase zonder vmbo-diploma en zonder (onbekostigde) inschrijving op de vo-school"),
)
DELIBERATE_NAMES = frozenset((first, last) for _k, _c, _r, first, last, _d in DELIBERATE)

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

# vmbo exam parts per route: (name, kind, planned route year); "{profiel}" is the student's profiel.
GLR_VMBO_PARTS = (("Nederlands", "SE", 1), ("Maatschappijleer", "SE", 1), ("Profielvak {profiel}", "CSPE", 2))
BB_VMBO_PARTS = (("Nederlands", "SE", 1), ("Maatschappijleer", "SE", 1), ("Engels", "SE", 2), ("Wiskunde", "SE", 2),
                 ("Profielvak {profiel}", "CSPE", 2))
TL_VMBO_PARTS = (("Maatschappijleer", "SE", 1), ("Biologie", "SE", 1), ("Nederlands", "SE", 2), ("Wiskunde", "SE", 2),
                 ("Natuur- en scheikunde 1", "SE", 2))
ELEMENT_VMBO_PARTS = (("Maatschappijleer", "SE", 1), ("Profielvak {profiel}", "CSPE", 1), ("Nederlands", "SE", 2),
                      ("Engels", "SE", 2), ("Wiskunde", "SE", 2))

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
    early: bool = False               # diploma half a year early (MLO: route in 4.5 years)
    doorstroom: str = ""              # mbo3 | mbo4 | hbo after the diploma
    switch_to: str = ""               # another uitstroomrichting chosen in route year 2
    fails_vmbo: bool = False          # fails the vmbo exam (returns to regular vmbo)
    breaks: str = ""                  # a rule this student breaks on purpose (DELIBERATE)
    name: tuple = ()


# -- per route: who starts in each cohort and how their path goes ------------------------------

def _outcomes(rng, plans, *, leave=(), repeat=0, late=0, early=0, doorstroom=0.0, levels=None):
    """Give ``plans`` (one per student) their outcome, with exact counts: ``leave`` is a list of
    (route year, destination, during); ``repeat`` doublures (route year 1), ``late`` a diploma one
    route year later, ``early`` half a year earlier; ``doorstroom`` continue after the diploma (a
    count, or a share of the diploma holders). ``levels`` gives the doorstroom level per plan."""
    rng.shuffle(plans)
    i = 0
    for ry, destination, during in leave:
        p = plans[i]
        p.end, p.destination, p.leave_during = "leave", destination, during
        p.years = list(range(1, ry + 1))
        i += 1
    for kind, count in (("repeat", repeat), ("late", late), ("early", early)):
        for _ in range(count):
            p = plans[i]
            if kind == "repeat":
                p.years = [1] + list(range(1, p.diploma_year + 1))
            elif kind == "late":
                p.years = list(range(1, p.diploma_year + 2))
            else:
                p.early, p.years = True, list(range(1, p.diploma_year + 1))
            i += 1
    for p in plans[i:]:
        p.years = list(range(1, p.diploma_year + 1))
    holders = [p for p in plans if p.end == "diploma"]
    count = doorstroom if isinstance(doorstroom, int) else round(doorstroom * len(holders))
    for p in rng.sample(holders, count):
        p.doorstroom = levels(p) if levels else "mbo3"
    return plans


def _level2_doorstroom(rng):
    return lambda p: "mbo4" if rng.random() < 0.12 else "mbo3"


def _weighted(rng, pairs):
    return rng.choices([k for k, _w in pairs], weights=[w for _k, w in pairs])[0]


def _leavers(rng, count, route_years, destinations):
    return [(rng.choice(route_years), _weighted(rng, destinations), rng.random() < 0.5) for _ in range(count)]


def calvijn(rng):
    kwal = (("25498", 18), ("25499", 15), ("25500", 15))
    for cohort in range(2014, LAST_SCHOOL_YEAR + 1):
        if cohort == 2017:  # published: 88.0% diploma in 3 years, uitval 3.5%, 90% doorstroom
            size, leave = 142, [(1, "entree", False), (1, "entree", False), (2, "entree", True),
                                (3, "ander_mbo", True), (3, "geen", True)]
            repeat, late, doorstroom = 0, 12, 123  # no doublure: all 125 diplomas in 2019-2020
        else:
            size = rng.randint(120, 136)
            leave = _leavers(rng, rng.randint(2, 7), (1, 1, 2, 3),
                             (("entree", 6), ("ander_mbo", 2), ("regulier_vmbo", 1), ("werk", 1), ("geen", 1)))
            leave = [(ry, "ander_mbo" if d == "regulier_vmbo" and ry == 3 else d, during)  # no vmbo in the mbo-fase
                     for ry, d, during in leave]
            repeat, late, doorstroom = rng.randint(0, 3), rng.randint(5, 14), rng.uniform(0.84, 0.92)
        plans = [Plan(_weighted(rng, kwal), vo="calvijn", mbo="roc-amsterdam") for _ in range(size)]
        yield cohort, _outcomes(rng, plans, leave=leave, repeat=repeat, late=late, doorstroom=doorstroom,
                                levels=_level2_doorstroom(rng))


def bindelmeer(rng):
    kwal = (("25498", 30), ("25499", 24), ("25500", 24))
    for cohort in range(2019, LAST_SCHOOL_YEAR + 1):
        if cohort == 2019:  # published: 78 start, 73 to year 4, 4 to Entree, 1 repeated; uitval 5%
            size, leave, repeat, late = 78, [(1, "entree", False)] * 4, 1, 5
        else:
            size = 71 if cohort == 2020 else rng.randint(66, 80)  # 2020-21: 73 + 1 + 71 = 145 in the route
            leave = _leavers(rng, rng.randint(2, 5), (1, 1, 2, 3), (("entree", 5), ("ander_mbo", 2), ("geen", 1)))
            repeat, late = rng.randint(0, 2), rng.randint(3, 8)
        plans = [Plan(_weighted(rng, kwal), vo="bindelmeer", mbo="roc-amsterdam") for _ in range(size)]
        yield cohort, _outcomes(rng, plans, leave=leave, repeat=repeat, late=late, doorstroom=rng.uniform(0.8, 0.88),
                                levels=_level2_doorstroom(rng))


def noorderlicht(rng):
    for cohort in range(2019, LAST_SCHOOL_YEAR + 1):
        if cohort == 2019:  # published: 10 of 30 left the route during year 4
            size = 30
            leave = ([(2, "regulier_vmbo", True)] * 7 + [(2, "ander_mbo", True)] * 2 + [(2, "entree", True)])
            late = 1
        else:
            size = 20 if cohort == 2020 else rng.randint(18, 28)  # 2020-21: 30 + 20 = 50 in the route
            leave = _leavers(rng, rng.randint(1, 4), (1, 2, 2), (("regulier_vmbo", 4), ("ander_mbo", 1)))
            late = rng.randint(0, 2)
        plans = [Plan("25498", vo="noorderlicht", mbo="roc-amsterdam") for _ in range(size)]
        yield cohort, _outcomes(rng, plans, leave=leave, late=late, doorstroom=rng.uniform(0.75, 0.85),
                                levels=_level2_doorstroom(rng))


def mlo(rng):
    kwal = (("25150", 11), ("25167", 14), ("25499", 10), ("25498", 17))
    for cohort in range(2019, LAST_SCHOOL_YEAR + 1):
        size = rng.randint(42, 58)
        leave = [(2, "entree", False)] if cohort == 2021 else []  # the one student to Entree in recent years
        plans = [Plan(_weighted(rng, kwal), vo="mlo", mbo="roc-amsterdam") for _ in range(size)]
        yield cohort, _outcomes(rng, plans, leave=leave, early=rng.randint(2, 5), late=rng.randint(0, 2),
                                doorstroom=0.95, levels=_level2_doorstroom(rng))


def tot(rng):
    kwal = (("25297", 9), ("25104", 6), ("25189", 6))
    for cohort in range(2014, LAST_SCHOOL_YEAR + 1):
        size = rng.randint(20, 25)
        plans = []
        for _ in range(size):
            code = _weighted(rng, kwal)
            # mbo 4 in three years (vmbo 4 + two years), except ICT: one year more
            plans.append(Plan(code, leerweg="TL", vo=rng.choice(("uilenhof", "insula")), mbo="da-vinci",
                              diploma_year=5 if code == "25189" else 4))
        leave = _leavers(rng, rng.randint(0, 3), (1, 2, 3), (("havo", 2), ("regulier_vmbo", 2), ("ander_mbo", 3)))
        leave = [(ry, "ander_mbo" if ry == 3 else d, during) for ry, d, during in leave]
        yield cohort, _outcomes(rng, plans, leave=leave, late=rng.randint(0, 2), doorstroom=rng.uniform(0.75, 0.9),
                                levels=lambda p: "hbo")


def wvo(rng):
    for cohort in range(2015, LAST_SCHOOL_YEAR + 1):
        size = rng.randint(10, 20)
        plans = []
        for _ in range(size):
            leerweg = "KB" if rng.random() < 0.45 else "BB"
            code = "25244" if leerweg == "KB" and rng.random() < 0.7 else "25242"
            vo = _weighted(rng, (("wvo", 4), ("vmr-mt-b", 2), ("vmr-mt-c", 2), ("vmr-mt-d", 2)))
            plans.append(Plan(code, leerweg=leerweg, vo=vo, mbo="kwic", diploma_year=4 if code == "25244" else 3))
        # a student who fails the vmbo exam during the 7-week block returns to the vmbo
        leave = [(2, "regulier_vmbo", False)] if cohort in (2016, 2021) else []
        plans = _outcomes(rng, plans, leave=leave, doorstroom=rng.uniform(0.45, 0.65),
                          levels=lambda p: "mbo4" if p.kwalificatie == "25244" else "mbo3")
        for p in plans:
            p.fails_vmbo = p.end == "leave"
        yield cohort, plans


ELEMENT_MBO = {"25128": "mbo-amersfoort", "25118": "mbo-amersfoort", "25333": "mbo-amersfoort",
               "25332": "mbo-amersfoort", "25242": "mbo-amersfoort", "25244": "mbo-amersfoort",
               "25147": "roc-mn", "25167": "roc-mn", "25162": "roc-mn", "25486": "roc-mn", "25480": "roc-mn",
               "25400": "roc-mn", "25180": "rijn-ijssel", "25173": "rijn-ijssel"}


def element(rng, levels):
    bb = [c for c in ELEMENT_MBO if levels[c] == 2]
    kb = [c for c in ELEMENT_MBO if levels[c] in (3, 4)]
    diploma_year = {2: 3, 3: 4, 4: 5}  # BB: mbo 2 in five years; KB: level 3/4 with a year gained
    for cohort in range(2018, LAST_SCHOOL_YEAR + 1):
        size = rng.randint(56, 64)
        plans = []
        for _ in range(size):
            leerweg = "KB" if rng.random() < 0.5 else "BB"
            code = rng.choice(kb if leerweg == "KB" else bb)
            plans.append(Plan(code, leerweg=leerweg, vo="het-element", mbo=ELEMENT_MBO[code],
                              diploma_year=diploma_year[levels[code]]))
        leave = _leavers(rng, rng.randint(0, 2), (1, 2, 3), (("ander_mbo", 3), ("regulier_vmbo", 1), ("werk", 1)))
        plans = _outcomes(rng, plans, leave=leave, late=rng.randint(1, 4), doorstroom=rng.uniform(0.55, 0.7),
                          levels=lambda p: {2: "mbo3", 3: "mbo4", 4: "hbo"}[levels[p.kwalificatie]])
        for p in plans:  # switching uitstroomrichting: about 6%, within the same mbo and level
            same = [c for c in ELEMENT_MBO if c != p.kwalificatie and ELEMENT_MBO[c] == p.mbo
                    and levels[c] == levels[p.kwalificatie]]
            if same and len(p.years) >= 2 and rng.random() < 0.06:
                p.switch_to = rng.choice(same)
        yield cohort, plans


# -- writing -----------------------------------------------------------------------------------

class _Writer:
    def __init__(self, loader):
        self.loader = loader
        self.leerwegen = {lw.code: lw for lw in Leerweg.objects.all()}
        self.profielen = {p.code: p for p in Profiel.objects.all()}
        self.levels = {code: k.level for code, k in loader.kwalificaties.items()}
        self.pairs = {}
        for profiel, code in data.PROFIEL_KWALIFICATIE:
            self.pairs.setdefault(code, []).append(profiel)
        self.numbers = {}              # institution pk -> last number given
        self.template = {}             # enrolments_for_year per (route, start year, school year, route year, vmbo diploma)
        self.students, self.rows = [], {"numbers": [], "enrolments": [], "events": [], "parts": [], "bpv": []}
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
            if plan.breaks == "R-10" and sy == LAST_SCHOOL_YEAR:  # deliberate: the mbo enrolment funded too
                for e in rows:
                    e.funded = True
            if plan.breaks == "R-11" and sy == LAST_SCHOOL_YEAR:  # deliberate: no vo enrolment in the mbo-fase
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

    def write(self, rng, route, spec, cohort, plan, vmbo_parts, bpv_years):
        k = self.loader.kwalificaties
        first, last = plan.name
        kwalificatie = k[plan.kwalificatie]
        profiel = next((p for p in self.pairs.get(plan.kwalificatie, []) if p in spec["profielen"]), None)
        glr = not spec.get("vmbo_diploma", True)
        student = m.Student(
            route=route, first_name=first, last_name=last, leerweg=self.leerwegen[plan.leerweg],
            profiel=self.profielen.get(profiel) if profiel else None, vmbo_year_at_start=3, cohort=cohort,
            kwalificatie=kwalificatie, route_year=1, status=m.Status.ACTIEF,
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

        years = [(cohort + i, ry) for i, ry in enumerate(plan.years)]
        done = [(sy, ry) for sy, ry in years if sy <= LAST_SCHOOL_YEAR]
        finished = len(done) == len(years)  # the path ends within the data
        last_sy, last_ry = done[-1]
        end_on = None
        if finished and plan.end == "leave":
            end_on = (services.year_end(last_sy) if not plan.leave_during
                      else date(last_sy, 10, 15) + timedelta(days=rng.randrange(228)))
        elif finished:
            end_on = date(last_sy + 1, 1, 31) if plan.early else date(last_sy + 1, 6, 30)
        last_of = {}  # route year -> the last school year in it
        for sy, ry in done:
            last_of[ry] = sy
        # vmbo diploma at the end of route year 2, where the route gives it
        vmbo_diploma_on = None
        if (spec.get("vmbo_diploma", True) and 2 in last_of and not plan.fails_vmbo
                and plan.breaks not in ("R-04", "R-11") and not (plan.end == "leave" and finished and last_ry == 2)):
            vmbo_diploma_on = date(last_of[2] + 1, 6, 20)

        for i, (sy, ry) in enumerate(done):
            if i == 0:
                event(m.EventKind.INSTROOM, services.year_start(sy), sy, ry, kwalificatie=kwalificatie)
            else:
                kind = m.EventKind.OVERGANG if ry != done[i - 1][1] else m.EventKind.DOUBLURE
                event(kind, services.year_start(sy), sy, ry)
            if plan.switch_to and ry == 2 and last_of[2] == sy:
                student.kwalificatie = kwalificatie = k[plan.switch_to]
                event(m.EventKind.SWITCH, date(sy + 1, 2, 1), sy, ry, kwalificatie=kwalificatie,
                      detail="andere uitstroomrichting na de oriëntatie")
        student.vmbo_diploma_on = vmbo_diploma_on
        if vmbo_diploma_on:
            event(m.EventKind.VMBO_DIPLOMA, vmbo_diploma_on, last_of[2], 2)

        # exam parts: vmbo parts of the route years gone through; mbo parts once in the mbo-fase
        left_in = last_ry if plan.end == "leave" and finished else None
        vo, mbo = self.loader.institutions[plan.vo], self.loader.institutions[plan.mbo]
        for name, kind, planned in vmbo_parts:
            name = name.format(profiel=profiel or "")
            if planned not in last_of or (left_in == planned and plan.leave_during):
                continue
            sy = last_of[planned]
            part = m.ExamPart(student=student, sector="vmbo", kind=kind, name=name, planned_route_year=planned,
                              actual_route_year=planned, examiner=vo, location=vo.name, result="passed",
                              grade=Decimal(str(round(rng.uniform(5.5, 8.6), 1))),
                              result_on=date(sy + 1, 3, 15) if kind == "SE" else date(sy + 1, 6, 10))
            if (plan.fails_vmbo or plan.breaks == "R-11") and kind == "CSPE" or left_in == planned:
                part.result, part.grade = "failed", Decimal(str(round(rng.uniform(3.5, 5.4), 1)))
            if plan.breaks == "R-04" and name == "Wiskunde":  # deliberate: planned in route year 4
                part.planned_route_year, part.actual_route_year = 4, None
                part.result, part.grade, part.result_on = "open", None, None
            parts.append(part)
        if 3 in last_of:
            level = self.levels[kwalificatie.code]
            taal = "3F" if level == 4 else "2F"
            mbo_parts = [("generiek", f"Nederlands {taal}", 3), ("generiek", f"Rekenen {taal}", 3),
                         ("generiek", "Loopbaan en burgerschap", 3)]
            if level == 4:
                mbo_parts.append(("generiek", "Engels B1", 3))
            mbo_parts += [("kerntaak", f"B1-K1 {kwalificatie.name}", plan.diploma_year),
                          ("kerntaak", f"B1-K2 {kwalificatie.name}", plan.diploma_year),
                          ("keuzedeel", rng.choice(KEUZEDELEN), plan.diploma_year),
                          ("BPV", f"BPV {kwalificatie.name}", plan.diploma_year)]
            diploma = finished and plan.end == "diploma"
            for kind, name, planned in mbo_parts:
                # generic parts in route year 3; the rest in the year of the diploma (planned on the regular path)
                taken = planned if kind == "generiek" or not diploma else last_ry
                passed = taken in last_of and (diploma or left_in != taken)
                on = None
                if passed and diploma and taken == last_ry:
                    on = end_on - timedelta(days=10 if kind == "BPV" else 20)
                elif passed:
                    on = date(last_of[taken] + 1, 4, 15)
                parts.append(m.ExamPart(
                    student=student, sector="mbo", kind=kind, name=name[:120], planned_route_year=planned,
                    actual_route_year=taken if passed else None, examiner=mbo,
                    location=mbo.name if kind != "BPV" else "", result="passed" if passed else "open",
                    grade=Decimal(str(round(rng.uniform(5.5, 8.4), 1))) if passed and kind != "BPV" else None,
                    result_on=on))

        # BPV: one period a school year in the route years with days of BPV
        for sy, ry in done:
            if ry not in bpv_years:
                continue
            start, end = ((date(sy + 1, 2, 1), date(sy + 1, 6, 15)) if ry <= 2 else (date(sy, 9, 15), date(sy + 1, 6, 15)))
            if spec["key"] == "wvo-kwic" and ry == 2:  # the 7-week block right after the vmbo exam
                start, end = date(sy + 1, 5, 25), date(sy + 1, 7, 10)
            if sy == last_sy and end_on:
                if end_on <= start:
                    continue
                end = min(end, end_on)
            recognised = not (plan.breaks == "R-19" and sy == LAST_SCHOOL_YEAR)
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
            if plan.doorstroom:
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
        for job in self.jobs:
            self.write_enrolments(*job)
        for model, key in ((m.Enrolment, "enrolments"), (m.StudentNumber, "numbers")):
            model.objects.bulk_create(self.rows[key], batch_size=1000)


VMBO_PARTS = {"calvijn-vmr": GLR_VMBO_PARTS, "bindelmeer-vmr": GLR_VMBO_PARTS, "mlo-glr": GLR_VMBO_PARTS,
              "noorderlicht-hzw": BB_VMBO_PARTS, "tot-route": TL_VMBO_PARTS, "wvo-kwic": BB_VMBO_PARTS,
              "het-element-routes": ELEMENT_VMBO_PARTS}


def _deliberate_plan(key):
    """The path of a deliberate rule-breaker: an ordinary student of the route except for the rule."""
    if key == "mlo-glr":
        return Plan("25167", leerweg="KB", vo="mlo", mbo="roc-amsterdam")
    if key == "bindelmeer-vmr":
        return Plan("25499", vo="bindelmeer", mbo="roc-amsterdam")
    if key == "het-element-routes":  # KB to level 3: still in route year 3 in 2025-2026
        return Plan("25332", leerweg="KB", vo="het-element", mbo="mbo-amersfoort", diploma_year=4)
    if key == "calvijn-vmr":
        return Plan("25498", vo="calvijn", mbo="roc-amsterdam")
    if key == "noorderlicht-hzw":
        return Plan("25498", vo="noorderlicht", mbo="roc-amsterdam")
    if key == "wvo-kwic":  # to level 3: in route year 3 in 2025-2026
        return Plan("25244", leerweg="KB", vo="wvo", mbo="kwic", diploma_year=4)
    raise KeyError(key)


def plans(levels):
    """Every route's cohorts, names drawn, the deliberate rule-breakers added: route key ->
    (the route's random generator, [(cohort, [Plan])]). Deterministic."""
    generators = {
        "calvijn-vmr": calvijn, "bindelmeer-vmr": bindelmeer, "mlo-glr": mlo, "noorderlicht-hzw": noorderlicht,
        "tot-route": tot, "wvo-kwic": wvo, "het-element-routes": lambda rng: element(rng, levels),
    }
    result = {}
    for key, generate in generators.items():
        rng = random.Random(f"leerroute-demo-{key}")
        used = set()
        cohorts = []
        for cohort, cohort_plans in generate(rng):
            for key_, c, rule, first, last, _what in DELIBERATE:
                if key_ == key and c == cohort:
                    p = _deliberate_plan(key)
                    p.breaks, p.name = rule, (first, last)
                    p.years = list(range(1, p.diploma_year + 1))
                    cohort_plans.append(p)
            for p in cohort_plans:
                if not p.name:
                    while True:
                        pair = (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES))
                        if pair not in used and pair not in DELIBERATE_NAMES:
                            break
                    used.add(pair)
                    p.name = pair
            cohorts.append((cohort, cohort_plans))
        result[key] = (rng, cohorts)
    return result


def load(loader):
    """Write the demo students for the routes the loader has just written; returns
    {rule: [Student]} of the students who break a rule on purpose."""
    specs = {spec["key"]: spec for spec in data.ROUTES}
    writer = _Writer(loader)
    with disable_auditlog():
        for key, (rng, cohorts) in plans(writer.levels).items():
            route, spec = loader.routes[key], specs[key]
            bpv_years = {y["route_year"] for y in spec.get("route_years", []) if y.get("days_bpv")}
            bpv_years |= set(range(3, 8))  # every mbo year has BPV
            for cohort, cohort_plans in cohorts:
                for plan in cohort_plans:
                    writer.write(rng, route, spec, cohort, plan, VMBO_PARTS[key], bpv_years)
        writer.save()
    return writer.deliberate
