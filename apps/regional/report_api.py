"""`GET /api/v1/regions/{id}/report?school_year=2020`: the regional report's tables as JSON.

Computed when asked (report.build: a few aggregating queries per table, well under a second for a
region such as Amsterdam), so the answer is the register as it is now; the page's background job
exists for the page's progress and its PDF and Excel files. Who: the beheerder and the regional
coordinators of the region (as the page); any other user gets a 404, as for a region that does not
exist. Counts are suppressed as in every regional view."""
from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from apps.core.api_schemas import Errors
from apps.core.ids import Id
from apps.registry.models import Region
from domain.calendar import school_year_of

from . import report
from .report_views import FIRST_YEAR, may_read_report

router = Router(tags=["regions"])


class ReportQuery(Schema):
    school_year: int = Field(description="Het eerste jaar van het schooljaar: 2020 voor 2020-2021.")


class ReportOut(Schema):
    region: dict
    school_year: int
    school_year_label: str
    generated_at: str
    practices: list[dict]
    figures: dict
    students: list[dict]
    results: list[dict]
    succes: list[dict] = Field(description="K-12 succes na doorstroom per route en cohort met doorstromers: "
                                           "doorstromers, followed (met diploma op het hogere niveau), percent; "
                                           '"<5" of "x" waar onderdrukt.')
    coverage: dict
    risks: list[dict]


@router.get("/regions/{region_id}/report", response={200: ReportOut, 404: Errors, 422: Errors})
def region_report(request, region_id: Id, query: Query[ReportQuery]):
    """The tables of the regional report (practices, figures 1-3, students and results per route,
    K-12 succes na doorstroom per route and cohort, coverage, continuity risks), counts of 1 to 4 as "<5"
    and derivable counts as "x"."""
    region = get_object_or_404(Region, pk=region_id)
    if not may_read_report(request.user, region):
        raise Http404   # as for a region that does not exist
    last = school_year_of(timezone.localdate()) + 1
    if not FIRST_YEAR <= query.school_year <= last:
        return Status(422, {"errors": [{"rule": None, "field": "school_year", "message": _(
            "Schooljaar moet een jaar zijn van %(first)s tot en met %(last)s, bijvoorbeeld 2020 voor 2020-2021.")
            % {"first": FIRST_YEAR, "last": last}}]})
    return report.build(region, query.school_year)
