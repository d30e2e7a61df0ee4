"""Settlements have one write path: the statement page and the API hand the same typed input
(``SettlementIn``) to ``services.save``; problems are a 422 naming the parameter or the reason."""
import pytest
from django.db import IntegrityError

from apps.finance import services
from apps.finance.models import Settlement
from apps.finance.schemas import SettlementIn

from .conftest import M1_FORM, login

JSON = "application/json"
M1 = {"student_count": "20", "weight_sum": "20", "diplomas": "18", "input_tariff": "6000.00", "output_tariff": "2000",
      "overhead_rate": "0.07", "exam_cost_per_student": "400", "admin_cost_per_student": "150",
      "bpv_hours_per_student": "10", "bpv_hourly_rate": "60", "bpv_party": "vo", "hours_vo": "600", "hours_mbo": "400"}


def errors(response):
    assert response.status_code == 422, response.content
    return sorted(e["field"] for e in response.json()["errors"])


def test_the_page_and_the_api_save_the_same_statement(register, finance_users, client, api_client):
    login(client, "fin-calvijn")
    client.post(f"/routes/{register.pk}/financien/nieuw/", {**M1_FORM, "student_count": "20", "weight_sum": "20",
                                                           "diplomas": "18"})
    by_page = Settlement.objects.get()
    by_page_statement = by_page.statement().to_json(full=True)
    by_page.delete()
    headers = api_client.token_for("fin-calvijn")
    response = api_client.post(f"/api/v1/settlements/route/{register.pk}",
                               {"school_year": 2025, "model": "M1", "parameters": M1}, content_type=JSON, **headers)
    assert response.status_code == 201, response.content
    by_api = Settlement.objects.get()
    assert by_api.parameters == by_page.parameters and by_api.statement().to_json(full=True) == by_page_statement


def test_api_problems_are_named(register, finance_users, api_client):
    headers = api_client.token_for("fin-calvijn")
    url = f"/api/v1/settlements/route/{register.pk}"
    assert errors(api_client.post(url, {"school_year": 40000, "model": "M9"}, content_type=JSON, **headers)) == [
        "model", "school_year"]
    bad = {**M1, "overhead_rate": "veel"}
    assert errors(api_client.post(url, {"school_year": 2025, "model": "M1", "parameters": bad}, content_type=JSON,
                                  **headers)) == ["parameters.overhead_rate"]
    changed = {**M1, "student_count": "22"}
    assert errors(api_client.post(url, {"school_year": 2025, "model": "M1", "parameters": changed},
                                  content_type=JSON, **headers)) == ["reasons.student_count"]
    assert not Settlement.objects.exists()
    response = api_client.post(url, {"school_year": 2025, "model": "M1", "parameters": changed,
                                     "reasons": {"student_count": "2 leerlingen na 1 oktober"}},
                               content_type=JSON, **headers)
    assert response.status_code == 201
    assert Settlement.objects.get().overrides.get().reason == "2 leerlingen na 1 oktober"
    # a second statement for the same school year and phase: change the one there is
    assert errors(api_client.post(url, {"school_year": 2025, "model": "M1", "parameters": M1}, content_type=JSON,
                                  **headers)) == ["school_year"]
    assert api_client.post(url, {"school_year": 2025, "model": "M1", "parameters": M1}, content_type=JSON,
                           **api_client.token_for("calvijn")).status_code == 403


def test_put_needs_every_field_and_an_approved_statement_gets_a_new_version(register, finance_users, api_client):
    headers = api_client.token_for("fin-calvijn")
    created = api_client.post(f"/api/v1/settlements/route/{register.pk}",
                              {"school_year": 2025, "model": "M1", "parameters": M1}, content_type=JSON, **headers)
    url = f"/api/v1/settlements/{created.json()['id']}"
    assert errors(api_client.put(url, {"model": "M1"}, content_type=JSON, **headers)) == ["parameters", "reasons"]
    changed = api_client.put(url, {"model": "M1", "parameters": {**M1, "hours_vo": "500"}, "reasons": {}},
                             content_type=JSON, **headers)
    assert changed.status_code == 200 and changed.json()["version"] == 1
    for username in ("fin-calvijn", "fin-rocva"):
        api_client.post(f"{url}/approve", **api_client.token_for(username))
    again = api_client.put(url, {"model": "M1", "parameters": M1, "reasons": {}}, content_type=JSON, **headers)
    assert again.status_code == 201 and again.json()["version"] == 2
    assert Settlement.objects.get(version=1).parameters["hours_vo"] == "500"


def test_a_race_on_the_version_is_refused_not_a_500(register, finance_users, monkeypatch):
    def collide(**kwargs):
        raise IntegrityError("settlement_unique_version")
    monkeypatch.setattr(Settlement.objects, "create", collide)
    with pytest.raises(services.SettlementRefused) as refused:
        services.save(finance_users["vo"], register, SettlementIn(school_year=2025, model="M1", parameters=M1))
    assert refused.value.problems[0]["field"] == "school_year"
