"""Regression tests for privacy problems found in review."""
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from apps.students import privacy
from apps.students.models import AccessLog, Enrolment, ImportJob


def test_route_history_shows_no_student_data(enrol, glr_route, client):
    enrol(first="Geheim", last="Leerlingnaam")
    client.login(username="regio", password="pw-regio")
    page = client.get(f"/routes/{glr_route.pk}/geschiedenis/").content.decode()
    assert "Leerlingnaam" not in page and "Geheim" not in page


def test_enrolments_are_audited(enrol):
    student = enrol()
    ct = ContentType.objects.get_for_model(Enrolment)
    assert LogEntry.objects.filter(content_type=ct, additional_data__student_id=student.pk).count() == \
        student.enrolments.count() > 0


def test_lists_of_students_count_as_reads(enrol, glr_route, api_client, client):
    student = enrol()
    client.login(username="rocva", password="pw-rocva")
    client.get(f"/routes/{glr_route.pk}/leerlingen/?cohort=2019")
    client.get(f"/routes/{glr_route.pk}/teldatum/?date=2019-10-01")
    api_client.get(f"/api/v1/routes/{glr_route.pk}/students", **api_client.token_for("calvijn"))
    reads = AccessLog.objects.filter(student_id=student.pk, action="read")
    readers = set(reads.values_list("user__username", flat=True))
    assert readers == {"rocva", "calvijn"}
    assert AccessLog.objects.filter(student_id=student.pk, action="read").count() == 3


def test_roles_that_do_not_work_with_students(enrol, glr_route, make_user, registry, client):
    student = enrol()
    make_user("fin", "financieel", [registry["calvijn"]])
    client.login(username="fin", password="pw-fin")
    assert client.get(f"/leerlingen/{student.pk}/").status_code == 404
    assert client.get(f"/routes/{glr_route.pk}/leerlingen/").status_code == 404
    client.login(username="examen", password="pw-examen")  # exam coordinator: reads and records, no erasure
    assert client.get(f"/leerlingen/{student.pk}/").status_code == 200
    assert client.post(f"/leerlingen/{student.pk}/wissen/").status_code == 404


def test_erasure_removes_the_student_from_pending_imports(enrol, glr_route, registry, users):
    student = enrol(number="C4242")
    job = ImportJob.objects.create(route=glr_route, institution=registry["calvijn"], user=users["calvijn"],
                                   kind="students", filename="x.csv", headers=["nr", "naam"],
                                   rows=[["C4242", "Sanne"], ["C0001", "Piet"]],
                                   errors=[{"row": 2, "column": "nr", "value": "C4242", "rule": "", "message": "x"}])
    privacy.erase(student, users["calvijn"])
    job.refresh_from_db()
    assert job.rows == [["C0001", "Piet"]] and job.errors == []
