"""Exam plan templates are audited like the other register records (who changed what, before and
after); a template part carries its template's id, so the template's history shows it."""
from auditlog.registry import auditlog

from . import models as m

auditlog.register(m.ExamPlanTemplate)
auditlog.register(m.ExamPlanTemplatePart)
