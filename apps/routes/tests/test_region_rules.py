"""The one rule for a region's routes (``Route.objects.in_region``) and for whose students a user's
counts cover (``Route.counted_side``)."""
from apps.registry.models import Region
from apps.routes.models import Route, RoutePartner


def test_a_route_belongs_to_its_own_region_and_to_its_vo_schools_region_not_its_mbos(route, registry):
    """The test route: region Amsterdam, Calvijn (vo, Amsterdam) and ROC van Amsterdam (mbo). Moved to
    the Achterhoek with the Achterhoek's mbo as an extra partner it stays in Amsterdam (its vo-school)
    and is in the Achterhoek (its own region); with only the mbo in the Achterhoek it is not there."""
    ams, ach = registry["ams"], registry["ach"]
    assert list(Route.objects.in_region(ams)) == [route] and not Route.objects.in_region(ach).exists()
    RoutePartner.objects.create(route=route, institution=registry["mbo_ach"], role=RoutePartner.Role.MBO)
    assert not Route.objects.in_region(ach).exists()                  # an mbo partner alone: not the region's
    Route.objects.filter(pk=route.pk).update(region=ach)
    assert set(Route.objects.in_region(ach)) == {route} == set(Route.objects.in_region(ams.pk))


def test_regional_users_see_exactly_their_regions_routes(route, registry, users):
    assert list(Route.objects.visible_to(users["regio"])) == list(Route.objects.in_region(users["regio"].region))
    assert Region.objects.readable_by(users["calvijn"]).get() == registry["ams"]
    assert not Region.objects.readable_by(users["examen"]).exists()


def test_whose_students_a_user_counts(route, registry, users):
    assert route.counted_side(users["regio"]).outside and route.counted_side(users["regio"]).whole_route
    assert not route.counted_side(users["calvijn"]).outside and route.counted_side(users["calvijn"]).whole_route
    RoutePartner.objects.create(route=route, institution=registry["vo_ach"], role=RoutePartner.Role.VO)
    side = route.counted_side(users["calvijn"])                       # one vo-school of two: its own students
    assert side.vo_schools == (registry["calvijn"].pk,) and not side.outside
    assert route.counted_side(users["rocva"]).whole_route             # the mbo side: the whole route
