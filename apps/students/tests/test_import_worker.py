"""The import in the background worker: the job runs once however often a button is pressed, ends in
one truthful state, survives a worker restart, shows progress; the bulk import writes exactly what
enrolling through the use case writes, with one audit entry per job; BSN columns found by their
values; upload limits and unreadable files give a clear 4xx; the clean-up and import commands."""
import io
import json
from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from apps.core.lib.pseudonym import national_key
from apps.registry.models import Profiel
from apps.students import import_views, importing, tasks
from apps.students.models import Enrolment, Event, ExamPart, ImportJob, Student, StudentFinding, StudentNumber

from .test_import import BSN_A, BSN_B, HEADER, KEES, SANNE, csv_file, latest_job, login, upload

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
ROWS = [HEADER, SANNE, ["C101", *KEES[1:4], "BB", *KEES[5:]]]


@pytest.fixture
def calvijn(client, glr_route, users):
    return login(client, "calvijn")


def map_and_check(client, job):
    response = client.post(reverse("students:import_mapping", args=[job.pk]), {**job.mapping, "step": "validate"})
    assert response.status_code == 302, response.content.decode()
    job.refresh_from_db()
    return job


def worker():
    """One run of the real worker over the queue (as after a restart), until it is empty."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def record(student):
    """Everything enrolling writes about a student, without what differs per student (ids, names, numbers)."""
    return {
        "fields": {k: getattr(student, k) for k in (
            "route_id", "cohort", "leerweg_id", "profiel_id", "kwalificatie_id", "vmbo_year_at_start", "vo_school_id",
            "mbo_institution_id", "route_year", "status", "entry_route_year", "zij_instroom", "glr_judgment_on",
            "vmbo_diploma_on", "mbo_diploma_on", "left_on", "destination", "national_key")},
        "numbers": sorted(student.numbers.values_list("institution_id", flat=True)),
        "enrolments": sorted(student.enrolments.values_list("institution_id", "school_year", "route_year", "start",
                                                            "end", "funded", "phase")),
        "events": sorted(student.events.values_list("kind", "date", "school_year", "route_year", "kwalificatie_id",
                                                    "origin", "destination", "recorded_by_id")),
        "parts": sorted(student.exam_parts.values_list("sector", "kind", "name", "planned_route_year", "examiner_id",
                                                       "result", "integrated")),
        "rules": StudentFinding.objects.filter(student=student).values_list("failed", "warnings").get(),
    }


@override_settings(LEERROUTE_PSEUDONYM_KEY="k")
def test_an_imported_student_equals_one_enrolled_through_the_use_case(calvijn, glr_route, enrol, registry):
    job = map_and_check(calvijn, (upload(calvijn, glr_route, csv_file([HEADER + ["BSN"], SANNE + [BSN_A]])),
                                  latest_job())[1])
    calvijn.post(reverse("students:import_run", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "done", (job.errors, job.message)
    imported = Student.objects.get(numbers__number="C100")
    enrolled = enrol(number="C900", cohort=2021, judgment="2021-06-15", profiel=Profiel.objects.get(code="Z&W"),
                     date_of_birth="2006-03-15")
    enrolled.national_key = national_key(BSN_A)   # the use case takes the pseudonym as given
    a, b = record(imported), record(enrolled)
    assert a["fields"].pop("national_key") == national_key(BSN_A)
    b["fields"].pop("national_key")
    assert a == b
    assert a["enrolments"] and a["events"] and a["parts"]
    assert (imported.first_name, imported.last_name, str(imported.date_of_birth)) == ("Sanne", "de Vries", "2006-03-15")


def test_one_audit_entry_per_import_naming_rows_and_students(calvijn, glr_route):
    before = LogEntry.objects.count()
    upload(calvijn, glr_route, csv_file(ROWS))
    job = map_and_check(calvijn, latest_job())
    calvijn.post(reverse("students:import_run", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "done" and job.imported == 2
    [entry] = LogEntry.objects.order_by("pk")[before:]   # one entry, not one per record
    students = {s.numbers.get().number: s.pk for s in Student.objects.all()}
    assert entry.additional_data["rows"] == [[2, students["C100"]], [3, students["C101"]]]
    assert entry.additional_data["import_job"] == job.pk
    text = json.dumps([entry.changes, entry.additional_data, entry.object_repr])
    assert "Sanne" not in text and "Vries" not in text and "C100" not in text
    assert Enrolment.objects.count() >= 2 and Event.objects.count() == 2 and ExamPart.objects.exists()


def test_the_import_button_pressed_twice_imports_once_and_reports_the_truth(calvijn, glr_route):
    upload(calvijn, glr_route, csv_file(ROWS))
    job = map_and_check(calvijn, latest_job())
    assert job.status == "validated"
    for _ in range(2):   # the double click
        response = calvijn.post(reverse("students:import_run", args=[job.pk]))
        assert response.status_code == 302
    job.refresh_from_db()
    assert (job.status, job.imported) == ("done", 2)
    assert Student.objects.count() == 2 and StudentNumber.objects.count() == 2
    page = calvijn.get(reverse("students:import_job", args=[job.pk])).content.decode()
    assert "2 rijen geïmporteerd" in page and "Niets geïmporteerd" not in page
    # the state moves once: of two claims only the first succeeds
    job.status = "validated"
    job.save()
    assert importing.start_import(job) is True and importing.start_import(job) is False


@override_settings(TASKS=DB_TASKS)
@pytest.mark.django_db(transaction=True)   # the worker closes its connection between tasks, as in production
def test_queued_jobs_wait_for_the_worker_show_progress_and_run_once(calvijn, glr_route):
    upload(calvijn, glr_route, csv_file(ROWS))
    job = latest_job()
    job = map_and_check(calvijn, job)
    map_and_check(calvijn, job)          # the check pressed twice: still one task
    from django_tasks_db.models import DBTaskResult

    assert job.status == "queued" and DBTaskResult.objects.count() == 1 and job.task_id
    page = calvijn.get(reverse("students:import_job", args=[job.pk])).content.decode()
    assert 'hx-get="%s"' % reverse("students:import_step", args=[job.pk]) in page and "rij 0 van 2" in page
    fragment = calvijn.get(reverse("students:import_step", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert "HX-Redirect" not in fragment and "wacht op de controle" in fragment.content.decode().lower()

    worker()   # a worker that (re)starts finds the queued job in the database
    job.refresh_from_db()
    assert (job.status, job.position) == ("validated", 2)
    fragment = calvijn.get(reverse("students:import_step", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert fragment["HX-Redirect"] == job.get_absolute_url()

    calvijn.post(reverse("students:import_run", args=[job.pk]))
    calvijn.post(reverse("students:import_run", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "importing" and DBTaskResult.objects.count() == 2 and not Student.objects.exists()
    worker()
    job.refresh_from_db()
    assert (job.status, job.imported) == ("done", 2) and Student.objects.count() == 2


def test_a_job_whose_worker_stopped_halfway_is_resumed(calvijn, glr_route):
    upload(calvijn, glr_route, csv_file(ROWS))
    job = map_and_check(calvijn, latest_job())
    # the worker died while importing: nothing committed, the job's heartbeat is old
    ImportJob.objects.filter(pk=job.pk).update(status="importing", position=1,
                                               updated=timezone.now() - tasks.STALLED - timedelta(seconds=1))
    assert tasks.resume_stalled(ImportJob.objects.filter(pk=job.pk, updated__gt=timezone.now())) == 0
    page = calvijn.get(reverse("students:import_job", args=[job.pk]))   # the page resumes it
    job.refresh_from_db()
    assert (job.status, job.imported) == ("done", 2) and Student.objects.count() == 2
    assert "2 rijen geïmporteerd" in page.content.decode()


def test_an_error_in_the_worker_ends_in_failed_with_nothing_imported(calvijn, glr_route, monkeypatch):
    upload(calvijn, glr_route, csv_file(ROWS))
    job = map_and_check(calvijn, latest_job())

    def broken(self, planned, user):
        Student.objects.bulk_create([self.student(p.values, p.shape) for p in planned])   # half-written ...
        raise RuntimeError("disk full")                                                # ... then it breaks

    monkeypatch.setattr(importing.StudentRows, "write", broken)
    calvijn.post(reverse("students:import_run", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "failed" and job.imported == 0 and "niets geïmporteerd" in job.message
    assert not Student.objects.exists()
    page = calvijn.get(reverse("students:import_job", args=[job.pk])).content.decode()
    assert "niets geïmporteerd" in page and "rijen geïmporteerd" not in page


def test_cr_only_line_endings_import_and_a_binary_file_gets_a_clear_400(calvijn, glr_route):
    text = "\r".join(",".join(row) for row in ROWS) + "\r"
    response = upload(calvijn, glr_route, SimpleUploadedFile("mac.csv", text.encode()))
    assert response.status_code == 302
    assert latest_job().total == 2 and latest_job().headers == HEADER
    binary = SimpleUploadedFile("foto.csv", bytes(range(256)) * 40)
    response = upload(calvijn, glr_route, binary)
    assert response.status_code == 400 and "geen CSV- of Excel-bestand" in response.content.decode()


def test_upload_size_and_row_limits_have_a_clear_message(calvijn, glr_route, monkeypatch):
    monkeypatch.setattr(import_views, "MAX_UPLOAD", 100)
    response = upload(calvijn, glr_route, csv_file(ROWS))
    assert response.status_code == 400 and "de grens is 25 MB" in response.content.decode()
    monkeypatch.setattr(import_views, "MAX_UPLOAD", 10_000)
    monkeypatch.setattr(importing, "MAX_ROWS", 1)
    response = upload(calvijn, glr_route, csv_file(ROWS))
    assert response.status_code == 400 and "hoogstens 1 rijen" in response.content.decode()
    assert importing.MAX_ROWS != 20000 and not ImportJob.objects.exists()


@override_settings(LEERROUTE_PSEUDONYM_KEY="k")
@pytest.mark.parametrize("header", ["Nummer", "BSN/onderwijsnummer", "Kenmerk"])
def test_a_column_of_bsns_is_pseudonymised_whatever_its_header(calvijn, glr_route, header):
    rows = [["Leerlingnr", *HEADER[1:], header], ["C100", *SANNE[1:], BSN_A],
            ["C101", *KEES[1:4], "BB", *KEES[5:], BSN_B]]
    upload(calvijn, glr_route, csv_file(rows))
    job = latest_job()
    assert job.bsn_columns == [header] and job.mapping["bsn"] == header
    assert BSN_A not in json.dumps(job.rows) and national_key(BSN_A) in json.dumps(job.rows)
    job = map_and_check(calvijn, job)
    calvijn.post(reverse("students:import_run", args=[job.pk]))
    assert Student.objects.get(first_name="Sanne").national_key == national_key(BSN_A)
    assert not StudentNumber.objects.filter(number__in=[BSN_A, BSN_B]).exists()


@override_settings(LEERROUTE_PSEUDONYM_KEY="k")
def test_the_user_can_mark_any_column_as_bsn(calvijn, glr_route):
    rows = [HEADER + ["Code"], SANNE + [BSN_A], ["C101", *KEES[1:4], "BB", *KEES[5:], "42"], ["C102", *SANNE[1:], "43"]]
    upload(calvijn, glr_route, csv_file(rows))
    job = latest_job()
    assert job.bsn_columns == []            # one of three values is a BSN: not found by its values
    page = calvijn.get(reverse("students:import_mapping", args=[job.pk])).content.decode()
    assert '<option value="Code">Code</option>' in page
    calvijn.post(reverse("students:import_mapping", args=[job.pk]), {**job.mapping, "bsn": "Code", "step": "validate"})
    job.refresh_from_db()
    assert job.bsn_columns == ["Code"] and BSN_A not in json.dumps([job.rows, job.errors])
    assert [(e["row"], e["column"], e["value"], e["rule"]) for e in job.errors] == [
        (3, "Code", "(verborgen)", "ongeldig"), (4, "Code", "(verborgen)", "ongeldig")]


def test_cleanup_deletes_unfinished_jobs_and_their_rows_after_seven_days(glr_route, users, registry):
    jobs = [ImportJob.objects.create(route=glr_route, institution=registry["calvijn"], user=users["calvijn"],
                                     kind="students", filename="x.csv", headers=HEADER, rows=ROWS[1:])
            for _ in range(3)]
    old = timezone.now() - timedelta(days=8)
    ImportJob.objects.filter(pk=jobs[0].pk).update(updated=old)                    # unfinished, old: goes
    ImportJob.objects.filter(pk=jobs[1].pk).update(updated=old, status="done")     # done, old: stays (no rows)
    out = io.StringIO()
    call_command("cleanup_imports", stdout=out)
    left = {j.pk: j for j in ImportJob.objects.all()}
    assert jobs[0].pk not in left and jobs[2].pk in left
    assert left[jobs[1].pk].rows == []
    assert "1 onafgemaakte imports verwijderd" in out.getvalue()


def test_import_students_command_prints_rows_per_second(glr_route, users, tmp_path):
    path = tmp_path / "leerlingen.csv"
    path.write_bytes(csv_file(ROWS).read())
    out = io.StringIO()
    call_command("import_students", route=glr_route.pk, file=str(path), user="calvijn", stdout=out)
    assert "rijen/s" in out.getvalue() and Student.objects.count() == 2
    job = ImportJob.objects.get()
    assert (job.status, job.imported, job.rows) == ("done", 2, [])
    # with an explicit mapping, and a file with errors: nothing imported, the errors printed
    header = ["Nr", "Roep", "Fam", "Lw", "Start", "Opl", "Oordeel"]
    path.write_bytes(csv_file([header, ["X1", "Bo", "Smit", "KB", "2021", "25498", "2021-06-15"]]).read())
    mapping = {"number": "Nr", "first_name": "Roep", "last_name": "Fam", "leerweg": "Lw", "cohort": "Start",
               "kwalificatie": "Opl", "glr_judgment_on": "Oordeel"}
    err = io.StringIO()
    with pytest.raises(CommandError, match="Niets geïmporteerd: 1 fouten"):
        call_command("import_students", route=glr_route.pk, file=str(path), user="calvijn",
                     mapping=json.dumps(mapping), stdout=out, stderr=err)
    assert "rij 2, Lw (R-05)" in err.getvalue() and Student.objects.count() == 2
    # as in the wizard, R-17's column must be mapped in a GLR before any row is checked
    with pytest.raises(CommandError, match=r"glr_judgment_on: Verplicht voor deze route \(R-17\)"):
        call_command("import_students", route=glr_route.pk, file=str(path), user="calvijn",
                     mapping=json.dumps({k: v for k, v in mapping.items() if k != "glr_judgment_on"}), stdout=out)
    assert ImportJob.objects.count() == 2
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import_students", route=glr_route.pk, file=str(tmp_path / "geen.csv"), user="calvijn")


def test_sqlite_waits_for_a_writer_instead_of_failing(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20000
    from django.conf import settings

    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
