"""The register's records are audited (who changed what, before and after); a template part carries
its template's id, so the template's history shows it."""
from auditlog.registry import auditlog

from . import models as m

for model in (m.Region, m.Bestuur, m.Institution, m.Location, m.Profiel, m.Leerweg, m.Kwalificatie,
              m.ProfielKwalificatie, m.ExamPlanTemplate, m.ExamPlanTemplatePart):
    auditlog.register(model)
