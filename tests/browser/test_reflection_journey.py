"""The reflection instrument in a real browser: the Calvijn coordinator opens a round for the route from
the route page and invites the ROC van Amsterdam coordinator; both fill it in (a submit with an item left
open is refused at that item and keeps what was typed), and after the second submit both see the
comparison side by side with the bar chart drawn (Chart.js from the vendored files, under the CSP)."""
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from domain import reflection as core

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


def _fill(page, score: str, **overrides: str):
    for item in core.ITEM_IDS:
        page.check(f"input[name='{item}-score'][value='{overrides.get(item, score)}']")


def test_two_partners_fill_in_a_round_and_compare(page, login, route, users):
    today = timezone.localdate()
    login("calvijn")
    page.goto(route.get_absolute_url())
    page.click("#reflection-link")
    page.click("#new-round")
    page.fill("#id_title", "Reflectie voorjaar")
    page.fill("#id_opens_on", str(today))
    page.fill("#id_closes_on", str(today + timedelta(days=30)))
    page.check("input[name=participants][value=calvijn]")
    page.check("input[name=participants][value=rocva]")
    page.click("button:has-text('Ronde openen')")
    expect(page.locator("h2")).to_contain_text("Reflectie voorjaar")
    expect(page.locator("#no-results")).to_be_visible()

    page.click("#own-response")
    _fill(page, "4", V2="2", A4="?")
    page.fill("textarea[name=V2-note]", "De verdeling van de bekostiging blijft een punt")
    page.check("input[name=phase_fit][value=ja]")
    page.click("#submit-response")
    expect(page.locator(".msg.success")).to_contain_text("ingediend")
    expect(page.locator("#no-results")).to_be_visible()          # one partner alone: nothing to compare
    page.click("button:has-text('Uitloggen')")

    login("rocva")
    page.goto(route.get_absolute_url())
    page.click("text=Vul uw reflectie in: Reflectie voorjaar")
    _fill(page, "4", V2="5", D7="2")
    page.check("input[name=phase_fit][value=deels]")
    page.fill("textarea[name=D7-note]", "Te weinig uren voor de mbo-docenten")
    page.evaluate("document.querySelectorAll(\"input[name='D3-score']\").forEach(r => r.checked = false)")
    page.click("#submit-response")
    expect(page.locator("#item-D3 .errorlist")).to_contain_text("nog niet beantwoord")
    expect(page.locator("textarea[name=D7-note]")).to_have_value("Te weinig uren voor de mbo-docenten")
    expect(page.locator("input[name='V2-score'][value='5']")).to_be_checked()
    page.check("input[name='D3-score'][value='3']")
    page.click("#submit-response")
    expect(page.locator(".msg.success")).to_contain_text("ingediend")

    differences = page.locator("#differences tbody tr")
    expect(differences.first).to_have_attribute("data-item", "V2")
    expect(differences.first).to_contain_text("2,0")
    expect(differences.first).to_contain_text("5,0")
    chart = page.locator("#results canvas[data-chart=bars]")
    expect(chart).to_have_attribute("data-drawn", "")
    expect(page.locator("#items tr[data-item=D7]")).to_contain_text("Te weinig uren voor de mbo-docenten")
    page.click("button:has-text('Uitloggen')")

    login("calvijn")
    page.goto(route.get_absolute_url())
    page.click("#reflection-link")
    page.click("#rounds a:has-text('Reflectie voorjaar')")
    expect(page.locator("#results canvas[data-chart=bars]")).to_have_attribute("data-drawn", "")
    expect(page.locator("#phase-fit")).to_contain_text("ROC van Amsterdam")
    expect(page.locator("nav.tabs a.active")).to_have_text("Reflectie")

    # on a phone the reflection pages do not scroll sideways (wide tables scroll in their own box)
    page.set_viewport_size({"width": 390, "height": 844})
    round_url = page.url
    for url in (round_url, f"/routes/{route.pk}/reflectie/", f"{round_url}invullen/"):
        page.goto(url)
        assert page.evaluate(NO_SIDEWAYS_SCROLL), url
