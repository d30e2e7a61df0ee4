"""The layout in a real browser: a route's pages on a phone (390 pixels wide) never scroll sideways, the
route's tabs can all be reached, a wide table scrolls inside its own box; on a laptop (1366 pixels) the
header is one line; the skip link is the first thing the keyboard reaches."""
import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDEST = """[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391
    && e.parentElement.getBoundingClientRect().right <= 391)
    .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


def test_route_pages_fit_a_phone(page, login, route):
    page.set_viewport_size({"width": 390, "height": 844})
    login("calvijn")
    names = ("routes:detail", "dashboard:route", "students:compliance", "students:cohorts", "students:teldatum",
             "students:exam_deadlines", "routes:history")
    paths = [reverse(name, args=[route.pk]) for name in names]
    for path in [*paths, "/routes/", "/overeenkomsten/", "/"]:
        page.goto(path)
        assert page.evaluate(NO_SIDEWAYS_SCROLL), (path, page.evaluate(WIDEST))
    page.goto(f"/routes/{route.pk}/")
    for tab in page.locator("nav.tabs a").all():
        box = tab.bounding_box()
        assert box and 0 <= box["x"] and box["x"] + box["width"] <= 390, tab.inner_text()
    table = page.locator("main table").first
    if table.count():
        assert table.evaluate("t => t.getBoundingClientRect().right <= 390")


def test_header_is_one_line_on_a_laptop_and_the_skip_link_comes_first(page, login, route):
    from apps.accounts.models import User

    # a long name, as the demo's accounts have: cut short in the header, whole in its title
    User.objects.filter(username="calvijn").update(first_name="Routecoördinator",
                                                   last_name="Calvijn College, afdeling Vakmanschapsroute Zorg")
    page.set_viewport_size({"width": 1366, "height": 768})
    login("calvijn")
    page.goto("/routes/")
    header = page.locator("header.top")
    assert header.evaluate("h => h.getBoundingClientRect().height") < 60
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    skip.press("Enter")
    assert page.evaluate("location.hash") == "#inhoud"
