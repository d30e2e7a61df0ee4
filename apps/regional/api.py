"""JSON endpoints of the regional app: the coverage of a region (read as the page) and the import of
DUO population counts (beheerder)."""
from django.utils import timezone
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from apps.core.api_schemas import Errors
from apps.core.idempotency import idempotent
from apps.registry.models import Region
from domain.calendar import school_year_of

from . import coverage as cov
from . import services
from .coverage_report import coverage_report
from .schemas import MAX_UPLOAD, MAX_UPLOAD_MB, PopulationImportIn

router = Router(tags=["regio"])


class SchoolOut(Schema):
    id: int
    brin: str
    name: str
    areas: list[str]


class RouteRefOut(Schema):
    id: int
    name: str
    type: str
    phase: str
    vo_schools: list[SchoolOut]


class CellOut(Schema):
    level: int
    gap: bool = Field(description="De regio heeft leerlingen in dit profiel maar geen lopende route op dit niveau.")
    routes: list[RouteRefOut]
    developing: list[RouteRefOut]
    vo_schools: list[SchoolOut]


class RowOut(Schema):
    profiel: str
    name: str
    students: str = Field(description="Vmbo-leerlingen in het profiel (DUO); 1 tot 4 als \"<5\".")
    cells: list[CellOut]


class GapOut(Schema):
    profiel: str
    level: int


class AreaOut(Schema):
    area: str
    gaps: list[GapOut]
    matrix: list[RowOut]


class RegionRefOut(Schema):
    id: int
    kind: str
    name: str


class SchoolCountsOut(Schema):
    total: int
    with_route: int
    without_route: int


class BereikRowOut(Schema):
    leerweg: str
    numerator: str
    denominator: str
    value: str | None = Field(description="Percentage met één decimaal; null bij noemer 0 of een verborgen aantal.")


class BereikOut(Schema):
    kpi: str
    leerjaar: int
    per_leerweg: list[BereikRowOut]


class CoverageOut(Schema):
    region: RegionRefOut
    school_year: int
    school_year_label: str
    levels: list[int]
    has_population: bool
    matrix: list[RowOut]
    gaps: list[GapOut]
    by_gemeente: list[AreaOut]
    schools: SchoolCountsOut
    schools_without_route: list[SchoolOut]
    bereik: BereikOut


class PopulationImportOut(Schema):
    school_year: int
    rows_read: int
    rows_skipped: int
    counts_written: int
    counts_replaced: int
    vestigingen: int
    below_five: int


@router.get("/coverage", response={200: CoverageOut, 404: Errors})
def coverage(request, region: int = Query(..., ge=1, le=2**63 - 1),
             school_year: int | None = Query(None, ge=1990, le=2100),
             leerjaar: int = Query(cov.DEFAULT_BEREIK_LEERJAAR, ge=1, le=4)):
    """Dekking van een regio: profiel × mbo-niveau met de lopende wettelijke routes (DLR/GLR) en hun
    vo-scholen, de gaten, hetzelfde per gemeente (of stadsdeel), de vmbo-scholen zonder route en K-10
    bereik. Leerlingaantallen van 1 tot 4 staan er als "<5"."""
    found = Region.objects.readable_by(request.user).filter(pk=region).first()
    if found is None:
        return Status(404, {"errors": [{"field": "region", "message": "Onbekende regio, of u heeft geen toegang."}]})
    year = school_year if school_year is not None else school_year_of(timezone.localdate())
    return coverage_report(found, year, leerjaar)


def _row_error(e: dict) -> dict:
    where = f"file[{e['row']}].{e['column']}" if e["row"] else "file"
    value = f" ({e['value']!r})" if e["value"] else ""
    return {"rule": None, "field": where, "message": f"{e['message']}{value}"}


@router.post("/population-counts", response={201: PopulationImportOut, 403: Errors, 413: Errors, 422: Errors})
@idempotent
def import_population_counts(request, file: File[UploadedFile], school_year: Form[int | None] = None):
    """Leerlingaantallen van DUO ("Leerlingen vo per vestiging naar onderwijstype ...") importeren, voor
    één schooljaar (beheerder). Alle rijen of geen: elke fout noemt rij, kolom en waarde
    (`file[<rij>].<kolom>`). Vervangt de aantallen van dat schooljaar van de vestigingen in het bestand."""
    if not request.user.is_beheerder:
        return Status(403, {"errors": []})
    if file.size > MAX_UPLOAD:
        return Status(413, {"detail": f"Het bestand is groter dan {MAX_UPLOAD_MB} MB.",
                            "errors": [{"field": "file", "message": f"Hoogstens {MAX_UPLOAD_MB} MB."}]})
    if school_year is not None and not 1990 <= school_year <= 2100:
        return Status(422, {"errors": [{"field": "school_year", "message": "Een schooljaar tussen 1990 en 2100."}]})
    data = PopulationImportIn(school_year=school_year, filename=file.name or "upload.csv", content=file.read())
    try:
        result = services.import_population(request.user, data)
    except services.PopulationImportError as refused:
        return Status(422, {"detail": str(refused), "errors": [_row_error(e) for e in refused.errors]})
    return Status(201, result.__dict__)
