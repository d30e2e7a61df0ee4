"""Students in a real browser: promote a cohort with one doublure and one uitstroom (preview first),
then open a student's timeline."""
import pytest
from django.apps import apps as django_apps
from playwright.sync_api import expect

from apps.registry.models import Leerweg
from apps.routes.models import Agreement, Signature
from apps.students import services
from apps.students.models import Student

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cohort(route, registry, users):
    route.vmbo_diploma, route.vmbo_exam_route_year = False, None
    route.save()
    agreement = Agreement.objects.create(title="SOK", kind="sok", valid_from="2019-08-01")
    agreement.routes.add(route)
    for board in registry["boards"].values():
        Signature.objects.create(agreement=agreement, bestuur=board, signed_on="2019-07-01")
    students = []
    for i, (first, last) in enumerate([("Anna", "Bakker"), ("Bram", "Jansen"), ("Chris", "Visser")]):
        student = Student(route=route, first_name=first, last_name=last, leerweg=Leerweg.objects.get(code="BB"),
                          cohort=2019, kwalificatie=registry["k"]["helpende"], glr_judgment_on="2019-06-01")
        students.append(services.enrol(student, {registry["calvijn"]: f"C{i}"}, users["calvijn"])[0])
    return students


def test_promote_cohort_with_doublure_and_uitstroom_then_timeline(page, login, route, cohort):
    anna, bram, chris = cohort
    login("calvijn")
    page.goto(f"/routes/{route.pk}/leerlingen/")
    page.click("text=Doorzetten naar volgend schooljaar")
    page.select_option(f"select[name=action_{bram.pk}]", "doublure")
    page.select_option(f"select[name=action_{chris.pk}]", "uitstroom")
    page.select_option(f"select[name=destination_{chris.pk}]", "entree")
    page.click("button:has-text('Voorbeeld bekijken')")
    expect(page.locator(f"tr[data-student='{anna.pk}']")).to_contain_text("routejaar 2")
    expect(page.locator(f"tr[data-student='{chris.pk}']")).to_contain_text("verlaat de route")
    assert Student.objects.get(pk=anna.pk).route_year == 1  # the preview saved nothing
    page.click("button:has-text('Doorvoeren')")
    expect(page.locator(".msg.success")).to_contain_text("doorgezet")
    expect(page.locator("#students")).to_contain_text("Entree")

    page.click("text=Jansen, Bram")
    timeline = page.locator("#timeline")
    expect(timeline.locator("li[data-kind=instroom]")).to_be_visible()
    expect(timeline.locator("li[data-kind=doublure]")).to_contain_text("routejaar 1")
    expect(page.locator("#enrolments")).to_contain_text("2020-2021")
    assert [s.route_year for s in Student.objects.order_by("last_name")] == [2, 1, 1]
