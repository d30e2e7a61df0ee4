"""People and roles of a route (/routes/<id>/mensen/), a role's form and its departure ("vertrek
vastleggen"), and a person's overview (/personen/<id>/) with their roles across the routes the reader
may see. Only the route's partners and the beheerder see any of it (``Route.objects.with_people_for``,
``Contact.objects.visible_to``, ``Person.objects.visible_to``); the writes go through the use cases in
services.py (add_role, change_role, record_departure), the same as the API's."""
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import ValidationError

from apps.core.schema_errors import problems

from . import models as m
from . import services
from .forms import DATE
from .schemas import DepartureIn, RoleIn, SuccessorIn

# --- reading ---------------------------------------------------------------------------------------

@dataclass
class PartnerPeople:
    """The roles at one partner institution, by when they hold."""
    institution: object
    current: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)
    ended: list = field(default_factory=list)
    editable: bool = False          # the reader changes this institution's roles


def people_by_partner(user, route: m.Route) -> list[PartnerPeople]:
    today = timezone.localdate()
    groups = {p.institution_id: PartnerPeople(p.institution) for p in route.partners.select_related("institution")}
    roles = (m.Contact.objects.visible_to(user).filter(route=route)
             .select_related("person", "institution", "uitstroomrichting__kwalificatie", "successor__person")
             .order_by("role", "start", "person__name"))
    for role in roles:
        group = groups.setdefault(role.institution_id, PartnerPeople(role.institution))
        if role.end is not None and role.end < today:
            group.ended.append(role)
        elif role.start is not None and role.start > today:
            group.upcoming.append(role)
        else:
            group.current.append(role)
    return list(groups.values())


def _people_route(user, pk) -> m.Route:
    return get_object_or_404(m.Route.objects.with_people_for(user), pk=pk)


def _own_institutions(user, route: m.Route):
    """The partner institutions whose roles the user may change in this route."""
    partners = route.partners.select_related("institution").order_by("institution__name")
    if not route.editable_by(user):
        return []
    return [p.institution for p in partners
            if user.is_beheerder or user.institutions.filter(pk=p.institution_id).exists()]


@login_required
def route_people(request, pk):
    route = _people_route(request.user, pk)
    own = {i.pk for i in _own_institutions(request.user, route)}
    partners = people_by_partner(request.user, route)
    for group in partners:
        group.editable = group.institution.pk in own
    return render(request, "routes/people.html", {
        "route": route, "partners": partners, "own": own,
        "today": timezone.localdate()})


@login_required
def person_detail(request, pk):
    person = get_object_or_404(m.Person.objects.visible_to(request.user).select_related("institution"), pk=pk)
    roles = (m.Contact.objects.visible_to(request.user).filter(person=person)
             .select_related("route", "institution", "uitstroomrichting__kwalificatie", "successor__person")
             .order_by("route__name", "start"))
    return render(request, "routes/person_detail.html", {"person": person, "roles": roles,
                                                         "today": timezone.localdate()})


@login_required
def my_roles(request):
    """The person the signed-in user is (linked to their account), or a note that there is none."""
    person = m.Person.objects.filter(user=request.user).order_by("pk").first()
    if person is None:
        return render(request, "routes/person_detail.html", {"person": None, "roles": []})
    return redirect(person)


# --- writing ---------------------------------------------------------------------------------------

def _people_choices(institutions, exclude=None):
    people = m.Person.objects.filter(institution__in=institutions).select_related("institution").order_by("name")
    if exclude is not None:
        people = people.exclude(pk=exclude)
    return [("", _("— een nieuwe persoon (naam hieronder) —"))] + [
        (str(p.pk), f"{p.name} ({p.institution.name})") for p in people]


class RoleForm(forms.Form):
    institution = forms.ChoiceField(label=gettext_lazy("Instelling"))
    role = forms.ChoiceField(label=gettext_lazy("Rol"), choices=m.Contact.Role.choices)
    uitstroomrichting = forms.ChoiceField(label=gettext_lazy("Uitstroomrichting"), required=False,
                                          help_text=gettext_lazy("Voor een kerndocent of profielcoördinator."))
    person = forms.ChoiceField(label=gettext_lazy("Persoon"), required=False)
    name = forms.CharField(label=gettext_lazy("Naam"), max_length=120, required=False)
    email = forms.EmailField(label=gettext_lazy("E-mail"), required=False)
    phone = forms.CharField(label=gettext_lazy("Telefoon"), max_length=30, required=False)
    start = forms.DateField(label=gettext_lazy("Vanaf"), required=False, widget=DATE)
    end = forms.DateField(label=gettext_lazy("Tot"), required=False, widget=DATE)

    def __init__(self, *args, route=None, institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].choices = [(i.brin, i.name) for i in institutions]
        richtingen = route.uitstroomrichtingen.select_related("kwalificatie")
        self.fields["uitstroomrichting"].choices = [("", "—")] + [(u.kwalificatie.code, str(u.kwalificatie))
                                                                  for u in richtingen]
        self.fields["person"].choices = _people_choices(institutions)

    def typed(self) -> RoleIn:
        data = dict(self.cleaned_data)
        data["person"] = int(data["person"]) if data.get("person") else None
        return RoleIn.model_validate(data)


class DepartureForm(forms.Form):
    end = forms.DateField(label=gettext_lazy("Laatste dag in de rol"), widget=DATE)
    handover_note = forms.CharField(label=gettext_lazy("Overdrachtsnotitie"), required=False, max_length=5000,
                                    widget=forms.Textarea(attrs={"rows": 5}),
                                    help_text=gettext_lazy("Wat de opvolger moet weten: lopende afspraken, contacten, "
                                                    "waar de stukken staan."))
    successor_person = forms.ChoiceField(label=gettext_lazy("Opvolger"), required=False)
    successor_name = forms.CharField(label=gettext_lazy("Naam van een nieuwe opvolger"), max_length=120, required=False)
    successor_email = forms.EmailField(label=gettext_lazy("E-mail van de opvolger"), required=False)
    successor_phone = forms.CharField(label=gettext_lazy("Telefoon van de opvolger"), max_length=30, required=False)

    def __init__(self, *args, contact=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = _people_choices([contact.institution], exclude=contact.person_id)
        self.fields["successor_person"].choices = [("", _("— geen opvolger, of een nieuwe (naam hieronder) —")),
                                                   *choices[1:]]

    def typed(self) -> DepartureIn:
        d = self.cleaned_data
        successor = None
        if d.get("successor_person"):
            successor = SuccessorIn(person=int(d["successor_person"]))
        elif d.get("successor_name") or d.get("successor_email"):
            successor = SuccessorIn(name=d.get("successor_name") or "", email=d.get("successor_email") or "",
                                    phone=d.get("successor_phone") or "")
        return DepartureIn(end=d["end"], handover_note=d.get("handover_note") or "", successor=successor)


def _place(form, errors) -> None:
    """A refused change's errors beside the fields they name ("successor.name" is successor_name)."""
    for item in errors:
        name = (item.get("field") or "").replace(".", "_")
        form.add_error(name if name in form.fields else None, item["message"])


def _submit(request, form, use_case, *args) -> object | None:
    if not form.is_valid():
        return None
    try:
        return use_case(request.user, *args, form.typed())
    except ValidationError as exc:
        _place(form, problems(exc))
    except services.ChangeRefused as refusal:
        _place(form, refusal.errors)
    return None


@login_required
def role_add(request, pk):
    route = _people_route(request.user, pk)
    institutions = _own_institutions(request.user, route)
    if not institutions:
        raise PermissionDenied
    form = RoleForm(request.POST or None, route=route, institutions=institutions)
    if request.method == "POST" and _submit(request, form, services.add_role, route) is not None:
        messages.success(request, _("Rol vastgelegd."))
        return redirect("routes:people", route.pk)
    return render(request, "routes/role_form.html", {"route": route, "form": form, "title": _("Rol toevoegen")})


def _editable_role(user, pk) -> m.Contact:
    contact = get_object_or_404(m.Contact.objects.visible_to(user).select_related("route", "person", "institution"),
                                pk=pk)
    if not m.Contact.objects.editable_by(user).filter(pk=contact.pk).exists():
        raise PermissionDenied
    return contact


@login_required
def role_change(request, pk):
    contact = _editable_role(request.user, pk)
    route = contact.route
    current = services.role_input(contact).model_dump()
    form = RoleForm(request.POST or None, route=route, institutions=_own_institutions(request.user, route),
                    initial=dict(current, person=str(contact.person_id)))
    if request.method == "POST" and _submit(request, form, services.change_role, contact) is not None:
        messages.success(request, _("Rol gewijzigd."))
        return redirect("routes:people", route.pk)
    return render(request, "routes/role_form.html", {"route": route, "form": form, "contact": contact,
                                                     "title": _("Rol wijzigen")})


@login_required
def role_departure(request, pk):
    contact = _editable_role(request.user, pk)
    if contact.successor_id is not None:
        raise Http404
    form = DepartureForm(request.POST or None, contact=contact, initial={"end": contact.end})
    if request.method == "POST" and _submit(request, form, services.record_departure, contact) is not None:
        messages.success(request, _("Vertrek vastgelegd."))
        return redirect("routes:people", contact.route_id)
    return render(request, "routes/role_form.html", {"route": contact.route, "form": form, "contact": contact,
                                                     "title": _("Vertrek vastleggen")})
