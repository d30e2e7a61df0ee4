"""The cooperation API over real HTTP: meetings, the derived last partner meeting on the route, decisions,
knelpunten; bad input is a 422 naming the field; a partner of another route sees none of it."""
from datetime import date, timedelta

from apps.routes.models import Route

JSON = "application/json"


def test_meetings_and_the_route_last_partner_meeting(route, users, people, api_client):
    headers = api_client.token_for("calvijn")
    day = (date.today() - timedelta(days=3)).isoformat()
    body = {"kind": "directieberaad", "held_on": day, "title": "Directieberaad",
            "attendance": [{"person": people["anna"].pk}, {"person": people["bram"].pk, "present": False}]}
    response = api_client.post(f"/api/v1/routes/{route.pk}/meetings", body, content_type=JSON, **headers)
    assert response.status_code == 201, response.content
    meeting = response.json()
    assert meeting["both_sides"] is False and len(meeting["attendance"]) == 2
    assert api_client.get(f"/api/v1/routes/{route.pk}", **headers).json()["last_partner_meeting"] is None
    body["attendance"][1]["present"] = True
    response = api_client.put(f"/api/v1/meetings/{meeting['id']}", body, content_type=JSON, **headers)
    assert response.status_code == 200 and response.json()["both_sides"] is True
    assert api_client.get(f"/api/v1/routes/{route.pk}", **headers).json()["last_partner_meeting"] == day
    response = api_client.post(f"/api/v1/meetings/{meeting['id']}/cancel", {"reason": "mbo afwezig"},
                               content_type=JSON, **headers)
    assert response.json()["cancelled"] is True
    assert Route.objects.get(pk=route.pk).last_partner_meeting is None
    # the date is no longer typed in: a route change that names it is refused, naming the field
    response = api_client.patch(f"/api/v1/routes/{route.pk}", {"last_partner_meeting": day}, content_type=JSON,
                                **headers)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["last_partner_meeting"]


def test_bad_input_is_a_422_naming_the_field(route, users, people, api_client):
    headers = api_client.token_for("calvijn")
    url = f"/api/v1/routes/{route.pk}/meetings"
    cases = [
        ({"kind": "directieberaad", "held_on": "morgen"}, "held_on"),
        ({"kind": "koffie", "held_on": "2025-01-01"}, "kind"),
        ({"kind": "stuurgroep", "held_on": "2025-01-01", "attendance": [{"person": people["other"].pk}]},
         "attendance[0].person"),
        ({"kind": "stuurgroep", "held_on": "2025-01-01", "attendance": [{"person": "x"}]}, "attendance[0].person"),
        ({"held_on": "2025-01-01"}, "kind"),
    ]
    for body, field in cases:
        response = api_client.post(url, body, content_type=JSON, **headers)
        assert response.status_code == 422, (body, response.content)
        assert field in [e["field"] for e in response.json()["errors"]], (body, response.json())
    response = api_client.post(f"/api/v1/routes/{route.pk}/knelpunten", {"category": "weer", "title": "x"},
                               content_type=JSON, **headers)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "category"
    response = api_client.post(f"/api/v1/routes/{route.pk}/decisions", {"text": "", "due_on": "31-12-2026"},
                               content_type=JSON, **headers)
    assert {e["field"] for e in response.json()["errors"]} == {"text", "due_on"}


def test_decisions_per_route_and_person(route, users, people, api_client):
    headers = api_client.token_for("calvijn")
    people["bram"].user = users["rocva"]
    people["bram"].save()
    response = api_client.post(f"/api/v1/routes/{route.pk}/decisions",
                               {"text": "Rooster afstemmen", "owner": people["bram"].pk, "due_on": "2020-01-01"},
                               content_type=JSON, **headers)
    assert response.status_code == 201 and response.json()["overdue"] is True
    decision = response.json()["id"]
    rocva = api_client.token_for("rocva")
    assert [d["id"] for d in api_client.get("/api/v1/decisions/mine", **rocva).json()] == [decision]
    assert api_client.get("/api/v1/decisions/mine", **headers).json() == []       # calvijn is no person
    assert [d["id"] for d in api_client.get(f"/api/v1/people/{people['bram'].pk}/decisions",
                                            **headers).json()] == [decision]
    response = api_client.post(f"/api/v1/decisions/{decision}/complete", {}, content_type=JSON, **rocva)
    assert response.status_code == 200 and response.json()["done_on"] == date.today().isoformat()
    assert api_client.get(f"/api/v1/routes/{route.pk}/decisions?open=true", **headers).json() == []
    assert len(api_client.get(f"/api/v1/routes/{route.pk}/decisions", **headers).json()) == 1


def test_a_partner_of_another_route_sees_none_of_it(route, users, people, api_client, registry):
    headers = api_client.token_for("calvijn")
    api_client.post(f"/api/v1/routes/{route.pk}/knelpunten", {"category": "ov_kaart", "title": "Geen OV-kaart"},
                    content_type=JSON, **headers)
    other = api_client.token_for("achterhoek")
    for url in (f"/api/v1/routes/{route.pk}/meetings", f"/api/v1/routes/{route.pk}/decisions",
                f"/api/v1/routes/{route.pk}/knelpunten", f"/api/v1/routes/{route.pk}/meeting-series",
                f"/api/v1/people/{people['anna'].pk}/decisions"):
        assert api_client.get(url, **other).status_code == 404, url
    assert api_client.get(f"/api/v1/regions/{registry['ams'].pk}/knelpunten", **other).status_code == 403
    regio = api_client.token_for("regio")
    assert [k["title"] for k in api_client.get(f"/api/v1/routes/{route.pk}/knelpunten", **regio).json()] == [
        "Geen OV-kaart"]
    assert api_client.get(f"/api/v1/routes/{route.pk}/meetings", **regio).status_code == 404
    counts = api_client.get(f"/api/v1/regions/{registry['ams'].pk}/knelpunten/counts", **regio).json()
    assert counts == [{"category": "ov_kaart", "routes": 1, "total": 1, "open": 1, "recurring": False}]
