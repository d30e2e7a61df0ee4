"""Who reads the figures of which scope, and whether they see them suppressed. One place for the API
and the pages.

- A route: whoever sees the route (``Route.objects.visible_to``). The route's partners see the counts;
  everyone else who sees the route (regional users, beheerders) sees them suppressed.
- A region: beheerders; regional users of that region; and the staff of institutions in that region
  (partner staff may compare their route with the region: the figures are aggregated and always
  suppressed, so they show no student of another institution).
- National: beheerders and regional users, suppressed.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from apps.registry.models import Region
from apps.routes.disclosure import is_partner
from apps.routes.models import Route

from .engine import Scope


@dataclass(frozen=True)
class Reading:
    scope: Scope
    outside: bool           # the reader is not one of the route's partners: figures are suppressed
    route: Route | None = None
    region: Region | None = None


def for_route(user, route_id: int) -> Reading:
    route = Route.objects.visible_to(user).filter(pk=route_id).select_related("region").first()
    if route is None:
        raise Http404("route")
    return Reading(Scope(route=route.pk), outside=not is_partner(user, route), route=route)


def may_read_region(user, region: Region) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_beheerder:
        return True
    if user.is_regional:
        return user.region_id == region.pk
    return user.institutions.filter(regions=region).exists()


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
