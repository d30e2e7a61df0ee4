"""Fixtures of the continuity tests: the root conftest's route (Calvijn - ROCvA, regulier, M1, last partner
meeting 2026-10-01, helpende zorg en welzijn with a minimum intake of 15) and helpers that make the records
each signal looks at."""
from datetime import date

import pytest

from apps.registry.models import Leerweg
from apps.routes.models import Contact, Person
from apps.students.models import Enrolment, Student

TODAY = date(2026, 11, 30)


@pytest.fixture
def make_contact():
    def make(route, institution, name, role="kartrekker", **fields):
        email = f"{name.split()[0].lower()}@example.nl"
        person = Person.objects.create(institution=institution, name=name, email=email)
        return Contact.objects.create(route=route, institution=institution, person=person, role=role,
                                      **fields)
    return make


@pytest.fixture
def make_student(registry):
    """A student of the route with enrolments {school year: route year} at the vo-school (a minimal register
    record; the signals only count)."""
    def make(route, cohort, years=None, first_name="Sanne", last_name="Signaal"):
        student = Student.objects.create(route=route, first_name=first_name, last_name=last_name,
                                         leerweg=Leerweg.objects.get(code="BB"), cohort=cohort,
                                         kwalificatie=registry["k"]["helpende"], vo_school=registry["calvijn"])
        for school_year, route_year in (years or {cohort: 1}).items():
            Enrolment.objects.create(student=student, institution=registry["calvijn"], school_year=school_year,
                                     route_year=route_year, start=date(school_year, 8, 1), funded=True, phase="vo")
        return student
    return make
