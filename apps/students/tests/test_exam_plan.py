"""Diploma checks compare a student's results with what is required (the exam plan templates),
never with what happens to be planned; a student's plan starts from the template; templates are
kept by the beheerder and by the coordinators of the routes that offer the kwalificatie."""
from datetime import date

import pytest
from auditlog.models import LogEntry

from apps.accounts.testing import login_with_second_factor
from apps.registry.exam_templates import create_own_template
from apps.registry.models import ExamPlanTemplate, Kwalificatie, Leerweg
from apps.routes.models import Uitstroomrichting
from apps.students import exam_plan, services
from apps.students.models import ExamPart, Student
from apps.students.schemas import EventIn

LEVEL2_MBO = {("generiek", "Nederlands"), ("generiek", "Rekenen"), ("generiek", "Loopbaan en burgerschap"),
              ("kerntaak", "Kerntaak 1"), ("kerntaak", "Kerntaak 2"), ("keuzedeel", "Keuzedeel 1"),
              ("keuzedeel", "Keuzedeel 2"), ("BPV", "BPV")}


def pass_all(student, sector="mbo"):
    for part in student.exam_parts.filter(sector=sector):
        part.result = "passed"
        part.save()
    return Student.objects.get(pk=student.pk)  # without the parts prefetched before


def test_a_new_students_plan_is_created_from_the_template(enrol):
    student = enrol()  # BB, helpende zorg en welzijn (level 2), route from vmbo 3
    mbo = {(p.kind, p.name): p for p in student.exam_parts.filter(sector="mbo")}
    assert set(mbo) == LEVEL2_MBO
    assert mbo[("generiek", "Nederlands")].planned_route_year == 3  # mbo-leerjaar 1 after two vo-fase years
    assert mbo[("kerntaak", "Kerntaak 2")].planned_route_year == 4
    assert all(p.result == "open" for p in mbo.values())
    assert mbo[("kerntaak", "Kerntaak 1")].examiner.brin == "25LX"
    vmbo = student.exam_parts.filter(sector="vmbo")
    assert {(p.kind, p.name) for p in vmbo} >= {("SE", "Nederlands"), ("CSPE", "Beroepsgericht profielvak")}
    assert {p.planned_route_year for p in vmbo} <= {1, 2} and {p.examiner.brin for p in vmbo} == {"17XG"}
    assert LogEntry.objects.get_for_objects(ExamPart.objects.filter(student=student)).count() == \
        student.exam_parts.count()  # every planned part audited


def test_one_passed_mbo_part_and_nothing_else_planned_is_not_ready(enrol, client, users):
    student = enrol()
    student.exam_parts.exclude(sector="mbo", name="Kerntaak 1").delete()
    student.exam_parts.update(result="passed")
    status = services.diploma_status(student)
    assert status["mbo_diploma"] is False
    missing = {(x["kind"], x["name"]): x["state"] for x in status["mbo_missing"]}
    assert missing[("generiek", "Nederlands")] == "not_planned" and ("kerntaak", "Kerntaak 1") not in missing
    client.login(username="calvijn", password="pw-calvijn")
    page = client.get(f"/leerlingen/{student.pk}/").content.decode()
    assert 'id="mbo-missing"' in page and "Nederlands (generiek): niet gepland" in page
    assert "keuzedelen: 0 van 2 behaald (niet gepland)" in page and "BPV (800 uur): niet gepland" in page
    assert "klaar voor mbo-diploma" not in page
    cohort = client.get(f"/routes/{student.route_id}/leerlingen/?cohort=2019").content.decode()
    assert "klaar voor mbo-diploma" not in cohort and "mbo: 6 vereiste onderdelen ontbreken" in cohort
    assert f'/leerlingen/{student.pk}/#diploma' in cohort
    with pytest.raises(services.RuleViolation, match="Nederlands"):
        services.record_event(users["calvijn"], student, EventIn(kind="mbo_diploma", date=date(2021, 6, 30)))


def test_every_required_part_passed_is_ready(enrol, client, users):
    student = enrol()
    student = pass_all(student)
    status = services.diploma_status(student)
    assert status["mbo_diploma"] is True and status["mbo_missing"] == []
    assert status["cijferlijst"] and not status["vmbo_required"]  # GLR, BB
    client.login(username="calvijn", password="pw-calvijn")
    assert "klaar voor mbo-diploma" in client.get(f"/leerlingen/{student.pk}/").content.decode()
    cohort = client.get(f"/routes/{student.route_id}/leerlingen/?cohort=2019").content.decode()
    assert "klaar voor mbo-diploma" in cohort
    student, _found = services.record_event(users["calvijn"], student,
                                            EventIn(kind="mbo_diploma", date=date(2021, 6, 30)))
    assert student.status == "gediplomeerd"


def test_planned_open_and_failed_parts_are_told_apart(enrol, client):
    student = enrol()
    student = pass_all(student)
    student.exam_parts.filter(name="Rekenen").update(result="failed")
    student.exam_parts.filter(name="Kerntaak 2").update(result="open")
    labels = [x["label"] for x in services.diploma_status(Student.objects.get(pk=student.pk))["mbo_missing"]]
    assert labels == ["Rekenen (generiek): niet behaald", "Kerntaak 2 (kerntaak): gepland, nog niet behaald"]


def test_the_vmbo_diploma_is_checked_against_the_leerweg_template_in_a_dlr(enrol, glr_route):
    glr_route.vmbo_diploma = True
    glr_route.save()
    student = enrol(leerweg="KB", judgment=None)
    status = services.diploma_status(student)
    assert status["vmbo_required"] and not status["vmbo_diploma"] and not status["cijferlijst"]
    assert status["vmbo_source"] == "standaard vmbo KB"
    student = pass_all(student, "vmbo")
    assert services.diploma_status(student)["vmbo_diploma"] is True
    student.exam_parts.filter(sector="vmbo", kind="CSPE", name="Nederlands").delete()
    status = services.diploma_status(Student.objects.get(pk=student.pk))
    assert not status["vmbo_diploma"] and [x["label"] for x in status["vmbo_missing"]] == [
        "Nederlands (CSPE): niet gepland"]


def test_a_kwalificatie_template_overrides_the_level_default(enrol, registry, client):
    student = enrol()
    student = pass_all(student)
    assert services.diploma_status(student)["mbo_diploma"] is True
    client.login(username="calvijn", password="pw-calvijn")
    helpende = registry["k"]["helpende"]
    response = client.post(f"/register/examenplannen/kwalificatie/{helpende.pk}/")
    template = ExamPlanTemplate.objects.get(kwalificatie=helpende)
    assert response.status_code == 302 and response["Location"] == template.get_absolute_url()
    assert template.parts.count() == 5 and template.keuzedelen == 2  # a copy of the level-2 default
    parts = list(template.parts.all())
    form = {"keuzedelen": 1, "bpv_hours": 640, "note": "Kwalificatiedossier 2024",
            "parts-TOTAL_FORMS": len(parts) + 1, "parts-INITIAL_FORMS": len(parts), "parts-MIN_NUM_FORMS": 0,
            "parts-MAX_NUM_FORMS": 1000}
    for i, part in enumerate(parts):
        form.update({f"parts-{i}-id": part.pk, f"parts-{i}-template": template.pk, f"parts-{i}-kind": part.kind,
                     f"parts-{i}-name": part.name, f"parts-{i}-year": part.year, f"parts-{i}-order": i})
        if part.name == "Kerntaak 2":
            form[f"parts-{i}-DELETE"] = "on"
    n = len(parts)
    form.update({f"parts-{n}-template": template.pk, f"parts-{n}-kind": "kerntaak",
                 f"parts-{n}-name": "B1-K2 Ondersteunt bij wonen en welzijn", f"parts-{n}-year": 2,
                 f"parts-{n}-order": n})
    response = client.post(template.get_absolute_url(), form)
    assert response.status_code == 302, response.content.decode()[-3000:]
    required = exam_plan.required_parts(Student.objects.get(pk=student.pk)).mbo
    assert required.source == "examenplan van 25498" and required.keuzedelen == 1
    assert {p.name for p in required.parts} == {"Nederlands", "Rekenen", "Loopbaan en burgerschap", "Kerntaak 1",
                                                "B1-K2 Ondersteunt bij wonen en welzijn"}
    status = services.diploma_status(Student.objects.get(pk=student.pk))
    assert not status["mbo_diploma"]  # the new kerntaak is required and not planned
    assert [x["label"] for x in status["mbo_missing"]] == [
        "B1-K2 Ondersteunt bij wonen en welzijn (kerntaak): niet gepland"]
    # Another level-2 kwalificatie still follows the level default
    other = Kwalificatie.objects.create(code="25655", name="Medewerker sport en recreatie", level=2)
    assert exam_plan.mbo_requirements(other).source == "standaard mbo niveau 2"
    # The change is audited and shown in the template's history
    assert LogEntry.objects.get_for_object(template).exists()
    history = client.get(f"/register/examenplannen/{template.pk}/geschiedenis/").content.decode()
    assert "B1-K2 Ondersteunt bij wonen en welzijn" in history


def test_a_template_with_a_duplicate_or_wrong_part_is_refused_with_the_field(users, registry, client):
    template = create_own_template(registry["k"]["helpende"])
    login_with_second_factor(client, "beheer")
    form = {"keuzedelen": 2, "bpv_hours": 800, "note": "", "parts-TOTAL_FORMS": 2, "parts-INITIAL_FORMS": 0,
            "parts-MIN_NUM_FORMS": 0, "parts-MAX_NUM_FORMS": 1000,
            "parts-0-kind": "kerntaak", "parts-0-name": "Kerntaak 1", "parts-0-year": 1, "parts-0-order": 0,
            "parts-1-kind": "SE", "parts-1-name": "Wiskunde", "parts-1-year": 1, "parts-1-order": 1}
    response = client.post(template.get_absolute_url(), form)
    page = response.content.decode()
    assert response.status_code == 200 and "Dit onderdeel staat al in het sjabloon" in page
    assert "Een mbo-onderdeel in het sjabloon is generiek of een kerntaak" in page
    assert template.parts.count() == 5


def test_who_may_change_a_template(users, registry, client, route):
    helpende = registry["k"]["helpende"]
    level2 = ExamPlanTemplate.objects.get(sector="mbo", kwalificatie__isnull=True, level=2)
    # The coordinator of another institution does not offer helpende zorg en welzijn: 403 on every change
    client.login(username="achterhoek", password="pw-achterhoek")
    assert client.post(f"/register/examenplannen/kwalificatie/{helpende.pk}/").status_code == 403
    assert not ExamPlanTemplate.objects.filter(kwalificatie=helpende).exists()
    own = create_own_template(helpende)
    assert client.post(own.get_absolute_url(), {"keuzedelen": 9}).status_code == 403
    assert client.post(level2.get_absolute_url(), {"keuzedelen": 9}).status_code == 403
    page = client.get(own.get_absolute_url()).content.decode()
    assert client.get(own.get_absolute_url()).status_code == 200 and 'id="exam-template-form"' not in page
    # The route's own coordinator may change the kwalificatie's template, not the level default
    client.login(username="calvijn", password="pw-calvijn")
    assert 'id="exam-template-form"' in client.get(own.get_absolute_url()).content.decode()
    assert client.post(level2.get_absolute_url(), {"keuzedelen": 9}).status_code == 403
    level2.refresh_from_db()
    assert level2.keuzedelen == 2
    # The route page leads to its uitstroomrichtingen's templates
    detail = client.get(f"/routes/{route.pk}/").content.decode()
    assert f"/routes/{route.pk}/examenplannen/" in detail
    listing = client.get(f"/routes/{route.pk}/examenplannen/").content.decode()
    assert own.get_absolute_url() in listing and "Bewerken" in listing
    listing = client.get("/register/examenplannen/").content.decode()
    assert "Examenplan mbo niveau 2 (standaard)" in listing and "Examenplan vmbo BB (standaard)" in listing
    assert "/register/examenplannen/" in client.get("/register/").content.decode()
    # A route the user does not see: 404
    client.login(username="achterhoek", password="pw-achterhoek")
    assert client.get(f"/routes/{route.pk}/examenplannen/").status_code == 404
    # The beheerder keeps the defaults, also in the admin
    login_with_second_factor(client, "beheer")
    assert 'id="exam-template-form"' in client.get(level2.get_absolute_url()).content.decode()
    assert client.get("/beheer/registry/examplantemplate/").status_code == 200
    assert client.get(f"/beheer/registry/examplantemplate/{level2.pk}/change/").status_code == 200


def test_choosing_the_uitstroomrichting_later_adds_the_mbo_plan(glr_route, registry, users):
    glr_route.vmbo_diploma = True  # a DLR: level 3 is allowed
    glr_route.save()
    verzorgende = registry["k"]["verzorgende"]
    Uitstroomrichting.objects.create(route=glr_route, kwalificatie=verzorgende)
    student = Student(route=glr_route, first_name="Ali", last_name="Yilmaz", leerweg=Leerweg.objects.get(code="BB"),
                      cohort=2019, glr_judgment_on="2019-06-15")
    student = services.enrol(student, {registry["calvijn"]: "C0042"}, users["calvijn"])[0]
    assert not student.exam_parts.filter(sector="mbo").exists() and student.exam_parts.filter(sector="vmbo").exists()
    status = services.diploma_status(student)
    assert not status["mbo_diploma"] and status["mbo_missing"][0]["label"] == "nog geen uitstroomrichting gekozen"
    student, _found = services.record_event(users["calvijn"], student,
                                            EventIn(kind="switch", date=date(2019, 12, 1), kwalificatie=verzorgende.code))
    names = {p.name for p in student.exam_parts.filter(sector="mbo")}
    assert {"Kerntaak 3", "Keuzedeel 3", "BPV"} <= names and "Engels" not in names  # level 3
    assert services.diploma_status(student)["mbo_source"] == "standaard mbo niveau 3"


def test_a_result_recorded_on_the_page_updates_the_planned_part(enrol, client):
    student = enrol()
    planned = student.exam_parts.count()
    client.login(username="calvijn", password="pw-calvijn")
    client.post(f"/leerlingen/{student.pk}/examenonderdelen/",
                {"sector": "vmbo", "kind": "CSPE", "name": "nederlands ", "planned_route_year": 2, "result": "passed"})
    assert student.exam_parts.count() == planned
    assert student.exam_parts.get(sector="vmbo", kind="CSPE", name="Nederlands").result == "passed"
    assert student.exam_parts.get(sector="vmbo", kind="SE", name="Nederlands").result == "open"


def test_defaults_fall_back_to_the_product_defaults_without_rows(enrol):
    student = enrol()
    ExamPlanTemplate.objects.all().delete()
    required = exam_plan.required_parts(Student.objects.get(pk=student.pk))
    assert required.mbo.source == "standaard niveau 2" and required.vmbo.source == "standaard BB"


JSON = "application/json"


def test_templates_over_the_api(users, registry, route, api_client):
    headers = api_client.token_for("calvijn")
    body = api_client.get("/api/v1/kwalificaties/25498/exam-template", **headers).json()
    assert (body["kwalificatie"], body["level"], body["keuzedelen"]) == (None, 2, 2)  # the level default
    assert len(api_client.get("/api/v1/exam-templates?sector=vmbo", **headers).json()) == 4  # BB, KB, GL, TL
    # another institution's coordinator: 403, nothing created
    other = api_client.token_for("achterhoek")
    assert api_client.post("/api/v1/kwalificaties/25498/exam-template", **other).status_code == 403
    created = api_client.post("/api/v1/kwalificaties/25498/exam-template", **headers)
    assert created.status_code == 201 and created.json()["kwalificatie"] == "25498"
    template_id = created.json()["id"]
    parts = [{"kind": "generiek", "name": "Nederlands", "year": 1}, {"kind": "generiek", "name": "rekenen", "year": 1},
             {"kind": "kerntaak", "name": "B1-K1 Biedt zorg", "year": 1}]
    assert api_client.put(f"/api/v1/exam-templates/{template_id}", {"keuzedelen": 1, "bpv_hours": 400, "note": "", "parts": parts},
                          content_type=JSON, **other).status_code == 403
    bad = api_client.put(f"/api/v1/exam-templates/{template_id}",
                         {"keuzedelen": 1, "bpv_hours": 400, "note": "", "parts": parts + [{"kind": "SE", "name": "Wiskunde", "year": 1}]},
                         content_type=JSON, **headers)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "parts[3].kind", bad.json()
    dup = api_client.put(f"/api/v1/exam-templates/{template_id}",
                         {"keuzedelen": 1, "bpv_hours": 400, "note": "", "parts": parts + [{"kind": "generiek", "name": "NEDERLANDS", "year": 1}]},
                         content_type=JSON, **headers)
    assert dup.status_code == 422 and dup.json()["errors"][0]["field"] == "parts[3].name"
    # PUT replaces the whole template: every field is needed, each missing one named; nothing is wiped
    partial = api_client.put(f"/api/v1/exam-templates/{template_id}", {"parts": [{"kind": "generiek"}]},
                             content_type=JSON, **headers)
    assert partial.status_code == 422
    assert sorted(e["field"] for e in partial.json()["errors"]) == [
        "bpv_hours", "keuzedelen", "note", "parts.0.name", "parts.0.year"]
    assert ExamPlanTemplate.objects.get(pk=template_id).parts.count() == 5
    ok = api_client.put(f"/api/v1/exam-templates/{template_id}", {"keuzedelen": 1, "bpv_hours": 400, "note": "", "parts": parts},
                        content_type=JSON, **headers)
    assert ok.status_code == 200, ok.content
    assert [p["name"] for p in ok.json()["parts"]] == ["Nederlands", "Rekenen", "B1-K1 Biedt zorg"]  # kept by key
    body = api_client.get("/api/v1/kwalificaties/25498/exam-template", **headers).json()
    assert body["id"] == template_id and body["bpv_hours"] == 400
    entries = LogEntry.objects.filter(content_type__model="examplantemplatepart",
                                      additional_data__exam_template_id=template_id)
    assert entries.filter(action=LogEntry.Action.DELETE).count() == 3  # Loopbaan en burgerschap, Kerntaak 1, 2
