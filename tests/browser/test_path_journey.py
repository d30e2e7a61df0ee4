"""The student path in a real browser: enrol a zij-instromer (from havo, into route year 2 of cohort
2019), record that the student leaves and comes back, correct the uitstroom, and see the diploma check
list the required parts that are still missing."""
import pytest
from playwright.sync_api import expect

from apps.students.models import Student

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def record(page, kind, day, **fields):
    form = page.locator("#timeline form.inline-form").last
    form.locator("select[name=kind]").select_option(kind)
    form.locator("input[name=date]").fill(day)
    for name, value in fields.items():
        field = form.locator(f"[name={name}]")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    form.locator("button[type=submit]").click()


def test_zij_instroom_return_after_uitstroom_and_missing_diploma_parts(page, login, glr_route, registry):
    login("calvijn")
    page.goto(f"/routes/{glr_route.pk}/leerlingen/")
    page.click("text=Leerling inschrijven")
    page.fill("#id_first_name", "Noor")
    page.fill("#id_last_name", "Bakker")
    page.locator("#id_leerweg").select_option(label=page.locator("#id_leerweg option", has_text="BB").inner_text())
    page.fill("#id_cohort", "2019")
    page.fill("#id_entry_route_year", "2")
    page.select_option("#id_origin", "havo")
    page.select_option("#id_kwalificatie", index=1)
    page.fill("#id_glr_judgment_on", "2020-06-15")
    page.fill(f"#id_number_{registry['calvijn'].pk}", "C7001")
    page.click("button:has-text('Inschrijven')")
    expect(page.locator("h1")).to_contain_text("Noor Bakker")
    expect(page.locator("body")).to_contain_text("zij-instroom in routejaar 2")
    expect(page.locator("#timeline li[data-kind=zij_instroom]")).to_contain_text("havo")
    student = Student.objects.get(first_name="Noor")
    assert (student.cohort, student.route_year, student.zij_instroom) == (2019, 2, True)

    record(page, "uitstroom", "2021-03-01", destination="regulier_vmbo")
    expect(page.locator("h1 .badge")).to_contain_text("uit de route")
    record(page, "terugkeer", "2021-08-20")
    expect(page.locator("h1 .badge")).to_contain_text("in de route")
    expect(page.locator("#timeline li[data-kind=terugkeer]")).to_be_visible()
    student.refresh_from_db()
    assert (student.status, student.left_on) == ("actief", None)

    # correct the uitstroom date: the path is replayed and the enrolment of that year ends on the new date
    item = page.locator("#timeline li[data-kind=uitstroom]")
    item.locator("summary").click()
    item.locator("input[name=date]").fill("2021-04-01")
    item.locator("button:has-text('Corrigeren')").click()
    expect(page.locator(".msg.success")).to_contain_text("gecorrigeerd")
    assert student.enrolments.get(school_year=2020).end.isoformat() == "2021-04-01"

    # the diploma check lists what the qualification requires and is not passed yet
    missing = page.locator("#mbo-missing")
    expect(missing).to_contain_text("Kerntaak 1")
    expect(missing).to_contain_text("Nederlands")
