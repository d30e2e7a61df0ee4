"""Audit trail: every change to the register is logged by django-auditlog (who, when, before and
after). Parts of a route or agreement carry the id of their parent, so the parent's history page
shows them too."""
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import User
from apps.registry import models as registry

from . import models as m

auditlog.register(User, m2m_fields={"institutions"}, exclude_fields=["password", "last_login"])
auditlog.register(m.Route, m2m_fields={"profielen", "leerwegen"})
auditlog.register(m.Agreement, m2m_fields={"routes"})
for model in (m.RoutePartner, m.Uitstroomrichting, m.RouteYear, m.RouteTarget, m.PhaseChange, m.Contact,
              m.ProgrammeComponent, m.Responsibility, m.Signature, m.Clause, m.AgreementDocument,
              m.PartnerProposal, m.PartnerConfirmation, m.RouteGoal, m.GoalJudgement):
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
    entries = LogEntry.objects.filter(entries).select_related("actor", "content_type").order_by("-timestamp")
    return history_rows(entries[:500])


ACTIONS = {0: _("aangemaakt"), 1: _("gewijzigd"), 2: _("verwijderd"), 3: _("ingezien")}
M2M_OPERATIONS = {"add": _("toegevoegd"), "delete": _("verwijderd"), "clear": _("leeggemaakt")}


def _shown(value):
    return "—" if value in (None, "", "None") else value


def change_rows(entry):
    """(field label, before, after) for one log entry, with labels and choice names as users know them."""
    model = entry.content_type.model_class()
    display = entry.changes_display_dict
    rows = []
    for name, values in entry.changes_dict.items():
        try:
            label = str(getattr(model._meta.get_field(name), "verbose_name", name))
        except FieldDoesNotExist:
            label = name
        if isinstance(values, dict):  # many-to-many: an operation on a set of objects
            operation = M2M_OPERATIONS.get(values.get("operation"), values.get("operation"))
            rows.append((label, "", f"{operation}: {', '.join(map(str, values.get('objects', [])))}"))
        else:
            before, after = (list(display.get(label, values)) + ["", ""])[:2]
            rows.append((label, _shown(before), _shown(after)))
    return rows


def history_rows(entries):
    return [{"entry": e, "action": ACTIONS.get(e.action, e.action), "rows": change_rows(e)} for e in entries]
