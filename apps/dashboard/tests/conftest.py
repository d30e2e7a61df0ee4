"""A hand-made cohort (2021) in the test route, with a known flow; the day of the figures is 1 March 2025."""
from datetime import date

import pytest

from apps.accounts.models import Role
from apps.registry.models import Leerweg
from apps.students import services
from apps.students.models import Event, Student
from domain.calendar import school_year_of

ON = date(2025, 3, 1)
COHORT = 2021


@pytest.fixture
def make_student(route, registry):
    """A student of ``route`` with events ``(kind, date, extra)``; the summary fields derived from
    them by the students' use case ``rederive``."""
    bb = Leerweg.objects.get(code="BB")
    with_kwalificatie = ("instroom", "zij_instroom", "mbo_diploma")

    def make(cohort, steps, doorstroom_level="", target=None):
        entry_kind, entry_date, _extra = steps[0]
        student = Student.objects.create(
            route=target or route, first_name="Leerling", last_name=f"{Student.objects.count() + 1:04d}", leerweg=bb,
            cohort=cohort, kwalificatie=registry["k"]["helpende"], vo_school=registry["calvijn"],
            entry_route_year=1 + school_year_of(entry_date) - cohort, doorstroom_level=doorstroom_level)
        Event.objects.bulk_create(
            Event(student=student, kind=kind, date=day, school_year=school_year_of(day),
                  route_year=1 + school_year_of(day) - cohort,
                  kwalificatie=registry["k"]["helpende"] if kind in with_kwalificatie else None,
                  **extra)
            for kind, day, extra in steps)
        services.rederive(student, enrolments=False)
        return student
    return make


IN = ("instroom", date(2021, 8, 20), {})


@pytest.fixture
def cohort(make_student):
    """Seven students of cohort 2021 (see test_flow for where each is per year)."""
    return {
        "A": make_student(COHORT, [IN, ("mbo_diploma", date(2024, 6, 30), {})]),
        "B": make_student(COHORT, [IN, ("doublure", date(2023, 6, 20), {})]),
        "C": make_student(COHORT, [IN, ("uitstroom", date(2022, 2, 1), {"destination": "entree"})]),
        "D": make_student(COHORT, [IN, ("uitstroom", date(2022, 3, 1), {"destination": "werk"}),
                                   ("terugkeer", date(2022, 9, 1), {})]),
        "E": make_student(COHORT, [IN, ("mbo_diploma", date(2024, 1, 31), {}), ("doorstroom", date(2024, 8, 20), {})],
                          doorstroom_level="mbo3"),
        "F": make_student(COHORT, [("zij_instroom", date(2022, 8, 25), {"origin": "havo"})]),
        "G": make_student(COHORT, [IN, ("uitstroom", date(2023, 1, 10), {})]),
    }


@pytest.fixture
def more_users(registry, make_user):
    return {
        "regio_ach": make_user("regio-ach", Role.REGIOCOORDINATOR, region=registry["ach"]),
        "bestuur_zaam": make_user("bestuur-zaam", Role.BESTUURDER, [registry["calvijn"]]),
        "bestuur_roc": make_user("bestuur-roc", Role.BESTUURDER, [registry["rocva"]]),
        "bestuur_gsg": make_user("bestuur-gsg", Role.BESTUURDER, [registry["vo_ach"]]),
        "financien": make_user("financien", Role.FINANCIEEL, [registry["calvijn"]]),
    }
