"""Settlements on a route: inputs from the register, the worked example through real data,
overrides with who and why, approval by both parties, versions, access and exports."""
import io
from datetime import date

from openpyxl import load_workbook

from apps.finance.models import Settlement
from apps.registry.models import Leerweg
from apps.students.models import Enrolment, Student

from .conftest import M1_FORM, login

CONFIRM = {"confirm": "1"}   # the confirmed approval form


def test_worked_example_through_the_register(register, finance_users, client):
    login(client, "fin-calvijn")
    form = client.get(f"/routes/{register.pk}/financien/nieuw/?model=M1&school_year=2025")
    assert form.context["register"] == {"student_count": "20", "weight_sum": "20", "diplomas": "18"}
    response = client.post(f"/routes/{register.pk}/financien/nieuw/",
                           {**M1_FORM, "student_count": "20", "weight_sum": "20", "diplomas": "18"})
    settlement = Settlement.objects.get()
    assert response.status_code == 302 and not settlement.overrides.exists()
    statement = settlement.statement()
    assert statement.parties == {"vo": 9070800, "mbo": 6529200}
    transfer = statement.transfer
    assert (transfer.from_party, transfer.to_party, transfer.amount_cents) == ("mbo", "vo", 9070800)
    page = client.get(settlement.get_absolute_url()).content.decode()
    assert "€\xa090.708,00" in page and "Calvijn College" in page


def test_override_needs_a_reason_and_is_recorded(register, finance_users, client):
    login(client, "fin-calvijn")
    data = {**M1_FORM, "student_count": "22", "weight_sum": "20", "diplomas": "18"}
    response = client.post(f"/routes/{register.pk}/financien/nieuw/", data)
    assert response.status_code == 200 and not Settlement.objects.exists()
    assert "student_count" in response.content.decode()
    client.post(f"/routes/{register.pk}/financien/nieuw/",
                {**data, "reason-student_count": "2 leerlingen na 1 oktober"})
    override = Settlement.objects.get().overrides.get()
    assert (override.parameter, override.register_value, override.value, override.user.username) == (
        "student_count", "20", "22", "fin-calvijn")


def test_approval_by_both_parties_locks_and_a_change_makes_a_new_version(register, finance_users, client):
    login(client, "fin-calvijn")
    client.post(f"/routes/{register.pk}/financien/nieuw/", {**M1_FORM, "student_count": "20", "weight_sum": "20",
                                                           "diplomas": "18"})
    v1 = Settlement.objects.get()
    client.post(f"/afrekeningen/{v1.pk}/goedkeuren/", CONFIRM)
    v1.refresh_from_db()
    assert v1.status == "concept" and v1.approvals.count() == 1
    login(client, "fin-rocva")
    client.post(f"/afrekeningen/{v1.pk}/goedkeuren/", CONFIRM)
    v1.refresh_from_db()
    assert v1.status == "goedgekeurd"
    client.post(f"/afrekeningen/{v1.pk}/wijzigen/", {**M1_FORM, "student_count": "20", "weight_sum": "20",
                                                     "diplomas": "18", "hours_vo": "500"})
    v2 = Settlement.objects.get(version=2)
    v1.refresh_from_db()
    assert v2.previous == v1 and v1.status == "goedgekeurd" and v1.parameters["hours_vo"] == "600"
    assert v2.status == "concept" and v2.parameters["hours_vo"] == "500"
    sheet = load_workbook(io.BytesIO(client.get(f"/afrekeningen/{v2.pk}/?export=xlsx").content))["Berekening"]
    assert sheet["A2"].value == "F" and sheet["C2"].value == 156000   # a number, not text
    csv = client.get(f"/afrekeningen/{v2.pk}/?export=csv").content.decode("utf-8-sig").splitlines()
    assert csv[1].startswith("F;") and csv[1].split(";")[2] == "156000,00"   # Dutch Excel reads the comma


def test_access(register, finance_users, users, client):
    settlement = Settlement.objects.create(route=register, school_year=2025, model="M5", parameters={})
    login(client, "fin-ach")
    for path in (f"/routes/{register.pk}/financien/", f"/routes/{register.pk}/financien/nieuw/",
                 f"/routes/{register.pk}/financien/scenario/", f"/afrekeningen/{settlement.pk}/",
                 f"/afrekeningen/{settlement.pk}/wijzigen/"):
        assert client.get(path).status_code == 404, path
    assert client.post(f"/afrekeningen/{settlement.pk}/goedkeuren/", CONFIRM).status_code == 404
    login(client, "calvijn")  # a route coordinator reads but does not change or approve
    assert client.get(f"/routes/{register.pk}/financien/").status_code == 200
    assert client.get(f"/routes/{register.pk}/financien/nieuw/").status_code == 404
    client.post(f"/afrekeningen/{settlement.pk}/goedkeuren/", CONFIRM)
    assert not settlement.approvals.exists()


def test_overview_to_pay_and_to_receive(register, finance_users, client):
    login(client, "fin-rocva")
    client.post(f"/routes/{register.pk}/financien/nieuw/", {**M1_FORM, "student_count": "20", "weight_sum": "20",
                                                           "diplomas": "18"})
    rows = client.get("/financien/?school_year=2025").context["blocks"][0][1]
    assert (rows[0]["pays"], rows[0]["receives"]) == (9070800, 0)
    login(client, "fin-calvijn")
    rows = client.get("/financien/?school_year=2025").context["blocks"][0][1]
    assert (rows[0]["pays"], rows[0]["receives"]) == (0, 9070800)


def test_scenario_break_even_warns_below_minimum(route, finance_users, client):
    login(client, "fin-calvijn")
    u = route.uitstroomrichtingen.get()
    base = (f"/routes/{route.pk}/financien/scenario/"
            f"?be-{u.pk}-group_cost=90000&be-{u.pk}-income=7000&be-{u.pk}-variable=1000")
    html = client.get(base + f"&be-{u.pk}-intake=12").content.decode()
    assert "R-15" in html and "onder de break-even van 15" in html
    html = client.get(base + f"&be-{u.pk}-intake=15").content.decode()
    assert "kostendekkend" in html and "onder de break-even" not in html
    html = client.get(f"/routes/{route.pk}/financien/scenario/?a-model=M2&a-funding_per_student=9000&a-lines-count=2"
                      "&a-lines-0-students=25&a-lines-0-days_at_partner=1&a-lines-1-students=22&a-lines-1-days_at_partner=4"
                      "&b-model=M5").content.decode()
    assert "€\xa0203.400,00" in html and "Geen overdracht" in html


def test_settlements_api_scoped_and_approval(register, finance_users, api_client):
    settlement = Settlement.objects.create(route=register, school_year=2025, model="M5", parameters={})
    other = api_client.token_for("fin-ach")
    assert api_client.get(f"/api/v1/settlements/{settlement.pk}", **other).status_code == 404
    assert api_client.get(f"/api/v1/settlements/route/{register.pk}", **other).status_code == 404
    assert api_client.post(f"/api/v1/settlements/{settlement.pk}/approve", **other).status_code == 404
    for username in ("fin-calvijn", "fin-rocva"):
        body = api_client.post(f"/api/v1/settlements/{settlement.pk}/approve", **api_client.token_for(username)).json()
    assert body["status"] == "goedgekeurd" and sorted(body["approved_by"]) == ["17XG", "25LX"]
    listed = api_client.get(f"/api/v1/settlements/route/{register.pk}", **api_client.token_for("calvijn")).json()
    assert [s["id"] for s in listed] == [settlement.pk]
    assert api_client.post(f"/api/v1/settlements/{settlement.pk}/approve",
                           **api_client.token_for("calvijn")).status_code == 403


def test_m2_worked_example_through_the_register(route, registry, finance_users, client):
    """TOT: 25 students in route year 1 (1 day at the mbo) and 22 in route year 2 (4 days)."""
    from apps.routes.models import RouteYear
    RouteYear.objects.create(route=route, route_year=1, days_at_mbo=1)
    RouteYear.objects.create(route=route, route_year=2, days_at_mbo=4)
    bb = Leerweg.objects.get(code="BB")
    for route_year, count in ((1, 25), (2, 22)):
        for i in range(count):
            s = Student.objects.create(route=route, first_name=f"L{i}", last_name="Test", leerweg=bb,
                                       cohort=2026 - route_year, route_year=route_year)
            Enrolment.objects.create(student=s, institution=registry["calvijn"], school_year=2025,
                                     route_year=route_year, start=date(2025, 8, 1), funded=True, phase="vo")
    login(client, "fin-calvijn")
    page = client.get(f"/routes/{route.pk}/financien/nieuw/?model=M2&school_year=2025")
    assert page.context["register"]["lines"] == [{"students": "25", "days_at_partner": "1.0"},
                                                 {"students": "22", "days_at_partner": "4.0"}]
    data = {"model": "M2", "school_year": "2025", "phase": "vo", "funding_per_student": "9000", "days_per_week": "5",
            "lines-count": "2", "lines-0-students": "25", "lines-0-days_at_partner": "1,0",
            "lines-1-students": "22", "lines-1-days_at_partner": "4,0"}
    assert 'name="lines-0-days_at_partner" value="1,0"' in page.content.decode()   # shown the Dutch way
    assert client.post(f"/routes/{route.pk}/financien/nieuw/", data).status_code == 302
    transfer = Settlement.objects.get().statement().transfer
    assert (transfer.from_party, transfer.to_party, transfer.amount_cents) == ("vo", "mbo", 20340000)


def test_versions_stay_in_line(register, finance_users, client):
    login(client, "fin-calvijn")
    data = {**M1_FORM, "student_count": "20", "weight_sum": "20", "diplomas": "18"}
    client.post(f"/routes/{register.pk}/financien/nieuw/", data)
    v1 = Settlement.objects.get()
    # a second "new" statement for the same year and phase edits the current one instead
    response = client.get(f"/routes/{register.pk}/financien/nieuw/?school_year=2025")
    assert response.status_code == 302 and response["Location"] == f"/afrekeningen/{v1.pk}/wijzigen/"
    for username in ("fin-calvijn", "fin-rocva"):
        login(client, username)
        client.post(f"/afrekeningen/{v1.pk}/goedkeuren/",
                    {**CONFIRM, "seen": Settlement.objects.get().updated.isoformat()})
    client.post(f"/afrekeningen/{v1.pk}/wijzigen/", {**data, "school_year": "2024", "hours_vo": "500"})
    v2 = Settlement.objects.get(version=2)
    assert (v2.school_year, v2.phase, v2.previous_id) == (2025, "", v1.pk)  # year and phase kept
    assert client.get(f"/afrekeningen/{v1.pk}/wijzigen/").status_code == 404  # an old version is not edited
    assert client.get("/financien/?school_year=abc").status_code == 200


def test_approval_of_a_changed_statement_is_refused(register, finance_users, client):
    settlement = Settlement.objects.create(route=register, school_year=2025, model="M5", parameters={})
    login(client, "fin-calvijn")
    client.post(f"/afrekeningen/{settlement.pk}/goedkeuren/", {**CONFIRM, "seen": "2000-01-01T00:00:00+00:00"})
    assert not settlement.approvals.exists()
