"""Students in a real browser: import a file from the school's administration, promote the cohort
with one doublure and one uitstroom (preview first), then open a student's timeline."""
import pytest
from playwright.sync_api import expect

from apps.students.models import Student

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


CSV = ("Leerlingnummer;Voornaam;Achternaam;Geboortedatum;Leerweg;Profiel;Cohort;Crebo;Gezamenlijk oordeel\n"
       "C001;Anna;Bakker;12-03-2005;BB;Z&W;2019-2020;25498;15-06-2019\n"
       "C002;Bram;Jansen;02-11-2004;BB;Z&W;2019-2020;25498;15-06-2019\n"
       "C003;Chris;Visser;23-07-2005;BB;Z&W;2019-2020;25498;15-06-2019\n")


def test_import_promote_with_doublure_and_uitstroom_then_timeline(page, login, glr_route, tmp_path):
    route = glr_route
    login("calvijn")
    page.goto(f"/routes/{route.pk}/leerlingen/")
    page.click("text=Importeren")
    upload = tmp_path / "magister-export.csv"
    upload.write_bytes(CSV.encode("cp1252"))
    page.set_input_files("input[type=file]", str(upload))
    page.click("button:has-text('Inlezen')")
    page.click("button:has-text('Koppeling bewaren en rijen controleren')")
    page.click("button:has-text('Importeren')")
    expect(page.locator("body")).to_contain_text("3")
    assert Student.objects.filter(route=route).count() == 3
    anna, bram, chris = Student.objects.order_by("last_name")

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
