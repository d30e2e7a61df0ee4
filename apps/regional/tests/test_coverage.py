"""The coverage engine on a small hand-made region (see conftest)."""
from datetime import date
from decimal import Decimal

from apps.regional import coverage as cov
from apps.registry.models import Region
from apps.routes import models as rm


def _names(refs):
    return [r.name for r in refs]


def test_matrix_cells_routes_and_gaps(region):
    c = cov.coverage(region["region"], 2020)
    zw2 = c.matrix.cells[("Z&W", 2)]
    assert _names(zw2.routes) == ["GLR A"] and not zw2.gap
    assert _names(zw2.schools) == ["School A"]
    zw3 = c.matrix.cells[("Z&W", 3)]
    assert _names(zw3.developing) == ["DLR B in ontwikkeling"] and zw3.routes == []
    assert zw3.gap  # students in Z&W, and a route in development offers no place yet
    assert zw3.students == 30 + 25 + 3
    # E&O: KB students at School B, no legal route: gaps at every level; HBR has only a stacked route
    assert {(g.profiel, g.level) for g in c.gaps} == {("Z&W", 3), ("Z&W", 4), ("E&O", 2), ("E&O", 3), ("E&O", 4)}
    assert not c.matrix.cells[("HBR", 2)].routes  # gestapeld is not a legal route
    # the other region's route and students stay out
    assert c.matrix.cells[("E&O", 2)].students == 12


def test_schools_with_and_without_route(region):
    c = cov.coverage(region["region"], 2020)
    assert _names(c.schools) == ["School A", "School B", "School C"]
    assert _names(c.schools_with_route) == ["School A", "School B"]  # B: in development and stacked count
    assert _names(c.schools_without_route) == ["School C"]


def test_by_gemeente_and_stadsdeel(region):
    c = cov.coverage(region["region"], 2020)
    areas = {m.area: m for m in c.by_area}
    assert set(areas) == {"Amsterdam – Noord", "Amsterdam – Centrum", "Diemen"}
    assert _names(areas["Amsterdam – Noord"].cells[("Z&W", 2)].routes) == ["GLR A"]
    assert areas["Amsterdam – Noord"].gaps and all(g.profiel == "Z&W" for g in areas["Amsterdam – Noord"].gaps)
    assert {(g.profiel, g.level) for g in areas["Diemen"].gaps} == {("Z&W", 2), ("Z&W", 3), ("Z&W", 4)}
    assert {(g.profiel, g.level) for g in areas["Amsterdam – Centrum"].gaps} == {("E&O", 2), ("E&O", 3), ("E&O", 4)}


def test_phase_history_decides_the_year(region):
    glr = region["glr"]
    glr.phase = rm.Phase.GESTOPT
    glr.save()
    rm.PhaseChange.objects.create(route=glr, phase=rm.Phase.GESTOPT, since=date(2021, 3, 1))
    # stopped during 2020-2021: it still counts that year, with the phase it had; not the year after
    assert _names(cov.coverage(region["region"], 2020).matrix.cells[("Z&W", 2)].routes) == ["GLR A"]
    later = cov.coverage(region["region"], 2021)
    assert later.matrix.cells[("Z&W", 2)].routes == []
    assert "School A" in _names(later.schools_without_route)
    # a route that begins during a school year counts in it, and not in the year before
    dlr = region["dlr"]
    rm.PhaseChange.objects.create(route=dlr, phase=rm.Phase.IN_ONTWIKKELING, since=date(2021, 11, 1))
    assert "School B" in _names(cov.coverage(region["region"], 2021).schools_with_route)
    assert cov.coverage(region["region"], 2020).matrix.cells[("Z&W", 3)].developing == []


def test_route_not_started_yet_does_not_cover(region):
    glr = region["glr"]
    glr.start_year = 2021
    glr.save()
    assert cov.coverage(region["region"], 2020).matrix.cells[("Z&W", 2)].routes == []


def test_route_without_profielen_takes_related_ones(region):
    region["glr"].profielen.clear()  # helpende zorg en welzijn is related to Z&W in the R-02 table
    assert _names(cov.coverage(region["region"], 2020).matrix.cells[("Z&W", 2)].routes) == ["GLR A"]


def test_bereik_k10(region, route_students):
    result = {b.leerweg: b for b in cov.bereik(region["region"], 2020)}
    assert (result["BB"].numerator, result["BB"].denominator) == (3, 33)   # 30 at A + 3 at C; left before 1-10
    assert result["BB"].value == Decimal("9.1")
    assert result["KB"].numerator == 0 and result["KB"].denominator == 12 and result["KB"].value == Decimal("0.0")
    assert result["GL"].value is None  # no students: "–", not 0
    four = {b.leerweg: b for b in cov.bereik(region["region"], 2020, leerjaar=4)}
    assert (four["BB"].numerator, four["BB"].denominator) == (1, 25)


def test_regions_for_user(region, users, make_user):
    from apps.accounts.models import Role

    assert set(Region.objects.readable_by(users["beheer"])) >= {region["region"], region["other"]}
    assert list(Region.objects.readable_by(users["regio"])) == [users["regio"].region]
    coordinator = make_user("coord-a", Role.ROUTECOORDINATOR, [region["a"]])
    assert list(Region.objects.readable_by(coordinator)) == [region["region"]]
    finance = make_user("fin-a", Role.FINANCIEEL, [region["a"]])
    assert not Region.objects.readable_by(finance).exists()
