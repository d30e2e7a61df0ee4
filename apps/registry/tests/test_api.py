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
    text = ("brin;name;sector;kind;bestuur;city;regions\n"
            "17XG;Calvijn College Amsterdam;vo;vo-school;Stichting ZAAM;Amsterdam;\n")
    import io
    f = io.BytesIO(text.encode())
    f.name = "i.csv"
    client.post("/register/institutions/", {"file": f})
    page = client.get(f"/instellingen/{institution.pk}/geschiedenis/").content.decode()
    assert "beheer" in page and "Calvijn College Amsterdam" in page


# --- exam plan templates: one use case for the page and the API ------------------------------------

def _template_state(template):
    template.refresh_from_db()
    return (template.keuzedelen, template.bpv_hours, template.note,
            [(p.kind, p.name, p.year, p.order) for p in template.parts.all()])


def test_the_page_and_the_api_save_a_template_alike(users, registry, api_client, client):
    from apps.registry.exam_templates import create_own_template
    from apps.registry.models import ExamPlanTemplate

    template = create_own_template(registry["k"]["helpende"])
    parts = [{"kind": "generiek", "name": "Nederlands", "year": 1},
             {"kind": "kerntaak", "name": "Kerntaak 1", "year": 2}]
    response = api_client.put(f"/api/v1/exam-templates/{template.pk}",
                              {"keuzedelen": 3, "bpv_hours": 600, "note": "eigen plan", "parts": parts},
                              content_type="application/json", **api_client.token_for("beheer"))
    assert response.status_code == 200, response.content
    by_api = _template_state(template)

    other = create_own_template(registry["k"]["verzorgende"])
    login_with_second_factor(client, "beheer")
    shown = list(other.parts.all())
    form = {"keuzedelen": 3, "bpv_hours": 600, "note": "eigen plan", "parts-TOTAL_FORMS": len(shown),
            "parts-INITIAL_FORMS": len(shown), "parts-MIN_NUM_FORMS": 0, "parts-MAX_NUM_FORMS": 1000}
    for i, part in enumerate(shown):
        wanted = {"Nederlands": 1, "Kerntaak 1": 2}.get(part.name)
        form.update({f"parts-{i}-id": part.pk, f"parts-{i}-kind": part.kind, f"parts-{i}-name": part.name,
                     f"parts-{i}-year": wanted or part.year, f"parts-{i}-order": i})
        if wanted is None:
            form[f"parts-{i}-DELETE"] = "on"
    response = client.post(other.get_absolute_url(), form)
    assert response.status_code == 302 and response.url == other.get_absolute_url(), response.content.decode()[-2000:]
    assert _template_state(ExamPlanTemplate.objects.get(pk=other.pk)) == by_api


def test_a_template_part_added_twice_at_the_same_moment_is_a_422(users, registry, api_client, monkeypatch):
    from django.db import IntegrityError

    from apps.registry.exam_templates import create_own_template
    from apps.registry.models import ExamPlanTemplatePart

    template = create_own_template(registry["k"]["helpende"])
    before = [(p.kind, p.name) for p in template.parts.all()]

    def collide(**kwargs):
        raise IntegrityError("examplantemplatepart_unique_name")
    monkeypatch.setattr(ExamPlanTemplatePart.objects, "create", collide)
    response = api_client.put(f"/api/v1/exam-templates/{template.pk}",
                              {"keuzedelen": 3, "bpv_hours": 600, "note": "",
                               "parts": [{"kind": "kerntaak", "name": "Kerntaak 9", "year": 2}]},
                              content_type="application/json", **api_client.token_for("beheer"))
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "parts"
    assert [(p.kind, p.name) for p in template.parts.all()] == before   # nothing half written
    template.refresh_from_db()
    assert template.keuzedelen == 2
