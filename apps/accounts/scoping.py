"""Who sees and changes which routes and agreements. Every view and API endpoint goes through here."""
from django.db.models import Q, QuerySet

from apps.routes.models import Agreement, Route, RoutePartner


def _own_institution_routes(user) -> Q:
    return Q(pk__in=RoutePartner.objects.filter(institution__in=user.institutions.all()).values("route"))


def visible_routes(user) -> QuerySet:
    routes = Route.objects.all()
    if not user.is_authenticated:
        return routes.none()
    if user.is_beheerder:
        return routes
    if user.is_regional:
        if user.region_id is None:
            return routes.none()
        in_region = RoutePartner.objects.filter(institution__regions=user.region_id).values("route")
        return routes.filter(Q(region=user.region_id) | Q(pk__in=in_region))
    return routes.filter(_own_institution_routes(user))


def editable_routes(user) -> QuerySet:
    if not user.is_authenticated or not user.may_edit_routes:
        return Route.objects.none()
    if user.is_beheerder:
        return Route.objects.all()
    return Route.objects.filter(_own_institution_routes(user))


def _agreement_scope(user, routes: QuerySet) -> QuerySet:
    boards = user.institutions.values("bestuur")
    return Agreement.objects.filter(
        Q(routes__in=routes) | Q(signatures__bestuur__in=boards)
    ).distinct()


def visible_agreements(user) -> QuerySet:
    if user.is_authenticated and user.is_beheerder:
        return Agreement.objects.all()
    if user.is_authenticated and user.is_regional:
        return Agreement.objects.filter(routes__in=visible_routes(user)).distinct()
    return _agreement_scope(user, visible_routes(user))


def editable_agreements(user) -> QuerySet:
    if not user.is_authenticated or not user.may_edit_routes:
        return Agreement.objects.none()
    if user.is_beheerder:
        return Agreement.objects.all()
    return _agreement_scope(user, editable_routes(user))


def can_change(user, obj) -> bool:
    qs = editable_routes(user) if isinstance(obj, Route) else editable_agreements(user)
    return qs.filter(pk=obj.pk).exists()
