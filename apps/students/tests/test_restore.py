"""Backup and restore: loading a fixture writes no audit entries, and erasures are applied again
after a backup from before them is restored (``manage.py reapply_erasures``)."""
import json
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.students import privacy
from apps.students.models import AccessLog, ErasureRecord, Student


@pytest.fixture(autouse=True)
def erasure_file(settings, tmp_path):
    """Each test its own register file (the suite's other erasures stay out of it)."""
    settings.LEERROUTE_ERASURE_FILE = tmp_path / "erasures.jsonl"


def _dump(tmp_path, name, *exclude):
    path = tmp_path / f"{name}.json"
    out = StringIO()
    call_command("dumpdata", *[f"--exclude={e}" for e in exclude], "--indent=1", stdout=out)
    path.write_text(out.getvalue())
    return path


def _student_in_audit(*names) -> bool:
    return any(name in f"{e.object_repr} {json.dumps(e.changes)} {json.dumps(e.additional_data)}"
               for e in LogEntry.objects.all() for name in names)


def test_loaddata_writes_no_audit_entries(enrol, glr_route, tmp_path):
    enrol(first="Fenna", last="Restore")
    enrol(first="Gijs", last="Restore")
    backup = _dump(tmp_path, "backup", "auditlog", "sessions", "contenttypes", "auth.permission")
    Student.objects.all().delete()
    glr_route.profielen.clear()          # the fixture sets them again (an m2m change, audited when made by a user)
    LogEntry.objects.all().delete()
    call_command("loaddata", str(backup), verbosity=0)
    assert Student.objects.filter(last_name="Restore").count() == 2
    assert glr_route.profielen.exists()
    assert LogEntry.objects.count() == 0


def test_a_restore_from_before_an_erasure_is_erased_again(enrol, glr_route, users, client, tmp_path):
    keep = enrol(first="Blijft", last="Staan")
    gone = enrol(first="Wordt", last="Gewist", number="C7777")
    client.login(username="calvijn", password="pw-calvijn")
    assert client.get(f"/leerlingen/{gone.pk}/").status_code == 200    # a read, logged
    backup = _dump(tmp_path, "before", "sessions")                     # the backup holds the audit trail too
    assert client.post(f"/leerlingen/{gone.pk}/wissen/").status_code == 302

    record = ErasureRecord.objects.get()
    assert (record.student_id, record.route_id, record.erased_by_id) == (gone.pk, glr_route.pk, users["calvijn"].pk)
    stored = json.dumps(list(ErasureRecord.objects.values()), default=str) + settings.LEERROUTE_ERASURE_FILE.read_text()
    assert "C7777" not in stored and "Gewist" not in stored and "Wordt" not in stored

    # The restore puts back the student, the audit entries and the reads, and loses the register table.
    ErasureRecord.objects.all().delete()
    call_command("loaddata", str(backup), verbosity=0)
    assert Student.objects.filter(pk=gone.pk).exists() and _student_in_audit("Gewist")

    out = StringIO()
    call_command("reapply_erasures", stdout=out)
    assert out.getvalue().startswith("1 leerling(en) opnieuw gewist; 1 wissing(en) in het register.")
    assert not Student.objects.filter(pk=gone.pk).exists()
    assert Student.objects.filter(pk=keep.pk).exists()
    assert not _student_in_audit("Gewist", "C7777")
    assert list(AccessLog.objects.filter(student_id=gone.pk).values_list("action", flat=True)) == ["erase"]
    assert ErasureRecord.objects.filter(student_id=gone.pk, reapplied_at__isnull=False).exists()

    again = StringIO()
    call_command("reapply_erasures", stdout=again)                   # idempotent
    assert again.getvalue().startswith("0 leerling(en) opnieuw gewist; 1 wissing(en) in het register.")
    assert Student.objects.filter(pk=keep.pk).exists()
    assert len(settings.LEERROUTE_ERASURE_FILE.read_text().splitlines()) == 1


def test_a_student_entered_again_after_a_restore_is_recognised_by_number(enrol, glr_route, users):
    gone = enrol(first="Wordt", last="Gewist", number="C8888")
    privacy.erase(gone, users["calvijn"])
    again = enrol(first="Wordt", last="Gewist", number="C8888")      # re-imported from the school's system
    assert again.pk != gone.pk
    call_command("reapply_erasures", stdout=StringIO())
    assert not Student.objects.filter(pk=again.pk).exists()


def test_a_damaged_register_file_is_named(db, tmp_path):
    bad = tmp_path / "wissingen.jsonl"
    bad.write_text('{"student_id": 1}\n')
    with pytest.raises(CommandError, match="regel 1"):
        call_command("reapply_erasures", f"--file={bad}", stdout=StringIO())
