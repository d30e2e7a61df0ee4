"""Idempotency-Key on create operations: a retried request creates one record and gets the first answer."""
from datetime import timedelta

from django.utils import timezone

from apps.core.models import IdempotencyRecord
from apps.routes.models import Route
from apps.routes.tests.payloads import route_payload
from apps.students.models import Student

JSON = "application/json"


def post(api_client, path, body, headers, key=None):
    extra = {"HTTP_IDEMPOTENCY_KEY": key} if key is not None else {}
    return api_client.post(path, body, content_type=JSON, **headers, **extra)


def test_a_retry_with_the_same_key_creates_one_route(registry, users, api_client):
    headers = api_client.token_for("calvijn")
    first = post(api_client, "/api/v1/routes", route_payload(registry), headers, key="abc-1")
    again = post(api_client, "/api/v1/routes", route_payload(registry), headers, key="abc-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert Route.objects.count() == 1
    # the same JSON with its keys in another order is the same request
    reordered = dict(reversed(list(route_payload(registry).items())))
    assert post(api_client, "/api/v1/routes", reordered, headers, key="abc-1").status_code == 201
    assert Route.objects.count() == 1


def test_the_same_key_with_another_body_is_a_422_naming_the_header(registry, users, api_client):
    headers = api_client.token_for("calvijn")
    post(api_client, "/api/v1/routes", route_payload(registry), headers, key="k")
    response = post(api_client, "/api/v1/routes", route_payload(registry, name="Andere route"), headers, key="k")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "Idempotency-Key"
    assert Route.objects.count() == 1


def test_without_a_key_or_with_another_key_or_user_each_request_creates(registry, users, api_client):
    calvijn, rocva = api_client.token_for("calvijn"), api_client.token_for("rocva")
    post(api_client, "/api/v1/routes", route_payload(registry), calvijn)
    post(api_client, "/api/v1/routes", route_payload(registry), calvijn)
    post(api_client, "/api/v1/routes", route_payload(registry), calvijn, key="a")
    post(api_client, "/api/v1/routes", route_payload(registry), calvijn, key="b")
    response = post(api_client, "/api/v1/routes", route_payload(registry), rocva, key="a")
    assert response.status_code == 201 and "Idempotent-Replayed" not in response
    assert Route.objects.count() == 5


def test_a_key_expires_after_24_hours(registry, users, api_client):
    headers = api_client.token_for("calvijn")
    post(api_client, "/api/v1/routes", route_payload(registry), headers, key="old")
    IdempotencyRecord.objects.update(created=timezone.now() - timedelta(hours=25))
    assert post(api_client, "/api/v1/routes", route_payload(registry), headers, key="old").status_code == 201
    assert Route.objects.count() == 2 and IdempotencyRecord.objects.count() == 1


def test_a_refusal_is_replayed_and_a_bad_key_is_refused(registry, users, api_client):
    headers = api_client.token_for("calvijn")
    bad = route_payload(registry, name="")
    first = post(api_client, "/api/v1/routes", bad, headers, key="x")
    again = post(api_client, "/api/v1/routes", bad, headers, key="x")
    assert first.status_code == again.status_code == 422 and again.json() == first.json()
    for key in ("", "k" * 256, "a\tb"):
        response = post(api_client, "/api/v1/routes", route_payload(registry), headers, key=key)
        assert response.status_code == 422 and response.json()["errors"][0]["field"] == "Idempotency-Key", key
    assert not Route.objects.exists()


def test_a_retried_student_creates_one_student(glr_route, api_client):
    headers = api_client.token_for("calvijn")
    body = {"first_name": "Sam", "last_name": "Jansen", "leerweg": "BB", "cohort": 2021, "kwalificatie": "25498",
            "glr_judgment_on": "2021-06-01"}
    first = post(api_client, f"/api/v1/routes/{glr_route.pk}/students", body, headers, key="student-1")
    again = post(api_client, f"/api/v1/routes/{glr_route.pk}/students", body, headers, key="student-1")
    assert first.status_code == again.status_code == 201, first.content
    assert again.json() == first.json() and Student.objects.count() == 1


def test_the_openapi_description_lists_the_header(users, client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/routes", "/api/v1/agreements", "/api/v1/routes/{route_id}/students",
                 "/api/v1/students/{student_id}/events", "/api/v1/students/{student_id}/exam-parts"):
        names = [p["name"] for p in schema["paths"][path]["post"].get("parameters", [])]
        assert "Idempotency-Key" in names, path
    names = [p["name"] for p in schema["paths"]["/api/v1/routes/{route_id}"]["get"].get("parameters", [])]
    assert "Idempotency-Key" not in names


def test_the_openapi_description_lists_the_common_answers(users, client):
    schema = client.get("/api/v1/openapi.json").json()
    get_route = schema["paths"]["/api/v1/routes/{route_id}"]["get"]["responses"]
    assert {"200", "401", "404", "422"} <= set(get_route)
    assert {"400", "413", "422", "401"} <= set(schema["paths"]["/api/v1/routes"]["post"]["responses"])
    assert "404" not in schema["paths"]["/api/v1/rules"]["get"]["responses"]
    preview = schema["components"]["schemas"]["PreviewIn"]["properties"]["model"]
    assert preview["enum"] == ["M1", "M2", "M3", "M4", "M5"]
