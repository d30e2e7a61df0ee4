from apps.accounts.testing import login_with_second_factor


def test_registry_endpoints(registry, users, api_client):
    headers = api_client.token_for("calvijn")
    institutions = api_client.get("/api/v1/institutions?sector=mbo", **headers).json()
    assert {i["brin"] for i in institutions} == {"25LX", "25LF"}
    assert institutions[0]["bestuur"]
    levels = {k["code"]: k["level"] for k in api_client.get("/api/v1/kwalificaties", **headers).json()}
    assert levels["25253"] == 1 and levels["25498"] == 2
    assert [k["code"] for k in api_client.get("/api/v1/kwalificaties?level=1", **headers).json()] == ["25253"]
    assert {r["name"] for r in api_client.get("/api/v1/regions", **headers).json()} == {"Amsterdam", "Achterhoek"}
    assert len(api_client.get("/api/v1/profielen", **headers).json()) == 10
    assert [lw["code"] for lw in api_client.get("/api/v1/leerwegen", **headers).json()] == ["BB", "KB", "GL", "TL"]
    assert api_client.get("/api/v1/institutions").status_code == 401


def test_registry_changes_are_audited_and_shown(registry, users, client):
    login_with_second_factor(client, "beheer")
    institution = registry["calvijn"]
    text = "brin;name;sector;kind;bestuur;city;regions\n17XG;Calvijn College Amsterdam;vo;vo-school;Stichting ZAAM;Amsterdam;\n"
    import io
    f = io.BytesIO(text.encode())
    f.name = "i.csv"
    client.post("/register/institutions/", {"file": f})
    page = client.get(f"/instellingen/{institution.pk}/geschiedenis/").content.decode()
    assert "beheer" in page and "Calvijn College Amsterdam" in page
