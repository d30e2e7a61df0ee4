"""Main journey in a real browser: a route coordinator creates a route with an mbo partner, picks an
Entree kwalificatie, sees the R-01 error beside the field, fixes it, saves and opens the compliance view."""
import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_create_route_sees_r01_fixes_it_and_sees_compliance(page, login, registry, users):
    login("calvijn")
    page.click("text=Nieuwe route")
    page.fill("#id_name", "Zorgroute Calvijn-ROCvA")
    page.select_option("#id_type", "geintegreerd")
    page.select_option("#id_region", label="Amsterdam (RMC-regio)")
    page.select_option("#id_phase", "regulier")
    page.fill("#id_start_year", "2022")
    page.check("text=Z&W (Zorg en welzijn)")
    page.check("#field-leerwegen >> text=BB")
    page.select_option("#id_partners-0-institution", label="Calvijn College (17XG)")
    page.select_option("#id_partners-0-role", "vo")
    page.select_option("#id_partners-1-institution", label="ROC van Amsterdam (25LX)")
    page.select_option("#id_partners-1-role", "mbo")
    page.select_option("#id_uitstroomrichtingen-0-kwalificatie",
                       label="25253 Assistent dienstverlening en zorg (niveau 1)")
    page.click("button:has-text('Opslaan')")

    cell = page.locator("td.has-error", has=page.locator("#id_uitstroomrichtingen-0-kwalificatie"))
    expect(cell.locator(".errorlist")).to_contain_text("R-01")
    expect(cell.locator(".errorlist")).to_contain_text("Entree")
    expect(page.locator("#id_name")).to_have_value("Zorgroute Calvijn-ROCvA")  # input kept
    expect(page.locator("#id_partners-1-institution")).to_have_value(str(registry["rocva"].pk))

    page.select_option("#id_uitstroomrichtingen-0-kwalificatie", label="25498 Helpende zorg en welzijn (niveau 2)")
    page.click("button:has-text('Opslaan')")
    expect(page.locator(".msg.success")).to_contain_text("Route opgeslagen")
    expect(page.locator("h1")).to_contain_text("Zorgroute Calvijn-ROCvA")

    page.click("nav.tabs >> text=Regeltoets")
    expect(page).to_have_url(re.compile(r"/routes/\d+/compliance/$"))
    expect(page.locator('tr[data-rule="R-01"]')).to_have_attribute("data-status", "passed")
    expect(page.locator('tr[data-rule="R-06"]')).to_have_attribute("data-status", "failed")
    expect(page.locator('tr[data-rule="R-06"]')).to_contain_text("overeenkomst")


def test_route_list_live_search(page, login, route):
    login("rocva")
    page.goto("/routes/")
    page.fill("#id_search", "bestaat-niet")
    expect(page.locator("#route-table")).to_contain_text("Geen routes gevonden")
    page.fill("#id_search", "Testroute")
    expect(page.locator("#route-table")).to_contain_text("Testroute Zorg")
