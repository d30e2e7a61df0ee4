"""A route with several vo-schools: each student belongs to one of them, a vo-school's staff see
and change only their own students (404 for the other school's, in every page and endpoint),
the mbo's staff see all; a partner with students stays; M2 invoices each vo-school apart."""
import pytest

from apps.accounts.models import Role
from apps.finance import services as finance
from apps.finance.models import Settlement
from apps.registry.models import Leerweg
from apps.routes.tests.test_several_vo_schools import TWO_VO, editable_body, second_vo_school
from apps.students.models import AccessLog, Student
from domain.settlement import calculate

from .test_import import HEADER, SANNE, csv_file, import_file, login


@pytest.fixture
def two_vo(glr_route, registry, users, api_client, make_user):
    """The test route with a second vo-school, Over-Y College (21OY), and its coordinator."""
    school = second_vo_school(registry)
    headers = api_client.token_for("calvijn")
    body = {**editable_body(api_client.get(f"/api/v1/routes/{glr_route.pk}", **headers)), "partners": TWO_VO}
    response = api_client.put(f"/api/v1/routes/{glr_route.pk}", body, content_type="application/json", **headers)
    assert response.status_code == 200, response.content
    make_user("overy", Role.ROUTECOORDINATOR, [school])
    return school


def new_student(api_client, route, username, **extra):
    payload = {"first_name": "Noor", "last_name": "Over", "leerweg": "BB", "cohort": 2019, "kwalificatie": "25498",
               "glr_judgment_on": "2019-06-15", **extra}
    return api_client.post(f"/api/v1/routes/{route.pk}/students", payload, content_type="application/json",
                           **api_client.token_for(username))


@pytest.fixture
def pair(two_vo, glr_route, enrol, registry, api_client):
    """Sanne of Calvijn College and Noor of Over-Y College, both in cohort 2019."""
    sanne = enrol(vo_school=registry["calvijn"])
    response = new_student(api_client, glr_route, "overy", numbers={"21OY": "OY001"})
    assert response.status_code == 201, response.content
    return sanne, Student.objects.get(pk=response.json()["id"])


def test_a_vo_school_user_enrols_for_their_own_school_only(pair, two_vo, glr_route, api_client):
    _sanne, noor = pair
    assert noor.vo_school == two_vo and noor.enrolments.get().institution == two_vo
    refused = new_student(api_client, glr_route, "overy", first_name="Piet", vo_school="17XG")
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["vo_school"]
    unknown = new_student(api_client, glr_route, "rocva", first_name="Piet", vo_school="99ZZ")
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "vo_school"


def test_mbo_staff_must_choose_the_vo_school_when_there_are_several(two_vo, glr_route, api_client):
    missing = new_student(api_client, glr_route, "rocva")
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "vo_school"
    chosen = new_student(api_client, glr_route, "rocva", vo_school="21OY")
    assert chosen.status_code == 201, chosen.content
    assert chosen.json()["vo_school"] == "21OY"


def test_student_form_offers_the_route_vo_schools(two_vo, glr_route, registry, client):
    login(client, "rocva")
    form = client.get(f"/routes/{glr_route.pk}/leerlingen/nieuw/").context["form"]
    assert set(form.fields["vo_school"].queryset) == {registry["calvijn"], two_vo}
    assert form.fields["vo_school"].required and "mbo_institution" not in form.fields
    login(client, "overy")
    form = client.get(f"/routes/{glr_route.pk}/leerlingen/nieuw/").context["form"]
    assert form.fields["vo_school"].disabled and list(form.fields["vo_school"].queryset) == [two_vo]
    data = {"first_name": "Lina", "last_name": "Post", "leerweg": Leerweg.objects.get(code="BB").pk,
            "vmbo_year_at_start": 3, "cohort": 2019, "kwalificatie": registry["k"]["helpende"].pk,
            "glr_judgment_on": "2019-06-15", "vo_school": registry["calvijn"].pk}
    response = client.post(f"/routes/{glr_route.pk}/leerlingen/nieuw/", data)
    assert response.status_code == 200 and "vo_school" in response.context["form"].errors
    del data["vo_school"]
    response = client.post(f"/routes/{glr_route.pk}/leerlingen/nieuw/", data)
    assert response.status_code == 302
    assert Student.objects.get(first_name="Lina").vo_school == two_vo


def test_a_vo_school_sees_only_its_own_students(pair, glr_route, client, api_client):
    sanne, noor = pair
    login(client, "calvijn")
    for url in (f"/leerlingen/{noor.pk}/", f"/leerlingen/{noor.pk}/export/", f"/leerlingen/{noor.pk}/bewerken/",
                f"/leerlingen/{noor.pk}/cijferlijst/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/leerlingen/{noor.pk}/wissen/").status_code == 404
    assert client.post(f"/leerlingen/{noor.pk}/gebeurtenis/", {"kind": "uitstroom"}).status_code == 404
    assert client.get(f"/leerlingen/{sanne.pk}/").status_code == 200

    cohort = client.get(f"/routes/{glr_route.pk}/leerlingen/?cohort=2019")
    assert [s.pk for s in cohort.context["students"]] == [sanne.pk]
    assert [row["total"] for row in cohort.context["counts"]] == [1]
    teldatum = client.get(f"/routes/{glr_route.pk}/teldatum/?date=2019-10-01")
    assert [s.pk for s, _r in teldatum.context["results"]] == [sanne.pk]
    export = client.get(f"/routes/{glr_route.pk}/teldatum/?date=2019-10-01&export=csv").content.decode()
    assert "Sanne" in export and "Noor" not in export

    headers = api_client.token_for("calvijn")
    for url in (f"/api/v1/students/{noor.pk}", f"/api/v1/students/{noor.pk}/export",
                f"/api/v1/students/{noor.pk}/diploma"):
        assert api_client.get(url, **headers).status_code == 404, url
    assert api_client.delete(f"/api/v1/students/{noor.pk}", **headers).status_code == 404
    listed = api_client.get(f"/api/v1/routes/{glr_route.pk}/students", **headers).json()
    assert [s["id"] for s in listed] == [sanne.pk]
    teldatum = api_client.get(f"/api/v1/routes/{glr_route.pk}/teldatum?date=2019-10-01", **headers).json()
    assert [row["student"] for row in teldatum] == [sanne.pk]
    check = api_client.get(f"/api/v1/routes/{glr_route.pk}/diploma-check", **headers).json()
    assert [row["student"] for row in check] == [sanne.pk]
    assert not AccessLog.objects.filter(student_id=noor.pk, user__username="calvijn").exists()


def test_the_mbo_and_a_user_of_both_schools_see_every_student(pair, glr_route, client, api_client, make_user,
                                                               registry, two_vo):
    sanne, noor = pair
    make_user("beide", Role.ROUTECOORDINATOR, [registry["calvijn"], two_vo])
    for username in ("rocva", "beide"):
        listed = api_client.get(f"/api/v1/routes/{glr_route.pk}/students", **api_client.token_for(username)).json()
        assert {s["id"] for s in listed} == {sanne.pk, noor.pk}
        login(client, username)
        cohort = client.get(f"/routes/{glr_route.pk}/leerlingen/?cohort=2019")
        assert {s.pk for s in cohort.context["students"]} == {sanne.pk, noor.pk}
        assert client.get(f"/leerlingen/{noor.pk}/").status_code == 200


def test_a_partner_with_students_cannot_be_removed(pair, glr_route, api_client):
    headers = api_client.token_for("calvijn")
    body = {**editable_body(api_client.get(f"/api/v1/routes/{glr_route.pk}", **headers)),
            "partners": [p for p in TWO_VO if p["institution"] != "21OY"]}
    response = api_client.put(f"/api/v1/routes/{glr_route.pk}", body, content_type="application/json", **headers)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "partners" and "Over-Y College" in error["message"]
    assert glr_route.partners.filter(institution__brin="21OY").exists()


def test_imports_give_each_row_its_own_vo_school(two_vo, glr_route, client):
    login(client, "overy")
    job = import_file(client, glr_route, csv_file([HEADER, ["OY100", *SANNE[1:]]]))
    assert job.status == "done", job.errors
    assert Student.objects.get(numbers__number="OY100").vo_school == two_vo

    login(client, "rocva")
    header = [*HEADER, "BRIN vo-school"]
    job = import_file(client, glr_route, csv_file([header, ["R200", *SANNE[1:], ""]]))
    assert job.status == "failed" and job.errors[0]["rule"] == "verplicht"
    assert "21OY" in job.errors[0]["message"]
    job = import_file(client, glr_route, csv_file([header, ["R200", *SANNE[1:], "21OY"]]))
    assert job.status == "done", job.errors
    assert Student.objects.get(numbers__number="R200").vo_school == two_vo


def test_m2_invoices_each_vo_school_for_its_own_students(pair, glr_route, registry, two_vo):
    glr_route.years.create(route_year=1, vmbo_year=3, days_at_mbo=1)
    register = finance.register_inputs(glr_route, 2019, "M2")
    assert register == {"lines": [
        {"students": "1", "days_at_partner": "1.0", "vo_school": "Calvijn College"},
        {"students": "1", "days_at_partner": "1.0", "vo_school": "Over-Y College"}]}
    statement = calculate("M2", {"funding_per_student": "9000", **register})
    assert [(i.debtor, i.total_cents) for i in statement.invoices] == [("Calvijn College", 180000),
                                                                       ("Over-Y College", 180000)]
    assert statement.parties == {"Calvijn College": 720000, "Over-Y College": 720000, "mbo": 360000}


def test_the_statement_print_page_and_export_show_each_invoice(two_vo, glr_route, registry, make_user, client):
    make_user("fin", Role.FINANCIEEL, [registry["rocva"]])
    lines = [{"students": 25, "days_at_partner": 1, "vo_school": "Calvijn College"},
             {"students": 22, "days_at_partner": 4, "vo_school": "Calvijn College"},
             {"students": 10, "days_at_partner": 1, "vo_school": "Over-Y College"}]
    statement = calculate("M2", {"funding_per_student": "9000", "lines": lines})
    settlement = Settlement.objects.create(route=glr_route, school_year=2025, model="M2",
                                           parameters=statement.inputs)
    login(client, "fin")
    page = client.get(f"/afrekeningen/{settlement.pk}/?print=1").content.decode()
    assert 'data-invoice="Calvijn College"' in page and 'data-invoice="Over-Y College"' in page
    assert "203.400,00" in page and "18.000,00" in page
    export = client.get(f"/afrekeningen/{settlement.pk}/?export=csv").content.decode()
    invoices = [line for line in export.splitlines() if line.startswith("factuur;")]
    # the CSV is for Dutch Excel: semicolons and a decimal comma (the .xlsx export holds real numbers)
    assert len(invoices) == 2 and ";203400,00;" in invoices[0] and ";18000,00;" in invoices[1]


def test_a_vo_school_promotes_only_its_own_students(pair, glr_route, api_client, client):
    sanne, noor = pair
    url = f"/api/v1/routes/{glr_route.pk}/cohorts/2019/promote"
    rows = api_client.post(url, {"apply": False}, content_type="application/json",
                           **api_client.token_for("calvijn")).json()
    assert [row["student"] for row in rows] == [sanne.pk]
    login(client, "calvijn")
    page = client.get(f"/routes/{glr_route.pk}/cohorten/2019/doorzetten/")
    assert [s.pk for s in page.context["students"]] == [sanne.pk]
    rows = api_client.post(url, {"apply": False}, content_type="application/json",
                           **api_client.token_for("rocva")).json()
    assert {row["student"] for row in rows} == {sanne.pk, noor.pk}
