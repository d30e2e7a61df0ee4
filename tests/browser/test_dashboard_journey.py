"""The route dashboard in a real browser: the vendored Chart.js draws the cohort flow from its JSON
data island (no inline script: the page fixture fails on any Content-Security-Policy report), and the
same numbers are in the table under the chart."""
import pytest
from playwright.sync_api import expect

from apps.dashboard.tests.conftest import cohort, make_student  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_route_dashboard_draws_the_flow_chart(page, login, route, cohort):  # noqa: F811
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    login("calvijn")
    page.goto(f"/routes/{route.pk}/dashboard/?cohort=2021")
    canvas = page.locator('canvas[data-chart="flow"]')
    expect(canvas).to_have_attribute("data-drawn", "")
    drawn = page.evaluate("""() => {
        const chart = Chart.getChart(document.querySelector('canvas[data-chart="flow"]'));
        return chart && {type: chart.config.type, stacked: chart.options.scales.x.stacked,
                         labels: chart.data.labels, first: chart.data.datasets[0].data};
    }""")
    assert drawn["type"] == "bar" and drawn["stacked"] is True
    assert drawn["labels"][:4] == ["jaar 1 (2021-2022)", "jaar 2 (2022-2023)", "jaar 3 (2023-2024)",
                                   "jaar 4 (2024-2025)"]   # and on to today's school year
    assert drawn["first"][:4] == [4, 4, 3, 3]             # in the route
    assert page.evaluate("document.querySelectorAll('canvas[data-chart]').length") == \
        page.evaluate("document.querySelectorAll('canvas[data-drawn]').length")   # every chart drawn
    figure = page.locator("#flow")
    figure.locator("summary").click()
    expect(figure.locator("table tbody tr").first).to_contain_text("jaar 1 (2021-2022)")
    # choosing a cohort reloads the page for it (data-autosubmit, no inline script); wait for the
    # answer, so no request is left running when the test ends
    with page.expect_navigation():
        page.select_option("#cohort", "2021")
    expect(page).to_have_url(f"{page.url.split('?')[0]}?cohort=2021")
    expect(page.locator('canvas[data-chart="flow"]')).to_have_attribute("data-drawn", "")
    assert errors == []
