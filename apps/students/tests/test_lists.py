"""Student lists as schools work: sorted on the surname without tussenvoegsel, a search on name and
school number across the user's own routes, filters, pagination and exports that follow the filter
(the schools' own numbers, one column per partner; dates as dates, numbers as numbers)."""
import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from apps.routes.models import Agreement, Route, Signature
from apps.routes.tests.payloads import route_payload
from apps.students.models import AccessLog, Status, Student, StudentFinding, StudentNumber
from domain.names import sort_key


def login(client, username):
    assert client.login(username=username, password=f"pw-{username}")


def names(response):
    return [(s.last_name, s.first_name) for s in response.context["students"]]


@pytest.fixture
def class_list(enrol, glr_route, registry):
    """Five students of the route; the surnames sort differently with and without tussenvoegsel."""
    made = {
        "vries": enrol(first="Sanne", last="de Vries", number="C100"),
        "bakker": enrol(first="Anna", last="Bakker", number="C101"),
        "berg": enrol(first="Bram", last="van den Berg", number="C102"),
        "dijk": enrol(first="Daan", last="Dijkstra", number="C103", cohort=2020),
        "zand": enrol(first="Zoë", last="in 't Zand", number="C104"),
    }
    StudentNumber.objects.create(student=made["vries"], institution=registry["rocva"], number="R9001")
    return made


# --- sort -------------------------------------------------------------------------------------------------


def test_the_sort_key_drops_the_tussenvoegsel():
    assert sort_key("de Vries") == "vries"
    assert sort_key("van den Berg") == "berg"
    assert sort_key("Van der Meer") == "meer"
    assert sort_key("in 't Zand") == "zand"
    assert sort_key("d'Ancona") == "ancona"
    assert sort_key("Van") == "van"             # a surname that is only a tussenvoegsel keeps it
    assert sort_key("Vries") == "vries" and sort_key("Dekker") == "dekker"   # "de" only as a whole word


def test_the_database_computes_the_same_key_as_the_domain(enrol, glr_route):
    surnames = ["de Vries", "van den Berg", "Van der Meer", "in 't Zand", "d'Ancona", "Van", "Dekker", "ter Horst",
                "van 't Hof", "De la Croix"]
    for i, surname in enumerate(surnames):
        enrol(first=f"L{i}", last=surname, number=f"K{i}")
    stored = dict(Student.objects.values_list("last_name", "sort_name"))
    assert stored == {surname: sort_key(surname) for surname in surnames}


def test_the_route_list_sorts_on_the_surname_without_tussenvoegsel(class_list, glr_route, client):
    login(client, "calvijn")
    response = client.get(f"/routes/{glr_route.pk}/leerlingen/")
    assert response.status_code == 200
    assert names(response) == [("Bakker", "Anna"), ("van den Berg", "Bram"), ("Dijkstra", "Daan"),
                               ("de Vries", "Sanne"), ("in 't Zand", "Zoë")]
    body = response.content.decode()
    assert body.index("Dijkstra") < body.index("de Vries") < body.index("in &#x27;t Zand")


# --- search -----------------------------------------------------------------------------------------------


@pytest.fixture
def second_route(registry, api_client, glr_route):
    """A second route of the same partners, under the same signed agreement."""
    headers = api_client.token_for("calvijn")
    response = api_client.post("/api/v1/routes", route_payload(registry, name="Tweede route Techniek"),
                               content_type="application/json", **headers)
    assert response.status_code == 201, response.content
    route = Route.objects.get(pk=response.json()["id"])
    glr_route.agreements.first().routes.add(route)
    return route


@pytest.fixture
def other_institution(registry, api_client, users):
    """A route of two other institutions (Achterhoek) with a student called Sanne de Vries, number C100 at
    their vo-school: the same name and number as one of Calvijn's."""
    from apps.registry.models import Leerweg
    from apps.students import services

    payload = route_payload(registry, name="Route Achterhoek", region=registry["ach"].pk, partners=[
        {"institution": "20DE", "role": "vo", "rio_registered_on": "2020-09-01"},
        {"institution": "25LF", "role": "mbo", "rio_registered_on": "2020-09-01"}])
    response = api_client.post("/api/v1/routes", payload, content_type="application/json",
                               **api_client.token_for("achterhoek"))
    assert response.status_code == 201, response.content
    route = Route.objects.get(pk=response.json()["id"])
    agreement = Agreement.objects.create(title="SOK Achterhoek", kind="sok", valid_from="2019-08-01")
    agreement.routes.add(route)
    for school in ("vo_ach", "mbo_ach"):
        Signature.objects.create(agreement=agreement, bestuur=registry[school].bestuur, signed_on="2019-07-01")
    student = Student(route=route, first_name="Sanne", last_name="de Vries", leerweg=Leerweg.objects.get(code="BB"),
                      cohort=2019, kwalificatie=registry["k"]["helpende"], glr_judgment_on="2019-06-15")
    return services.enrol(student, {registry["vo_ach"]: "C100"}, users["achterhoek"])[0]


def test_search_finds_on_name_and_school_number_across_the_users_routes(class_list, second_route, client, users,
                                                                         registry, other_institution):
    from apps.registry.models import Leerweg
    from apps.students import services

    techniek = services.enrol(Student(route=second_route, first_name="Sanne", last_name="Vriesema",
                                      leerweg=Leerweg.objects.get(code="BB"), cohort=2019,
                                      kwalificatie=registry["k"]["helpende"], glr_judgment_on="2019-06-15"),
                              {registry["calvijn"]: "C200"}, users["calvijn"])[0]
    login(client, "calvijn")
    by_name = client.get("/leerlingen/", {"q": "vries"})
    assert by_name.status_code == 200
    assert {s.pk for s in by_name.context["students"]} == {class_list["vries"].pk, techniek.pk}
    assert other_institution.pk not in {s.pk for s in by_name.context["students"]}
    body = by_name.content.decode()
    assert "Tweede route Techniek" in body and "Route Achterhoek" not in body

    assert names(client.get("/leerlingen/", {"q": "sanne de vries"})) == [("de Vries", "Sanne")]
    assert names(client.get("/leerlingen/", {"q": "C10"})) == [("Bakker", "Anna"), ("van den Berg", "Bram"),
                                                               ("Dijkstra", "Daan"), ("de Vries", "Sanne"),
                                                               ("in 't Zand", "Zoë")]
    assert names(client.get("/leerlingen/", {"q": "C100"})) == [("de Vries", "Sanne")]   # not Achterhoek's C100
    assert names(client.get("/leerlingen/", {"q": "r9001"})) == [("de Vries", "Sanne")]  # the mbo's number too
    assert names(client.get("/leerlingen/", {"q": "C200"})) == [("Vriesema", "Sanne")]
    assert names(client.get("/leerlingen/", {"q": "niemand"})) == []


def test_a_user_of_another_institution_finds_nothing_of_ours(class_list, client, other_institution):
    login(client, "achterhoek")      # coordinator of a vo-school that is no partner of our route
    for query in ("vries", "C100", "Sanne", "Bakker", ""):
        response = client.get("/leerlingen/", {"q": query})
        assert response.status_code == 200
        assert {s.pk for s in response.context["students"]} <= {other_institution.pk}
        listed = response.content.decode().split('<table id="students">')[1].split("</table>")[0]
        assert "Calvijn" not in listed and "Bakker" not in listed and "C101" not in listed
    export = client.get("/leerlingen/", {"q": "vries", "export": "csv"}).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(export), delimiter=";"))
    assert len(rows) == 2 and "Route Achterhoek" in rows[1] and "Calvijn College" not in ";".join(rows[0])
    for student in class_list.values():
        assert not AccessLog.objects.filter(student_id=student.pk, user__username="achterhoek").exists()


def test_the_search_page_is_not_for_users_who_do_not_read_students(class_list, client):
    login(client, "regio")
    assert client.get("/leerlingen/", {"q": "vries"}).status_code == 404


def test_the_searched_students_are_logged_as_read(class_list, client):
    login(client, "calvijn")
    client.get("/leerlingen/", {"q": "vries"})
    read = set(AccessLog.objects.filter(action="read").values_list("student_id", flat=True))
    assert read == {class_list["vries"].pk}


# --- filters ----------------------------------------------------------------------------------------------


def test_each_filter_narrows_the_route_list(class_list, glr_route, registry, client):
    vries, bakker, berg = class_list["vries"], class_list["bakker"], class_list["berg"]
    Student.objects.filter(pk=bakker.pk).update(route_year=2)
    Student.objects.filter(pk=berg.pk).update(status=Status.UITGESTROOMD, kwalificatie=registry["k"]["verzorgende"])
    StudentFinding.objects.update_or_create(student=vries, defaults={"failed": "R-10", "warnings": ""})
    StudentFinding.objects.update_or_create(student=bakker, defaults={"failed": "", "warnings": "R-13"})
    url = f"/routes/{glr_route.pk}/leerlingen/"
    login(client, "calvijn")
    assert names(client.get(url, {"cohort": 2020})) == [("Dijkstra", "Daan")]
    assert names(client.get(url, {"route_year": 2})) == [("Bakker", "Anna")]
    assert names(client.get(url, {"status": "uitgestroomd"})) == [("van den Berg", "Bram")]
    assert names(client.get(url, {"kwalificatie": registry["k"]["verzorgende"].pk})) == [("van den Berg", "Bram")]
    assert names(client.get(url, {"regels": "fouten"})) == [("de Vries", "Sanne")]
    assert names(client.get(url, {"regels": "waarschuwingen"})) == [("Bakker", "Anna")]
    assert ("de Vries", "Sanne") not in names(client.get(url, {"regels": "geen"}))
    assert names(client.get(url, {"cohort": 2019, "status": "actief", "q": "ann"})) == [
        ("Bakker", "Anna"), ("de Vries", "Sanne")]
    assert names(client.get(url, {"status": ""})) == names(client.get(url))     # "Alle"


@pytest.mark.parametrize("field, value", [("cohort", "x"), ("cohort", "1999"), ("route_year", "9"),
                                          ("status", "weg"), ("kwalificatie", "999999"), ("regels", "alles")])
def test_bad_filter_input_is_a_400_naming_the_field(field, value, class_list, glr_route, client):
    login(client, "calvijn")
    for url in (f"/routes/{glr_route.pk}/leerlingen/", "/leerlingen/"):
        response = client.get(url, {field: value})
        assert response.status_code == 400
        assert field in response.context["filter"].errors
        label = str(response.context["filter"].form.fields[field].label)
        assert f"{label}:" in response.content.decode()
        assert client.get(url, {field: value, "export": "csv"}).status_code == 400


def test_the_search_page_filters_on_route(class_list, second_route, client):
    login(client, "calvijn")
    assert names(client.get("/leerlingen/", {"route": second_route.pk})) == []
    assert len(names(client.get("/leerlingen/", {"route": class_list["vries"].route_id}))) == 5


# --- pagination -------------------------------------------------------------------------------------------


def test_a_long_list_is_paginated_in_surname_order(enrol, glr_route, client, monkeypatch):
    from apps.students import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for i, surname in enumerate(["van Aalst", "de Boer", "Claes", "van der Dool", "Eerens"]):
        enrol(first=f"L{i}", last=surname, number=f"P{i}")
    login(client, "calvijn")
    url = f"/routes/{glr_route.pk}/leerlingen/"
    pages = [[n for n, _f in names(client.get(url, {"pagina": p}))] for p in (1, 2, 3)]
    assert pages == [["van Aalst", "de Boer"], ["Claes", "van der Dool"], ["Eerens"]]
    second = client.get(url, {"pagina": 2, "status": "actief"}).content.decode()
    assert "pagina 2 van 3" in second
    assert "status=actief&amp;pagina=3" in second and "status=actief&amp;pagina=1" in second
    assert [n for n, _f in names(client.get(url, {"pagina": "abc"}))] == ["van Aalst", "de Boer"]  # no 500
    assert [n for n, _f in names(client.get(url, {"pagina": 99}))] == ["Eerens"]
    # only the students shown are logged as read
    assert AccessLog.objects.filter(action="read", user__username="calvijn").count() == 2 + 2 + 1 + 2 + 2 + 1


# --- exports ----------------------------------------------------------------------------------------------


def test_the_export_follows_the_filter_with_the_schools_own_numbers(class_list, glr_route, client, registry):
    vries = class_list["vries"]
    Student.objects.filter(pk=vries.pk).update(date_of_birth=date(2005, 3, 12))
    login(client, "calvijn")
    response = client.get(f"/routes/{glr_route.pk}/leerlingen/", {"cohort": 2019, "q": "vries", "export": "csv",
                                                                   "pagina": 2})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["leerlingnummer Calvijn College", "leerlingnummer ROC van Amsterdam"]
    assert "id" not in header
    assert len(body) == 1
    row = dict(zip(header, body[0]))
    assert row["leerlingnummer Calvijn College"] == "C100" and row["leerlingnummer ROC van Amsterdam"] == "R9001"
    assert row["achternaam"] == "de Vries" and row["cohort (startjaar)"] == "2019"
    assert row["geboortedatum"] == "2005-03-12"
    assert set(AccessLog.objects.filter(action="export").values_list("student_id", flat=True)) == {vries.pk}


def test_the_excel_export_keeps_dates_and_numbers_typed(class_list, glr_route, client):
    Student.objects.filter(pk=class_list["vries"].pk).update(date_of_birth=date(2005, 3, 12))
    login(client, "calvijn")
    response = client.get(f"/routes/{glr_route.pk}/leerlingen/", {"status": "actief", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    by_name = {row[header.index("achternaam")]: dict(zip(header, row)) for row in rows[1:]}
    assert list(by_name) == ["Bakker", "van den Berg", "Dijkstra", "de Vries", "in 't Zand"]   # the list's order
    vries = by_name["de Vries"]
    assert vries["geboortedatum"].date() == date(2005, 3, 12)
    assert vries["cohort (startjaar)"] == 2019 and isinstance(vries["routejaar"], int)
    assert vries["leerlingnummer Calvijn College"] == "C100"
    assert by_name["Bakker"]["leerlingnummer ROC van Amsterdam"] in (None, "")


def test_the_search_export_has_a_column_per_partner_of_the_users_routes(class_list, client):
    login(client, "calvijn")
    response = client.get("/leerlingen/", {"q": "berg", "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["leerlingnummer Calvijn College", "leerlingnummer ROC van Amsterdam", "route"]
    assert [r[:2] for r in rows[1:]] == [["C102", ""]]


# --- a route of 1,500 students ------------------------------------------------------------------------------


def test_a_route_of_1500_students_lists_in_a_constant_number_of_queries(glr_route, registry, users, client,
                                                                        django_assert_max_num_queries):
    from apps.students.importing import insert_rows

    login(client, "calvijn")
    url = f"/routes/{glr_route.pk}/leerlingen/"
    client.get(url)                                   # warm: session, templates
    leerweg = Student._meta.get_field("leerweg").related_model.objects.get(code="BB")

    def add(n, start):
        rows = [(glr_route.pk, f"V{i}", f"{'van ' if i % 3 else ''}Naam{i:05d}", leerweg.pk, 2019, 1,
                 registry["calvijn"].pk, registry["k"]["helpende"].pk) for i in range(start, start + n)]
        insert_rows(Student, ["route", "first_name", "last_name", "leerweg", "cohort", "route_year", "vo_school",
                              "kwalificatie"], rows)
        ids = Student.objects.filter(first_name__in=[f"V{i}" for i in range(start, start + n)]).values_list(
            "pk", flat=True)
        insert_rows(StudentNumber, ["student", "institution", "number"],
                    [(pk, registry["calvijn"].pk, f"N{pk}") for pk in ids])

    add(20, 0)
    with django_assert_max_num_queries(30) as small:
        assert client.get(url, {"pagina": 1}).status_code == 200
    add(1480, 20)
    assert Student.objects.filter(route=glr_route).count() == 1500
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        page = client.get(url, {"pagina": 2, "status": "actief"})
    assert page.status_code == 200 and len(page.context["students"]) == 50
    assert len(large.captured_queries) == len(small.captured_queries)
    shown = [s.sort_name for s in page.context["students"]]
    assert shown == sorted(shown) and shown[0] == "naam00050"


@pytest.mark.parametrize("page", ["teldatum/?date=2019-10-01&export=csv", "examens/?export=csv"])
def test_the_teldatum_and_open_parts_exports_carry_the_schools_own_numbers(page, class_list, glr_route, client):
    login(client, "calvijn")
    response = client.get(f"/routes/{glr_route.pk}/{page}")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["leerlingnummer Calvijn College", "leerlingnummer ROC van Amsterdam", "achternaam"]
    assert "id" not in rows[0]
    by_name = {row[2]: row for row in rows[1:]}
    assert by_name["de Vries"][:2] == ["C100", "R9001"]
