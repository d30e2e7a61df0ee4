"""The route's results over JSON: ``GET /api/v1/kpis`` with one scope (``route``, ``region`` or
``national=true``) and a cohort, optionally on a date. A stable contract:

    {"kpis": [{"id": "K-04/3", "label": "...", "numerator": 50, "denominator": 57, "value": "87.7", ...}]}

Percentages as strings with one decimal, rounded half up; K-06 in years with two decimals; ``value``
null where the denominator is 0. K-04 once per year count k ("K-04/3"); K-08 per school year the
cohort has been in ("K-08/2022" = 2022-2023). Outside a route's partners (region, national, or a route
read by a regional user or beheerder) a figure that would show a count from 1 to 4 comes back with
numerator, denominator and value null and ``display`` "<5".

K-12 (succes na doorstroom) comes with the cohort figures of every scope. K-10 (bereik) is a figure of a
region or the country only (``region`` or ``national=true``): of school year ``cohort`` (the school year
starting in that calendar year), for vmbo leerjaar ``leerjaar`` (default 3), "K-10/<jaar>/<leerweg>" per
leerweg and "K-10/<jaar>" over all leerwegen, always suppressed (the total and its parts together)."""
from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Query, Router, Schema, Status
from pydantic import Field

from apps.core.api_schemas import Errors, default_detail
from domain import kpi as core

from . import access, engine, reach
from .figures import figures_for

router = Router(tags=["results"])


class KpiOut(Schema):
    id: str = Field(description="K-01 .. K-12; K-04/k per year count k; K-08/<jaar> per schooljaar; bij region of "
                                "national ook K-10/<jaar> (bereik) en K-10/<jaar>/<leerweg>.")
    label: str
    numerator: int | None
    denominator: int | None
    value: str | None = Field(description='"88.0" (procent, één decimaal), "3.09" (jaren), "78" (aantal); null '
                                          "bij noemer 0 of onderdrukt.")
    unit: str = Field(description='"%", "jaar" of "aantal".')
    display: str = Field(description='Zoals getoond: de waarde, "–" bij noemer 0, "<5" als het cijfer onderdrukt is.')


class KpisOut(Schema):
    kpis: list[KpiOut]


class KpiQuery(Schema):
    route: int | None = Field(None, ge=1, le=2**31 - 1, description="Route-id (of region of national).")
    region: int | None = Field(None, ge=1, le=2**31 - 1, description="Regio-id (gegevens onderdrukt).")
    national: bool = Field(False, description="Landelijk (gegevens onderdrukt).")
    cohort: int = Field(ge=1990, le=2100, description="Eerste kalenderjaar van het schooljaar van routejaar 1. Bij "
                                                      "region of national is dit ook het schooljaar van K-10 "
                                                      "(bereik): 2020 geeft K-10/2020 voor 2020-2021.")
    leerjaar: int = Field(reach.DEFAULT_LEERJAAR, ge=1, le=4,
                          description="K-10 (bereik): het vmbo-leerjaar dat geteld wordt (standaard 3, waar routes "
                                      "beginnen). Alleen bij region of national.")
    on: date | None = Field(None, ge=core.FIRST_DAY, le=core.LAST_DAY,
                            description="Peildatum (JJJJ-MM-DD), standaard vandaag.")


def _problem(status: int, field: str, message: str):
    return Status(status, {"detail": default_detail(status),
                           "errors": [{"rule": None, "field": field, "message": message}]})


@router.get("/kpis", response={200: KpisOut, 403: Errors, 404: Errors, 422: Errors})
def kpis(request, query: Query[KpiQuery]):
    """De KPI's van één cohort in één schaal (route, regio of landelijk) op een peildatum; bij regio en
    landelijk ook K-10 (bereik) van schooljaar ``cohort`` in vmbo-leerjaar ``leerjaar``."""
    chosen = [name for name, given in (("route", query.route), ("region", query.region),
                                       ("national", query.national)) if given]
    if len(chosen) != 1:
        return _problem(422, "route", "Geef precies één van route, region of national=true.")
    try:
        if query.route:
            reading = access.for_route(request.user, query.route)
        elif query.region:
            reading = access.for_region(request.user, query.region)
        else:
            reading = access.for_national(request.user)
    except Http404:
        return _problem(404, chosen[0], "Niet gevonden of geen toegang.")
    except PermissionDenied:
        return _problem(403, chosen[0], "U heeft geen toegang tot de cijfers van deze schaal.")
    figures = figures_for(reading, query.cohort, query.on or engine.today())
    if reading.scope.route is None:    # a region or the country: K-10 bereik of school year ``cohort``
        figures += reach.shown(reading.scope.region, query.cohort, query.leerjaar)
    return {"kpis": [kpi_out(f) for f in figures]}


def kpi_out(f) -> dict:
    return dict(id=f.id, label=f.label, numerator=f.numerator, denominator=f.denominator,
                value=None if f.value is None else str(f.value), unit=f.unit, display=f.text)
