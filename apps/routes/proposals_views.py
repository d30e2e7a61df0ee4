"""Partner proposals in the interface: the "Partners" section of the route page proposes, confirms,
rejects and withdraws (see apps/routes/proposals.py)."""
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.registry.models import Institution, Location
from apps.routes.models import Route

from . import models as m
from . import proposals

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PartnerProposalForm(forms.Form):
    action = forms.ChoiceField(choices=m.PartnerProposal.Action.choices, initial=m.PartnerProposal.Action.ADD,
                               label=gettext_lazy("Voorstel"))
    institution = forms.ModelChoiceField(
        Institution.objects.order_by("name"), label=gettext_lazy("Instelling"),
        help_text=gettext_lazy("De nieuwe partner; bij 'partner uit de route' de partner die vertrekt."))
    role = forms.ChoiceField(choices=m.RoutePartner.Role.choices, label=gettext_lazy("Rol"))
    location = forms.ModelChoiceField(Location.objects.select_related("institution"), required=False,
                                      label=gettext_lazy("Vestiging"))
    joined_on = forms.DateField(required=False, widget=DATE, label=gettext_lazy("Partner sinds"))
    rio_registered_on = forms.DateField(required=False, widget=DATE,
                                        label=gettext_lazy("Geregistreerd in RIO (DUO) op"))
    replaces = forms.ModelChoiceField(Institution.objects.none(), required=False,
                                      label=gettext_lazy("In plaats van (alleen een partner zonder leerlingen)"))
    note = forms.CharField(required=False, max_length=300, label=gettext_lazy("Toelichting"))

    def clean(self):
        data = super().clean()
        action, replaces = data.get("action"), data.get("replaces")
        if action == m.PartnerProposal.Action.CHANGE and not replaces:
            self.add_error("replaces", _("Kies de partner die wordt vervangen."))
        elif action != m.PartnerProposal.Action.CHANGE and replaces:
            self.add_error("replaces", _("Alleen bij 'partner wijzigen' wordt een partner vervangen."))
        return data

    def proposal_input(self) -> proposals.PartnerProposalInput:
        data = dict(self.cleaned_data)
        action = data.pop("action")
        return proposals.PartnerProposalInput(**data, remove=action == m.PartnerProposal.Action.REMOVE)

    def __init__(self, *args, route=None, **kwargs):
        super().__init__(*args, **kwargs)
        if route is not None:
            partners = Institution.objects.filter(route_partnerships__route=route)
            self.fields["replaces"].queryset = partners.distinct().order_by("name")


def _to_route(proposal_or_route, anchor="partners"):
    route = getattr(proposal_or_route, "route", proposal_or_route)
    return redirect(f"{route.get_absolute_url()}#{anchor}")


def _show_errors(request, errors):
    for error in errors:
        prefix = f"{error['rule']}: " if error.get("rule") else ""
        messages.error(request, prefix + error["message"])


@login_required
@require_POST
def propose(request, pk):
    route = get_object_or_404(Route.objects.visible_to(request.user), pk=pk)
    form = PartnerProposalForm(request.POST, route=route)
    if not form.is_valid():
        _show_errors(request, [{"rule": None, "message": f"{form.fields[name].label}: {message}"}
                               for name, msgs in form.errors.items() for message in msgs])
        return _to_route(route)
    try:
        proposal = proposals.propose_partner(request.user, route, form.proposal_input())
    except proposals.ProposalRefused as refused:
        raise PermissionDenied(str(refused)) from refused
    except proposals.ProposalError as error:
        _show_errors(request, error.errors)
    else:
        if proposal.status == m.PartnerProposal.Status.ACCEPTED:
            messages.success(request, _("Partnervoorstel doorgevoerd."))
        else:
            messages.success(request, _("Partnervoorstel gedaan; het gaat in zodra alle huidige partners het hebben "
                                        "bevestigd."))
    return _to_route(route)


def _proposal(request, pk):
    return get_object_or_404(m.PartnerProposal.objects.select_related("route"), pk=pk,
                             route__in=Route.objects.visible_to(request.user))


def _decide(request, pk, action, done, *args):
    proposal = _proposal(request, pk)
    try:
        proposal = action(request.user, proposal, *args)
    except proposals.ProposalRefused as refused:
        raise PermissionDenied(str(refused)) from refused
    except proposals.ProposalError as error:
        _show_errors(request, error.errors)
    else:
        messages.success(request, done(proposal))
    return _to_route(proposal)


@login_required
@require_POST
def confirm(request, pk):
    def done(proposal):
        if proposal.status == m.PartnerProposal.Status.ACCEPTED:
            return _("Bevestigd: alle partners zijn akkoord en de partnerwijziging is doorgevoerd.")
        return _("Bevestigd; het voorstel wacht nog op: %(names)s.") % {
            "names": ", ".join(i.name for i in proposals.waiting_for(proposal))}
    return _decide(request, pk, proposals.confirm, done)


@login_required
@require_POST
def reject(request, pk):
    return _decide(request, pk, proposals.reject, lambda p: _("Partnervoorstel afgewezen."),
                   request.POST.get("reason", ""))


@login_required
@require_POST
def withdraw(request, pk):
    return _decide(request, pk, proposals.withdraw, lambda p: _("Partnervoorstel ingetrokken."))
