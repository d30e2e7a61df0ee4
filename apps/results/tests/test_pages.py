"""The route's results page and the students behind a figure: figures with numerator and denominator,
"–" for a denominator 0, targets and benchmarks with the signal, suppression for regional users, links
to the students only for those who may see them (the read logged), and 400 naming the field."""
import re
from datetime import date
from decimal import Decimal

import pytest

from apps.students.models import AccessLog
from domain.kpi import Step


@pytest.fixture
def cohort(make_student, glr_route):
    """Cohort 2019: 6 diplomas (level 2) in July 2022, one leaver to work; targets K-04/3 >= 85 and K-02 <= 5."""
    glr_route.targets.create(kpi="K-04", parameter="3", operator=">=", value=Decimal(85))
    glr_route.targets.create(kpi="K-02", parameter="", operator="<=", value=Decimal(5))
    made = [make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498"),
                                Step("mbo_diploma", date(2022, 7, 1), kwalificatie="25498", level=2)])
            for _ in range(6)]
    made.append(make_student(2019, [Step("instroom", date(2019, 8, 1), kwalificatie="25498"),
                                    Step("uitstroom", date(2021, 3, 1), destination="werk")]))
    return made


def row(html, kpi):
    match = re.search(rf'<tr data-kpi="{re.escape(kpi)}" data-value="([^"]*)">(.*?)</tr>', html, re.S)
    assert match, kpi
    return match.group(1), match.group(2)


def page(client, user, route, **params):
    client.login(username=user, password="pw-" + user)
    return client.get(f"/routes/{route.pk}/resultaten/", params)


def test_partner_sees_figures_targets_and_links(client, glr_route, cohort):
    response = page(client, "calvijn", glr_route, cohort=2019, on="2022-10-15")
    assert response.status_code == 200
    html = response.content.decode()
    value, cells = row(html, "K-04/3")
    assert value == "85,7%" and 'data-signal="voldoet"' in cells and "streefcijfer ≥ 85" in cells
    value, cells = row(html, "K-02")
    assert value == "14,3%" and 'data-signal="voldoet_niet"' in cells
    assert f"/routes/{glr_route.pk}/resultaten/K-02/leerlingen/?cohort=2019&amp;on=2022-10-15" in cells
    assert row(html, "K-05")[0] == "0,0%"
    value, cells = row(html, "K-08/2021")
    assert value == "100,0%" and 'data-signal="voldoet"' in cells    # 100% against the benchmark's 65%
    assert "Gemiddeld jaarresultaat Amsterdamse niveau 2-opleidingen (2018-2019): 65%" in cells
    value, cells = row(html, "K-08/2020/uitval")                       # the leaver of 2020-2021: 1 of 7
    assert value == "14,3%" and "Uitval niveau 2-opleidingen in de RMC-regio Amsterdam" in cells
    assert 'data-signal="voldoet_niet"' in cells                      # above 11.5%: lower is better
    assert ": 11,5%" in cells and "11.5%" not in cells                    # shown the Dutch way (issue 10.1)
    assert "RMC-regio" not in row(html, "K-02")[1]                           # a yearly benchmark, not a cohort one


def test_a_target_with_decimals_is_shown_the_dutch_way(client, glr_route, cohort):
    glr_route.targets.filter(kpi="K-04").update(value=Decimal("85.5"))
    html = page(client, "calvijn", glr_route, cohort=2019, on="2022-10-15").content.decode()
    assert "streefcijfer ≥ 85,5" in row(html, "K-04/3")[1]
    dashboard = client.get(f"/routes/{glr_route.pk}/dashboard/", {"cohort": 2019}).content.decode()
    assert "≥ 85,5%" in dashboard and "≥ 85.5" not in dashboard   # (the chart data stay JSON numbers)


def test_denominator_zero_shows_a_dash(client, glr_route, cohort):
    html = page(client, "calvijn", glr_route, cohort=2019, on="2022-09-15").content.decode()
    assert row(html, "K-05")[0] == "–"


def test_regional_users_see_suppressed_figures_without_links(client, glr_route, cohort):
    html = page(client, "regio", glr_route, cohort=2019, on="2022-10-15").content.decode()
    value, cells = row(html, "K-02")
    assert value == "&lt;5" and "leerlingen/?" not in html
    assert row(html, "K-01")[0] == "7"


def test_the_route_page_links_to_the_results(client, glr_route):
    client.login(username="regio", password="pw-regio")
    assert f'href="/routes/{glr_route.pk}/resultaten/"' in client.get(f"/routes/{glr_route.pk}/").content.decode()


def test_bad_input_is_a_400_naming_the_field(client, glr_route, cohort):
    response = page(client, "calvijn", glr_route, cohort=2019, on="2022-13-45")
    assert response.status_code == 400 and 'data-field="on"' in response.content.decode()
    response = page(client, "calvijn", glr_route, cohort=1950)
    assert response.status_code == 400 and 'data-field="cohort"' in response.content.decode()
    response = client.get(f"/routes/{glr_route.pk}/resultaten/K-02/leerlingen/?cohort=x")
    assert response.status_code == 400 and 'data-field="cohort"' in response.content.decode()
    assert client.get(f"/routes/{glr_route.pk}/resultaten/K-99/leerlingen/?cohort=2019").status_code == 400
    # dates and numbers out of range, and digits that are not ASCII, are a 400 too (not a 500)
    for on in ("0001-01-01", "9999-12-31"):
        assert page(client, "calvijn", glr_route, cohort=2019, on=on).status_code == 400
        url = f"/routes/{glr_route.pk}/resultaten/K-02/leerlingen/?cohort=2019&on={on}"
        assert client.get(url).status_code == 400
    for kpi in ("K-08/99999", "K-08/0", "K-04/99999", "K-04/%C2%B2", "K-09/%C2%B2"):
        assert client.get(f"/routes/{glr_route.pk}/resultaten/{kpi}/leerlingen/?cohort=2019").status_code in (400, 404)


def test_the_students_behind_a_figure_are_listed_and_the_read_logged(client, glr_route, cohort):
    client.login(username="calvijn", password="pw-calvijn")
    response = client.get(f"/routes/{glr_route.pk}/resultaten/K-02/leerlingen/?cohort=2019&on=2022-10-15")
    assert response.status_code == 200
    leaver = cohort[-1]
    html = response.content.decode()
    assert leaver.last_name in html and cohort[0].last_name not in html
    assert AccessLog.objects.filter(student_id=leaver.pk, action="read").exists()
    response = client.get(f"/routes/{glr_route.pk}/resultaten/K-04/3/leerlingen/?cohort=2019&on=2022-10-15")
    assert all(s.last_name in response.content.decode() for s in cohort[:6])


@pytest.mark.parametrize("user, status", [("regio", 403), ("beheer", 403), ("achterhoek", 404)])
def test_only_staff_who_see_students_get_the_list(client, glr_route, cohort, user, status):
    client.login(username=user, password="pw-" + user)
    response = client.get(f"/routes/{glr_route.pk}/resultaten/K-02/leerlingen/?cohort=2019")
    assert response.status_code in (status, 302)
    assert cohort[-1].last_name not in response.content.decode()


def test_diploma_within_k_years_is_not_judged_before_year_k_ends(client, glr_route, cohort):
    glr_route.targets.create(kpi="K-04", parameter="4", operator=">=", value=Decimal(95))
    html = page(client, "calvijn", glr_route, cohort=2019, on="2022-10-15").content.decode()
    cells = row(html, "K-04/4")[1]
    assert "loopt nog" in cells and 'data-signal=""' in cells
