"""Absurd numbers in the calculator (API and pages) get a clear answer naming the field, never a 500
and never minutes of arithmetic: a million digits, a huge exponent, a huge row count."""
import pytest

from .conftest import login

JSON = "application/json"
MILLION = "9" * 1_000_000
MANY = "9" * 5_000  # below the global field cap (apps.core.limits): reaches the calculator


def post(api_client, path, body, headers):
    return api_client.post(f"/api/v1/settlements/{path}", body, content_type=JSON, **headers)


@pytest.mark.parametrize("value", [MANY, "0." + "0" * 50_000 + "1", "1" + "0" * 40])
def test_break_even_refuses_a_huge_number_naming_the_field(users, api_client, value):
    body = {"group_cost": value, "income_per_student": "7000", "variable_cost_per_student": "0"}
    response = post(api_client, "break-even", body, api_client.token_for("calvijn"))
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "group_cost" and "te veel cijfers" in error["message"]


def test_break_even_refuses_a_large_integer(users, api_client):
    headers = api_client.token_for("calvijn")
    body = '{"group_cost": %s, "income_per_student": 7000, "variable_cost_per_student": 0}' % ("9" * 4000)
    response = post(api_client, "break-even", body, headers)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "group_cost"
    assert "te groot" in response.json()["errors"][0]["message"]


def test_break_even_a_json_number_beyond_any_parser_is_a_4xx(users, api_client):
    body = '{"group_cost": %s, "income_per_student": 7000, "variable_cost_per_student": 0}' % MILLION
    response = post(api_client, "break-even", body, api_client.token_for("calvijn"))
    assert 400 <= response.status_code < 500


def test_preview_refuses_a_huge_number_naming_the_parameter(users, api_client):
    headers = api_client.token_for("calvijn")
    response = post(api_client, "preview", {"model": "M1", "parameters": {"student_count": MANY}}, headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "student_count"
    response = post(api_client, "preview", {"model": "M1", "parameters": {"student_count": MILLION}}, headers)
    assert response.status_code == 422  # the global guard: a field of a million characters
    assert response.json()["errors"][0]["field"] == "parameters.student_count"


def test_scenario_page_with_absurd_numbers(register, finance_users, client):
    login(client, "fin-calvijn")
    u = register.uitstroomrichtingen.get()
    base = f"/routes/{register.pk}/financien/scenario/"
    big = "9" * 900  # below the global limit on query values; above it the guard answers 422
    response = client.get(base, {"a-model": "M1", "a-student_count": big})
    assert response.status_code == 200 and "te veel cijfers" in response.content.decode()
    response = client.get(base, {f"be-{u.pk}-group_cost": big, f"be-{u.pk}-income": "7000"})
    assert response.status_code == 200 and "te veel cijfers" in response.content.decode()
    response = client.get(base, {f"be-{u.pk}-group_cost": "90000", f"be-{u.pk}-income": "7000",
                                 f"be-{u.pk}-intake": big, "school_year": big})
    assert response.status_code == 200
    response = client.get(base, {"a-model": "M2", "a-lines-count": big})
    assert response.status_code == 200
    response = client.get(base, {"a-model": "M2", "a-lines-count": "1000000000", "b-model": "M5"})
    assert response.status_code == 200
    response = client.get(base, {"school_year": "²⁰²⁵"})
    assert response.status_code == 200
    assert client.get(base, {"a-model": "M1", "a-student_count": "9" * 100_000}).status_code == 422


def test_settlement_form_with_absurd_numbers(register, finance_users, client):
    login(client, "fin-calvijn")
    response = client.post(f"/routes/{register.pk}/financien/nieuw/?school_year={'9' * 900}",
                           {"model": "M2", "lines-count": "9" * 100_000, "funding_per_student": "9" * 100_000})
    assert response.status_code == 200 and "te veel cijfers" in response.content.decode()
