"""Audit trail: every change to the register is logged by django-auditlog (who, when, before and
after). Parts of a route or agreement carry the id of their parent, so the parent's history page
shows them too."""
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from apps.registry import models as registry
from . import models as m

auditlog.register(m.Route, m2m_fields={"profielen", "leerwegen"})
auditlog.register(m.Agreement, m2m_fields={"routes"})
for model in (m.RoutePartner, m.Uitstroomrichting, m.RouteYear, m.RouteTarget, m.PhaseChange, m.Contact,
              m.ProgrammeComponent, m.Signature, m.Clause, m.AgreementDocument):
    auditlog.register(model)
for model in (registry.Region, registry.Bestuur, registry.Institution, registry.Location, registry.Profiel,
              registry.Leerweg, registry.Kwalificatie, registry.ProfielKwalificatie):
    auditlog.register(model)


def history(obj, parent_key: str | None = None):
    """The log entries of ``obj`` and of its parts (``parent_key``: "route_id", "agreement_id",
    "institution_id": the key its parts carry)."""
    ct = ContentType.objects.get_for_model(obj)
    entries = Q(content_type=ct, object_pk=str(obj.pk))
    if parent_key:
        entries |= Q(**{f"additional_data__{parent_key}": obj.pk})
    return LogEntry.objects.filter(entries).select_related("actor", "content_type").order_by("-timestamp")
