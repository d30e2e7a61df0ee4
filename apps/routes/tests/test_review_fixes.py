"""Regression tests for access and correctness problems found in review."""
import io

from openpyxl import load_workbook

from apps.accounts.testing import login_with_second_factor
from apps.registry.models import Bestuur, Institution
from apps.routes.models import Agreement, Route, RoutePartner, Signature
from apps.routes.schemas import AgreementIn
from apps.routes.tests.payloads import route_payload, whole

JSON = "application/json"


def test_agreements_are_scoped_by_route_not_by_board(route, registry, make_user, api_client, client):
    """A school of the same board must not see or change another school's agreement."""
    zaam_school = Institution.objects.create(brin="18ZZ", name="Andere ZAAM-school", sector="vo", kind="vo-school",
                                             bestuur=registry["boards"]["zaam"])
    make_user("zaam-ander", "routecoordinator", [zaam_school])
    agreement = Agreement.objects.create(title="SOK Calvijn")
    agreement.routes.add(route)
    Signature.objects.create(agreement=agreement, bestuur=registry["boards"]["zaam"], signed_on="2020-01-01")
    headers = api_client.token_for("zaam-ander")
    assert api_client.get(f"/api/v1/agreements/{agreement.pk}", **headers).status_code == 404
    assert api_client.get("/api/v1/agreements", **headers).json() == []
    client.login(username="zaam-ander", password="pw-zaam-ander")
    assert client.get(f"/overeenkomsten/{agreement.pk}/").status_code == 404
    assert client.post(f"/overeenkomsten/{agreement.pk}/documenten/", {}).status_code == 404


def test_agreement_covering_a_foreign_route_is_read_only_and_hides_that_route(route, registry, users, api_client,
                                                                                client):
    other = Route.objects.create(name="Route Achterhoek", type="gestapeld", region=registry["ach"])
    RoutePartner.objects.create(route=other, institution=registry["vo_ach"], role="vo")
    shared = Agreement.objects.create(title="Gedeelde overeenkomst")
    shared.routes.add(route, other)
    headers = api_client.token_for("calvijn")
    body = api_client.get(f"/api/v1/agreements/{shared.pk}", **headers).json()
    assert body["routes"] == [route.pk]
    assert api_client.put(f"/api/v1/agreements/{shared.pk}", whole({"title": "x"}, AgreementIn), content_type=JSON,
                          **headers).status_code == 403
    assert api_client.patch(f"/api/v1/agreements/{shared.pk}", {"title": "x"}, content_type=JSON,
                            **headers).status_code == 403
    client.login(username="calvijn", password="pw-calvijn")
    assert "Route Achterhoek" not in client.get("/overeenkomsten/").content.decode()


def test_route_must_include_the_users_own_institution(registry, users, api_client):
    payload = route_payload(registry, partners=[{"institution": "20DE", "role": "vo"},
                                                {"institution": "25LF", "role": "mbo"}])
    response = api_client.post("/api/v1/routes", payload, content_type=JSON, **api_client.token_for("calvijn"))
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "partners" and "eigen instelling" in error["message"]
    assert not Route.objects.exists()
    assert api_client.post("/api/v1/routes", payload, content_type=JSON,
                           **api_client.token_for("beheer")).status_code == 201


def test_phase_change_on_edit_is_recorded(route, registry, api_client):
    headers = api_client.token_for("calvijn")
    api_client.put(f"/api/v1/routes/{route.pk}", whole(route_payload(registry, phase="eerste_cohort")),
                   content_type=JSON, **headers)
    assert list(route.phase_history.values_list("phase", flat=True)) == ["eerste_cohort", "regulier"]
    api_client.put(f"/api/v1/routes/{route.pk}", whole(route_payload(registry, phase="eerste_cohort", name="x")),
                   content_type=JSON, **headers)
    assert route.phase_history.count() == 2


def test_put_is_idempotent_with_duplicate_keys(route, registry, api_client):
    headers = api_client.token_for("calvijn")
    payload = route_payload(registry, targets=[{"kpi": "K-04", "value": 60},
                                               {"kpi": "K-04", "value": 90, "operator": "<="}],
                            components=[{"name": "Praktijk", "covered_by": "A"},
                                        {"name": "Praktijk", "covered_by": "B"}])
    for _ in range(2):
        body = api_client.put(f"/api/v1/routes/{route.pk}", whole(payload), content_type=JSON, **headers).json()
        assert [(t["operator"], float(t["value"])) for t in body["targets"]] == [(">=", 60.0), ("<=", 90.0)]
        assert [c["covered_by"] for c in body["components"]] == ["A", "B"]


def test_rule_error_names_the_row_of_the_payload(route, registry, api_client):
    payload = route_payload(registry, uitstroomrichtingen=[{"kwalificatie": "25498"}, {"kwalificatie": "25253"}])
    errors = api_client.put(f"/api/v1/routes/{route.pk}", whole(payload), content_type=JSON,
                            **api_client.token_for("calvijn")).json()["errors"]
    assert [(e["rule"], e["field"]) for e in errors] == [("R-01", "uitstroomrichtingen[1].kwalificatie")]


def test_unknown_filter_values_are_refused(route, api_client):
    headers = api_client.token_for("calvijn")
    assert api_client.get("/api/v1/routes?type=bestaatniet", **headers).status_code == 422
    assert api_client.get("/api/v1/routes?profiel=XYZ", **headers).status_code == 422
    assert len(api_client.get("/api/v1/routes?profiel=Z%26W", **headers).json()) == 1


def test_exports_do_not_carry_formulas(route, client):
    Route.objects.filter(pk=route.pk).update(name='=HYPERLINK("http://evil.example/","Klik")')
    client.login(username="calvijn", password="pw-calvijn")
    sheet = load_workbook(io.BytesIO(client.get("/routes/?export=xlsx").content)).active
    assert sheet["B2"].data_type == "s" and sheet["B2"].value.startswith("'=")
    assert "'=HYPERLINK" in client.get("/routes/?export=csv").content.decode("utf-8-sig")


def test_import_with_duplicate_keys_reports_the_row(users, client):
    login_with_second_factor(client, "beheer")
    f = io.BytesIO(b"name;bevoegd_gezag_nummer\nStichting X;1\nStichting X;2\n")
    f.name = "b.csv"
    errors = client.post("/register/besturen/", {"file": f}).context["errors"]
    assert [(e.row, e.column) for e in errors] == [(3, "name")] and "rij 2" in errors[0].message
    assert not Bestuur.objects.filter(name="Stichting X").exists()


def test_stopping_twice_adds_no_history(route, api_client):
    headers = api_client.token_for("calvijn")
    api_client.post(f"/api/v1/routes/{route.pk}/stop", **headers)
    api_client.post(f"/api/v1/routes/{route.pk}/stop", **headers)
    assert route.phase_history.filter(phase="gestopt").count() == 1
