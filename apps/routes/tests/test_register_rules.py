"""The route form and API carry the minimum intake with its scope and 'without structural meetings';
R-16 counts contacts per partner; the typed intake is gone."""
from apps.routes.models import Route
from apps.routes.tests.payloads import route_payload

JSON = "application/json"


def test_api_sets_min_intake_scope_and_without_structural_meetings(registry, users, api_client):
    headers = api_client.token_for("calvijn")
    payload = route_payload(registry, min_intake=20, min_intake_scope="vo_school",
                            without_structural_meetings=True)
    body = api_client.post("/api/v1/routes", payload, content_type=JSON, **headers).json()
    assert ((body["min_intake"], body["min_intake_scope"], body["without_structural_meetings"])
            == (20, "vo_school", True))
    assert "intake" not in body["uitstroomrichtingen"][0]
    route = Route.objects.get(pk=body["id"])
    assert (route.min_intake, route.min_intake_scope, route.without_structural_meetings) == (20, "vo_school", True)
    rows = api_client.get(f"/api/v1/routes/{route.pk}/compliance", **headers).json()
    r16 = [r for r in rows if r["rule"] == "R-16"]
    assert not any(r["field"] == "last_partner_meeting" for r in r16)       # the meeting is not checked
    # per vo-school: Calvijn College has no intake in the register
    [r15] = [r for r in rows if r["rule"] == "R-15"]
    assert r15["status"] == "warning" and r15["message"].startswith("Calvijn College heeft in schooljaar")
    assert "minimale groepsgrootte van 20 per vo-school" in r15["message"]


def test_api_refuses_an_unknown_scope_naming_the_field(registry, users, api_client):
    headers = api_client.token_for("calvijn")
    response = api_client.post("/api/v1/routes", route_payload(registry, min_intake_scope="per_leerling"),
                               content_type=JSON, **headers)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["min_intake_scope"]


def test_r16_counts_contacts_per_partner(registry, users, api_client):
    headers = api_client.token_for("calvijn")
    contacts = [{"institution": "17XG", "role": "kartrekker", "name": "A. de Vries"},
                {"institution": "17XG", "role": "decaan", "name": "B. Bakker"},
                {"institution": "25LX", "role": "kartrekker", "name": "C. Jansen"}]
    body = api_client.post("/api/v1/routes", route_payload(registry, contacts=contacts), content_type=JSON,
                           **headers).json()
    r16 = [f for f in body["findings"] if f["rule"] == "R-16"]
    # a new route has held no meeting yet (the date follows from the meetings held, apps/cooperation)
    assert [f["field"] for f in r16] == ["contacts", "last_partner_meeting"]
    r16 = r16[0]
    assert r16["message"].startswith("ROC van Amsterdam is afhankelijk van één contactpersoon (C. Jansen")


def test_route_form_has_the_new_fields(registry, users, client):
    client.login(username="calvijn", password="pw-calvijn")
    html = client.get("/routes/nieuw/").content.decode()
    for name in ("min_intake", "min_intake_scope", "without_structural_meetings"):
        assert f'name="{name}"' in html
    assert 'name="uitstroomrichtingen-0-intake"' not in html
    assert 'name="last_partner_meeting"' not in html       # derived from the meetings held
