"""Cohort promotion in a real browser (issue 10, point 4): one student of the cohort is blocked by a
rule; the preview names them with the reason and sets them aside, the others are promoted, and the
blocked student stays where they are and is named with the reason after the promotion."""
import pytest
from playwright.sync_api import expect

from apps.registry.models import Leerweg
from apps.students import services
from apps.students.models import Student

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_promoting_a_cohort_with_one_blocked_student(page, login, glr_route, registry, users):
    route = glr_route
    for number, (first, last) in enumerate((("Anna", "Bakker"), ("Bram", "Jansen"), ("Chris", "Visser"))):
        services.enrol(Student(route=route, first_name=first, last_name=last, leerweg=Leerweg.objects.get(code="BB"),
                               cohort=2019, kwalificatie=registry["k"]["helpende"], glr_judgment_on="2019-06-15"),
                       {registry["calvijn"]: f"C{number:04d}"}, users["calvijn"])
    anna, bram, chris = Student.objects.order_by("last_name")
    # Bram's leerweg was corrected to KB: in this route without the vmbo diploma that breaks R-05
    Student.objects.filter(pk=bram.pk).update(leerweg=Leerweg.objects.get(code="KB"))

    login("calvijn")
    page.goto(f"/routes/{route.pk}/leerlingen/")
    page.click("text=Doorzetten naar volgend schooljaar")
    page.click("button:has-text('Voorbeeld bekijken')")
    blocked = page.locator(f"tr[data-student='{bram.pk}']")
    expect(blocked).to_contain_text("blijft staan")
    expect(blocked).to_contain_text("R-05")
    expect(blocked.locator(f"select[name=action_{bram.pk}]")).to_have_value("apart")
    expect(page.locator(f"tr[data-student='{anna.pk}']")).to_contain_text("routejaar 2")
    expect(page.locator(".msg").first).to_contain_text("Bram Jansen")
    assert Student.objects.get(pk=anna.pk).route_year == 1          # the preview saved nothing

    page.click("button:has-text('Doorvoeren')")
    expect(page.locator(".msg.success")).to_contain_text("2 leerling(en)")
    expect(page.locator(".msg.warning")).to_contain_text("Blijft staan: Bram Jansen (R-05")
    assert [s.route_year for s in Student.objects.order_by("last_name")] == [2, 1, 2]
    assert list(Student.objects.get(pk=bram.pk).events.values_list("kind", flat=True)) == ["instroom"]
