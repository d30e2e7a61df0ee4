import pytest

from apps.registry.models import Leerweg
from apps.routes.models import Agreement, Signature
from apps.students import services
from apps.students.models import Student


@pytest.fixture
def glr_route(route, registry):
    """The test route as a GLR without vmbo diploma (the Calvijn pattern), with a signed agreement."""
    route.vmbo_diploma = False
    route.vmbo_exam_route_year = None
    route.save()
    agreement = Agreement.objects.create(title="SOK", kind="sok", valid_from="2019-08-01")
    agreement.routes.add(route)
    for board in registry["boards"].values():
        Signature.objects.create(agreement=agreement, bestuur=board, signed_on="2019-07-01")
    for topic in ("aansturing", "inrichting", "bekostiging", "overstapoptie"):
        agreement.clauses.create(topic=topic, text="afgesproken")
    return route


@pytest.fixture
def enrol(glr_route, registry, users):
    def make(first="Sanne", last="de Vries", leerweg="BB", cohort=2019, number=None, judgment="2019-06-15", **extra):
        student = Student(route=glr_route, first_name=first, last_name=last, leerweg=Leerweg.objects.get(code=leerweg),
                          cohort=cohort, kwalificatie=registry["k"]["helpende"], glr_judgment_on=judgment, **extra)
        numbers = {registry["calvijn"]: number or f"C{Student.objects.count() + 1:04d}"}
        return services.enrol(student, numbers, users["calvijn"])[0]
    return make
