"""The student survey in a real browser: the Calvijn coordinator makes a survey with an own statement,
opens it and makes codes; a student, not logged in, opens the link with the code after "#", answers
(the browser holds the form while a statement is unanswered) and cannot answer twice;
the coordinator closes the survey and sees the results, small counts as "<5", with the chart."""
import re

import pytest
from playwright.sync_api import expect

from apps.survey import services
from apps.survey.models import Code
from apps.survey.schemas import SubmissionIn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_student_answers_with_a_code_without_login(browser, page, login, route, live_server):
    page.on("dialog", lambda dialog: dialog.accept())
    login("calvijn")
    page.goto(f"/routes/{route.pk}/enquetes/")
    page.click("text=Nieuwe enquête")
    page.select_option("#id_school_year", "2024")
    page.check("#field-cohorts >> text=2023-2024")
    page.click("button:has-text('Enquête aanmaken')")
    expect(page.locator(".msg.success")).to_contain_text("aangemaakt")
    page.fill("#statement-add input[name=text]", "Mijn mentor helpt me goed.")
    page.click("button:has-text('Stelling toevoegen')")
    expect(page.locator("#statements li")).to_have_count(6)
    page.click("button:has-text('Enquête openen')")
    expect(page.locator("#survey-status")).to_have_text("open")
    page.click("text=Codes voor leerlingen")
    page.fill("#id_count", "6")
    page.click("#codes-form button")
    expect(page.locator("#codes tbody tr")).to_have_count(6)
    survey_url = page.url.replace("codes/", "")
    code = Code.objects.order_by("pk").first().shown

    student = browser.new_context(base_url=live_server.url, locale="nl-NL")
    answer = student.new_page()
    answer.goto(f"/enquete/#{code}")
    expect(answer.locator("#id_code")).to_have_value(code)
    assert "#" not in answer.url                       # the code is taken out of the address bar
    answer.click("button:has-text('Verder')")
    statements = answer.locator("fieldset.statement")
    expect(statements).to_have_count(6)
    for i in range(5):
        statements.nth(i).locator("text=eens").last.check()   # "helemaal eens"
    answer.click("button:has-text('Versturen')")           # the browser asks for the sixth first
    expect(answer.locator("#thanks")).to_have_count(0)
    expect(statements.nth(0).locator("input[value='5']")).to_be_checked()
    statements.nth(5).locator("input[value='4']").check()
    answer.click("button:has-text('Versturen')")
    expect(answer.locator("#thanks")).to_contain_text("anoniem opgeslagen")
    answer.goto("/enquete/")
    answer.fill("#id_code", code.lower())
    answer.click("button:has-text('Verder')")
    expect(answer.locator(".errorlist")).to_contain_text("al ingevuld")
    student.close()

    page.goto(survey_url)
    expect(page.locator("#respondents")).to_have_text("<5")
    for other in Code.objects.filter(used=False).order_by("pk")[:5]:   # five classmates agree
        statements_of = other.survey.statements.all()
        services.submit(SubmissionIn(code=other.code, answers=[{"statement": s.pk, "value": 4} for s in statements_of]))
    page.reload()
    expect(page.locator("#respondents")).to_have_text("6")
    page.click("button:has-text('Enquête sluiten')")
    row = page.locator("#results-table tbody tr").first
    expect(row.locator("td")).to_have_text([re.compile("verwacht"), "0", "0", "0", "x", "<5", "100,0%"])
    expect(page.locator("canvas[data-chart=flow]")).to_be_visible()
