"""The start page's work items that the finance app owns (collected per role by apps.dashboard): the
settlements waiting for the user's approval."""
from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from apps.core.lib.worklist import WorkItem
from apps.routes.models import Route
from domain.calendar import school_year_label, year_end

from .models import Settlement


def waiting_for(user):
    """The current draft settlements of the user's routes (``Route.objects.with_finance_for``) that one of
    the user's institutions, a party to it, has not approved yet: what ``services.approve`` lets this
    financieel medewerker approve."""
    if not user.changes_finance:
        return Settlement.objects.none()
    own = user.institutions.all()
    return (Settlement.objects.filter(route__in=Route.objects.with_finance_for(user),
                                      route__partners__institution__in=own,
                                      status=Settlement.Status.DRAFT, next_version__isnull=True)
            .exclude(approvals__institution__in=own).select_related("route").distinct()
            .order_by("school_year", "route__name", "phase"))


def approvals_waiting(user, today: date) -> list[WorkItem]:
    """One item per settlement waiting for the user's approval; due by the end of its school year,
    overdue once that has passed."""
    items = []
    for settlement in waiting_for(user):
        label = _("Afrekening %(year)s (%(model)s) wacht op uw goedkeuring") % {
            "year": school_year_label(settlement.school_year), "model": settlement.get_model_display()}
        if settlement.phase:
            label += f" · {settlement.get_phase_display()}"
        items.append(WorkItem.on(today, "approval", label, settlement.get_absolute_url(), settlement.route.name,
                                 due=year_end(settlement.school_year)))
    return items
