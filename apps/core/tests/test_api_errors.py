"""Every API error answer has one JSON shape, {"detail": sentence, "errors": [{rule, field, message}]},
also for a failure nobody foresaw (issue 8, point 6)."""
import logging

import pytest

JSON = "application/json"


def assert_shape(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith(JSON), response["Content-Type"]
    body = response.json()
    assert isinstance(body["detail"], str) and body["detail"].strip(), body
    assert isinstance(body["errors"], list), body
    for error in body["errors"]:
        assert set(error) == {"rule", "field", "message"}, error
        assert isinstance(error["field"], str) and isinstance(error["message"], str) and error["message"]
    return body


def test_invalid_input_names_the_field(api_client, users):
    body = assert_shape(api_client.post("/api/v1/auth/token", {"username": "calvijn"}, content_type=JSON), 422)
    assert [e["field"] for e in body["errors"]] == ["password"]
    assert body["errors"][0]["rule"] is None


def test_a_rule_violation_keeps_its_rule_and_gets_a_sentence(api_client, users, registry):
    from apps.routes.tests.payloads import route_payload

    payload = route_payload(registry)
    payload["partners"] = [p for p in payload["partners"] if p["role"] == "vo"]  # no mbo partner
    response = api_client.post("/api/v1/routes", payload, content_type=JSON, **api_client.token_for("calvijn"))
    body = assert_shape(response, 422)
    assert body["errors"] and body["detail"]


def test_a_nul_character_is_refused_naming_the_field(api_client, glr_route):
    """PostgreSQL cannot compare or store NUL: found by fuzzing as a 500 when a board name held one."""
    from apps.routes.models import Agreement

    headers = api_client.token_for("calvijn")
    agreement = Agreement.objects.get()
    body = {"kind": "sok", "title": "Overeenkomst", "signatures": [{"bestuur": "Calvijn"}, {"bestuur": "O\x00"}]}
    response = api_client.patch(f"/api/v1/agreements/{agreement.pk}", body, content_type=JSON, **headers)
    errors = assert_shape(response, 422)["errors"]
    assert [e["field"] for e in errors] == ["signatures[1].bestuur"] and "NUL" in errors[0]["message"]
    response = api_client.get("/api/v1/routes", {"search": "a\x00"}, **headers)
    assert [e["field"] for e in assert_shape(response, 422)["errors"]] == ["search"]


def test_not_logged_in(client, users):
    body = assert_shape(client.get("/api/v1/routes"), 401)
    assert body["errors"] == [] and "token" in body["detail"]


def test_refused(api_client, users, registry):
    from apps.routes.tests.payloads import route_payload

    response = api_client.post("/api/v1/routes", route_payload(registry), content_type=JSON,
                               **api_client.token_for("regio"))
    assert_shape(response, 403)


def test_unknown_object_unknown_address_and_wrong_method(api_client, users):
    headers = api_client.token_for("calvijn")
    assert_shape(api_client.get("/api/v1/routes/999999", **headers), 404)  # get_object_or_404
    assert_shape(api_client.get("/api/v1/kwalificaties/00000/exam-template", **headers), 404)
    assert_shape(api_client.get("/api/v1/no-such-thing", **headers), 404)  # no API view at all
    response = api_client.patch("/api/v1/institutions", {}, content_type=JSON, **headers)
    assert_shape(response, 405)
    assert "GET" in response["Allow"]


def test_wrong_login_and_lockout(api_client, users):
    body = assert_shape(api_client.post("/api/v1/auth/token", {"username": "calvijn", "password": "wrong"},
                                        content_type=JSON), 401)
    assert body["errors"] == []
    for _ in range(5):
        api_client.post("/api/v1/auth/token", {"username": "calvijn", "password": "wrong"}, content_type=JSON)
    body = assert_shape(api_client.post("/api/v1/auth/token", {"username": "calvijn", "password": "pw-calvijn"},
                                        content_type=JSON), 429)
    assert body["reason"] == "login_throttled"


class Broken:
    def __getattr__(self, name):
        raise RuntimeError("the database fell over")


def test_an_unexpected_failure_is_a_500_in_the_shape_and_logged_without_the_body(api_client, users, monkeypatch,
                                                                                 caplog):
    import apps.registry.api as registry_api

    headers = api_client.token_for("calvijn")
    monkeypatch.setattr(registry_api, "m", Broken())
    with caplog.at_level(logging.ERROR, logger="leerroute.api"):
        response = api_client.get("/api/v1/institutions?sector=mbo", **headers)
    body = assert_shape(response, 500)
    assert "database fell over" not in body["detail"]  # no internals in the answer
    record = next(r for r in caplog.records if r.name == "leerroute.api")
    assert record.exc_info and "database fell over" in str(record.exc_info[1])
    assert "/api/v1/institutions" in record.getMessage()


def test_a_500_on_a_write_logs_no_personal_data(api_client, users, registry, monkeypatch, caplog):
    import apps.students.api as students_api

    headers = api_client.token_for("calvijn")
    monkeypatch.setattr(students_api, "get_object_or_404", lambda *a, **k: Broken().x)
    with caplog.at_level(logging.DEBUG):
        response = api_client.post("/api/v1/routes/1/students", {"first_name": "Fatima", "last_name": "Geheimnaam",
                                                                   "leerweg": "BB", "cohort": 2024},
                                   content_type=JSON, **headers)
    assert_shape(response, 500)
    assert "Geheimnaam" not in caplog.text


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 409, 422, 429, 500])
def test_every_status_has_a_dutch_sentence(status):
    from apps.core.api_schemas import default_detail, error_body

    assert default_detail(status).endswith(".")
    assert error_body(status) == {"detail": default_detail(status), "errors": []}


def test_openapi_declares_the_bearer_scheme_and_the_error_shape(client):
    schema = client.get("/api/v1/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert any(s == {"type": "http", "scheme": "bearer"} for s in schemes.values()), schemes
    routes_post = schema["paths"]["/api/v1/routes"]["post"]
    assert routes_post["security"]
    error_ref = routes_post["responses"]["422"]["content"][JSON]["schema"]["$ref"].split("/")[-1]
    assert {"detail", "errors"} <= set(schema["components"]["schemas"][error_ref]["properties"])
