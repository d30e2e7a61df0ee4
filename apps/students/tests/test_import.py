"""The student import wizard through its real URLs: upload, mapping, validation with progress,
all-or-nothing import, error report, BSN pseudonymisation and access."""
import csv
import io
from datetime import datetime

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from apps.core.lib.pseudonym import national_key
from apps.students.models import Enrolment, Event, ExamPart, ImportJob, ImportMapping, Student

HEADER = ["Leerlingnummer", "Voornaam", "Achternaam", "Geboortedatum", "Leerweg", "Profiel", "Cohort", "Crebo",
          "Gezamenlijk oordeel"]
SANNE = ["C100", "Sanne", "de Vries", "15-03-2006", "BB", "Z&W", "2021-2022", "25498", "15-06-2021"]
KEES = ["C101", "Kees", "Bakker", "2006-04-01", "KB", "Z&W", "2021", "25498", "15-06-2021"]
BSN_A, BSN_B, BAD_BSN = "111222333", "123456782", "123456789"


def csv_file(rows, name="leerlingen.csv", delimiter=",", encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(encoding))


def login(client, username):
    client.login(username=username, password="pw-" + username)
    return client


def upload(client, route, file, kind="students"):
    return client.post(reverse("students:import_upload", args=[route.pk]), {"kind": kind, "file": file})


def latest_job():
    return ImportJob.objects.order_by("-pk").first()


def validate(client, job, mapping=None):
    """Save the mapping (the pre-filled one unless given) and step through the validation."""
    response = client.post(reverse("students:import_mapping", args=[job.pk]),
                           {**(job.mapping if mapping is None else mapping), "step": "validate"})
    assert response.status_code == 302, response.content.decode()
    for _ in range(100):
        job.refresh_from_db()
        if job.status != "validating":
            break
        client.post(reverse("students:import_step", args=[job.pk]))
    return job


def import_file(client, route, file, kind="students", mapping=None):
    response = upload(client, route, file, kind)
    assert response.status_code == 302, response.content.decode()
    job = validate(client, latest_job(), mapping)
    if job.status == "validated":
        client.post(reverse("students:import_run", args=[job.pk]))
        job.refresh_from_db()
    return job


@pytest.fixture
def calvijn(client, glr_route, users):
    return login(client, "calvijn")


def test_one_bad_row_imports_nothing_and_the_report_names_it(calvijn, glr_route):
    job = import_file(calvijn, glr_route, csv_file([HEADER, SANNE, KEES]))
    assert job.status == "failed"
    assert not Student.objects.exists() and not Enrolment.objects.exists() and not Event.objects.exists()
    [error] = job.errors
    assert (error["row"], error["column"], error["value"], error["rule"]) == (3, "Leerweg", "KB", "R-05")
    page = calvijn.get(reverse("students:import_job", args=[job.pk])).content.decode()
    assert "R-05" in page and "Leerweg" in page and "Niets geïmporteerd" in page
    report = calvijn.get(reverse("students:import_errors", args=[job.pk, "csv"]))
    lines = list(csv.reader(io.StringIO(report.content.decode("utf-8-sig")), delimiter=";"))
    # the error, then the row's own values under the file's own columns (issue 10.8)
    assert lines[0] == ["rij", "kolom", "waarde", "regel", "melding", *HEADER]
    assert lines[1][:4] == ["3", "Leerweg", "KB", "R-05"] and lines[1][5:] == KEES
    excel = load_workbook(io.BytesIO(calvijn.get(reverse("students:import_errors", args=[job.pk, "xlsx"])).content))
    assert [c.value for c in excel.active[2]][:4] == [3, "Leerweg", "KB", "R-05"]
    assert [c.value for c in excel.active[2]][5:] == KEES

    # the corrected file imports every row: students, numbers, enrolments and instroom events
    job = import_file(calvijn, glr_route, csv_file([HEADER, SANNE, ["C101", *KEES[1:4], "BB", *KEES[5:]]]))
    assert (job.status, job.imported, job.rows) == ("done", 2, [])
    assert sorted(Student.objects.values_list("first_name", "last_name", "cohort")) == [
        ("Kees", "Bakker", 2021), ("Sanne", "de Vries", 2021)]
    sanne = Student.objects.get(first_name="Sanne")
    assert str(sanne.date_of_birth) == "2006-03-15" and str(sanne.glr_judgment_on) == "2021-06-15"
    assert sanne.numbers.get().number == "C100"
    assert Event.objects.filter(kind="instroom").count() == 2
    assert sorted(Student.objects.values_list("first_name", "plain_entered_on")) == [
        ("Kees", Event.objects.get(student__first_name="Kees").date), ("Sanne", sanne.events.get().date)]
    assert Enrolment.objects.filter(school_year=2021, funded=True, institution__brin="17XG").count() == 2
    page = calvijn.get(reverse("students:import_job", args=[job.pk])).content.decode()
    assert "2 rijen geïmporteerd" in page and reverse("students:cohorts", args=[glr_route.pk]) in page


def test_other_row_errors_unknown_crebo_duplicates_and_existing_numbers(calvijn, glr_route, enrol):
    enrol(number="C100")
    rows = [HEADER,
            ["C100", *SANNE[1:]],                                # exists at Calvijn
            ["C200", "Ali", "Demir", "1-2-2006", "BB", "Z&W", "2021", "99999", "15-06-2021"],  # unknown crebo
            ["C201", "Bo", "Smit", "31-02-2006", "BB", "Z&W", "21", "25498", ""],  # date, cohort, R-17
            ["C202", "Jip", "Jansen", "", "BB", "Z&W", "2021", "25498", "15-06-2021"],
            ["C202", "Janneke", "Jansen", "", "BB", "Z&W", "2021", "25498", "15-06-2021"]]  # twice in the file
    job = import_file(calvijn, glr_route, csv_file(rows))
    found = {(e["row"], e["column"], e["value"], e["rule"]) for e in job.errors}
    assert found == {(2, "Leerlingnummer", "C100", "uniek"), (3, "Crebo", "99999", "onbekend"),
                     (4, "Geboortedatum", "31-02-2006", "ongeldig"), (4, "Cohort", "21", "ongeldig"),
                     (6, "Leerlingnummer", "C202", "uniek")}
    assert Student.objects.count() == 1
    # with valid date and cohort, the missing joint judgment of row 4 is R-17
    rows[3] = ["C201", "Bo", "Smit", "28-02-2006", "BB", "Z&W", "2021", "25498", ""]
    job = import_file(calvijn, glr_route, csv_file([HEADER, rows[3]]))
    assert [(e["row"], e["column"], e["rule"]) for e in job.errors] == [(2, "Gezamenlijk oordeel", "R-17")]


def test_mapping_is_saved_and_prefilled_for_the_institution(calvijn, glr_route, client):
    header = ["Nr", "Roep", "Fam", "Lw", "Start", "Opl", "Oordeel"]
    row = ["X1", "Sanne", "de Vries", "BB", "2021", "25498", "2021-06-15"]
    upload(calvijn, glr_route, csv_file([header, row]))
    job = latest_job()
    assert job.mapping == {}
    page = calvijn.get(reverse("students:import_mapping", args=[job.pk])).content.decode()
    assert "Kolommen koppelen" in page
    mapping = {"number": "Nr", "first_name": "Roep", "last_name": "Fam", "leerweg": "Lw", "cohort": "Start",
               "kwalificatie": "Opl", "glr_judgment_on": "Oordeel"}
    # the preview shows the rows as mapped, without saving anything
    response = calvijn.post(reverse("students:import_mapping", args=[job.pk]), {**mapping, "step": "preview"})
    assert response.status_code == 200 and "<td>de Vries</td>" in response.content.decode()
    assert not ImportMapping.objects.exists()
    job = validate(calvijn, job, mapping)
    assert job.status == "validated"
    saved = ImportMapping.objects.get(institution__brin="17XG", kind="students")
    assert saved.mapping == mapping

    upload(calvijn, glr_route, csv_file([header, ["X2", *row[1:]]]))
    job = latest_job()
    assert job.mapping == mapping
    page = calvijn.get(reverse("students:import_mapping", args=[job.pk])).content.decode()
    assert '<option value="Roep" selected>' in page and "bewaarde koppeling" in page

    # another institution of the route does not get Calvijn's mapping
    client.logout()
    rocva = login(client, "rocva")
    upload(rocva, glr_route, csv_file([header, row]))
    assert latest_job().mapping == {} and latest_job().institution.brin == "25LX"


def test_semicolon_cp1252_csv_and_xlsx(calvijn, glr_route):
    file = csv_file([HEADER, ["C300", "Zoë", "Çelik", "01-09-2006", "bb", "Z&W", "2021-2022", "25498", "15-06-2021"]],
                    delimiter=";", encoding="cp1252")
    job = import_file(calvijn, glr_route, file)
    assert job.status == "done", job.errors
    assert Student.objects.filter(first_name="Zoë", last_name="Çelik").exists()

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["C301", "Noor", "Visser", datetime(2006, 5, 4), "BB", "Z&W", 2021, 25498, datetime(2021, 6, 15)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    job = import_file(calvijn, glr_route, SimpleUploadedFile("leerlingen.xlsx", buffer.getvalue()))
    assert job.status == "done", job.errors
    noor = Student.objects.get(first_name="Noor")
    assert (str(noor.date_of_birth), noor.kwalificatie.code, noor.numbers.get().number) == ("2006-05-04", "25498",
                                                                                           "C301")


def _contains(value: str) -> bool:
    dumps = [list(ImportJob.objects.values_list("headers", "rows", "errors", "mapping")),
             list(Student.objects.values()), list(LogEntry.objects.values_list("changes", "object_repr"))]
    return value in repr(dumps)


@override_settings(LEERROUTE_PSEUDONYM_KEY="")
def test_bsn_without_key_is_refused(calvijn, glr_route):
    response = upload(calvijn, glr_route, csv_file([HEADER + ["BSN"], SANNE + [BSN_A]]))
    page = response.content.decode()
    assert response.status_code == 400 and "LEERROUTE_PSEUDONYM_KEY" in page and "niets opgeslagen" in page
    assert BSN_A not in page
    assert not ImportJob.objects.exists()
    # also when the column has no BSN-like name: the values give it away
    response = upload(calvijn, glr_route, csv_file([HEADER + ["Extra"], SANNE + [BSN_A]]))
    assert "LEERROUTE_PSEUDONYM_KEY" in response.content.decode() and not ImportJob.objects.exists()


@override_settings(LEERROUTE_PSEUDONYM_KEY="k")
def test_bsn_is_pseudonymised_when_read_and_never_shown(calvijn, glr_route):
    rows = [HEADER + ["BSN"], SANNE + [BSN_A], ["C101", *KEES[1:4], "BB", *KEES[5:], BSN_B]]
    response = upload(calvijn, glr_route, csv_file(rows))
    job = latest_job()
    assert job.bsn_columns == ["BSN"] and job.mapping["bsn"] == "BSN"
    assert not _contains(BSN_A) and not _contains(BSN_B)
    pages = [calvijn.get(response.url, follow=True).content.decode()]
    job = validate(calvijn, job)
    pages.append(calvijn.get(reverse("students:import_job", args=[job.pk])).content.decode())
    assert "•••" in pages[0]
    calvijn.post(reverse("students:import_run", args=[job.pk]))
    assert Student.objects.get(first_name="Sanne").national_key == national_key(BSN_A)
    assert Student.objects.get(first_name="Kees").national_key == national_key(BSN_B)
    assert not _contains(BSN_A) and not _contains(BSN_B)
    assert all(BSN_A not in page and BSN_B not in page for page in pages)

    # an invalid BSN is reported as (verborgen), the number itself appears nowhere
    rows = [HEADER + ["BSN"], ["C102", *SANNE[1:], BAD_BSN], ["C103", *SANNE[1:], BSN_A]]
    job = import_file(calvijn, glr_route, csv_file(rows))
    assert [(e["row"], e["column"], e["value"], e["rule"]) for e in job.errors] == [
        (2, "BSN", "(verborgen)", "ongeldig"), (3, "BSN", "(verborgen)", "uniek")]
    page = calvijn.get(reverse("students:import_job", args=[job.pk])).content.decode()
    report = calvijn.get(reverse("students:import_errors", args=[job.pk, "csv"])).content.decode("utf-8-sig")
    assert "(verborgen)" in page and BAD_BSN not in page and BAD_BSN not in report and not _contains(BAD_BSN)


def test_other_users_get_404(client, glr_route, users):
    calvijn = login(client, "calvijn")
    upload(calvijn, glr_route, csv_file([HEADER, SANNE]))
    job = latest_job()
    urls = [("get", reverse("students:import_job", args=[job.pk])),
            ("get", reverse("students:import_mapping", args=[job.pk])),
            ("post", reverse("students:import_step", args=[job.pk])),
            ("post", reverse("students:import_run", args=[job.pk])),
            ("get", reverse("students:import_errors", args=[job.pk, "csv"]))]
    client.logout()
    achterhoek = login(client, "achterhoek")
    assert achterhoek.get(reverse("students:import_upload", args=[glr_route.pk])).status_code == 404
    assert upload(achterhoek, glr_route, csv_file([HEADER, SANNE])).status_code == 404
    for username in ("achterhoek", "rocva", "regio"):   # rocva is a partner, but the job is not theirs
        client.logout()
        other = login(client, username)
        for method, url in urls:
            assert getattr(other, method)(url).status_code == 404, (username, url)
    job.refresh_from_db()
    assert job.status == "mapping"
    # the Calvijn coordinator sees the button and the wizard
    client.logout()
    calvijn = login(client, "calvijn")
    page = calvijn.get(reverse("students:cohorts", args=[glr_route.pk])).content.decode()
    assert reverse("students:import_upload", args=[glr_route.pk]) in page
    assert calvijn.get(reverse("students:import_upload", args=[glr_route.pk])).status_code == 200


RESULT_HEADER = ["Leerlingnummer", "Onderdeel", "Sector", "Soort", "Routejaar", "Resultaat", "Cijfer", "Datum"]


def test_results_update_exam_parts_and_r04(calvijn, glr_route, enrol):
    student = enrol(number="C0001")
    part = ExamPart.objects.get(student=student, sector="vmbo", kind="SE", name="Nederlands")  # from the template
    planned = ExamPart.objects.filter(student=student).count()
    rows = [RESULT_HEADER,
            ["C0001", "nederlands", "", "", "", "behaald", "6,5", "20-05-2021"],
            ["C0001", "Wiskunde", "vmbo", "CSPE", "4", "open", "", ""]]
    job = import_file(calvijn, glr_route, csv_file(rows, "resultaten.csv"), kind="results")
    assert [(e["row"], e["column"], e["rule"]) for e in job.errors] == [(2, "Onderdeel", "ongeldig"),
                                                                       (3, "Routejaar", "R-04")]
    assert "sector en soort" in job.errors[0]["message"]  # Nederlands is planned as SE, CSPE and mbo generiek
    rows = [RESULT_HEADER,
            ["C0001", "nederlands", "vmbo", "SE", "", "behaald", "6,5", "20-05-2021"],
            ["C0001", "Wiskunde", "vmbo", "CSPE", "4", "open", "", ""]]
    job = import_file(calvijn, glr_route, csv_file(rows, "resultaten.csv"), kind="results")
    assert [(e["row"], e["column"], e["value"], e["rule"]) for e in job.errors] == [(3, "Routejaar", "4", "R-04")]
    part.refresh_from_db()
    assert part.result == "open" and ExamPart.objects.filter(student=student).count() == planned

    rows[2][4] = "3"
    rows.append(["C9999", "Engels", "vmbo", "SE", "2", "open", "", ""])
    job = import_file(calvijn, glr_route, csv_file(rows, "resultaten.csv"), kind="results")
    assert [(e["row"], e["column"], e["rule"]) for e in job.errors] == [(4, "Leerlingnummer", "niet gevonden")]

    job = import_file(calvijn, glr_route, csv_file(rows[:3], "resultaten.csv"), kind="results")
    assert job.status == "done", job.errors
    part.refresh_from_db()
    assert (part.result, str(part.grade), str(part.result_on), part.planned_route_year) == (
        "passed", "6.5", "2021-05-20", 2)
    # a grade column may come with a point (an Excel cell, a system export): "7.5" is no thousands point
    rows[1][6] = "7.5"
    job = import_file(calvijn, glr_route, csv_file(rows[:3], "resultaten.csv"), kind="results")
    part.refresh_from_db()
    assert job.status == "done" and str(part.grade) == "7.5"
    assert ExamPart.objects.get(student=student, name="Wiskunde").planned_route_year == 3
