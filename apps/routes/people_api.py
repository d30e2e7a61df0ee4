"""A route's people and roles over JSON, scoped as the pages (people_views.py): only the route's
partners and the beheerder see them (anyone else gets a 404), a route editor changes the roles of
their own institutions. The writes are the use cases of the pages (services.add_role, change_role,
record_departure)."""
from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from apps.core.api_schemas import Errors
from apps.core.idempotency import idempotent

from . import models as m
from . import services
from .api import merged
from .api_calls import call as _call
from .schemas import DepartureIn, RoleIn, RolePatch

router = Router(tags=["people"])


class RoleOut(Schema):
    id: int
    route: int
    route_name: str
    institution: str                 # BRIN
    institution_name: str
    role: str
    role_label: str
    person: int
    name: str
    email: str
    phone: str
    uitstroomrichting: str           # crebo, "" for none
    start: date | None
    end: date | None
    handover_note: str
    successor: int | None            # the role of who took over


class DepartureOut(Schema):
    ended: RoleOut
    successor: RoleOut | None


class PersonOut(Schema):
    id: int
    name: str
    email: str
    phone: str
    institution: str
    institution_name: str
    roles: list[RoleOut]             # in the routes whose people the reader may see


def role_out(c: m.Contact) -> dict:
    return dict(id=c.pk, route=c.route_id, route_name=c.route.name, institution=c.institution.brin,
                institution_name=c.institution.name, role=c.role, role_label=str(c.get_role_display()),
                person=c.person_id, name=c.person.name, email=c.person.email, phone=c.person.phone,
                uitstroomrichting=c.uitstroomrichting.kwalificatie.code if c.uitstroomrichting else "",
                start=c.start, end=c.end, handover_note=c.handover_note, successor=c.successor_id)


ROLE_RELATED = ("route", "institution", "person", "uitstroomrichting__kwalificatie")


def _route(request, route_id: int) -> m.Route:
    return get_object_or_404(m.Route.objects.with_people_for(request.user), pk=route_id)


def _role(request, route_id: int, role_id: int) -> m.Contact:
    return get_object_or_404(m.Contact.objects.visible_to(request.user).select_related(*ROLE_RELATED),
                             pk=role_id, route=_route(request, route_id))


@router.get("/routes/{route_id}/people", response={200: list[RoleOut], 404: Errors})
def route_people(request, route_id: int):
    """The route's roles (current, upcoming and ended) with the people's contact details: for the
    route's partners and the beheerder only."""
    route = _route(request, route_id)
    return [role_out(c) for c in m.Contact.objects.visible_to(request.user).filter(route=route)
            .select_related(*ROLE_RELATED).order_by("institution__name", "role", "start")]


@router.post("/routes/{route_id}/roles", response={201: RoleOut, 403: Errors, 404: Errors, 422: Errors})
@idempotent
def create_role(request, route_id: int, payload: RoleIn):
    """A person takes a role for one of the route's partner institutions (the user's own, unless
    beheerder): ``person`` (an id) or found by institution and e-mail (by name without e-mail), added
    when new."""
    contact, refused = _call(services.add_role, request.user, _route(request, route_id), payload)
    return refused or Status(201, role_out(contact))


@router.patch("/routes/{route_id}/roles/{role_id}", response={200: RoleOut, 403: Errors, 404: Errors, 422: Errors})
def patch_role(request, route_id: int, role_id: int, payload: RolePatch):
    """Change the fields given; the others keep their value."""
    contact = _role(request, route_id, role_id)
    data, invalid = merged(RoleIn, services.role_input(contact), payload)
    if invalid:
        return invalid
    changed, refused = _call(services.change_role, request.user, contact, data)
    return refused or role_out(changed)


@router.post("/routes/{route_id}/roles/{role_id}/departure",
             response={200: DepartureOut, 403: Errors, 404: Errors, 422: Errors})
@idempotent
def record_departure(request, route_id: int, role_id: int, payload: DepartureIn):
    """The holder leaves the role on ``end`` with a handover note; the successor (``person``: an
    existing person of the same institution, or a new one by name and e-mail) holds the role from
    the day after. All of it or nothing."""
    result, refused = _call(services.record_departure, request.user, _role(request, route_id, role_id), payload)
    if refused:
        return refused
    ended, successor = result
    return {"ended": role_out(ended), "successor": role_out(successor) if successor else None}


@router.get("/people/{person_id}", response={200: PersonOut, 404: Errors})
def get_person(request, person_id: int):
    """A person with their roles in the routes whose people the reader may see."""
    person = get_object_or_404(m.Person.objects.visible_to(request.user).select_related("institution"), pk=person_id)
    roles = (m.Contact.objects.visible_to(request.user).filter(person=person).select_related(*ROLE_RELATED)
             .order_by("route__name", "start"))
    return dict(id=person.pk, name=person.name, email=person.email, phone=person.phone,
                institution=person.institution.brin, institution_name=person.institution.name,
                roles=[role_out(c) for c in roles])
