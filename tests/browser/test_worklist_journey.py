"""The start page's work list in a real browser, on the demo as of 30 November 2026: Calvijn's financieel
medewerker sees the settlements waiting for their approval (last school year's marked overdue), follows
one to the statement, approves it, and is back on a start page without it; ROC van Amsterdam's route
coordinator sees the two routes whose rule check fails and follows one to its rule check."""
from datetime import date

import pytest
from playwright.sync_api import expect

from apps.regional.tests.test_report_demo import load_amsterdam

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DAY = date(2026, 11, 30)


def test_the_work_list_leads_to_where_to_act(page, login, tmp_path):
    load_amsterdam(tmp_path, today=DAY)
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
