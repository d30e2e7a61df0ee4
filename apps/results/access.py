"""Who reads the figures of which scope, and whether they see them suppressed. One place for the API
and the pages.

- A route: whoever sees the route (``Route.objects.visible_to``). The route's partners see the counts
  (the staff of one of several vo-schools those of their own students); everyone else who sees the
  route (regional users, beheerders) sees them suppressed.
- A region: ``Region.objects.readable_by`` (beheerders; regional users of that region; bestuurders and
  route coordinators of institutions in it: they may compare their route with the region, the figures
  are aggregated and always suppressed, and a region's figure hides what any of its routes hides).
- National: beheerders and regional users, suppressed.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from apps.registry.models import Region
from apps.routes.models import Route

from .engine import Scope


@dataclass(frozen=True)
class Reading:
    scope: Scope
    outside: bool           # the reader is not one of the route's partners: figures are suppressed
    route: Route | None = None
    region: Region | None = None


def route_reading(user, route: Route) -> Reading:
    """Whose students of ``route`` the user's figures count and whether they are suppressed, from
    ``Route.counted_side`` (the one rule, also behind ``Student.objects.counted_for``): staff of one
    vo-school of several count their own students; staff of two or more of its vo-schools the whole
    route suppressed (the engine counts one vo-school at a time, and the route's figures would show the
    other schools' students); the mbo side and the only vo-school the whole route; outsiders the whole
    route suppressed."""
    side = route.counted_side(user)
    if len(side.vo_schools) == 1:
        return Reading(Scope(route=route.pk, vo_school=side.vo_schools[0]), outside=False, route=route)
    return Reading(Scope(route=route.pk), outside=side.outside or len(side.vo_schools) > 1, route=route)


def for_route(user, route_id: int) -> Reading:
    """A route's figures for a reader who sees the route (``route_reading``)."""
    route = Route.objects.visible_to(user).filter(pk=route_id).select_related("region").first()
    if route is None:
        raise Http404("route")
    return route_reading(user, route)


def may_read_region(user, region: Region) -> bool:
    """``Region.objects.readable_by``: the one rule for every regional page and endpoint."""
    return Region.objects.readable_by(user).filter(pk=region.pk).exists()


def for_region(user, region_id: int) -> Reading:
    region = Region.objects.filter(pk=region_id).first()
    if region is None:
        raise Http404("region")
    if not may_read_region(user, region):
        raise PermissionDenied("region")
    return Reading(Scope(region=region.pk), outside=True, region=region)


def may_read_national(user) -> bool:
    return user.is_authenticated and (user.is_beheerder or user.is_regional)


def for_national(user) -> Reading:
    if not may_read_national(user):
        raise PermissionDenied("national")
    return Reading(Scope(national=True), outside=True)
