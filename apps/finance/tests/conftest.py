"""Fixtures shared by the finance tests: finance staff of both partners (and of another school) and
a register of 20 funded students with 18 diplomas."""
from datetime import date

import pytest

from apps.registry.models import Leerweg
from apps.students.models import Enrolment, Event, Student

M1_FORM = {"model": "M1", "school_year": "2025", "phase": "", "input_tariff": "6.000,00", "output_tariff": "2000",
           "overhead_rate": "0,07", "exam_cost_per_student": "400", "admin_cost_per_student": "150",
           "bpv_hours_per_student": "10", "bpv_hourly_rate": "60", "bpv_party": "vo", "hours_vo": "600",
           "hours_mbo": "400"}


@pytest.fixture
def finance_users(make_user, registry):
    return {"vo": make_user("fin-calvijn", "financieel", [registry["calvijn"]]),
            "mbo": make_user("fin-rocva", "financieel", [registry["rocva"]]),
            "other": make_user("fin-ach", "financieel", [registry["vo_ach"]])}


@pytest.fixture
def register(route, registry):
    """20 students funded at the mbo on 1 October 2025, 18 mbo diplomas in 2025-2026."""
    bb = Leerweg.objects.get(code="BB")
    for i in range(20):
        s = Student.objects.create(route=route, first_name=f"L{i}", last_name="Test", leerweg=bb, cohort=2023,
                                   route_year=3)
        Enrolment.objects.create(student=s, institution=registry["rocva"], school_year=2025, route_year=3,
                                 start=date(2025, 8, 1), end=date(2026, 7, 31), funded=True, phase="mbo")
        if i < 18:
            Event.objects.create(student=s, kind="mbo_diploma", date=date(2026, 6, 30), school_year=2025, route_year=3)
    return route


def login(client, username):
    client.login(username=username, password=f"pw-{username}")
