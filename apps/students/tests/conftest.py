import pytest

from apps.registry.models import Leerweg
from apps.students import services
from apps.students.models import Student


@pytest.fixture
def enrol(glr_route, registry, users):
    def make(first="Sanne", last="de Vries", leerweg="BB", cohort=2019, number=None, judgment="2019-06-15", **extra):
        student = Student(route=glr_route, first_name=first, last_name=last, leerweg=Leerweg.objects.get(code=leerweg),
                          cohort=cohort, kwalificatie=registry["k"]["helpende"], glr_judgment_on=judgment, **extra)
        numbers = {registry["calvijn"]: number or f"C{Student.objects.count() + 1:04d}"}
        return services.enrol(student, numbers, users["calvijn"])[0]
    return make
