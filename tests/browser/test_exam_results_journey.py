"""Exam results in a real browser: a coordinator enters the grades of one exam part for a whole cohort
in the grid. One bad grade ("6.8", a point) gives a message at that row and nothing is saved; corrected
to "6,8", all rows are saved at once."""
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from apps.registry.models import Leerweg
from apps.students import services
from apps.students.models import Student

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _enrol(route, registry, user, first, last):
    student = Student(route=route, first_name=first, last_name=last, leerweg=Leerweg.objects.get(code="BB"),
                      cohort=2019, kwalificatie=registry["k"]["helpende"], glr_judgment_on="2019-06-15")
    return services.enrol(student, {registry["calvijn"]: f"C-{last}"}, user)[0]


def _nederlands(student):
    return student.exam_parts.get(sector="vmbo", kind="SE", name="Nederlands")


def test_a_groups_grades_in_the_grid_all_or_nothing(page, login, glr_route, registry, users):
    anna, bram, chris = (_enrol(glr_route, registry, users["calvijn"], first, last)
                         for first, last in (("Anna", "Bakker"), ("Bram", "Jansen"), ("Chris", "Visser")))
    login("calvijn")
    page.goto(f"/routes/{glr_route.pk}/examens/")
    page.click("text=Resultaten van een groep invoeren")
    page.select_option("#group-choice select[name=cohort]", "2019")
    page.click("#group-choice button")
    page.select_option("#group-choice select[name=part]", "vmbo|SE|Nederlands")
    page.click("#group-choice button")

    page.fill("#group-results input[name=result_on]", "2020-06-15")  # the 2019 cohort's SE, by its R-04 deadline
    page.fill(f"input[name=s{anna.pk}-grade]", "6,5")
    page.fill(f"input[name=s{bram.pk}-grade]", "6.8")          # a point: refused, never guessed
    page.fill(f"input[name=s{chris.pk}-grade]", "5,0")
    page.click("button:has-text('Alle resultaten opslaan')")
    bram_row = page.locator(f"tr[data-student='{bram.pk}']")
    expect(bram_row.locator(".errorlist")).to_contain_text("komma")
    expect(bram_row.locator(f"input[name=s{bram.pk}-grade]")).to_have_value("6.8")
    expect(page.locator(f"input[name=s{anna.pk}-grade]")).to_have_value("6,5")   # what was typed is kept
    expect(page.locator(f"tr[data-student='{anna.pk}'] .errorlist")).to_have_count(0)
    assert [_nederlands(s).result for s in (anna, bram, chris)] == ["open", "open", "open"]

    page.fill(f"input[name=s{bram.pk}-grade]", "6,8")
    page.click("button:has-text('Alle resultaten opslaan')")
    expect(page.locator(".msg.success")).to_contain_text("Resultaten van 3 leerlingen opgeslagen")
    expect(page.locator(f"tr[data-student='{bram.pk}']")).to_contain_text("6,8")
    assert [(_nederlands(s).result, _nederlands(s).grade) for s in (anna, bram, chris)] == [
        ("passed", Decimal("6.5")), ("passed", Decimal("6.8")), ("failed", Decimal("5.0"))]
