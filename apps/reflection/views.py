"""The reflection pages, under the route's URL (/routes/<id>/reflectie/...): the route's rounds with the
change over time, opening a round, a round's progress and results side by side per partner, and filling
in one's own response. Records come from ``ReflectionRound.objects.visible_to``; every change goes
through the use cases in ``services``."""
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from pydantic import ValidationError

from apps.core.lib.tabular import table_response
from apps.core.schema_errors import problems
from apps.routes.services import ChangeRefused
from domain import reflection as core

from . import comparison, services
from .forms import CloseForm, InviteForm, ResponseForm, RoundForm
from .models import ReflectionRound, routes_reflected_by
from .schemas import CloseIn, InviteIn, ResponseIn, RoundIn


def _route(user, pk):
    return get_object_or_404(routes_reflected_by(user), pk=pk)


def _round(user, pk, round_pk) -> ReflectionRound:
    return get_object_or_404(ReflectionRound.objects.visible_to(user).select_related("route"), pk=round_pk,
                             route_id=pk)


def _call(form, schema, values, action, *args):
    """Parse ``values`` into ``schema`` and run the use case; its refusals go onto the form's fields.
    Returns the use case's result, or None when refused."""
    try:
        return action(*args, schema.model_validate(values))
    except ValidationError as exc:
        form.put_errors(problems(exc))
    except ChangeRefused as refusal:
        form.put_errors(refusal.errors)
    return None


@login_required
def route_reflection(request, pk):
    route = _route(request.user, pk)
    rounds = list(route.reflection_rounds.prefetch_related("responses"))
    today = timezone.localdate()
    rows = []
    for rnd in reversed(rounds):
        responses = list(rnd.responses.all())
        own = next((r for r in responses if r.user_id == request.user.pk), None)
        rows.append({"round": rnd, "status": ReflectionRound.Status(rnd.status_on(today)).label,
                     "invited": len(responses), "submitted": sum(r.locked for r in responses), "own": own})
    return render(request, "reflection/route_reflection.html", {
        "route": route, "rows": rows, "trend": comparison.trend(route, rounds),
        "may_open": route.editable_by(request.user)})


@login_required
def round_create(request, pk):
    route = _route(request.user, pk)
    if not route.editable_by(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = RoundForm(request.POST, route=route)
        if form.is_valid():
            rnd = _call(form, RoundIn, form.cleaned_data, services.open_round, request.user, route)
            if rnd is not None:
                messages.success(request, _("Reflectieronde geopend; de deelnemers kunnen haar invullen."))
                return redirect(rnd.get_absolute_url())
    else:
        today = timezone.localdate()
        form = RoundForm(route=route, initial={
            "title": _("Reflectie %(year)s") % {"year": today.year}, "opens_on": today,
            "closes_on": today + timedelta(days=30)})
    return render(request, "reflection/round_form.html", {"route": route, "form": form})


@login_required
def round_detail(request, pk, round_pk):
    rnd = _round(request.user, pk, round_pk)
    may_manage = rnd.route.editable_by(request.user)
    status = rnd.status
    may_invite = may_manage and status != ReflectionRound.Status.CLOSED
    results = comparison.results(rnd)
    return render(request, "reflection/round_detail.html", {
        "route": rnd.route, "round": rnd, "results": results,
        "partners_submitted": sum(1 for p in results.partners if p.submitted),
        "pending": sum(p.invited - p.submitted for p in results.partners),
        "own": services.own_response(request.user, rnd),
        "invite_form": InviteForm(rnd=rnd) if may_invite else None,
        "close_form": CloseForm() if may_invite else None,
        "may_remind": may_manage and status == ReflectionRound.Status.OPEN,
        "closed_by": rnd.closed_by if rnd.closed_on and may_manage else None,
        "scale": core.SCALE_LABELS, "phase_labels": core.PHASE_FIT_LABELS, "min_partners": core.MIN_PARTNERS})


@login_required
@require_POST
def round_invite(request, pk, round_pk):
    rnd = _round(request.user, pk, round_pk)
    if not rnd.route.editable_by(request.user):
        raise PermissionDenied
    form = InviteForm(request.POST, rnd=rnd)
    if form.is_valid():
        added = _call(form, InviteIn, form.cleaned_data, services.invite, request.user, rnd)
        if added is not None:
            messages.success(request, _("%(n)d deelnemer(s) uitgenodigd.") % {"n": len(added)})
            return redirect(rnd.get_absolute_url())
    _refusal_messages(request, form)
    return redirect(rnd.get_absolute_url())


def _refusal_messages(request, form) -> None:
    for errors in form.errors.values():
        for message in errors:
            messages.error(request, message)


@login_required
@require_POST
def round_close(request, pk, round_pk):
    """Close the round (the route's editors), after the page's confirmation; with an optional note."""
    rnd = _round(request.user, pk, round_pk)
    if not rnd.route.editable_by(request.user):
        raise PermissionDenied
    form = CloseForm(request.POST)
    if form.is_valid() and _call(form, CloseIn, form.cleaned_data, services.close_round, request.user, rnd):
        messages.success(request, _("De ronde is gesloten: er kan niets meer worden ingediend. Concepten tellen "
                                    "niet mee."))
    _refusal_messages(request, form)
    return redirect(rnd.get_absolute_url())


@login_required
@require_POST
def round_remind(request, pk, round_pk):
    """Mail the invitees who have not submitted a reminder with the link to their response."""
    rnd = _round(request.user, pk, round_pk)
    if not rnd.route.editable_by(request.user):
        raise PermissionDenied
    try:
        reminded = services.remind(request.user, rnd, base_url=request.build_absolute_uri("/"))
    except ChangeRefused as refusal:
        for problem in refusal.errors:
            messages.error(request, problem["message"])
        return redirect(rnd.get_absolute_url())
    if reminded.sent:
        messages.success(request, ngettext("%(n)d herinnering verstuurd.", "%(n)d herinneringen verstuurd.",
                                           reminded.sent) % {"n": reminded.sent})
    else:
        messages.info(request, _("Geen herinnering verstuurd: iedereen heeft ingediend of niemand heeft een "
                                 "e-mailadres."))
    if reminded.without_email:
        messages.warning(request, _("Zonder e-mailadres, niet herinnerd: %(names)s.")
                         % {"names": ", ".join(reminded.without_email)})
    return redirect(rnd.get_absolute_url())


@login_required
def respond(request, pk, round_pk):
    """One's own response: a draft is saved ("Opslaan als concept") or submitted ("Indienen"), after which
    it is shown, locked."""
    rnd = _round(request.user, pk, round_pk)
    response = services.own_response(request.user, rnd)
    if response is None:
        raise PermissionDenied(_("U bent niet uitgenodigd voor deze reflectieronde."))
    status = rnd.status
    if request.method == "POST" and not response.locked:
        form = ResponseForm(request.POST)
        submit = "submit" in request.POST
        if form.is_valid():
            values = form.data_in(submit)
            if not form.errors and _call(form, ResponseIn, values, services.save_response, request.user, rnd):
                if submit:
                    messages.success(request, _("Uw reflectie is ingediend. Dank u wel."))
                    return redirect(rnd.get_absolute_url())
                messages.success(request, _("Concept opgeslagen; u kunt later verder gaan."))
                return redirect("reflection:respond", pk=rnd.route_id, round_pk=rnd.pk)
    else:
        form = ResponseForm(response=response)
    answers = {a.item: a for a in response.answers.all()}
    return render(request, "reflection/respond.html", {
        "route": rnd.route, "round": rnd, "response": response, "form": form,
        "own_rows": [(item, answers.get(item.id)) for item in core.ITEMS], "dont_know": core.DONT_KNOW,
        "open": status == ReflectionRound.Status.OPEN,
        "closed_message": services.closed_message(rnd) if status == ReflectionRound.Status.CLOSED else ""})


@login_required
def round_export(request, pk, round_pk, fmt):
    """The round's results as a table (Excel or CSV): per item the partners' averages, the difference and
    the notes per institution; then the sections and groups. Empty averages until the results show."""
    if fmt not in ("xlsx", "csv"):
        raise Http404
    rnd = _round(request.user, pk, round_pk)
    results = comparison.results(rnd)
    partners = [p.institution.name for p in results.partners if p.submitted] if results.comparable else []
    headers = [_("id"), _("onderdeel"), _("stelling"), *partners, _("verschil"), _("toelichtingen")]
    rows = [[row.key, row.label.removeprefix(f"{row.key} "), row.text, *row.values, row.spread,
             " | ".join(f"{who}: {note}" for who, note in row.notes)] for row in results.items]
    rows += [[row.key, row.label, "", *row.values, None, ""] for row in [*results.sections, *results.groups]]
    return table_response(f"reflectie-{rnd.route_id}-{rnd.pk}", headers, rows, fmt)
