"""The coverage page and API (access by region, suppression, bad parameters) and the import page and
API (beheerder only, all or nothing, 4xx naming row, column and value)."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.models import Role
from apps.accounts.testing import login_with_second_factor
from apps.registry.models import PopulationCount

from .test_import import counts, wide


@pytest.fixture
def coordinator_a(region, make_user):
    return make_user("coord-a", Role.ROUTECOORDINATOR, [region["a"]])


def _page(client, user, region_id, query=""):
    login_with_second_factor(client, user)
    return client.get(f"/regio/{region_id}/dekking/{query}")


def test_page_for_region_readers_only(client, region, users, coordinator_a, make_user):
    test = region["region"]
    users["regio"].region = test
    users["regio"].save()
    for user in (users["regio"], coordinator_a, users["beheer"]):
        response = _page(client, user, test.pk, "?schooljaar=2020")
        assert response.status_code == 200, user
        assert b"2 / 3" in response.content and b"School C" in response.content
    assert _page(client, users["regio"], region["other"].pk).status_code == 404   # not their region
    assert _page(client, users["examen"], test.pk).status_code == 404              # no coverage role
    assert _page(client, users["achterhoek"], test.pk).status_code == 404          # institutions elsewhere


def test_page_shows_gaps_and_suppresses_small_counts(client, region, users):
    response = _page(client, users["beheer"], region["region"].pk, "?schooljaar=2020")
    html = response.content.decode()
    assert "gat" in html and "GLR A" in html and "in ontwikkeling" in html
    assert '<td class="num">&lt;5</td>' in html        # School C's 3 Z&W students in Diemen
    assert '<td class="num">3</td>' not in html


def test_page_bad_school_year_is_400_naming_it(client, region, users):
    response = _page(client, users["beheer"], region["region"].pk, "?schooljaar=twintig")
    assert response.status_code == 400 and b"schooljaar" in response.content


def test_api_coverage(api_client, region, users, route_students):
    headers = api_client.token_for("beheer")
    response = api_client.get(f"/api/v1/coverage?region={region['region'].pk}&school_year=2020", **headers)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["schools"] == {"total": 3, "with_route": 2, "without_route": 1}
    assert [s["name"] for s in body["schools_without_route"]] == ["School C"]
    zw = next(row for row in body["matrix"] if row["profiel"] == "Z&W")
    assert zw["students"] == "58" and [c["gap"] for c in zw["cells"]] == [False, True, True]
    assert zw["cells"][0]["routes"][0]["vo_schools"][0]["brin"] == "91AA"
    assert {"profiel": "E&O", "level": 2} in body["gaps"]
    diemen = next(a for a in body["by_gemeente"] if a["area"] == "Diemen")
    assert next(r for r in diemen["matrix"] if r["profiel"] == "Z&W")["students"] == "<5"
    bb = next(b for b in body["bereik"]["per_leerweg"] if b["leerweg"] == "BB")
    assert bb == {"leerweg": "BB", "numerator": "<5", "denominator": "33", "value": None}  # 3 of 33: hidden


def test_api_coverage_bad_params_name_the_field(api_client, region, users):
    headers = api_client.token_for("regio")
    for query, field in (("", "region"), ("region=abc", "region"), ("region=1&school_year=1800", "school_year"),
                         ("region=1&leerjaar=7", "leerjaar")):
        response = api_client.get(f"/api/v1/coverage?{query}", **headers)
        assert response.status_code == 422, query
        assert response.json()["errors"][0]["field"] == field
    response = api_client.get(f"/api/v1/coverage?region={region['region'].pk}", **headers)  # not their region
    assert response.status_code == 404 and response.json()["errors"][0]["field"] == "region"


def _upload(content, name="duo.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_api_import(api_client, region, users):
    good = wide(f"91AC;00;School C;DIEMEN;Diemen;VMBO BL lj 3-4;Zorg en welzijn;{counts((3, 7, 8))}")
    headers = api_client.token_for("beheer")
    response = api_client.post("/api/v1/population-counts", {"file": _upload(good), "school_year": "2023"},
                               HTTP_IDEMPOTENCY_KEY="k1", **headers)
    assert response.status_code == 201, response.content
    assert response.json()["counts_written"] == 1
    again = api_client.post("/api/v1/population-counts", {"file": _upload(good), "school_year": "2023"},
                            HTTP_IDEMPOTENCY_KEY="k1", **headers)
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert PopulationCount.objects.get(school_year=2023).count == 15

    bad = wide(f"91AC;00;School C;DIEMEN;Diemen;VMBO BL lj 3-4;Zorg en welzijn;{counts((3, 'x', 8))}")
    response = api_client.post("/api/v1/population-counts", {"file": _upload(bad), "school_year": "2024"}, **headers)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "file[2].LEER- OF VERBLIJFSJAAR 3 - MAN" and "'x'" in error["message"]
    assert not PopulationCount.objects.filter(school_year=2024).exists()

    response = api_client.post("/api/v1/population-counts", {"file": _upload(good)},
                               **api_client.token_for("regio"))
    assert response.status_code == 403


def test_import_page(client, region, users):
    login_with_second_factor(client, users["beheer"])
    assert client.get("/regio/populatie/import/").status_code == 200
    bad = wide(f"99ZZ;00;X;A;A;VMBO BL lj 3-4;Zorg en welzijn;{counts((3, 1, 1))}")
    response = client.post("/regio/populatie/import/", {"file": _upload(bad), "school_year": "2021"})
    assert response.status_code == 422 and b"99ZZ" in response.content and b"BRIN NUMMER" in response.content
    good = wide(f"91AC;00;School C;DIEMEN;Diemen;VMBO BL lj 3-4;Zorg en welzijn;{counts((3, 7, 8))}")
    response = client.post("/regio/populatie/import/", {"file": _upload(good), "school_year": "2021"})
    assert response.status_code == 200 and PopulationCount.objects.filter(school_year=2021).count() == 1
    login_with_second_factor(client, users["regio"])
    assert client.get("/regio/populatie/import/").status_code == 403


def test_start_page_links_regional_users_to_their_coverage(client, region, users):
    login_with_second_factor(client, users["regio"])
    assert b'href="/regio/dekking/"' in client.get("/").content
    response = client.get("/regio/dekking/")
    assert response.status_code == 302 and response["Location"] == f"/regio/{users['regio'].region_id}/dekking/"
    login_with_second_factor(client, users["examen"])
    assert client.get("/regio/dekking/").status_code == 404
