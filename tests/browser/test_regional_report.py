"""The regional report in a real browser: the Amsterdam coordinator opens the region's report for
2020-2021 from the menu, makes it (the worker's task, tables and PDF, runs at once in the tests), sees Tabel 1's
practices and figures 1-3 drawn, and downloads its PDF."""
import io
from datetime import date

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from apps.regional.tests.test_report_demo import load_amsterdam

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_amsterdam_report_2020_and_its_pdf(page, login, tmp_path):
    load_amsterdam(tmp_path, today=date(2026, 11, 30))
    login("regio-amsterdam", "demo")
    page.click("header nav >> text=Regiorapport")
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
