"""Reference lists: export to Excel/CSV, import all-or-nothing with a row-by-row error report."""
import io

from openpyxl import Workbook, load_workbook

from apps.accounts.testing import login_with_second_factor
from apps.registry.models import Institution, Kwalificatie


def upload(name, content: bytes):
    f = io.BytesIO(content)
    f.name = name
    return f


def test_import_with_one_bad_row_imports_nothing_and_names_row_and_column(users, client):
    login_with_second_factor(client, "beheer")
    csv_text = ("code;name;level;dossier;bol;bbl\n"
                "25180;Kok;2;Kok;ja;ja\n"
                "2518;Zelfstandig werkend kok;3;Kok;ja;nee\n"
                "25182;Gespecialiseerd kok;7;Kok;ja;ja\n")
    response = client.post("/register/kwalificaties/", {"file": upload("k.csv", csv_text.encode("cp1252"))})
    errors = response.context["errors"]
    assert {(e.row, e.column) for e in errors} == {(3, "code"), (4, "level")}
    assert errors[0].value == "2518"
    assert not Kwalificatie.objects.filter(code__in=["25180", "25182"]).exists()
    assert "Niets geïmporteerd" in response.content.decode()

    fixed = csv_text.replace("\n2518;", "\n25181;").replace(";7;", ";4;")
    response = client.post("/register/kwalificaties/", {"file": upload("k.csv", fixed.encode("utf-8"))})
    assert not response.context["errors"]
    assert set(Kwalificatie.objects.filter(code__startswith="2518").values_list("code", "level")) == {
        ("25180", 2), ("25181", 3), ("25182", 4)}
    assert Kwalificatie.objects.get(code="25181").bbl is False


def test_import_excel_institutions_updates_by_brin(registry, users, client):
    login_with_second_factor(client, "beheer")
    wb = Workbook()
    ws = wb.active
    ws.append(["brin", "name", "sector", "kind", "bestuur", "city", "regions"])
    ws.append(["17XG", "Calvijn College Amsterdam", "vo", "vo-school", "Stichting ZAAM", "Amsterdam", "rmc:Amsterdam"])
    ws.append(["30AB", "Nieuwe school", "vo", "vo-school", "Stichting ZAAM", "Diemen", ""])
    buffer = io.BytesIO()
    wb.save(buffer)
    response = client.post("/register/institutions/", {"file": upload("i.xlsx", buffer.getvalue())})
    assert not response.context["errors"]
    assert Institution.objects.get(brin="17XG").name == "Calvijn College Amsterdam"
    assert Institution.objects.filter(brin="30AB").exists()


def test_import_bad_brin_and_unknown_board(registry, users, client):
    login_with_second_factor(client, "beheer")
    text = "brin,name,sector,kind,bestuur,city,regions\n1XG,X,vo,vo-school,Onbekend bestuur,,\n"
    errors = client.post("/register/institutions/", {"file": upload("i.csv", text.encode())}).context["errors"]
    assert {e.column for e in errors} == {"brin", "bestuur"}
    assert any("2 cijfers en 2 hoofdletters" in e.message for e in errors)


def test_only_beheerder_imports_everyone_exports(registry, users, client):
    client.login(username="calvijn", password="pw-calvijn")
    assert client.post("/register/kwalificaties/", {"file": upload("k.csv", b"code\n")}).status_code == 403
    response = client.get("/register/kwalificaties/?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == ["code", "name", "level", "dossier", "bol", "bbl"]
    assert {sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)} >= {"25498", "25253"}
    text = client.get("/register/profiel-kwalificatie/?export=csv").content.decode("utf-8-sig")
    assert "Z&W;25498" in text


def test_export_then_import_round_trip(registry, users, client):
    login_with_second_factor(client, "beheer")
    exported = client.get("/register/institutions/?export=csv").content
    before = Institution.objects.count()
    response = client.post("/register/institutions/", {"file": upload("i.csv", exported)})
    assert not response.context["errors"] and Institution.objects.count() == before
