"""The pages: all open signals the user may see (/signalen/, filterable by kind, with the digest switch)
and the route health overviews of a region and of a board (sortable, exportable to Excel)."""
from __future__ import annotations

from datetime import timedelta

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.lib.tabular import table_response
from apps.registry.models import Bestuur, Region
from domain import continuity as core

from . import health, services
from .schemas import DigestIn


@login_required
def signal_list(request):
    kind = request.GET.get("kind", "")
    if kind and kind not in core.BY_CODE:
        return HttpResponseBadRequest(_("kind: onbekende soort signaal; kies een van %(kinds)s.")
                                      % {"kinds": ", ".join(core.CODES)})
    today = timezone.localdate()
    items = services.shown(request.user, services.open_signals(request.user, kind=kind or None),
                           since=today - timedelta(days=services.NEW_DAYS))
    sub = services.subscription(request.user)
    return render(request, "continuity/signals.html", {
        "items": items, "kind": kind, "kinds": [(k, services.messages.title(k.code)) for k in core.KINDS],
        "subscribed": bool(sub and sub.active), "today": today, "new_days": services.NEW_DAYS,
    })


@login_required
@require_POST
def digest(request):
    """Turn the weekly digest on or off (the same use case as PUT /api/v1/signals/digest)."""
    value = request.POST.get("active")
    if value not in ("0", "1"):
        return HttpResponseBadRequest(_("active: kies 1 (aan) of 0 (uit)."))
    sub = services.set_digest(request.user, DigestIn(active=value == "1"))
    if sub.active and not request.user.email:
        flash.warning(request, _("U bent aangemeld, maar uw account heeft geen e-mailadres; vraag de beheerder "
                                 "het in te vullen."))
    else:
        flash.success(request, _("U ontvangt de wekelijkse samenvatting.") if sub.active
                      else _("U ontvangt de wekelijkse samenvatting niet meer."))
    return redirect("continuity:signals")


def _overview(request, title: str, routes, slug: str, back: str):
    today = timezone.localdate()
    sort = request.GET.get("sort", "")
    try:
        table = health.sorted_rows(health.rows(routes, today), sort)
    except health.SortError:
        return HttpResponseBadRequest(_("sort: onbekende kolom; kies een van %(keys)s.")
                                      % {"keys": ", ".join(c.key for c in health.COLUMNS)})
    fmt = request.GET.get("format", "")
    if fmt in ("xlsx", "csv"):
        headers, rows = health.export_rows(table)
        return table_response(f"gezondheid-{slug}-{today.isoformat()}", headers, rows, fmt)
    if fmt:
        return HttpResponseBadRequest(_("format: kies xlsx of csv."))
    columns = [{"column": c, "sort": c.key if sort != c.key else f"-{c.key}",
                "active": sort.lstrip("-") == c.key, "descending": sort.startswith("-")} for c in health.COLUMNS]
    cells = [(row, [(c.value(row), c.numeric) for c in health.COLUMNS]) for row in table]
    return render(request, "continuity/health.html", {
        "title": title, "columns": columns, "cells": cells, "sort": sort, "back": back, "today": today})


@login_required
def region_health(request, pk):
    region = get_object_or_404(Region.objects.readable_by(request.user), pk=pk)
    return _overview(request, _("Gezondheid van de routes in regio %(name)s") % {"name": region.name},
                     health.region_routes(region), f"regio-{region.pk}", reverse("dashboard:region", args=[region.pk]))


@login_required
def board_health(request, pk):
    board = get_object_or_404(Bestuur, pk=pk)
    if not health.board_readable(request.user, board):
        raise Http404
    return _overview(request, _("Gezondheid van de routes van %(name)s") % {"name": board.name},
                     health.board_routes(board), f"bestuur-{board.pk}", reverse("dashboard:board", args=[board.pk]))
