"""A small hand-made region for the coverage tests: three vmbo schools in two gemeenten (one with
stadsdelen), an mbo, a running GLR (Z&W level 2), a DLR in development (Z&W level 3), a gestapelde
route (HBR) and a school without any route; DUO population counts for 2020."""
from datetime import date

import pytest

from apps.registry import models as reg
from apps.routes import models as rm
from apps.students import models as sm


@pytest.fixture
def region(registry):
    r = registry
    test = reg.Region.objects.create(kind="rmc", name="Testregio")
    other = reg.Region.objects.create(kind="rmc", name="Andere regio")
    board = r["boards"]["zaam"]

    def school(brin, name, region_=test, sector="vo"):
        inst = reg.Institution.objects.create(brin=brin, name=name, sector=sector,
                                              kind="vo-school" if sector == "vo" else "roc", bestuur=board)
        inst.regions.add(region_)
        reg.Location.objects.create(institution=inst, code="00", name=name)
        return inst

    a, b, c = school("91AA", "School A"), school("91AB", "School B"), school("91AC", "School C")
    elsewhere = school("91AD", "School elders", other)
    mbo = school("92AA", "Mbo Test", sector="mbo")
    hbr_kwal = reg.Kwalificatie.objects.create(code="25180", name="Medewerker horeca", level=2)

    def route(name, type_, phase, vo, profielen, kwalificaties, start_year=2018, region_=test, history=()):
        route = rm.Route.objects.create(name=name, type=type_, phase=phase, region=region_, start_year=start_year)
        route.profielen.set(reg.Profiel.objects.filter(code__in=profielen))
        rm.RoutePartner.objects.create(route=route, institution=vo, role="vo")
        rm.RoutePartner.objects.create(route=route, institution=mbo, role="mbo")
        for k in kwalificaties:
            rm.Uitstroomrichting.objects.create(route=route, kwalificatie=k)
        for phase_, since in history:
            rm.PhaseChange.objects.create(route=route, phase=phase_, since=since)
        return route

    glr = route("GLR A", "geintegreerd", "regulier", a, ["Z&W"], [r["k"]["helpende"]],
                history=[("regulier", date(2018, 8, 1))])
    dlr = route("DLR B in ontwikkeling", "doorlopend", "in_ontwikkeling", b, ["Z&W"], [r["k"]["verzorgende"]],
                start_year=None)
    stacked = route("Gestapeld B", "gestapeld", "regulier", b, ["HBR"], [hbr_kwal])
    route("GLR elders", "geintegreerd", "regulier", elsewhere, ["E&O"], [r["k"]["helpende"]], region_=other)

    bb, kb = reg.Leerweg.objects.get(code="BB"), reg.Leerweg.objects.get(code="KB")
    zw, eo = reg.Profiel.objects.get(code="Z&W"), reg.Profiel.objects.get(code="E&O")

    def count(inst, leerweg, profiel, leerjaar, n, gemeente, stadsdeel="", year=2020):
        reg.PopulationCount.objects.create(school_year=year, institution=inst, location=inst.locations.get(),
                                           leerweg=leerweg, profiel=profiel, leerjaar=leerjaar, count=n,
                                           gemeente=gemeente, stadsdeel=stadsdeel)

    count(a, bb, zw, 3, 30, "Amsterdam", "Noord")
    count(a, bb, zw, 4, 25, "Amsterdam", "Noord")
    count(a, bb, None, 2, 40, "Amsterdam", "Noord")
    count(b, kb, eo, 3, 12, "Amsterdam", "Centrum")
    count(c, bb, zw, 3, 3, "Diemen")
    count(elsewhere, bb, eo, 3, 50, "Elders")
    return {"region": test, "other": other, "a": a, "b": b, "c": c, "elsewhere": elsewhere, "mbo": mbo,
            "glr": glr, "dlr": dlr, "stacked": stacked, "bb": bb, "kb": kb, "zw": zw, "eo": eo}


@pytest.fixture
def route_students(region):
    """Students of the GLR: three in vmbo leerjaar 3 (BB) on 1 October 2020, one in leerjaar 4, one
    who left before the teldatum."""
    glr, a = region["glr"], region["a"]

    def student(n, route_year, start=date(2020, 8, 1), end=None):
        s = sm.Student.objects.create(route=glr, first_name=f"L{n}", last_name="Test", leerweg=region["bb"],
                                      profiel=region["zw"], vo_school=a, cohort=2021 - route_year,
                                      route_year=route_year)
        sm.Enrolment.objects.create(student=s, institution=a, school_year=2020, route_year=route_year, start=start,
                                    end=end, funded=True, phase="vo")
        return s

    return [student(1, 1), student(2, 1), student(3, 1), student(4, 2), student(5, 1, end=date(2020, 9, 15))]
