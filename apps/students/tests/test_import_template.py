"""The import wizard fit for daily use (issue 10, point 8), through its real URLs: the template per
route (with and without R-17's column), the systems' own column names mapped without help, every
usual spelling of a leerweg, the column a rule makes required asked before any row is checked, and
the error report with the row's own values."""
import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from apps.registry.models import Leerweg
from apps.students.models import ImportJob, Student

from .test_import import HEADER, KEES, SANNE, csv_file, import_file, latest_job, login, upload, validate

GLR_COLUMNS = ["Leerlingnummer", "Voornaam", "Tussenvoegsel", "Achternaam", "Geboortedatum", "Leerweg", "Profiel",
               "Vmbo-leerjaar bij start", "Cohort", "Uitstroomrichting (crebo)", "Gezamenlijk oordeel (GLR) op"]


@pytest.fixture
def calvijn(client, users):
    return login(client, "calvijn")


@pytest.fixture
def dlr_route(signed_route):
    """The test route as it is: a route with vmbo diploma (R-17 does not apply), with a signed agreement."""
    return signed_route


def template(client, route, kind="students", fmt="csv"):
    response = client.get(reverse("students:import_template", args=[route.pk, kind, fmt]))
    assert response.status_code == 200, response.content
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content)).active
        return [["" if c.value is None else str(c.value) for c in row] for row in sheet.iter_rows()]
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def as_csv(rows, name="leerlingen.csv"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8"))


# --- the template ------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_template_of_a_glr_route_has_r17s_column_and_a_note_row(calvijn, glr_route, fmt):
    header, note = template(calvijn, glr_route, fmt=fmt)
    assert header == GLR_COLUMNS     # no BSN without a pseudonym key, one vo and one mbo partner: no BRIN
    assert all(cell.startswith("# ") for cell in note)
    notes = dict(zip(header, note))
    assert "verplicht (R-17)" in notes["Gezamenlijk oordeel (GLR) op"]
    assert notes["Leerlingnummer"].startswith("# verplicht") and "verplicht" not in notes["Tussenvoegsel"]
    assert "25498" in notes["Uitstroomrichting (crebo)"] and "BB" in notes["Leerweg"]


def test_the_template_of_a_route_with_vmbo_diploma_has_no_r17_column(calvijn, dlr_route):
    header, _note = template(calvijn, dlr_route)
    assert header == GLR_COLUMNS[:-1]
    assert template(calvijn, dlr_route, fmt="xlsx")[0] == GLR_COLUMNS[:-1]
    with override_settings(LEERROUTE_PSEUDONYM_KEY="k"):
        assert "BSN" in template(calvijn, dlr_route)[0]
    results = template(calvijn, dlr_route, kind="results")[0]
    assert results == ["Leerlingnummer", "Examenonderdeel", "Sector (vmbo/mbo)", "Soort", "Gepland in routejaar",
                       "Resultaat", "Cijfer", "Resultaat op"]


def test_a_route_with_two_vo_schools_gets_the_brin_column(calvijn, glr_route, registry):
    glr_route.partners.create(institution=registry["vo_ach"], role="vo")
    header, note = template(calvijn, glr_route)
    assert "Vo-school (BRIN)" in header and "Mbo-instelling (BRIN)" not in header
    assert "17XG" in dict(zip(header, note))["Vo-school (BRIN)"]


def test_bad_template_urls_are_404(calvijn, glr_route, client, users):
    assert calvijn.get(reverse("students:import_template", args=[glr_route.pk, "leerlingen", "csv"])).status_code == 404
    assert calvijn.get(reverse("students:import_template", args=[glr_route.pk, "students", "pdf"])).status_code == 404
    login(client, "achterhoek")   # not a partner of the route
    assert client.get(reverse("students:import_template", args=[glr_route.pk, "students", "csv"])).status_code == 404


def test_the_filled_in_template_maps_itself_and_skips_its_note_row(calvijn, glr_route):
    header, note = template(calvijn, glr_route)
    sanne = ["C100", "Sanne", "de", "Vries", "15-03-2006", "BB", "Z&W", "3", "2021-2022", "25498", "15-06-2021"]
    kees = ["C101", "Kees", "", "Bakker", "01-04-2006", "BB", "Z&W", "3", "2021", "25498", ""]
    upload(calvijn, glr_route, as_csv([header, note, sanne, kees]))
    job = latest_job()
    assert sorted(job.mapping) == sorted(["number", "first_name", "prefix", "last_name", "date_of_birth", "leerweg",
                                          "profiel", "vmbo_year_at_start", "cohort", "kwalificatie",
                                          "glr_judgment_on"])
    assert job.total == 2 and job.skipped_lines == [2]
    job = validate(calvijn, job)
    # the error names Kees's row as the file has it: row 4 (row 2 is the note)
    assert [(e["row"], e["column"], e["rule"]) for e in job.errors] == [(4, "Gezamenlijk oordeel (GLR) op", "R-17")]
    kees[-1] = "15-06-2021"
    job = import_file(calvijn, glr_route, as_csv([header, note, sanne, kees]))
    assert (job.status, job.imported) == ("done", 2)
    assert Student.objects.get(first_name="Sanne").last_name == "de Vries"


# --- the systems' own column names -------------------------------------------------------------

def test_a_magister_export_maps_automatically(calvijn, glr_route):
    header = ["Stamnummer", "Roepnaam", "Tussenvoegsel(s)", "Officiële achternaam", "Geb. datum", "Studie",
              "Profiel", "Leerjaar", "Lesperiode", "Crebocode", "Datum gezamenlijk oordeel", "Klas"]
    row = ["4711", "Sanne", "de", "Vries", "15-03-2006", "3 BB", "ZW", "3", "2021/2022", "25498", "15-06-2021", "3B1"]
    upload(calvijn, glr_route, as_csv([header, row], "magister.csv"))
    job = latest_job()
    assert job.mapping == {"number": "Stamnummer", "first_name": "Roepnaam", "prefix": "Tussenvoegsel(s)",
                           "last_name": "Officiële achternaam", "date_of_birth": "Geb. datum", "leerweg": "Studie",
                           "profiel": "Profiel", "vmbo_year_at_start": "Leerjaar", "cohort": "Lesperiode",
                           "kwalificatie": "Crebocode", "glr_judgment_on": "Datum gezamenlijk oordeel"}
    page = calvijn.get(reverse("students:import_mapping", args=[job.pk])).content.decode()
    assert '<option value="Stamnummer" selected>' in page
    job = validate(calvijn, job)
    assert job.status == "validated", job.errors
    calvijn.post(reverse("students:import_run", args=[job.pk]))
    sanne = Student.objects.get(numbers__number="4711")
    assert (sanne.last_name, sanne.leerweg.code, sanne.profiel.code, sanne.cohort) == ("de Vries", "BB", "Z&W", 2021)


def test_an_eduarte_export_maps_automatically_and_can_be_corrected(client, glr_route, users):
    rocva = login(client, "rocva")
    header = ["Deelnemernummer", "Roepnaam", "Voorvoegsel", "Achternaam", "Geboortedatum", "Opleidingscode",
              "Cohort", "Leerweg", "Vmbo-leerweg", "Profiel", "Datum gezamenlijk oordeel"]
    row = ["500123", "Kees", "", "Bakker", "2006-04-01", "25498", "2021", "BOL", "basis", "Zorg & welzijn",
           "2021-06-15"]
    upload(rocva, glr_route, as_csv([header, row], "eduarte.csv"))
    job = latest_job()
    assert job.mapping == {"number": "Deelnemernummer", "first_name": "Roepnaam", "prefix": "Voorvoegsel",
                           "last_name": "Achternaam", "date_of_birth": "Geboortedatum",
                           "kwalificatie": "Opleidingscode",
                           "cohort": "Cohort", "leerweg": "Leerweg", "profiel": "Profiel",
                           "glr_judgment_on": "Datum gezamenlijk oordeel"}
    # EduArte's "Leerweg" is the mbo's (BOL/BBL): the check says so, naming row and column
    job = validate(rocva, job)
    [error] = job.errors
    assert (error["row"], error["column"], error["value"], error["rule"]) == (2, "Leerweg", "BOL", "onbekend")
    assert "BOL/BBL" in error["message"]
    # the user corrects the mapping: the vmbo leerweg is in "Vmbo-leerweg"
    job = validate(rocva, job, {**job.mapping, "leerweg": "Vmbo-leerweg"})
    assert job.status == "validated", job.errors
    rocva.post(reverse("students:import_run", args=[job.pk]))
    kees = Student.objects.get(numbers__number="500123")
    assert (kees.leerweg.code, kees.profiel.code, kees.vo_school.brin) == ("BB", "Z&W", "17XG")


def test_a_somtoday_export_maps_automatically(calvijn, glr_route):
    header = ["Leerlingnummer", "Roepnaam", "Voorvoegsel", "Achternaam", "Geboortedatum", "Leerweg", "Leerjaar",
              "Schooljaar", "Crebo", "Gezamenlijk oordeel"]
    upload(calvijn, glr_route, as_csv([header, ["9001", "Noor", "", "Visser", "04-05-2006", "VMBO BB", "3",
                                                "2021-2022", "25498", "15-06-2021"]]))
    assert latest_job().mapping == {
        "number": "Leerlingnummer", "first_name": "Roepnaam", "prefix": "Voorvoegsel", "last_name": "Achternaam",
        "date_of_birth": "Geboortedatum", "leerweg": "Leerweg", "vmbo_year_at_start": "Leerjaar",
        "cohort": "Schooljaar", "kwalificatie": "Crebo", "glr_judgment_on": "Gezamenlijk oordeel"}


# --- leerweg spellings -------------------------------------------------------------------------

SPELLINGS = {"GT": "GL", "GL": "GL", "TL": "TL", "gemengde leerweg": "GL", "theoretische leerweg": "TL",
             "Gemengde/theoretische leerweg": "GL", "kader": "KB", "basis": "BB", "KB": "KB", "BB": "BB",
             "VMBO-T": "TL", "vmbo-(g)t": "GL", "kaderberoepsgerichte leerweg": "KB", "mavo": "TL"}
STUDENT = ["Leerlingnummer", "Voornaam", "Achternaam", "Leerweg", "Cohort", "Crebo"]


def test_gt_gl_tl_and_the_long_spellings_are_accepted(calvijn, dlr_route):
    rows = [[f"S{i}", "Leerling", spelling, spelling, "2021", "25498"] for i, spelling in enumerate(SPELLINGS)]
    upload(calvijn, dlr_route, csv_file([STUDENT, *rows]))
    job = validate(calvijn, latest_job())
    assert job.status == "validated", job.errors
    # GT while the register has no GT: recorded as GL, and the page says so before the import
    page = calvijn.get(reverse("students:import_job", args=[job.pk])).content.decode()
    assert 'id="import-merged-leerweg"' in page and "3 rijen hebben leerweg GT" in page
    calvijn.post(reverse("students:import_run", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "done", (job.errors, job.message)
    assert dict(Student.objects.values_list("last_name", "leerweg__code")) == SPELLINGS


def test_gt_is_gt_once_the_register_has_it(calvijn, dlr_route):
    Leerweg.objects.create(code="GT", name="gemengde/theoretische leerweg", order=4)
    job = import_file(calvijn, dlr_route, csv_file([STUDENT, ["S1", "Ada", "Gt", "GT", "2021", "25498"],
                                                   ["S2", "Bo", "Lang", "gemengde/theoretische leerweg", "2021",
                                                    "25498"]]))
    assert job.status == "done", job.errors
    assert set(Student.objects.values_list("leerweg__code", flat=True)) == {"GT"}


def test_a_wrong_leerweg_is_refused_naming_row_and_column(calvijn, dlr_route):
    rows = [STUDENT, ["S1", "Ada", "Goed", "GT", "2021", "25498"], ["S2", "Bo", "Fout", "havo", "2021", "25498"],
            ["S3", "Cas", "Fout", "BBL", "2021", "25498"]]
    job = import_file(calvijn, dlr_route, csv_file(rows))
    assert job.status == "failed" and not Student.objects.exists()
    assert [(e["row"], e["column"], e["value"], e["rule"]) for e in job.errors] == [
        (3, "Leerweg", "havo", "onbekend"), (4, "Leerweg", "BBL", "onbekend")]
    assert "‘havo’" in job.errors[0]["message"] and "GT" in job.errors[0]["message"]
    assert "BOL/BBL" in job.errors[1]["message"]


# --- the column a rule makes required ----------------------------------------------------------

def test_r17s_column_is_required_before_validation_starts(calvijn, glr_route):
    page = calvijn.get(reverse("students:import_upload", args=[glr_route.pk])).content.decode()
    assert 'id="import-route-required"' in page and "R-17" in page
    header = ["Leerlingnummer", "Voornaam", "Achternaam", "Leerweg", "Cohort", "Crebo"]
    upload(calvijn, glr_route, csv_file([header, ["C1", "Sanne", "Vries", "BB", "2021", "25498"]]))
    job = latest_job()
    page = calvijn.get(reverse("students:import_mapping", args=[job.pk])).content.decode()
    assert 'id="id_glr_judgment_on_why"' in page and "(R-17)" in page
    assert '<label for="id_glr_judgment_on">Gezamenlijk oordeel (GLR) op</label> *' in page
    response = calvijn.post(reverse("students:import_mapping", args=[job.pk]), {**job.mapping, "step": "validate"})
    assert response.status_code == 400
    assert "Verplicht voor deze route (R-17)" in response.content.decode()
    job.refresh_from_db()
    assert (job.status, job.errors) == ("mapping", [])   # nothing checked, nothing queued


def test_a_route_with_vmbo_diploma_does_not_ask_for_it(calvijn, dlr_route):
    page = calvijn.get(reverse("students:import_upload", args=[dlr_route.pk])).content.decode()
    assert "R-17" not in page
    job = import_file(calvijn, dlr_route, csv_file([STUDENT, ["S1", "Ada", "Vries", "BB", "2021", "25498"]]))
    assert job.status == "done", job.errors


# --- the error report with the row's own values --------------------------------------------------

@override_settings(LEERROUTE_PSEUDONYM_KEY="k")
def test_the_error_report_shows_the_rows_own_values(calvijn, glr_route):
    rows = [HEADER + ["BSN"], SANNE + ["111222333"], [*KEES, "123456782"]]   # Kees: KB in a GLR
    job = import_file(calvijn, glr_route, csv_file(rows))
    assert [(e["row"], e["rule"]) for e in job.errors] == [(3, "R-05")]
    page = calvijn.get(reverse("students:import_job", args=[job.pk])).content.decode()
    errors = page[page.index('id="import-errors"'):]
    assert "Kees" in errors and "Bakker" in errors and "2006-04-01" in errors and "(verborgen)" in errors
    assert "Sanne" not in errors                     # only the rows with an error
    assert "123456782" not in page
    for fmt in ("csv", "xlsx"):
        response = calvijn.get(reverse("students:import_errors", args=[job.pk, fmt]))
        if fmt == "csv":
            report = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        else:
            report = [[c.value for c in row] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()]
        assert report[0] == ["rij", "kolom", "waarde", "regel", "melding", *HEADER, "BSN"]
        assert report[1][5:] == [*KEES, "(verborgen)"]
    assert ImportJob.objects.get(pk=job.pk).rows   # a failed job keeps its rows for the report
