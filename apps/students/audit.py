"""Changes to student records are audited; the audit trail never holds names or BSNs in the
clear for erased students because erasure deletes the entries (see services.erase_student)."""
from auditlog.registry import auditlog

from . import models as m

auditlog.register(m.Student, exclude_fields=["national_key", *m.PLAIN_FIELDS])
for model in (m.StudentNumber, m.Enrolment, m.Event, m.ExamPart, m.BpvPeriod):
    auditlog.register(model)
