"""Students over the API: the stable endpoints, rule violations as 422, and scoping (a user of
another institution gets 404 for every student endpoint; regional users see no students)."""
import pytest

from apps.students.models import Student

JSON = "application/json"


@pytest.fixture
def student(enrol):
    return enrol(number="C0001")


def test_students_of_a_cohort(student, glr_route, api_client):
    headers = api_client.token_for("rocva")
    body = api_client.get(f"/api/v1/routes/{glr_route.pk}/students?cohort=2019", **headers).json()
    assert body == [{"id": student.pk, "status": "actief", "first_name": "Sanne", "last_name": "de Vries",
                     "cohort": 2019, "route_year": 1, "leerweg": "BB", "kwalificatie": "25498",
                     "vo_school": "17XG"}]
    assert api_client.get(f"/api/v1/routes/{glr_route.pk}/students?cohort=2020", **headers).json() == []


def test_teldatum_endpoint(student, glr_route, api_client):
    rows = api_client.get(f"/api/v1/routes/{glr_route.pk}/teldatum?date=2019-10-01",
                          **api_client.token_for("calvijn")).json()
    assert [(r["student"], r["funded_institution"], r["violations"]) for r in rows] == [(student.pk, "17XG", [])]


def test_enrol_through_the_api_and_r05(glr_route, api_client):
    headers = api_client.token_for("calvijn")
    body = {"first_name": "Kees", "last_name": "Smit", "leerweg": "KB", "cohort": 2021, "kwalificatie": "25498",
            "numbers": {"17XG": "C0100"}}
    response = api_client.post(f"/api/v1/routes/{glr_route.pk}/students", body, content_type=JSON, **headers)
    assert response.status_code == 422
    assert [(e["rule"], e["field"]) for e in response.json()["errors"]] == [("R-05", "leerweg")]
    body.update(leerweg="BB", glr_judgment_on="2021-06-01")
    created = api_client.post(f"/api/v1/routes/{glr_route.pk}/students", body, content_type=JSON, **headers)
    assert created.status_code == 201, created.content
    assert created.json()["numbers"] == {"17XG": "C0100"} and created.json()["enrolments"][0]["funded"]


def test_events_exam_parts_and_diploma(student, api_client):
    headers = api_client.token_for("calvijn")
    part = {"sector": "vmbo", "kind": "SE", "name": "Nederlands", "planned_route_year": 4}
    response = api_client.post(f"/api/v1/students/{student.pk}/exam-parts", part, content_type=JSON, **headers)
    assert response.status_code == 422 and response.json()["errors"][0]["rule"] == "R-04"
    part.update(sector="mbo", kind="kerntaak", name="kerntaak 1", planned_route_year=3, result="passed")
    planned = student.exam_parts.count()
    assert api_client.post(f"/api/v1/students/{student.pk}/exam-parts", part, content_type=JSON,
                           **headers).status_code == 200  # the result of the planned "Kerntaak 1"
    assert student.exam_parts.count() == planned
    part.update(kind="keuzedeel", name="Ondernemerschap")
    assert api_client.post(f"/api/v1/students/{student.pk}/exam-parts", part, content_type=JSON,
                           **headers).status_code == 201
    # One passed kerntaak is no diploma: the check compares with what is required
    body = api_client.get(f"/api/v1/students/{student.pk}/diploma", **headers).json()
    assert body["mbo_diploma"] is False
    missing = {(x["kind"], x["name"]): x["state"] for x in body["mbo_missing"]}
    assert missing[("generiek", "Nederlands")] == "open" and ("kerntaak", "Kerntaak 1") not in missing
    assert missing[("keuzedeel", "keuzedelen")] == "open"
    assert body["mbo_keuzedelen"] == {"passed": 1, "required": 2}
    check = api_client.get(f"/api/v1/routes/{student.route_id}/diploma-check", **headers).json()
    assert check[0]["student"] == student.pk and check[0]["mbo_missing"] == body["mbo_missing"]
    event = {"kind": "uitstroom", "date": "2020-03-01", "destination": "entree"}
    body = api_client.post(f"/api/v1/students/{student.pk}/events", event, content_type=JSON, **headers).json()
    assert body["status"] == "uitgestroomd" and body["destination"] == "entree"


# method, path, a valid body: the scope check must answer, not validation
ENDPOINTS = [
    ("get", "/api/v1/students/{s}", None), ("get", "/api/v1/students/{s}/diploma", None),
    ("get", "/api/v1/students/{s}/export", None), ("delete", "/api/v1/students/{s}", None),
    ("post", "/api/v1/students/{s}/events", {"kind": "overgang", "date": "2020-08-01"}),
    ("post", "/api/v1/students/{s}/exam-parts", {"sector": "mbo", "kind": "kerntaak", "name": "x",
                                                 "planned_route_year": 1}),
    ("patch", "/api/v1/students/{s}", {"first_name": "x"}),
    ("put", "/api/v1/students/{s}", {"first_name": "a", "last_name": "b", "date_of_birth": None, "leerweg": "BB",
                                     "profiel": None, "vmbo_year_at_start": 3, "glr_judgment_on": None,
                                     "glr_judgment_note": "", "vo_school": None, "mbo_institution": None}),
    ("post", "/api/v1/students/{s}/bpv", {"leerbedrijf": "x", "start": "2020-09-01"}),
    ("get", "/api/v1/routes/{r}/students", None),
    ("post", "/api/v1/routes/{r}/students", {"first_name": "a", "last_name": "b", "leerweg": "BB", "cohort": 2019}),
    ("get", "/api/v1/routes/{r}/teldatum?date=2019-10-01", None), ("get", "/api/v1/routes/{r}/diploma-check", None),
    ("post", "/api/v1/routes/{r}/cohorts/2019/promote", {}),
]


@pytest.mark.parametrize("method,path,body", ENDPOINTS)
@pytest.mark.parametrize("username", ["achterhoek", "regio"])
def test_other_institution_and_regional_users_get_404(student, glr_route, api_client, method, path, body, username):
    headers = api_client.token_for(username)
    url = path.format(s=student.pk, r=glr_route.pk)
    if body is None:
        response = getattr(api_client, method)(url, **headers)
    else:
        response = getattr(api_client, method)(url, body, content_type=JSON, **headers)
    assert response.status_code == 404
    assert Student.objects.filter(pk=student.pk).exists()


@pytest.mark.parametrize("path", ["/leerlingen/{s}/", "/leerlingen/{s}/export/", "/leerlingen/{s}/cijferlijst/",
                                  "/routes/{r}/leerlingen/", "/routes/{r}/teldatum/", "/routes/{r}/examens/",
                                  "/routes/{r}/cohorten/2019/doorzetten/"])
def test_other_institution_gets_404_in_the_interface(student, glr_route, client, path):
    client.login(username="achterhoek", password="pw-achterhoek")
    assert client.get(path.format(s=student.pk, r=glr_route.pk)).status_code == 404
    client.login(username="regio", password="pw-regio")
    assert client.get(path.format(s=student.pk, r=glr_route.pk)).status_code == 404


def test_reads_are_logged(student, api_client):
    from apps.students.models import AccessLog
    api_client.get(f"/api/v1/students/{student.pk}", **api_client.token_for("rocva"))
    assert AccessLog.objects.filter(student_id=student.pk, action="read", user__username="rocva").exists()


def test_erase_via_api(student, api_client):
    headers = api_client.token_for("calvijn")
    assert api_client.delete(f"/api/v1/students/{student.pk}", **headers).status_code == 204
    assert not Student.objects.exists()


def test_duplicate_student_number_is_a_field_error(student, glr_route, api_client):
    body = {"first_name": "Kees", "last_name": "Smit", "leerweg": "BB", "cohort": 2021, "kwalificatie": "25498",
            "glr_judgment_on": "2021-06-01", "numbers": {"17XG": "C0001"}}
    response = api_client.post(f"/api/v1/routes/{glr_route.pk}/students", body, content_type=JSON,
                               **api_client.token_for("calvijn"))
    assert response.status_code == 422 and "bestaat al" in response.json()["errors"][0]["message"]
