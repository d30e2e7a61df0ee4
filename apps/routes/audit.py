"""Audit trail: every change to the register is logged by django-auditlog (who, when, before and
after). Parts of a route or agreement carry the id of their parent, so the parent's history page
shows them too (apps/core/audit.py)."""
from auditlog.registry import auditlog

from . import models as m

auditlog.register(m.Route, m2m_fields={"profielen", "leerwegen"})
auditlog.register(m.Agreement, m2m_fields={"routes"})
for model in (m.Person, m.RoutePartner, m.Uitstroomrichting, m.RouteYear, m.RouteTarget, m.PhaseChange, m.Contact,
              m.ProgrammeComponent, m.Responsibility, m.Signature, m.Clause, m.AgreementDocument,
              m.PartnerProposal, m.PartnerConfirmation, m.RouteGoal, m.GoalJudgement):
    auditlog.register(model)
