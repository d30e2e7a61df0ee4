"""Scoping: a user of another institution gets 404 for every route endpoint; a regiocoördinator
reads the region's routes and changes nothing."""
import pytest

from apps.routes.models import Agreement, Route
from apps.routes.tests.payloads import route_payload, whole

JSON = "application/json"

UI_GET = ["/routes/{id}/", "/routes/{id}/bewerken/", "/routes/{id}/compliance/", "/routes/{id}/geschiedenis/",
          "/routes/{id}/concept-overeenkomst/"]
UI_POST = ["/routes/{id}/bewerken/", "/routes/{id}/stoppen/"]
API_GET = ["/api/v1/routes/{id}", "/api/v1/routes/{id}/compliance", "/api/v1/routes/{id}/history"]


@pytest.mark.parametrize("path", UI_GET)
def test_other_institution_gets_404_in_the_interface(route, client, path):
    client.login(username="achterhoek", password="pw-achterhoek")
    assert client.get(path.format(id=route.pk)).status_code == 404


@pytest.mark.parametrize("path", UI_POST)
def test_other_institution_cannot_post(route, client, path):
    client.login(username="achterhoek", password="pw-achterhoek")
    assert client.post(path.format(id=route.pk), {"name": "x"}).status_code == 404
    route.refresh_from_db()
    assert route.name == "Testroute Zorg" and route.phase == "regulier"


@pytest.mark.parametrize("path", API_GET)
def test_other_institution_gets_404_in_the_api(route, api_client, path):
    assert api_client.get(path.format(id=route.pk), **api_client.token_for("achterhoek")).status_code == 404


def test_other_institution_api_writes_get_404(route, registry, api_client):
    headers = api_client.token_for("achterhoek")
    assert api_client.put(f"/api/v1/routes/{route.pk}", whole(route_payload(registry, name="x")), content_type=JSON,
                          **headers).status_code == 404
    assert api_client.post(f"/api/v1/routes/{route.pk}/stop", **headers).status_code == 404
    assert api_client.get("/api/v1/routes?search=Testroute", **headers).json() == []
    route.refresh_from_db()
    assert route.name == "Testroute Zorg"


def test_both_partners_see_the_route(route, api_client):
    for username in ("calvijn", "rocva", "examen", "regio", "beheer"):
        assert api_client.get(f"/api/v1/routes/{route.pk}", **api_client.token_for(username)).status_code == 200


def test_regiocoordinator_reads_but_changes_nothing(route, registry, api_client, client):
    headers = api_client.token_for("regio")
    assert api_client.get(f"/api/v1/routes/{route.pk}", **headers).status_code == 200
    assert api_client.post("/api/v1/routes", route_payload(registry, name="Nieuw"), content_type=JSON,
                           **headers).status_code == 403
    assert api_client.put(f"/api/v1/routes/{route.pk}", whole(route_payload(registry, name="x")), content_type=JSON,
                          **headers).status_code == 403
    assert api_client.post(f"/api/v1/routes/{route.pk}/stop", **headers).status_code == 403
    client.login(username="regio", password="pw-regio")
    assert client.get(f"/routes/{route.pk}/").status_code == 200
    assert client.get(f"/routes/{route.pk}/bewerken/").status_code == 404
    assert client.get("/routes/nieuw/").status_code == 404
    assert client.post(f"/routes/{route.pk}/stoppen/").status_code == 404
    assert client.get("/overeenkomsten/nieuw/").status_code == 404
    assert client.get("/beheer/").status_code == 302  # admin: beheerder only
    route.refresh_from_db()
    assert route.name == "Testroute Zorg" and Route.objects.count() == 1


def test_regiocoordinator_of_other_region_sees_nothing(route, make_user, registry, api_client):
    make_user("regio-ach", "regiocoordinator", region=registry["ach"])
    assert api_client.get(f"/api/v1/routes/{route.pk}", **api_client.token_for("regio-ach")).status_code == 404


def test_exam_staff_read_but_do_not_change_the_register(route, registry, api_client):
    headers = api_client.token_for("examen")
    assert api_client.put(f"/api/v1/routes/{route.pk}", whole(route_payload(registry, name="x")), content_type=JSON,
                          **headers).status_code == 403


def test_agreements_are_scoped(route, registry, client):
    agreement = Agreement.objects.create(title="SOK Calvijn-ROCvA")
    agreement.routes.add(route)
    client.login(username="achterhoek", password="pw-achterhoek")
    assert client.get(f"/overeenkomsten/{agreement.pk}/").status_code == 404
    assert client.get(f"/overeenkomsten/{agreement.pk}/bewerken/").status_code == 404
    client.login(username="rocva", password="pw-rocva")
    assert client.get(f"/overeenkomsten/{agreement.pk}/").status_code == 200


def test_anonymous_is_sent_to_login_and_api_says_401(route, client):
    assert client.get("/routes/").status_code == 302
    assert client.get(f"/api/v1/routes/{route.pk}").status_code == 401


def test_session_cannot_write_through_the_api(route, registry, client):
    """A browser session may read the API, but writes need a token (no CSRF exposure)."""
    client.login(username="calvijn", password="pw-calvijn")
    assert client.get(f"/api/v1/routes/{route.pk}").status_code == 200
    assert client.post("/api/v1/routes", route_payload(registry), content_type=JSON).status_code == 401


def test_a_small_reported_number_of_students_is_hidden_outside_the_partners(route, api_client, client):
    Route.objects.filter(pk=route.pk).update(reported_students=3)
    regional = api_client.token_for("regio")
    assert api_client.get(f"/api/v1/routes/{route.pk}", **regional).json()["reported_students"] == "<5"
    partner = api_client.token_for("calvijn")
    assert api_client.get(f"/api/v1/routes/{route.pk}", **partner).json()["reported_students"] == 3
    client.login(username="regio", password="pw-regio")
    page = client.get(f"/routes/{route.pk}/").content.decode()
    assert "&lt;5" in page
    export = client.get("/routes/?export=csv").content.decode()
    assert "<5" in export and ",3," not in export
