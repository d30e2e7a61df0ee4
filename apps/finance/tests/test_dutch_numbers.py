"""Numbers as Dutch users type and read them on the finance pages (issue 10.1), through real HTTP:
"6.000" is six thousand on the scenario page, the settlement form and the break-even; an ambiguous
entry is refused at its field with the typed text kept; statements and print pages show "6.000,00"
and "0,07"."""
import re

from apps.finance.models import Settlement

from .conftest import M1_FORM, login

M1_REGISTER = {"student_count": "20", "weight_sum": "20", "diplomas": "18"}


def _field(html: str, name: str) -> str:
    """The value attribute of the input ``name`` as rendered."""
    match = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', html)
    assert match, name
    return match.group(1)


def _scenario(client, route, **values):
    return client.get(f"/routes/{route.pk}/financien/scenario/", {"a-model": "M1", **values}).content.decode()


def test_scenario_reads_6_000_as_six_thousand(register, finance_users, client):
    login(client, "fin-calvijn")
    typed = {f"a-{k}": v for k, v in {**M1_FORM, **M1_REGISTER}.items() if k not in ("model", "school_year", "phase")}
    html = _scenario(client, register, **{**typed, "a-input_tariff": "6.000"})
    # F = 20 weights × € 6.000 + 18 diplomas × € 2.000 (before: "6.000" was read as € 6,00 → € 36.120,00)
    assert "€\xa0156.000,00" in html and "36.120,00" not in html
    assert _field(html, "a-input_tariff") == "6.000"   # shown as typed
    same = _scenario(client, register, **{**typed, "a-input_tariff": "6.000,00"})
    assert "€\xa0156.000,00" in same


def test_scenario_refuses_an_ambiguous_number_at_its_field(register, finance_users, client):
    login(client, "fin-calvijn")
    typed = {f"a-{k}": v for k, v in {**M1_FORM, **M1_REGISTER}.items() if k not in ("model", "school_year", "phase")}
    html = _scenario(client, register, **{**typed, "a-input_tariff": "6,000", "a-output_tariff": "2000.50"})
    assert _field(html, "a-input_tariff") == "6,000" and _field(html, "a-output_tariff") == "2000.50"
    field = re.search(r'<div class="field has-error"><label for="a-input_tariff">.*?</div>', html, re.S).group(0)
    assert "dubbelzinnig" in field and 'aria-invalid="true"' in field
    field = re.search(r'<div class="field has-error"><label for="a-output_tariff">.*?</div>', html, re.S).group(0)
    assert "Gebruik een komma voor decimalen" in field
    assert 'id="statement"' not in html        # nothing computed from a guess


def test_scenario_shows_register_values_the_dutch_way(register, finance_users, client):
    """Without typed values the page starts from the register, shown as it is typed back."""
    login(client, "fin-calvijn")
    html = client.get(f"/routes/{register.pk}/financien/scenario/?school_year=2025").content.decode()
    assert _field(html, "a-student_count") == "20"


def test_settlement_form_reads_6_000_and_keeps_a_refused_entry(register, finance_users, client):
    login(client, "fin-calvijn")
    url = f"/routes/{register.pk}/financien/nieuw/"
    response = client.post(url, {**M1_FORM, **M1_REGISTER, "input_tariff": "6.000", "overhead_rate": "1.5"})
    html = response.content.decode()
    assert response.status_code == 200 and not Settlement.objects.exists()
    assert _field(html, "overhead_rate") == "1.5" and _field(html, "input_tariff") == "6.000"
    field = re.search(r'<div class="field has-error"><label for="overhead_rate">.*?</div>', html, re.S).group(0)
    assert "Gebruik een komma voor decimalen" in field
    response = client.post(url, {**M1_FORM, **M1_REGISTER, "input_tariff": "6.000", "overhead_rate": "0,07"})
    assert response.status_code == 302
    settlement = Settlement.objects.get()
    # stored (and in the API) as plain decimals, as before
    assert settlement.parameters["input_tariff"] == "6000.00" and settlement.parameters["overhead_rate"] == "0.07"
    assert settlement.statement().parties == {"vo": 9070800, "mbo": 6529200}
    edit = client.get(f"/afrekeningen/{settlement.pk}/wijzigen/").content.decode()
    assert _field(edit, "input_tariff") == "6.000,00" and _field(edit, "overhead_rate") == "0,07"


def test_statement_and_print_page_show_dutch_numbers(register, finance_users, client):
    login(client, "fin-calvijn")
    client.post(f"/routes/{register.pk}/financien/nieuw/", {**M1_FORM, **M1_REGISTER})
    settlement = Settlement.objects.get()
    for page in (client.get(settlement.get_absolute_url()), client.get(settlement.get_absolute_url() + "?print=1")):
        html = page.content.decode()
        inputs = re.search(r"Invoer</h2>(.*?)</(dl|table)>", html, re.S).group(1)
        assert "6.000,00" in inputs and "0,07" in inputs and "6000.00" not in inputs and "0.07" not in inputs
        assert "€\xa090.708,00" in html


def test_break_even_reads_dutch_amounts_and_refuses_ambiguous_ones(route, finance_users, client):
    login(client, "fin-calvijn")
    u = route.uitstroomrichtingen.get()
    base = f"/routes/{route.pk}/financien/scenario/"
    html = client.get(base, {f"be-{u.pk}-group_cost": "90.000", f"be-{u.pk}-income": "7.000,00",
                             f"be-{u.pk}-variable": "1.000", f"be-{u.pk}-intake": "12"}).content.decode()
    assert "onder de break-even van 15" in html   # ⌈90.000 / (7.000 − 1.000)⌉
    html = client.get(base, {f"be-{u.pk}-group_cost": "90,000", f"be-{u.pk}-income": "7000"}).content.decode()
    cell = re.search(rf'<td class="has-error"><input id="be-{u.pk}-group_cost".*?</td>', html, re.S).group(0)
    assert "dubbelzinnig" in cell and 'value="90,000"' in cell
    assert "kostendekkend" not in html and "break-even van" not in html
