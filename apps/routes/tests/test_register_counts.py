"""The route page shows the register's own counts (students per route year and phase of the school year)
beside the number the partners reported, suppressed outside the partners."""
import re
from datetime import date
from unittest import mock

import pytest

from apps.accounts.testing import login_with_second_factor
from apps.students import services
from apps.students.schemas import PromotionIn
from apps.students.tests.conftest import enrol  # noqa: F401 - fixture


@pytest.fixture(autouse=True)
def today():
    with mock.patch("django.utils.timezone.localdate", return_value=date(2020, 11, 15)):
        yield


def counts(html) -> dict:
    rows = re.findall(r'<tr data-route-year="(\d+)"><td>\d+</td><td>([^<]+)</td><td class="num">([^<]+)</td>', html)
    total = re.search(r'<dd id="register-students">([^<\s]+)', html).group(1)
    return {"total": total, **{(int(ry), phase): n for ry, phase, n in rows}}


def test_register_counts_per_route_year_and_phase_beside_the_reported_figure(client, enrol, glr_route,  # noqa: F811
                                                                            users):
    glr_route.reported_students = 40
    glr_route.save()
    for i in range(6):
        enrol(f"L{i}", "Ouder", cohort=2019)       # route year 2 in 2020-2021 after promotion
    with mock.patch("django.utils.timezone.localdate", return_value=date(2020, 7, 1)):
        services.promote_cohort(users["calvijn"], glr_route, 2019, PromotionIn(apply=True))
    for i in range(3):
        enrol(f"N{i}", "Nieuw", cohort=2020)       # route year 1 in 2020-2021
    client.force_login(users["calvijn"])
    html = client.get(f"/routes/{glr_route.pk}/").content.decode()
    assert '<dd id="reported-students">40</dd>' in html and "Leerlingen in het register (2020-2021)" in html
    assert counts(html) == {"total": "9", (1, "vo-fase"): "3", (2, "vo-fase"): "6"}
    login_with_second_factor(client, users["beheer"])   # outside the partners: 1 to 4 as <5, and what gives it away
    assert counts(client.get(f"/routes/{glr_route.pk}/").content.decode()) == \
        {"total": "9", (1, "vo-fase"): "&lt;5", (2, "vo-fase"): "x"}
