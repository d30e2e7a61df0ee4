"""A field of 131,073 characters, a long query value or an oversized body: a 4xx naming the field, never a 500."""
import pytest

from apps.core.limits import MAX_FIELD_CHARS, MAX_QUERY_CHARS
from apps.routes.tests.payloads import route_payload

LONG = "x" * 131_073
JSON = "application/json"


@pytest.mark.parametrize("where", ["sqlite-like", "settlements"])
def test_a_long_query_value_is_a_422_naming_it(route, api_client, where):
    headers = api_client.token_for("calvijn")
    path = "/api/v1/routes?search=" if where == "sqlite-like" else f"/api/v1/settlements/route/{route.pk}?x="
    response = api_client.get(path + LONG, **headers)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] in ("search", "x") and str(MAX_QUERY_CHARS) in error["message"]


def test_a_long_query_value_on_a_page_is_a_4xx(route, client):
    client.login(username="calvijn", password="pw-calvijn")
    response = client.get("/routes/", {"q": LONG})
    assert response.status_code == 422 and "q: te lang" in response.content.decode()


def test_a_131073_character_field_is_a_422_naming_it(route, registry, api_client):
    headers = api_client.token_for("calvijn")
    cases = [
        ("post", "/api/v1/routes", route_payload(registry, name=LONG), "name"),
        ("put", f"/api/v1/routes/{route.pk}", route_payload(registry, partners=[
            {"institution": "17XG", "role": "vo", "rio_registered_on": "2020-09-01", "note": LONG}]),
         "partners[0].note"),
        ("post", f"/api/v1/routes/{route.pk}/students",
         {"first_name": "A", "last_name": LONG, "leerweg": "BB", "cohort": 2023}, "last_name"),
        ("post", "/api/v1/agreements", {"title": "SOK", "kind": "sok", "valid_from": "2020-01-01",
                                        "routes": [route.pk], "clauses": [{"topic": "x", "text": LONG}]},
         "clauses[0].text"),
        ("post", "/api/v1/settlements/preview", {"model": "M1", "parameters": {"bpv_party": LONG}},
         "parameters.bpv_party"),
        ("post", "/api/v1/settlements/preview", {"model": "M1", "parameters": {LONG: 1}}, "parameters.<sleutel>"),
    ]
    for method, path, body, field in cases:
        response = getattr(api_client, method)(path, body, content_type=JSON, **headers)
        assert response.status_code == 422, (path, response.status_code)
        assert response.json()["errors"][0]["field"] == field, path


def test_a_field_at_the_cap_passes_the_guard(users, api_client):
    body = {"model": "M1", "parameters": {"bpv_party": "x" * MAX_FIELD_CHARS}}
    response = api_client.post("/api/v1/settlements/preview", body, content_type=JSON,
                               **api_client.token_for("calvijn"))
    assert response.status_code == 422  # the model refuses it: not a known party
    assert "te lang (hoogstens" not in response.json()["errors"][0]["message"]


def test_an_oversized_body_is_a_413(users, api_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    body = '{"model": "M1", "parameters": {"a": "%s"}}' % ("x" * (2 * 1024 * 1024))
    response = api_client.post("/api/v1/settlements/preview", body, content_type=JSON,
                               **api_client.token_for("calvijn"))
    assert response.status_code == 413 and "te groot" in response.json()["detail"]
