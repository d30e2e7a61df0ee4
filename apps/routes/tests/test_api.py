"""The API over real HTTP (Django test client through the full middleware stack)."""
from apps.registry.models import Leerweg
from apps.routes.models import Route, RoutePartner
from apps.routes.tests.payloads import route_payload, whole

JSON = "application/json"


def test_token_and_bad_credentials(api_client, users):
    assert api_client.post("/api/v1/auth/token", {"username": "calvijn", "password": "wrong"},
                           content_type=JSON).status_code == 401
    headers = api_client.token_for("calvijn")
    assert api_client.get("/api/v1/routes", **headers).status_code == 200
    assert api_client.get("/api/v1/routes", HTTP_AUTHORIZATION="Bearer nonsense").status_code == 401


def test_rules_catalogue(api_client, users):
    rules = api_client.get("/api/v1/rules", **api_client.token_for("calvijn")).json()
    assert [r["id"] for r in rules] == [f"R-{n:02d}" for n in range(1, 22)]
    r01 = rules[0]
    assert r01["level"] == "error" and "Entree" in r01["description"]
    assert api_client.get("/api/v1/rules/R-05").json()["id"] == "R-05"
    assert api_client.get("/api/v1/rules/R-99").status_code == 404


def test_create_route_and_search(route, api_client):
    headers = api_client.token_for("calvijn")
    found = api_client.get("/api/v1/routes?search=Testroute", **headers).json()
    assert [(r["id"], r["name"]) for r in found] == [(route.pk, "Testroute Zorg")]
    assert api_client.get("/api/v1/routes?search=Bestaatniet", **headers).json() == []
    detail = api_client.get(f"/api/v1/routes/{route.pk}", **headers).json()
    assert detail["legal_status"] == "wet_dlr"
    assert {p["institution"] for p in detail["partners"]} == {"17XG", "25LX"}


def test_create_route_entree_is_refused_with_r01(registry, users, api_client):
    payload = route_payload(registry, uitstroomrichtingen=[{"kwalificatie": "25253"}])
    response = api_client.post("/api/v1/routes", payload, content_type=JSON, **api_client.token_for("calvijn"))
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert any(e["rule"] == "R-01" and e["field"] == "uitstroomrichtingen[0].kwalificatie" and "25253" in e["message"]
               for e in errors)
    assert not Route.objects.exists() and not RoutePartner.objects.exists()


def test_create_route_kb_without_vmbo_diploma_is_refused_with_r05(registry, users, api_client):
    payload = route_payload(registry, vmbo_diploma=False, leerwegen=["BB", "KB"])
    response = api_client.post("/api/v1/routes", payload, content_type=JSON, **api_client.token_for("calvijn"))
    assert response.status_code == 422
    assert [(e["rule"], e["field"]) for e in response.json()["errors"]] == [("R-05", "leerwegen")]


def test_unknown_codes_and_bad_input_name_the_field(registry, users, api_client):
    headers = api_client.token_for("calvijn")
    payload = route_payload(registry, partners=[{"institution": "99ZZ", "role": "vo"}])
    errors = api_client.post("/api/v1/routes", payload, content_type=JSON, **headers).json()["errors"]
    assert errors[0]["field"] == "partners[0].institution" and "99ZZ" in errors[0]["message"]
    errors = api_client.post("/api/v1/routes", {"name": "x"}, content_type=JSON, **headers).json()["errors"]
    assert {e["field"] for e in errors} >= {"type", "region"}
    payload = route_payload(registry, partners=[{"institution": "17XG", "role": "vo"}])
    errors = api_client.post("/api/v1/routes", payload, content_type=JSON, **headers).json()["errors"]
    assert errors[0]["field"] == "partners" and "mbo-instelling" in errors[0]["message"]


def test_compliance(route, api_client):
    rows = api_client.get(f"/api/v1/routes/{route.pk}/compliance", **api_client.token_for("rocva")).json()
    by_rule = {}
    for row in rows:
        by_rule.setdefault(row["rule"], set()).add(row["status"])
    assert by_rule["R-01"] == {"passed"}
    assert by_rule["R-06"] == {"failed"}  # no agreement yet
    assert set(row) == {"rule", "status", "message", "field"} if (row := rows[0]) else True


def test_update_keeps_children_in_step(route, registry, api_client):
    headers = api_client.token_for("calvijn")
    payload = route_payload(registry, name="Hernoemd", uitstroomrichtingen=[
        {"kwalificatie": "25498", "min_intake": 15}, {"kwalificatie": "25491"}])
    response = api_client.put(f"/api/v1/routes/{route.pk}", whole(payload), content_type=JSON, **headers)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["name"] == "Hernoemd"
    assert [u["kwalificatie"] for u in body["uitstroomrichtingen"]] == ["25498", "25491"]
    assert route.partners.count() == 2
    assert [(x["rule"], x["status"]) for x in body["findings"] if x["rule"] == "R-15"] == [("R-15", "warning")]
    rows = api_client.get(f"/api/v1/routes/{route.pk}/compliance", **headers).json()
    assert any(r["rule"] == "R-15" and r["status"] == "warning" for r in rows)
    history = api_client.get(f"/api/v1/routes/{route.pk}/history", **headers).json()
    assert any(e["actor"] == "calvijn" and e["changes"].get("naam") == ["Testroute Zorg", "Hernoemd"] for e in history)


def test_stop_route_keeps_it(route, api_client):
    headers = api_client.token_for("calvijn")
    body = api_client.post(f"/api/v1/routes/{route.pk}/stop", **headers).json()
    assert body["phase"] == "gestopt" and body["end_date"]
    assert Route.objects.filter(pk=route.pk).exists()


def test_openapi_description(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/routes" in spec["paths"] and "/api/v1/auth/token" in spec["paths"]


def test_a_route_that_breaks_a_rule_can_still_be_stopped(route, api_client):
    Route.objects.filter(pk=route.pk).update(vmbo_diploma=False)  # e.g. imported history: KB admitted
    route.leerwegen.add(Leerweg.objects.get(code="KB"))
    headers = api_client.token_for("calvijn")
    assert api_client.post(f"/api/v1/routes/{route.pk}/stop", **headers).json()["phase"] == "gestopt"
