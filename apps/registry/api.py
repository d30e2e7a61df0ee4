from ninja import Router, Schema

from . import models as m

router = Router(tags=["register"])


class InstitutionOut(Schema):
    id: int
    brin: str
    name: str
    sector: str
    kind: str
    bestuur: str
    city: str

    @staticmethod
    def resolve_bestuur(obj):
        return obj.bestuur.name


class KwalificatieOut(Schema):
    code: str
    name: str
    level: int
    dossier: str
    bol: bool
    bbl: bool


class RegionOut(Schema):
    id: int
    kind: str
    code: str
    name: str


class CodeName(Schema):
    code: str
    name: str


@router.get("/institutions", response=list[InstitutionOut])
def institutions(request, sector: str | None = None):
    qs = m.Institution.objects.select_related("bestuur")
    return qs.filter(sector=sector) if sector else qs


@router.get("/kwalificaties", response=list[KwalificatieOut])
def kwalificaties(request, level: int | None = None):
    qs = m.Kwalificatie.objects.all()
    return qs.filter(level=level) if level else qs


@router.get("/regions", response=list[RegionOut])
def regions(request):
    return m.Region.objects.all()


@router.get("/profielen", response=list[CodeName])
def profielen(request):
    return m.Profiel.objects.all()


@router.get("/leerwegen", response=list[CodeName])
def leerwegen(request):
    return m.Leerweg.objects.all()
