"""Finance fit for daily use (issue 10, points 2 and 3): the settlement workbook as a finance document,
the yearly overview with totals and its export, screens that speak in labels, no error before the user
typed anything, tariffs carried over from the route's last statement, the scenario comparison (A − B
per party, a chart), approval with a confirmation step, a warning for illustrative tariffs, "1 van 2
goedgekeurd", and approvers by name and institution. Real database, real HTTP."""
import io
import json
import re
from datetime import datetime

from openpyxl import load_workbook

from apps.core.lib.tabular import EURO_FORMAT, PERCENT_FORMAT
from apps.finance import services
from apps.finance.models import Approval, Settlement

from .conftest import M1_FORM, login

CONFIRM = {"confirm": "1"}
REGISTER_COUNTS = {"student_count": "20", "weight_sum": "20", "diplomas": "18"}


def _visible(response) -> str:
    """The page's text as a reader sees it: no tags, no attribute values (input names are not shown)."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _saved(register, client, username="fin-calvijn", **extra):
    login(client, username)
    response = client.post(f"/routes/{register.pk}/financien/nieuw/", {**M1_FORM, **REGISTER_COUNTS, **extra})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Settlement.objects.get(next_version__isnull=True, school_year=int(M1_FORM["school_year"]))


def _approve(client, settlement, username):
    login(client, username)
    return client.post(f"/afrekeningen/{settlement.pk}/goedkeuren/", CONFIRM)


# --- the settlement workbook ----------------------------------------------------------------------------


def test_settlement_workbook_is_a_finance_document(register, finance_users, client):
    finance_users["vo"].first_name, finance_users["vo"].last_name = "Fenna", "de Vries"
    finance_users["vo"].save()
    settlement = _saved(register, client, illustrative="on")
    _approve(client, settlement, "fin-calvijn")
    response = client.get(f"/afrekeningen/{settlement.pk}/?export=xlsx")
    assert response["Content-Disposition"].endswith('.xlsx"')
    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames == ["Afrekening", "Invoer", "Berekening"]

    head = wb["Afrekening"]
    meta = {head.cell(row=r, column=1).value: head.cell(row=r, column=2).value for r in range(3, 12)}
    assert meta["Route"] == register.name and meta["Schooljaar"] == "2025-2026"
    assert meta["Fase"] == "hele schooljaar" and meta["Model"].startswith("M1")
    assert meta["Versie"] == 1 and meta["Status"] == "1 van 2 goedgekeurd"
    assert meta["Tarieven"].startswith("ter illustratie")
    cells = {}
    for row in head.iter_rows():
        for c in row:
            cells.setdefault(c.value, c)   # the first cell with each text
    # each party by institution name with its total as a euro amount; the transfer; who approved and when
    assert cells["Calvijn College"].row == cells["Per partij"].row + 2
    calvijn_total = head.cell(row=cells["Calvijn College"].row, column=2)
    assert calvijn_total.value == 90708 and calvijn_total.number_format == EURO_FORMAT
    transfer_row = cells["Overdrachten"].row + 2
    assert [head.cell(row=transfer_row, column=c).value for c in (1, 2, 3)] == [
        "ROC van Amsterdam", "Calvijn College", 90708]
    approvals = {head.cell(row=r, column=1).value: [head.cell(row=r, column=c).value for c in (2, 3, 4)]
                 for r in range(cells["Goedkeuringen"].row + 2, head.max_row + 1)}
    status, who, when = approvals["Calvijn College"]
    assert (status, who) == ("goedgekeurd", "Fenna de Vries") and isinstance(when, datetime)
    assert approvals["ROC van Amsterdam"][:2] == ["nog niet", None]

    inputs = wb["Invoer"]
    assert [c.value for c in inputs[1]][:3] == ["Parameter", "Waarde", "Waarde uit het register"]
    assert all(c.font.b for c in inputs[1]) and inputs.freeze_panes == "A2" and inputs.auto_filter.ref
    by_label = {inputs.cell(row=r, column=1).value: inputs.cell(row=r, column=2) for r in range(2, inputs.max_row + 1)}
    assert "input_tariff" not in by_label    # labels, not internal names
    tariff = by_label["Inputtarief per gewicht (€)"]
    assert tariff.value == 6000 and tariff.number_format == EURO_FORMAT
    rate = by_label["Overhead (fractie, bijv. 0,07)"]
    assert rate.value == 0.07 and rate.number_format == PERCENT_FORMAT
    assert by_label["Aantal leerlingen (1 oktober, bekostigd)"].value == 20
    assert len(by_label) == len(settlement.statement().inputs)   # every input

    steps = wb["Berekening"]
    assert [c.value for c in steps[1]] == ["Stap", "Berekening", "Bedrag", "Partij"]
    assert all(c.font.b for c in steps[1]) and steps.freeze_panes == "A2"
    assert steps.auto_filter.ref == f"A1:D{steps.max_row}"
    codes = [steps.cell(row=r, column=1).value for r in range(2, steps.max_row + 1)]
    assert codes == [s.code for s in settlement.statement().steps]   # every step
    assert steps["C2"].value == 156000 and steps["C2"].number_format == EURO_FORMAT
    parties = {steps.cell(row=r, column=4).value for r in range(2, steps.max_row + 1)} - {None}
    assert parties == {"Calvijn College", "ROC van Amsterdam"}


def test_overrides_are_in_the_workbook_with_register_value_and_reason(register, finance_users, client):
    login(client, "fin-calvijn")
    client.post(f"/routes/{register.pk}/financien/nieuw/", {**M1_FORM, **REGISTER_COUNTS, "student_count": "22",
                                                           "reason-student_count": "2 leerlingen na 1 oktober"})
    settlement = Settlement.objects.get()
    inputs = load_workbook(io.BytesIO(client.get(f"/afrekeningen/{settlement.pk}/?export=xlsx").content))["Invoer"]
    row = next(r for r in inputs.iter_rows(min_row=2, values_only=True)
               if r[0] == "Aantal leerlingen (1 oktober, bekostigd)")
    assert row[1:5] == (22, 20, "2 leerlingen na 1 oktober", "fin-calvijn")


# --- the yearly overview per institution ----------------------------------------------------------------


def test_overview_has_totals_and_exports_them(register, finance_users, client):
    _saved(register, client)
    Settlement.objects.create(route=register, school_year=2025, phase="vo", model="M5", parameters={})
    login(client, "fin-rocva")
    response = client.get("/financien/?school_year=2025")
    institution, rows, total = response.context["blocks"][0]
    assert len(rows) == 2 and total == {"pays": 9070800, "receives": 0, "balance": -9070800}
    assert "€\xa0-90.708,00" in response.content.decode()   # the balance in the total row

    ws = load_workbook(io.BytesIO(client.get("/financien/?school_year=2025&export=xlsx").content)).active
    headers = [c.value for c in ws[1]]
    assert headers == ["Instelling", "Route", "Schooljaar", "Fase", "Model", "Versie", "Status", "Te betalen",
                       "Te ontvangen", "Saldo"]
    assert all(c.font.b for c in ws[1]) and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:J3"
    pays = [ws.cell(row=r, column=8) for r in (2, 3)]
    assert sorted(c.value for c in pays) == [0, 90708] and all(c.number_format == EURO_FORMAT for c in pays)
    assert ws["A4"].value == "Totaal ROC van Amsterdam" and ws["A4"].font.b
    assert (ws["H4"].value, ws["I4"].value, ws["J4"].value) == (90708, 0, -90708)
    csv = client.get("/financien/?school_year=2025&export=csv").content.decode("utf-8-sig").splitlines()
    assert csv[-1].startswith("Totaal ROC van Amsterdam;") and csv[-1].endswith(";90708,00;0,00;-90708,00")


# --- labels, and no error before the user typed anything ---------------------------------------------------


def test_new_settlement_speaks_in_labels_and_shows_no_error_before_typing(register, finance_users, client):
    login(client, "fin-calvijn")
    response = client.get(f"/routes/{register.pk}/financien/nieuw/?school_year=2025&model=M1")
    text = _visible(response)
    assert "Aantal leerlingen (1 oktober, bekostigd): 20" in text
    for name in ("student_count", "input_tariff", "weight_sum", "diplomas ="):
        assert name not in text, name
    assert 'role="alert"' not in response.content.decode() and "msg error" not in response.content.decode()
    assert "Nog geen berekening: vul nog in" in text and "Inputtarief per gewicht (€)" in text


def test_a_refused_parameter_is_named_by_its_label(register, finance_users, client):
    login(client, "fin-calvijn")
    response = client.get(f"/routes/{register.pk}/financien/nieuw/",
                          {**M1_FORM, **REGISTER_COUNTS, "overhead_rate": "2", "refresh": "1"},
                          headers={"HX-Request": "true"})
    text = _visible(response)
    assert "Overhead (fractie, bijv. 0,07): moet tussen 0 en 1 liggen (bijvoorbeeld 0,07 voor 7%)" in text
    assert "overhead_rate" not in text


def test_submitting_an_incomplete_statement_names_what_is_missing(register, finance_users, client):
    login(client, "fin-calvijn")
    data = {k: v for k, v in {**M1_FORM, **REGISTER_COUNTS}.items() if k not in ("input_tariff", "hours_mbo")}
    response = client.post(f"/routes/{register.pk}/financien/nieuw/", data)
    assert response.status_code == 200 and not Settlement.objects.exists()
    assert "vul nog in: Inputtarief per gewicht (€), Uren lessentabel mbo" in _visible(response)


def test_override_reason_message_names_the_label(register, finance_users, client):
    login(client, "fin-calvijn")
    response = client.post(f"/routes/{register.pk}/financien/nieuw/", {**M1_FORM, **REGISTER_COUNTS,
                                                                      "student_count": "22"})
    text = _visible(response)
    assert "Aantal leerlingen (1 oktober, bekostigd): register 20 → 22" in text
    assert "student_count" not in text


def test_scenario_without_a_statement_shows_no_error(route, finance_users, client):
    login(client, "fin-calvijn")
    response = client.get(f"/routes/{route.pk}/financien/scenario/")
    assert response.status_code == 200
    assert 'class="msg error"' not in response.content.decode()
    assert "Nog geen berekening: vul nog in" in _visible(response)


# --- tariffs carried over, school-year pickers ------------------------------------------------------------


def test_new_settlement_starts_from_the_last_one(register, finance_users, client):
    last = _saved(register, client, illustrative="on")
    response = client.get(f"/routes/{register.pk}/financien/nieuw/")   # no year: the first free one
    assert response.context["school_year"] != 2025 or response.status_code == 302
    response = client.get(f"/routes/{register.pk}/financien/nieuw/?school_year=2026&model=M1")
    assert response.context["carried"] == last and response.context["illustrative"]
    fields = {name: value for name, _label, value, _error, _choices in response.context["scalars"]}
    assert fields["input_tariff"] == "6.000,00" and fields["hours_vo"] == "600"   # tariffs carried over
    assert fields["student_count"] == "0"                                        # counts from the register
    html = response.content.decode()
    assert "Tarieven overgenomen van de afrekening 2025-2026 (versie 1)" in html
    assert '<select id="school_year" name="school_year"' in html
    assert '<option value="2025">2025-2026 (heeft een afrekening)</option>' in html


def test_scenario_starts_from_the_last_settlement_and_has_a_year_picker(register, finance_users, client):
    _saved(register, client)
    response = client.get(f"/routes/{register.pk}/financien/scenario/?school_year=2025")
    a = response.context["sides"][0]
    assert a["model"] == "M1" and a["carried"] is not None
    assert a["statement"].parties == {"vo": 9070800, "mbo": 6529200}
    assert '<select id="school_year" name="school_year" data-autosubmit>' in response.content.decode()
    # a year without students in the register keeps the last statement's counts
    later = client.get(f"/routes/{register.pk}/financien/scenario/?school_year=2027").context["sides"][0]
    assert later["parameters"]["student_count"] == 20 and later["counts_carried"]


# --- comparing two scenarios ----------------------------------------------------------------------------


def test_difference_line_and_chart(route, finance_users, client):
    login(client, "fin-calvijn")
    typed = {k: v for k, v in {**M1_FORM, **REGISTER_COUNTS}.items() if k not in ("model", "school_year", "phase")}
    a = {f"a-{k}": v for k, v in typed.items()}
    b = {f"b-{k}": v for k, v in {**typed, "input_tariff": "7.000"}.items()}
    response = client.get(f"/routes/{route.pk}/financien/scenario/", {"a-model": "M1", "b-model": "M1", **a, **b})
    comparison = response.context["comparison"]
    by_party = {line.label: line for line in comparison.lines}
    a_vo, b_vo = by_party["Calvijn College"].a, by_party["Calvijn College"].b
    assert a_vo == 9070800 and b_vo > a_vo and by_party["Calvijn College"].difference == a_vo - b_vo
    assert comparison.transfer.difference == a_vo - b_vo
    html = response.content.decode()
    assert "Verschil A − B" in html and 'id="difference"' in html
    data = json.loads(re.search(r'<script id="scenario-chart-data" type="application/json">(.*?)</script>',
                                html, re.S).group(1))
    assert data["labels"] == ["Calvijn College", "ROC van Amsterdam"]
    assert [d["label"] for d in data["datasets"]] == ["Scenario A", "Scenario B"]
    assert data["datasets"][0]["data"][0] == 90708.0


def test_scenario_b_chosen_with_the_same_model_is_a_copy_of_a(register, finance_users, client):
    _saved(register, client)
    response = client.get(f"/routes/{register.pk}/financien/scenario/",
                          {"school_year": "2025", "b-model": "M1"})
    a, b = response.context["sides"]
    assert b["copied"] and b["parameters"] == a["parameters"]
    assert all(line.difference == 0 for line in response.context["comparison"].lines)


# --- approval -------------------------------------------------------------------------------------------


def test_approval_asks_for_confirmation(register, finance_users, client):
    settlement = _saved(register, client)
    page = client.get(settlement.get_absolute_url()).content.decode()
    assert f'href="/afrekeningen/{settlement.pk}/goedkeuren/"' in page            # a link, no direct approval
    confirm = client.get(f"/afrekeningen/{settlement.pk}/goedkeuren/")
    assert confirm.status_code == 200 and 'name="confirm" value="1"' in confirm.content.decode()
    assert "Ja, goedkeuren" in confirm.content.decode() and "ter illustratie" not in confirm.content.decode()
    # a post without the confirmation approves nothing and asks for it
    response = client.post(f"/afrekeningen/{settlement.pk}/goedkeuren/", {"seen": settlement.updated.isoformat()})
    assert response.status_code == 302 and response["Location"] == f"/afrekeningen/{settlement.pk}/goedkeuren/"
    assert not settlement.approvals.exists()
    client.post(f"/afrekeningen/{settlement.pk}/goedkeuren/", {**CONFIRM, "seen": settlement.updated.isoformat()})
    assert settlement.approvals.count() == 1


def test_approval_warns_when_the_tariffs_are_illustrative(register, finance_users, client):
    settlement = _saved(register, client, illustrative="on")
    assert settlement.illustrative
    confirm = client.get(f"/afrekeningen/{settlement.pk}/goedkeuren/").content.decode()
    assert 'id="illustrative"' in confirm and "Let op: de tarieven zijn ter illustratie." in confirm
    assert "Toch goedkeuren" in confirm
    assert 'id="illustrative"' in client.get(settlement.get_absolute_url()).content.decode()


def test_one_of_two_approved_and_approvers_by_name_and_institution(register, finance_users, client):
    finance_users["mbo"].first_name, finance_users["mbo"].last_name = "Ruud", "Bakker"
    finance_users["mbo"].save()
    settlement = _saved(register, client)
    _approve(client, settlement, "fin-rocva")
    settlement.refresh_from_db()
    assert settlement.status_text == "1 van 2 goedgekeurd" and settlement.status == "concept"
    detail = _visible(client.get(settlement.get_absolute_url()))
    assert "1 van 2 goedgekeurd" in detail
    assert "door Ruud Bakker (ROC van Amsterdam)" in detail
    assert "1 van 2 goedgekeurd" in _visible(client.get(f"/routes/{register.pk}/financien/"))
    assert "1 van 2 goedgekeurd" in _visible(client.get("/financien/?school_year=2025"))
    _approve(client, settlement, "fin-calvijn")
    settlement.refresh_from_db()
    assert settlement.status_text == "goedgekeurd"
    assert Approval.objects.filter(settlement=settlement).count() == 2


def test_illustrative_flag_goes_through_the_use_case(register, finance_users, client):
    """The page's checkbox reaches the use case (one write path); a change without it clears the mark."""
    settlement = _saved(register, client, illustrative="on")
    assert Settlement.objects.get(pk=settlement.pk).illustrative
    client.post(f"/afrekeningen/{settlement.pk}/wijzigen/", {**M1_FORM, **REGISTER_COUNTS})
    assert not Settlement.objects.get(pk=settlement.pk).illustrative
    assert services.last_settlement(register) == Settlement.objects.get(pk=settlement.pk)
