"""The regional report's page (made in the worker once, with progress), its PDF and Excel workbook,
and `GET /api/v1/regions/{id}/report`, on the small hand-made region of conftest.py."""
import io

import openpyxl
import pytest
from pypdf import PdfReader

from apps.accounts.models import Role
from apps.accounts.testing import login_with_second_factor
from apps.regional.report_models import ReportJob


@pytest.fixture(autouse=True)
def evaluated(region):
    """The rules checked on the region's routes, as every change does (R-16 findings)."""
    from apps.routes import compliance

    for route in (region["glr"], region["dlr"], region["stacked"]):
        compliance.refresh(route)


@pytest.fixture
def reader(region, make_user):
    return make_user("regio-test", Role.REGIOCOORDINATOR, region=region["region"])


def _url(region, part="", year=2020):
    return f"/regio/{region['region'].pk}/rapport/{part}?schooljaar={year}"


@pytest.fixture
def made(client, region, route_students, reader):
    """The report of 2020 made through the button (the test settings run the task at once)."""
    client.force_login(reader)
    response = client.post(f"/regio/{region['region'].pk}/rapport/maken/", {"schooljaar": "2020"})
    assert response.status_code == 302 and response["Location"].endswith(_url(region))
    return ReportJob.objects.get(region=region["region"], school_year=2020)


def test_page_before_and_after_making_the_report(client, region, route_students, reader):
    client.force_login(reader)
    page = client.get(_url(region))
    assert page.status_code == 200 and b'id="report-none"' in page.content and b"Rapport maken" in page.content
    client.post(f"/regio/{region['region'].pk}/rapport/maken/", {"schooljaar": "2020"})
    job = ReportJob.objects.get()
    assert job.status == "done" and job.position == job.total == 8 and job.pdf and job.requested_by == reader
    page = client.get(_url(region)).content.decode()
    for anchor in ('id="report-practices"', 'id="figuur-niveau"', 'id="report-students"', 'id="report-risks"',
                   'data-chart="bars"', "GLR A", "School C"):   # School C: a vmbo school without a route
        assert anchor in page, anchor
    assert "Testregio" in page and 'id="report-pdf"' in page and 'style="' not in page   # CSP: no inline style
    client.post(f"/regio/{region['region'].pk}/rapport/maken/", {"schooljaar": "2020"})   # made again
    assert list(ReportJob.objects.values_list("status", flat=True)) == ["done"]   # the newest replaces the older


def test_a_report_is_made_in_the_readers_language(client, region, route_students, reader):
    """A report is a document in one language (its PDF too): an English reader makes and reads an English
    one, the Dutch one stays as it is."""
    client.force_login(reader)
    client.post(f"/regio/{region['region'].pk}/rapport/maken/", {"schooljaar": "2020"})
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert b'id="report-none"' in client.get(_url(region)).content     # no English report yet
    client.post(f"/regio/{region['region'].pk}/rapport/maken/", {"schooljaar": "2020"})
    jobs = dict(ReportJob.objects.values_list("language", "result"))
    assert set(jobs) == {"nl", "en"}
    assert jobs["en"]["figures"]["by_level"]["title"].startswith("Figure 1")
    assert jobs["nl"]["figures"]["by_level"]["title"].startswith("Figuur 1")
    page = client.get(_url(region)).content.decode()
    assert "Figure 1" in page and "Figuur 1" not in page
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(client.get(_url(region, "pdf/")).content)).pages)
    assert "Figure 1" in text and "Figuur 1" not in text


def test_the_button_starts_the_work_once(client, region, reader, monkeypatch):
    """While a job is queued, pressing again finds it instead of queuing another."""
    from apps.regional import report_tasks

    queued = []
    monkeypatch.setattr(report_tasks, "_enqueue", queued.append)   # the worker has not picked it up yet
    client.force_login(reader)
    for _ in range(3):
        client.post(f"/regio/{region['region'].pk}/rapport/maken/", {"schooljaar": "2020"})
    assert ReportJob.objects.count() == 1 and len(queued) == 1
    job = ReportJob.objects.get()
    progress = client.get(_url(region, "voortgang/"), HTTP_HX_REQUEST="true")
    assert progress.status_code == 200 and b'id="report-bar"' in progress.content
    page = client.get(_url(region))
    assert b'id="report-progress"' in page.content and b"Rapport maken" not in page.content
    report_tasks.make_report.call(job.pk)
    done = client.get(_url(region, "voortgang/"), HTTP_HX_REQUEST="true")
    assert done["HX-Redirect"].endswith(_url(region))
    assert ReportJob.objects.get().status == "done"


def test_a_failing_build_ends_the_job_in_failed(client, region, reader, monkeypatch):
    from apps.regional import report

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(report, "build", broken)
    client.force_login(reader)
    client.post(f"/regio/{region['region'].pk}/rapport/maken/", {"schooljaar": "2020"})
    job = ReportJob.objects.get()
    assert job.status == "failed" and job.message
    assert job.message.encode() in client.get(_url(region)).content


def test_pdf_is_a_pdf_with_the_region_and_its_practices(client, region, made):
    response = client.get(_url(region, "pdf/"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Testregio" in text and "2020-2021" in text
    assert "GLR A" in text and "Gestapeld B" in text and "Figuur 1" in text


def test_excel_one_sheet_per_table_numbers_as_numbers_and_charts(client, region, made):
    response = client.get(_url(region, "excel/"))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[:5] == ["Praktijken", "Figuur 1", "Figuur 2", "Figuur 3", "Leerlingen per route"]
    assert "Continuïteitsrisico's" in book.sheetnames
    students = book["Leerlingen per route"]
    assert [c.value for c in students[1]] == ["Route", "Leerlingen", "Vo-fase (bekostigd)", "Mbo-fase (bekostigd)"]
    rows = {row[0]: row[1:] for row in students.iter_rows(min_row=2, values_only=True)}
    assert rows["GLR A"] == (5, 5, 0)                       # numbers, not text
    assert students[1][0].font.bold and students.freeze_panes == "A2" and students.auto_filter.ref
    figure = book["Figuur 1"]
    assert len(figure._charts) == 1                          # a native Excel chart
    assert [tuple(r) for r in figure.iter_rows(min_row=2, values_only=True)] == [("mbo 2", 2, 0, 2), ("mbo 3", 0, 1, 1)]


def test_without_a_report_the_files_send_back_to_the_page(client, region, reader):
    client.force_login(reader)
    for part in ("pdf/", "excel/"):
        response = client.get(_url(region, part))
        assert response.status_code == 302 and response["Location"].endswith(_url(region))


def test_who_reads_the_report(client, region, route_students, make_user, users, registry):
    """The region's coordinators and the beheerder; not another region's coordinator, not a route
    coordinator (404, as for a region that does not exist)."""
    other = make_user("regio-elders", Role.REGIOCOORDINATOR, region=region["other"])
    for user in (other, users["calvijn"], users["regio"]):
        client.force_login(user)
        assert client.get(_url(region)).status_code == 404, user
        assert client.post(f"/regio/{region['region'].pk}/rapport/maken/", {"schooljaar": "2020"}).status_code == 404
    login_with_second_factor(client, users["beheer"])
    assert client.get(_url(region)).status_code == 200
    assert client.get("/regio/999999/rapport/").status_code == 404
    client.logout()
    assert client.get(_url(region)).status_code == 302   # to the login page


def test_bad_school_year_is_a_400_naming_the_field(client, region, reader):
    client.force_login(reader)
    for value in ("abc", "1800", "3000"):
        response = client.get(_url(region, year=value))
        assert response.status_code == 400 and b"schooljaar" in response.content
    assert client.get(f"/regio/{region['region'].pk}/rapport/?schooljaar=2020-2021").status_code == 200
    assert ReportJob.objects.count() == 0


def test_api_report(api_client, region, route_students, make_user, users):
    make_user("regio-test", Role.REGIOCOORDINATOR, region=region["region"])
    url = f"/api/v1/regions/{region['region'].pk}/report"
    headers = api_client.token_for("regio-test")
    body = api_client.get(f"{url}?school_year=2020", **headers).json()
    assert body["region"]["name"] == "Testregio" and body["school_year"] == 2020
    assert {p["route"] for p in body["practices"]} == {"GLR A", "DLR B in ontwikkeling", "Gestapeld B"}
    assert {"by_level", "by_richting", "by_type"} <= set(body["figures"])
    glr = next(s for s in body["students"] if s["route"] == "GLR A")
    assert glr["total"] == 5
    assert {t["key"] for t in body["coverage"]["tables"]} == {"gaps", "matrix", "without", "bereik"}
    beheer = api_client.token_for("beheer")
    assert api_client.get(f"{url}?school_year=2020", **beheer).status_code == 200


def test_api_report_errors(api_client, region, make_user, users):
    make_user("regio-test", Role.REGIOCOORDINATOR, region=region["region"])
    url = f"/api/v1/regions/{region['region'].pk}/report"
    headers = api_client.token_for("regio-test")
    for query in ("", "?school_year=abc", "?school_year=1800"):
        response = api_client.get(url + query, **headers)
        assert response.status_code == 422, query
        assert [e["field"] for e in response.json()["errors"]] == ["school_year"], response.json()
    assert api_client.get("/api/v1/regions/999999/report?school_year=2020", **headers).status_code == 404
    for username in ("calvijn", "regio"):   # a route coordinator; another region's coordinator
        response = api_client.get(f"{url}?school_year=2020", **api_client.token_for(username))
        assert response.status_code == 404 and set(response.json()) == {"detail", "errors"}
    assert api_client.get(f"{url}?school_year=2020").status_code == 401
