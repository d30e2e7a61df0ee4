"""The demo's Amsterdam practices in a real browser, loaded once for two journeys (a load takes about half a
minute): the regional report for 2020-2021 with its figures and PDF, and the start page's work list, on the
demo as of 30 November 2026."""
import io
from datetime import date

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from apps.regional.tests.test_report_demo import load_amsterdam

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DAY = date(2026, 11, 30)


def test_the_regional_report_and_the_work_list(page, login, tmp_path):
    load_amsterdam(tmp_path, today=DAY)
    regional_report_2020_and_its_pdf(page, login)
    page.context.clear_cookies()
    work_list_leads_to_where_to_act(page, login)


def regional_report_2020_and_its_pdf(page, login):
    """The Amsterdam coordinator opens the region's report for 2020-2021 from the menu, makes it (the worker's
    task, tables and PDF, runs at once in the tests), sees Tabel 1's practices and figures 1-3 drawn, and
    downloads its PDF."""
    login("regio-amsterdam", "demo")
    page.click("header nav >> text=Regiorapport")
    page.wait_for_url("**/rapport/**")
    page.wait_for_load_state()                # the picker's script is there before a year is picked
    page.select_option("#report-year-select", "2020")
    page.wait_for_url("**schooljaar=2020")
    expect(page.locator("h1")).to_contain_text("Agglomeratie Amsterdam, schooljaar 2020-2021")
    page.set_default_timeout(90_000)   # the tables and the PDF (WeasyPrint, about nine pages) in this request
    page.click("#report-generate button")
    practices = page.locator("#report-practices")
    for school in ("Calvijn College", "Bindelmeer College", "Montessori Lyceum Oostpoort", "Cburg College",
                   "IJburg College", "Zuiderlicht College"):
        expect(practices).to_contain_text(school)
    expect(practices.locator("tbody tr:not(.group)")).to_have_count(14)
    for figure in ("figuur-niveau", "figuur-richting", "figuur-type"):   # drawn by Chart.js
        expect(page.locator(f"#{figure} canvas")).to_be_visible()
    expect(page.locator("#report-students")).to_contain_text("136")   # Calvijn's 136 students in 2020-21

    with page.expect_download() as download:
        page.click("#report-pdf")
    body = open(download.value.path(), "rb").read()
    assert body.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
    assert "Agglomeratie Amsterdam" in text and "Calvijn College" in text and "Figuur 3" in text


def work_list_leads_to_where_to_act(page, login):
    """Calvijn's financieel medewerker sees the settlements waiting for their approval (last school year's
    marked overdue), follows one to the statement, approves it, and is back on a start page without it; ROC
    van Amsterdam's route coordinator sees the two routes whose rule check fails and follows one to its rule
    check."""
    login("financien-calvijn", "demo")
    worklist = page.locator("#worklist")
    expect(worklist.locator("h2")).to_have_text("Wat vraagt uw aandacht")
    approvals = worklist.locator('li[data-kind="approval"]')
    expect(approvals.first).to_be_visible()
    waiting = approvals.count()
    assert waiting >= 2                                        # this school year's and last school year's
    overdue = worklist.locator('li[data-kind="approval"][data-overdue]')
    expect(overdue.first).to_contain_text("te laat")
    expect(overdue.first).to_contain_text("Afrekening 2025-2026")
    expect(worklist.locator('li[data-kind="approval"]:not([data-overdue])').first).to_contain_text("2026-2027")
    label = overdue.first.locator("a").inner_text()
    route = overdue.first.locator(".muted").first.inner_text()
    overdue.first.locator("a").click()
    page.wait_for_url("**/afrekeningen/*/")
    expect(page.locator("h1")).to_contain_text("2025-2026")
    page.click("a#approve")                          # approval asks for confirmation first
    page.click("form button[type=submit]:has-text('goedkeuren')")   # "Ja, goedkeuren" or "Toch goedkeuren"
    page.goto("/")
    expect(page.locator('#worklist li[data-kind="approval"]')).to_have_count(waiting - 1)   # approved: gone
    left = page.locator('#worklist li[data-kind="approval"]').all_inner_texts()
    assert not any(label in text and route in text for text in left)

    page.context.clear_cookies()
    login("rocva", "demo")      # ROC van Amsterdam: partner of the demo's routes that break a rule on purpose
    rules = page.locator('#worklist li[data-kind="rules"]')
    expect(rules).to_have_count(2)
    expect(page.locator("#worklist")).to_contain_text("Regeltoets: 1 regel voldoet niet (R-05)")
    item = rules.filter(has_text="R-05")
    route_name = item.locator(".muted").first.inner_text().strip("· ").strip()
    item.locator("a").click()
    page.wait_for_url("**/compliance/")
    expect(page.locator("h1")).to_contain_text(route_name)
    expect(page.locator('#compliance tr[data-rule="R-05"][data-status="failed"]').first).to_be_visible()
