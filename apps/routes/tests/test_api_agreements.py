"""Agreements over the API: R-07 blocks signing, R-06 follows, scoping as everywhere."""
from apps.routes.schemas import AgreementIn
from apps.routes.tests.payloads import whole

JSON = "application/json"
MANDATORY = ["aansturing", "inrichting", "bekostiging", "overstapoptie"]


def agreement(route, **overrides):
    body = {"kind": "sok", "title": "SOK Zorgroute", "valid_from": "2020-08-01", "routes": [route.pk],
            "signatures": [{"bestuur": "Stichting ZAAM", "signed_on": "2020-07-01"},
                           {"bestuur": "Stichting ROC van Amsterdam", "signed_on": "2020-07-02"}],
            "clauses": [{"topic": t, "text": f"Afspraak {t}"} for t in MANDATORY]}
    body.update(overrides)
    return body


def compliance_of(api_client, route, headers):
    rows = api_client.get(f"/api/v1/routes/{route.pk}/compliance", **headers).json()
    return {row["rule"]: row["status"] for row in rows}


def test_signed_agreement_without_overstapoptie_is_refused(route, api_client):
    headers = api_client.token_for("calvijn")
    body = agreement(route, clauses=[{"topic": t, "text": "x"} for t in MANDATORY[:3]])
    response = api_client.post("/api/v1/agreements", body, content_type=JSON, **headers)
    assert response.status_code == 422
    assert [(e["rule"], e["field"]) for e in response.json()["errors"]] == [("R-07", "clauses")]
    assert "overstapoptie" in response.json()["errors"][0]["message"]
    draft = agreement(route, clauses=[], signatures=[{"bestuur": "Stichting ZAAM"}])
    assert api_client.post("/api/v1/agreements", draft, content_type=JSON, **headers).status_code == 201


def test_agreement_makes_r06_pass_and_can_be_updated(route, api_client):
    headers = api_client.token_for("calvijn")
    assert compliance_of(api_client, route, headers)["R-06"] == "failed"
    created = api_client.post("/api/v1/agreements", agreement(route), content_type=JSON, **headers)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["signed"] and body["version"] == 1 and body["topics"] == sorted(MANDATORY)
    assert compliance_of(api_client, route, headers)["R-06"] == "passed"

    # A signed agreement changes only through a new version: an update of its content is refused ...
    update = agreement(route, title="SOK Zorgroute 2020",
                       signatures=[{"bestuur": "Stichting ZAAM", "signed_on": "2020-07-01"}])
    response = api_client.put(f"/api/v1/agreements/{body['id']}", whole(update, AgreementIn), content_type=JSON,
                              **headers)
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"title", "signatures"}
    assert all("nieuwe versie" in e["message"] for e in response.json()["errors"])
    assert api_client.get(f"/api/v1/agreements/{body['id']}", **headers).json() == body
    # ... its notes may change ...
    response = api_client.patch(f"/api/v1/agreements/{body['id']}", {"notes": "Getekend exemplaar in map 3."},
                                content_type=JSON, **headers)
    assert response.status_code == 200 and response.json() == {**body, "notes": "Getekend exemplaar in map 3."}
    # ... and a new version replaces it.
    response = api_client.post("/api/v1/agreements", {**update, "supersedes": body["id"]}, content_type=JSON,
                               **headers)
    assert response.status_code == 201, response.content
    assert response.json()["version"] == 2 and response.json()["title"] == "SOK Zorgroute 2020"
    first = api_client.get(f"/api/v1/agreements/{body['id']}", **headers).json()
    assert len(first["signatures"]) == 2 and first["topics"] == sorted(MANDATORY)   # version 1 keeps its content


def test_agreement_errors_name_the_field(route, api_client):
    headers = api_client.token_for("calvijn")
    body = agreement(route, signatures=[{"bestuur": "Onbekend bestuur"}])
    errors = api_client.post("/api/v1/agreements", body, content_type=JSON, **headers).json()["errors"]
    assert errors[0]["field"] == "signatures[0].bestuur"
    body = agreement(route, valid_from="2021-01-01", valid_to="2020-01-01")
    errors = api_client.post("/api/v1/agreements", body, content_type=JSON, **headers).json()["errors"]
    assert errors[0]["field"] == "valid_to"


def test_agreement_scope(route, api_client):
    created = api_client.post("/api/v1/agreements", agreement(route), content_type=JSON,
                              **api_client.token_for("calvijn")).json()
    other = api_client.token_for("achterhoek")
    assert api_client.get(f"/api/v1/agreements/{created['id']}", **other).status_code == 404
    assert api_client.put(f"/api/v1/agreements/{created['id']}", whole(agreement(route), AgreementIn),
                          content_type=JSON, **other).status_code == 404
    assert api_client.get("/api/v1/agreements", **other).json() == []
    # A route outside the user's scope cannot be attached.
    errors = api_client.post("/api/v1/agreements", agreement(route), content_type=JSON, **other).json()["errors"]
    assert errors[0]["field"] == "routes"
    regio = api_client.token_for("regio")
    assert api_client.get(f"/api/v1/agreements/{created['id']}", **regio).status_code == 200
    assert api_client.put(f"/api/v1/agreements/{created['id']}", whole(agreement(route), AgreementIn),
                          content_type=JSON, **regio).status_code == 403
