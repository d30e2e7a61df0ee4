"""The dashboards per role: who reaches which page, and what readers outside a route's partners see
(no count from 1 to 4 on a regional page, in its tables or in its charts' data)."""
import json
import re
from datetime import date
from decimal import Decimal
from unittest import mock

import pytest

from apps.dashboard import views
from apps.routes.models import RouteTarget

from .conftest import COHORT, ON

NUMBER_CELL = re.compile(r'<td class="num">([^<]*)</td>')
ISLAND = re.compile(r'<script id="([^"]+)" type="application/json">(.*?)</script>', re.S)


@pytest.fixture(autouse=True)
def today():
    """The pages' day: 1 March 2025 (the cohort's fourth school year)."""
    with mock.patch("django.utils.timezone.localdate", return_value=ON):
        yield


def page(client, user, url, status=200):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def islands(html) -> dict:
    return {key: json.loads(body) for key, body in ISLAND.findall(html)}


INVENTORY = re.compile(r'<figure class="chart-figure" id="inventory-.*?</figure>', re.S)


def small_counts_in(html) -> list:
    """Every number from 1 to 4 the page shows as a count of students: table cells (not percentages)
    and the chart data of count charts; the inventory counts routes, not students, and is left out."""
    html = INVENTORY.sub("", html)
    found = [cell for cell in NUMBER_CELL.findall(html) if cell.strip() in {"1", "2", "3", "4"}]
    for key, data in islands(html).items():
        if data["unit"] != "%" and not key.startswith("inventory-"):
            found += [(key, v) for s in data["datasets"] for v in s["data"] if v in (1, 2, 3, 4)]
    return found


# --- the route dashboard -----------------------------------------------------------------------

def test_route_dashboard_for_a_partner_shows_the_flow_unsuppressed(route, cohort, users, client):
    html = page(client, users["calvijn"], f"/routes/{route.pk}/dashboard/?cohort={COHORT}")
    flow = islands(html)["flow-data"]
    assert flow["kind"] == "flow" and flow["labels"][0] == "jaar 1 (2021-2022)"
    in_route = next(s for s in flow["datasets"] if s["label"] == "in de route")
    assert in_route["data"] == [4, 4, 3, 3]
    assert '<canvas data-chart="flow" data-source="flow-data"' in html and "<summary>Tabel</summary>" in html
    assert 'data-kpi="K-02"' in html and "28,6%" in html    # 2 of 7 out of the route (C, G) on 1 March 2025


def test_route_dashboard_outside_the_partners_is_suppressed(route, cohort, users, client):
    html = page(client, users["regio"], f"/routes/{route.pk}/dashboard/?cohort={COHORT}")
    assert small_counts_in(html) == []
    assert "&lt;5" in html
    flow = islands(html)["flow-data"]
    assert all(v is None or v >= 5 or v == 0 for s in flow["datasets"] for v in s["data"])


def test_route_dashboard_access(route, cohort, users, more_users, client):
    page(client, users["achterhoek"], f"/routes/{route.pk}/dashboard/", status=404)   # another region's school
    page(client, more_users["regio_ach"], f"/routes/{route.pk}/dashboard/", status=404)
    page(client, users["examen"], f"/routes/{route.pk}/dashboard/")


def test_bad_cohort_is_a_400_naming_the_field(route, users, client):
    client.force_login(users["calvijn"])
    for bad in ("abc", "99999", "1"):
        response = client.get(f"/routes/{route.pk}/dashboard/?cohort={bad}")
        assert response.status_code == 400 and b"cohort" in response.content


def test_route_against_its_targets(route, cohort, users, client):
    RouteTarget.objects.filter(route=route).delete()
    RouteTarget.objects.create(route=route, kpi="K-02", operator="<=", value=Decimal("5"))
    RouteTarget.objects.create(route=route, kpi="K-04", parameter="3", operator=">=", value=Decimal("20"))
    RouteTarget.objects.create(route=route, kpi="K-04", parameter="4", operator=">=", value=Decimal("95"))
    html = page(client, users["calvijn"], f"/routes/{route.pk}/dashboard/?cohort={COHORT}")

    def judgement(kpi):
        return re.search(r'data-target="%s">(.*?)</tr>' % kpi, html, re.S).group(1)
    assert "haalt het streefcijfer niet" in judgement("K-02") and "≤ 5%" in judgement("K-02")   # 28.6% > 5%
    assert "haalt het streefcijfer<" in judgement("K-04/3")          # A and E by 31 July 2024: 28.6% >= 20%
    assert "nog niet te beoordelen" in judgement("K-04/4")           # the fourth school year has not ended
    targets = islands(html)["targets-data"]
    assert targets["labels"] == ["Uitval uit de route", "Diploma binnen 3 jaar", "Diploma binnen 4 jaar"]
    assert targets["datasets"][1] == {"label": "Streefcijfer", "data": [5.0, 20.0, 95.0], "target": True}


def test_route_page_shows_each_target_with_its_label_and_current_value(route, cohort, users, client):
    """The route's own page (apps.routes, through results' {% route_targets %}): the KPI's label and the
    reference cohort's value (2021: its third school year has ended on 1 March 2025), never the bare code;
    outside the partners the value is suppressed as on the dashboard."""
    RouteTarget.objects.filter(route=route).delete()
    RouteTarget.objects.create(route=route, kpi="K-02", operator="<=", value=Decimal("5"))
    RouteTarget.objects.create(route=route, kpi="K-04", parameter="3", operator=">=", value=Decimal("20"))

    def row(html, kpi):
        return re.sub(r"\s+", " ", re.search(r'data-target="%s">(.*?)</tr>' % kpi, html, re.S).group(1))
    html = page(client, users["calvijn"], f"/routes/{route.pk}/")
    assert "Nu (cohort 2021-2022)" in html
    assert "Uitval uit de route" in row(html, "K-02") and "28,6%" in row(html, "K-02")
    assert "K-02" not in row(html, "K-02")
    assert "haalt het streefcijfer niet" in row(html, "K-02")
    assert "Diploma binnen 3 jaar" in row(html, "K-04/3") and "28,6%" in row(html, "K-04/3")
    assert "haalt het streefcijfer<" in row(html, "K-04/3")
    outside = page(client, users["regio"], f"/routes/{route.pk}/")
    assert "28,6%" not in row(outside, "K-04/3") and "nog niet te beoordelen" in row(outside, "K-04/3")


def test_trend_leaves_out_what_is_not_final(route, cohort, make_student, users, client):
    make_student(2023, [("instroom", date(2023, 8, 20), {})])
    html = page(client, users["calvijn"], f"/routes/{route.pk}/dashboard/?cohort={COHORT}")
    trend = islands(html)["trend-data"]
    assert trend["labels"] == ["2021-2022", "2023-2024"]
    diploma = next(s for s in trend["datasets"] if s["label"] == "Diploma binnen 3 jaar")
    assert diploma["data"] == [28.6, None]      # cohort 2023 is in its second school year


# --- the regional dashboard --------------------------------------------------------------------

def test_region_dashboard_for_its_coordinator_shows_no_small_counts(route, cohort, registry, users, client):
    html = page(client, users["regio"], f"/regio/{registry['ams'].pk}/")
    assert route.name in html and small_counts_in(html) == []
    assert "inventory-type-data" in islands(html)
    assert 'id="coverage"' in html


def test_region_dashboard_access(route, registry, users, more_users, client):
    """Region.objects.readable_by: the region's coordinators, beheerders, and the bestuurders and route
    coordinators of its institutions (suppressed figures, as on the coverage page); not another
    region's coordinator, nor finance or exam staff."""
    page(client, more_users["regio_ach"], f"/regio/{registry['ams'].pk}/", status=404)
    page(client, more_users["financien"], f"/regio/{registry['ams'].pk}/", status=404)
    page(client, users["examen"], f"/regio/{registry['ams'].pk}/", status=404)
    page(client, users["achterhoek"], f"/regio/{registry['ams'].pk}/", status=404)
    page(client, users["calvijn"], f"/regio/{registry['ams'].pk}/")
    page(client, more_users["regio_ach"], f"/regio/{registry['ach'].pk}/")


def test_side_by_side_hides_a_row_the_total_would_give_away(route, registry, users, make_student, api_client):
    """Two routes in a region, one with 6 students and one with 2 in this year's cohort: the small
    one shows "<5", and the total (8) is hidden too, or 8 - 6 would give the 2 away; a partner of
    both sees every count."""
    from apps.dashboard.figures import side_by_side
    from apps.routes.models import Route
    from apps.routes.tests.payloads import route_payload

    body = route_payload(registry)
    body["name"] = "Tweede route"
    response = api_client.post("/api/v1/routes", body, content_type="application/json",
                               **api_client.token_for("calvijn"))
    second = Route.objects.get(pk=response.json()["id"])
    current = 2024
    for _ in range(6):
        make_student(current, [("instroom", date(2024, 8, 20), {})])
    for _ in range(2):
        make_student(current, [("instroom", date(2024, 8, 20), {})], target=second)
    table = side_by_side(users["regio"], Route.objects.filter(pk__in=[route.pk, second.pk]).order_by("pk"), ON)
    assert [row.figures["K-01"].text for row in table.rows] == ["6", "<5"]
    assert table.total["K-01"].suppressed
    partner = side_by_side(users["calvijn"], Route.objects.filter(pk__in=[route.pk, second.pk]).order_by("pk"), ON)
    assert [row.figures["K-01"].text for row in partner.rows] == ["6", "2"] and partner.total["K-01"].text == "8"


# --- the board dashboard -----------------------------------------------------------------------

def test_board_dashboard(route, cohort, registry, users, more_users, client):
    zaam = registry["boards"]["zaam"]
    html = page(client, more_users["bestuur_zaam"], f"/besturen/{zaam.pk}/dashboard/")
    assert route.name in html and 'data-route="%d"' % route.pk in html
    page(client, more_users["bestuur_gsg"], f"/besturen/{zaam.pk}/dashboard/", status=404)   # another board
    page(client, users["calvijn"], f"/besturen/{zaam.pk}/dashboard/", status=404)            # not a bestuurder


def test_board_dashboard_is_unsuppressed_only_where_the_reader_is_a_partner(route, registry, more_users,
                                                                              make_student, client):
    make_student(2024, [("instroom", date(2024, 8, 20), {})])     # one student this year
    roc = registry["boards"]["roc"]
    html = page(client, more_users["bestuur_roc"], f"/besturen/{roc.pk}/dashboard/")
    row = re.search(r'data-route="%d">(.*?)</tr>' % route.pk, html, re.S).group(1)
    assert '<td class="num">1</td>' in row             # ROC van Amsterdam is a partner: as it is
    more_users["bestuur_roc"].institutions.set([])     # no longer at a partner institution ...
    more_users["bestuur_roc"].institutions.add(registry["rocva"].__class__.objects.create(
        brin="30AB", name="Ander ROC-college", sector="mbo", kind="roc", bestuur=roc))
    html = page(client, more_users["bestuur_roc"], f"/besturen/{roc.pk}/dashboard/")
    assert small_counts_in(html) == []                 # ... then suppressed


# --- the start page ----------------------------------------------------------------------------

def test_start_page_per_role(route, cohort, registry, users, more_users, client):
    html = page(client, users["calvijn"], "/")
    assert "Kerncijfers van uw routes" in html and route.name in html
    html = page(client, users["regio"], "/")
    assert "Kerncijfers regio Amsterdam" in html and small_counts_in(html) == []
    assert f'href="/regio/{registry["ams"].pk}/"' in html
    html = page(client, more_users["bestuur_zaam"], "/")
    assert "Kerncijfers van uw bestuur" in html and f'/besturen/{registry["boards"]["zaam"].pk}/dashboard/' in html
    html = page(client, more_users["financien"], "/")
    assert "actieve routes" in html and 'id="headline"' not in html


def test_cohort_default_is_the_reference_cohort(route, cohort, users, client):
    html = page(client, users["calvijn"], f"/routes/{route.pk}/dashboard/")
    assert f'<option value="{COHORT}" selected>' in html      # 2021: three full school years before 2024-2025
    assert views.COHORT_RANGE == (1990, 2100)


def test_region_trend_hides_the_total_the_table_hides(route, registry, users, make_student, client):
    make_student(2024, [("instroom", date(2024, 8, 20), {})])     # one student this year: "<5", total hidden
    html = page(client, users["regio"], f"/regio/{registry['ams'].pk}/")
    intake = islands(html)["region-intake-data"]
    assert intake["labels"] == ["2024-2025"] and intake["datasets"][0]["data"] == [None]
    assert small_counts_in(html) == []


def test_beheerder_reads_every_region_and_board_suppressed(route, cohort, registry, users, client):
    from apps.accounts.testing import login_with_second_factor

    login_with_second_factor(client, users["beheer"])
    for url in (f"/regio/{registry['ams'].pk}/", f"/regio/{registry['ach'].pk}/",
                f"/besturen/{registry['boards']['zaam'].pk}/dashboard/", f"/routes/{route.pk}/dashboard/?cohort=2021"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert small_counts_in(response.content.decode()) == [], url   # a beheerder is no partner
    assert f'href="/regio/{registry["ams"].pk}/"' in client.get("/").content.decode()


def test_yearly_targets_with_a_parameter_are_found_not_a_500(route, cohort, users, client):
    RouteTarget.objects.filter(route=route).delete()
    RouteTarget.objects.create(route=route, kpi="K-08", parameter="uitval", operator="<=", value=Decimal("10"))
    RouteTarget.objects.create(route=route, kpi="K-08", operator=">=", value=Decimal("65"))
    RouteTarget.objects.create(route=route, kpi="K-77", operator=">=", value=Decimal("1"))   # unknown: left out
    client.force_login(users["calvijn"])
    response = client.get(f"/routes/{route.pk}/dashboard/?cohort={COHORT}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Uitval" in html and "Jaarresultaat" in html and "K-77" not in html
