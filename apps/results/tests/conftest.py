import pytest

from apps.registry.models import Kwalificatie, Leerweg
from apps.students import services
from apps.students.models import Event, Student
from domain.calendar import school_year_of


@pytest.fixture
def make_student(glr_route, registry):
    """A student of ``route`` (default the test route) with events for ``steps`` (``domain.kpi.Step``),
    the summary fields derived from them by the students' use case ``rederive``."""
    bb = Leerweg.objects.get(code="BB")
    by_code = {k.code: k for k in Kwalificatie.objects.all()}

    def make(cohort, steps, doorstroom_level="", route=None, **extra):
        entry = next(s for s in steps if s.kind in ("instroom", "zij_instroom"))
        student = Student.objects.create(
            route=route or glr_route, first_name="Leerling", last_name=f"{Student.objects.count() + 1:04d}",
            leerweg=bb, cohort=cohort, kwalificatie=by_code.get(entry.kwalificatie) or registry["k"]["helpende"],
            entry_route_year=1 + (school_year_of(entry.date) - cohort), doorstroom_level=doorstroom_level,
            vo_school=registry["calvijn"], **extra)
        Event.objects.bulk_create(
            Event(student=student, kind=s.kind, date=s.date, school_year=school_year_of(s.date),
                  route_year=1 + school_year_of(s.date) - cohort if s.kind in ("instroom", "zij_instroom") else 1,
                  destination=s.destination, kwalificatie=by_code.get(s.kwalificatie),
                  level=s.level if s.kind == "vervolgdiploma" else None)
            for s in steps)
        services.rederive(student, enrolments=False)
        return student
    return make
