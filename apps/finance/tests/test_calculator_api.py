"""The stable calculator endpoints reproduce the worked examples of domain.md to the cent."""
JSON = "application/json"

M1 = {"student_count": 20, "weight_sum": "20", "input_tariff": "6000", "diplomas": 18, "output_tariff": "2000",
      "overhead_rate": "0.07", "exam_cost_per_student": "400", "admin_cost_per_student": "150",
      "bpv_hours_per_student": 10, "bpv_hourly_rate": "60", "bpv_party": "vo", "hours_vo": 600, "hours_mbo": 400}


def post(client, path, body, headers):
    return client.post(f"/api/v1/settlements/{path}", body, content_type=JSON, **headers)


def test_m1_worked_example(users, api_client):
    body = post(api_client, "preview", {"model": "M1", "parameters": M1}, api_client.token_for("regio")).json()
    assert body["parties"] == {"vo": "90708.00", "mbo": "65292.00"}
    assert body["transfer"] == {"from": "mbo", "to": "vo", "amount": "90708.00"}
    assert {s["code"]: s["amount"] for s in body["steps"]}["F"] == "156000.00"


def test_m2_m4_m5_examples(users, api_client):
    headers = api_client.token_for("calvijn")
    m2 = post(api_client, "preview", {"model": "M2", "parameters": {"funding_per_student": "9000", "lines": [
        {"students": 25, "days_at_partner": 1}, {"students": 22, "days_at_partner": 4}]}}, headers).json()
    assert m2["transfer"] == {"from": "vo", "to": "mbo", "amount": "203400.00"}
    m4 = post(api_client, "preview", {"model": "M4", "parameters": {"total_cost": "120000", "mbo_share": "0.5",
              "vo_schools": [{"name": "A", "students": 200, "share_to_partners": "0.8"},
                             {"name": "B", "students": 100, "share_to_partners": "0.5"},
                             {"name": "C", "students": 150, "share_to_partners": "0.6"}]}}, headers).json()
    assert m4["parties"] == {"mbo": "60000.00", "A": "32000.00", "B": "10000.00", "C": "18000.00"}
    m5 = post(api_client, "preview", {"model": "M5", "parameters": {}}, headers).json()
    assert m5["transfer"]["amount"] == "0.00"


def test_break_even_and_errors_name_the_parameter(users, api_client):
    headers = api_client.token_for("calvijn")
    body = {"group_cost": "90000", "income_per_student": "7000", "variable_cost_per_student": "1000"}
    assert post(api_client, "break-even", body, headers).json() == {"minimum_students": 15}
    body["variable_cost_per_student"] = "7000"
    assert post(api_client, "break-even", body, headers).json()["errors"][0]["field"] == "income_per_student"
    bad = post(api_client, "preview", {"model": "M1", "parameters": {**M1, "hours_vo": -1}}, headers)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "hours_vo"
    bad = post(api_client, "preview", {"model": "M1", "parameters": {**M1, "overhead_share_vo": "1.5"}}, headers)
    assert bad.json()["errors"][0]["field"] == "overhead_share_vo"
    bad = post(api_client, "preview", {"model": "M9", "parameters": {}}, headers)
    assert bad.json()["errors"][0]["field"] == "model"
    assert api_client.post("/api/v1/settlements/preview", {"model": "M5"}, content_type=JSON).status_code == 401
