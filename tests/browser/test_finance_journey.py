"""Finance in a real browser: open a route's finance tab, change the intake in a scenario and see the
break-even warning (R-15), then approve a statement as both parties (each confirming first); type "6.000"
on the scenario page and get six thousand (issue 10.1), "6,000" refused at the field; compare two
scenarios (the difference A − B and the chart)."""
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from apps.finance.models import Settlement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

M1 = {"student_count": "20", "weight_sum": "20", "input_tariff": "6000", "diplomas": "18", "output_tariff": "2000",
      "overhead_rate": "0.07", "overhead_share_vo": "0.5", "exam_cost_per_student": "400",
      "admin_cost_per_student": "150", "bpv_hours_per_student": "10", "bpv_hourly_rate": "60", "bpv_party": "vo",
      "hours_vo": "600", "hours_mbo": "400"}


def test_scenario_break_even_then_approval_by_both_parties(page, login, route, registry, make_user):
    make_user("fin-calvijn", "financieel", [registry["calvijn"]])
    make_user("fin-rocva", "financieel", [registry["rocva"]])
    settlement = Settlement.objects.create(route=route, school_year=2025, model="M1", parameters=M1)
    u = route.uitstroomrichtingen.get()

    login("fin-calvijn")
    page.goto(route.get_absolute_url())
    page.click("nav.tabs >> text=Financiën")
    page.click("text=Scenario's en break-even")
    page.fill(f"input[name=be-{u.pk}-group_cost]", "90.000")      # Dutch notation: ninety thousand
    page.fill(f"input[name=be-{u.pk}-income]", "7.000,00")
    page.fill(f"input[name=be-{u.pk}-variable]", "1000")
    page.fill(f"input[name=be-{u.pk}-intake]", "12")
    row = page.locator(f"tr[data-uitstroom='{u.kwalificatie.code}'] td.minimum")
    expect(row).to_contain_text("R-15")
    expect(row).to_contain_text("onder de break-even van 15")
    page.fill(f"input[name=be-{u.pk}-intake]", "16")
    expect(row).to_contain_text("kostendekkend")

    page.goto(settlement.get_absolute_url())
    expect(page.locator("#transfer")).to_contain_text("€\xa090.708,00")
    page.click("a#approve")                                   # approval asks for confirmation first
    expect(page.locator("#confirm #transfer")).to_contain_text("€\xa090.708,00")
    page.click("button:has-text('Ja, goedkeuren')")
    expect(page.locator("#approvals")).to_contain_text("fin-calvijn")
    expect(page.locator("h1 .badge")).to_have_text("1 van 2 goedgekeurd")
    page.click("button:has-text('Uitloggen')")

    login("fin-rocva")
    page.goto(settlement.get_absolute_url())
    page.click("a#approve")
    page.click("button:has-text('Ja, goedkeuren')")
    expect(page.locator(".msg.success")).to_contain_text("vastgezet")
    expect(page.locator("h1 .badge")).to_have_text("goedgekeurd")
    expect(page.locator("a#approve")).to_have_count(0)


def test_typing_6_000_on_the_scenario_page_is_six_thousand(page, login, route, registry, make_user):
    make_user("fin-calvijn", "financieel", [registry["calvijn"]])
    login("fin-calvijn")
    typed = {f"a-{name}": value for name, value in {**M1, "overhead_rate": "0,07", "overhead_share_vo": "0,5"}.items()}
    page.goto(f"/routes/{route.pk}/financien/scenario/?" + urlencode({"a-model": "M1", **typed}))
    side = page.locator("section[data-side=a]")
    expect(side.locator("#statement")).to_contain_text("€\xa0156.000,00")   # F = 20 × 6.000 + 18 × 2.000
    page.fill("#a-input_tariff", "")
    page.type("#a-input_tariff", "6.000")
    expect(side.locator("#statement")).to_contain_text("€\xa0156.000,00")
    page.fill("#a-input_tariff", "6,000")
    expect(side.locator(".field.has-error")).to_contain_text("dubbelzinnig")
    expect(page.locator("#a-input_tariff")).to_have_value("6,000")
    expect(side.locator("#statement")).to_have_count(0)
    page.fill("#a-input_tariff", "6.000,50")
    expect(side.locator("#statement")).to_contain_text("€\xa0156.010,00")   # 20 × 6.000,50 + 36.000
    expect(side.locator(".field.has-error")).to_have_count(0)


def test_scenario_b_starts_as_a_copy_and_shows_the_difference(page, login, route, registry, make_user):
    """Scenario A starts from the route's last statement; B, chosen with the same model, is a copy of A;
    a higher input tariff in B shows as a negative difference A − B for the vo-school, and the chart is drawn."""
    make_user("fin-calvijn", "financieel", [registry["calvijn"]])
    Settlement.objects.create(route=route, school_year=2025, model="M1", parameters=M1)
    login("fin-calvijn")
    page.goto(f"/routes/{route.pk}/financien/scenario/?school_year=2025")
    expect(page.locator("#a-input_tariff")).to_have_value("6.000")     # carried over
    page.select_option("#b-model", "M1")
    expect(page.locator("#b-input_tariff")).to_have_value("6.000")
    expect(page.locator("#difference")).to_contain_text("€\xa00,00")
    page.fill("#b-input_tariff", "7.000")
    vo = page.locator("#difference tr[data-party='Calvijn College'] td.difference")
    expect(vo).to_contain_text("-")
    expect(page.locator("#scenario-chart canvas[data-drawn]")).to_have_count(1)
