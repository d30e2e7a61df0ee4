"""Use cases on routes, shared by the interface and the API."""
from django.utils import timezone

from . import compliance
from . import models as m


def save_route(form, formsets):
    """Save a validated route form and its formsets as one change; raises RuleViolation (and saves
    nothing) when a blocking rule fails. Returns (route, findings)."""
    phase_changed = form.instance.pk is None or "phase" in form.changed_data

    def apply():
        route = form.save()
        for formset in formsets.values():
            formset.instance = route
            formset.save()
        if phase_changed:
            m.PhaseChange.objects.create(route=route, phase=route.phase, since=timezone.localdate())
        return route

    return compliance.change_route(apply)


def stop_route(route, note=""):
    """Stop a route: it stays in the register for history. Always allowed, also for a route that
    breaks a rule (stopping is how such a route ends). Stopping a stopped route changes nothing."""
    if route.phase == m.Phase.GESTOPT:
        return route, compliance.evaluate(route)

    def apply():
        route.phase = m.Phase.GESTOPT
        route.end_date = route.end_date or timezone.localdate()
        route.save()
        m.PhaseChange.objects.create(route=route, phase=m.Phase.GESTOPT, since=timezone.localdate(), note=note[:300])
        return route

    return compliance.change_route(apply, enforce=False)


def save_agreement(form, formsets):
    """Save a validated agreement form and its formsets as one change; its own rules may refuse it
    (RuleViolation), and every route it covers, before or after, is re-evaluated."""
    previous_routes = list(form.instance.routes.all()) if form.instance.pk else []
    if form.instance.supersedes_id:
        previous_routes += list(form.instance.supersedes.routes.all())

    def apply():
        agreement = form.save()
        for formset in formsets.values():
            formset.instance = agreement
            formset.save()
        return agreement

    return compliance.change_agreement(apply, previous_routes)
