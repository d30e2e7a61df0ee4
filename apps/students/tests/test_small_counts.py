"""Outside a route's partners (a regional coordinator) no student count from 1 to 4 is shown: not the
rule check's counts per rule, not the stored findings' messages (page and API), not the intake."""
import re
from datetime import date

from django.utils import timezone

from apps.students.models import Enrolment
from domain.teldatum import school_year_of


def _two_failing_r10(enrol, registry):
    for last in ("Een", "Twee"):
        student = enrol(last=last)
        Enrolment.objects.create(student=student, institution=registry["rocva"], school_year=2019, route_year=1,
                                 start=date(2019, 8, 1), funded=True, phase="vo")


def _student_counts(html):
    return dict(re.findall(r'data-rule="(R-\d+)" data-count="([^"]*)"', html))


def test_the_rule_check_hides_small_counts_from_regional_users(enrol, glr_route, registry, client, api_client):
    _two_failing_r10(enrol, registry)
    client.login(username="regio", password="pw-regio")
    html = client.get(f"/routes/{glr_route.pk}/compliance/").content.decode()
    assert _student_counts(html)["R-10"] == "&lt;5"
    assert "&lt;5 leerlingen van de route voldoen niet aan R-10" in html
    assert "2 leerlingen" not in html and "Een" not in html

    headers = api_client.token_for("regio")
    rows = api_client.get(f"/api/v1/routes/{glr_route.pk}/compliance", **headers).json()
    [row] = [r for r in rows if r["field"] == "students"]
    assert row["message"].startswith("<5 leerlingen van de route voldoen niet aan R-10")
    detail = api_client.get(f"/api/v1/routes/{glr_route.pk}", **headers).json()
    assert [f["message"][:2] for f in detail["findings"] if f["field"] == "students"] == ["<5"]


def test_partners_see_the_counts(enrol, glr_route, registry, client, api_client):
    _two_failing_r10(enrol, registry)
    client.login(username="rocva", password="pw-rocva")
    html = client.get(f"/routes/{glr_route.pk}/compliance/").content.decode()
    assert _student_counts(html)["R-10"] == "2"
    rows = api_client.get(f"/api/v1/routes/{glr_route.pk}/compliance", **api_client.token_for("calvijn")).json()
    assert any(r["message"].startswith("2 leerlingen van de route voldoen niet aan R-10") for r in rows)


def test_the_intake_is_hidden_below_five_outside_the_partners(enrol, glr_route, client, api_client):
    year = school_year_of(timezone.localdate())
    for last in ("Een", "Twee"):
        enrol(last=last, cohort=year, judgment=f"{year}-06-15")
    client.login(username="regio", password="pw-regio")
    page = client.get(f"/routes/{glr_route.pk}/").content.decode()
    assert re.search(r'class="intake">&lt;5 / 15<', page)
    rows = api_client.get(f"/api/v1/routes/{glr_route.pk}/compliance", **api_client.token_for("regio")).json()
    [r15] = [r for r in rows if r["rule"] == "R-15"]
    assert "een instroom van <5," in r15["message"] and "instroom van 2" not in r15["message"]

    client.login(username="calvijn", password="pw-calvijn")
    assert re.search(r'class="intake">2 / 15<', client.get(f"/routes/{glr_route.pk}/").content.decode())
