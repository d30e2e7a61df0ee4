"""A student's rule state counts in the route's stored compliance (route list, start page, API), and
R-15 counts the intake from the register."""
from datetime import date

from django.core.management import call_command
from django.utils import timezone

from apps.routes import compliance
from apps.students import services
from apps.students.models import Enrolment, StudentFinding
from apps.students.schemas import EventIn
from domain.teldatum import school_year_of


def route_status_everywhere(client, api_client, route):
    client.login(username="calvijn", password="pw-calvijn")
    listing = client.get("/routes/").content.decode()
    home = client.get("/").content.decode()
    headers = api_client.token_for("calvijn")
    rows = api_client.get(f"/api/v1/routes/{route.pk}/compliance", **headers).json()
    summary = next(r for r in api_client.get("/api/v1/routes", **headers).json() if r["id"] == route.pk)
    return listing, home, rows, summary["compliance"]


def test_a_student_with_an_r10_error_makes_the_route_fail(enrol, glr_route, registry, users, client, api_client):
    student = enrol()
    assert compliance.summary(glr_route) != "failed"
    # a second funded enrolment on 1 October (written outside the use cases, as an old import could)
    Enrolment.objects.create(student=student, institution=registry["rocva"], school_year=2019, route_year=1,
                             start=date(2019, 8, 1), funded=True, phase="vo")
    # any change of the student through the use cases refreshes the route's stored state
    services.record_event(users["calvijn"], student,
                          EventIn(kind="certificaat", date=date(2019, 9, 1), detail="Entree"))
    assert StudentFinding.objects.get(student=student).failed == "R-10"
    assert compliance.summary(glr_route) == "failed"
    listing, home, rows, summary = route_status_everywhere(client, api_client, glr_route)
    assert summary == "failed"
    [row] = [r for r in rows if r["field"] == "students"]
    assert (row["rule"], row["status"]) == ("R-10", "failed")
    assert row["message"].startswith("1 leerling van de route voldoet niet aan R-10")
    assert "Vries" not in row["message"] and "Sanne" not in row["message"]   # no names: regional users read it
    assert "badge failed" in listing and "badge failed" in home
    # the student leaves the route: active students only count
    services.record_event(users["calvijn"], student,
                          EventIn(kind="uitstroom", date=date(2020, 3, 1), destination="werk"))
    assert not glr_route.findings.filter(field="students").exists()


def test_the_daily_run_and_the_rule_check_page_reevaluate_students(enrol, glr_route, registry, client):
    student = enrol()
    Enrolment.objects.create(student=student, institution=registry["rocva"], school_year=2019, route_year=1,
                             start=date(2019, 8, 1), funded=True, phase="vo")
    assert compliance.summary(glr_route) != "failed"          # nothing told the route yet
    call_command("evaluate_compliance", stdout=open("/dev/null", "w"))
    assert compliance.summary(glr_route) == "failed"
    StudentFinding.objects.all().delete()
    compliance.refresh(glr_route)                              # a student without stored state is evaluated
    assert compliance.summary(glr_route) == "failed"
    Enrolment.objects.filter(institution=registry["rocva"], school_year=2019).delete()
    client.login(username="regio", password="pw-regio")
    html = client.get(f"/routes/{glr_route.pk}/compliance/").content.decode()
    assert 'data-rule="R-10"' not in html and compliance.summary(glr_route) != "failed"


def test_r15_counts_the_intake_of_route_year_1_from_the_register(enrol, glr_route, registry, users, client):
    year = school_year_of(timezone.localdate())
    glr_route.min_intake, glr_route.min_intake_scope = 2, "klas"
    glr_route.save()
    enrol(first="A", cohort=year, klas="3A")
    enrol(first="B", cohort=year, klas="3A")
    enrol(first="C", cohort=year, klas="3B")
    zij = enrol(first="D", cohort=year - 1, klas="3B", entry_route_year=2, route_year=2)  # zij-instroom: no intake
    assert not zij.enrolments.filter(route_year=1).exists()
    [finding] = [f for f in compliance.refresh(glr_route) if f.rule == "R-15"]
    assert (finding.status, finding.field) == ("warning", "min_intake")
    assert finding.message.startswith(f"Klas 3B heeft in schooljaar {year}-{year + 1} een instroom van 1, onder de "
                                      "minimale groepsgrootte van 2 per klas")
    counts = {c.key: c.count for c in compliance.intake_counts(glr_route, year)}
    assert counts == {"3A": 2, "3B": 1}
    assert compliance.intake_counts(glr_route, year, "vo_school")[0].count == 3
    assert compliance.intake_counts(glr_route, year, "route")[0].count == 3
    assert compliance.intake_counts(glr_route, year, "uitstroomrichting")[0].count == 3
    # the route page and the break-even page show the register's count per uitstroomrichting
    client.login(username="calvijn", password="pw-calvijn")
    html = client.get(f"/routes/{glr_route.pk}/").content.decode()
    assert '<td class="intake">3 / 15</td>' in html
    client.login(username="calvijn", password="pw-calvijn")
    u = glr_route.uitstroomrichtingen.get()
    response = client.get(f"/routes/{glr_route.pk}/financien/scenario/?school_year={year}")
    assert response.status_code == 200
    [row] = response.context["rows"]
    assert row["u"] == u and row["intake"] == 3
