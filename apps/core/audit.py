"""The history page of any audited record: django-auditlog's entries of the record and of its parts
(who, when, before and after), with field labels and choice names as users know them. Each app
registers its own models with auditlog (its ``audit.py``); parts carry their parent's id in the
entry's additional data, so the parent's history shows them too."""
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def history(obj, parent_key: str | None = None, hidden=()):
    """The log entries of ``obj`` and of its parts (``parent_key``: "route_id", "agreement_id",
    "institution_id": the key its parts carry), without the parts of the models in ``hidden`` (those
    the reader may not see, e.g. a route's people outside its partners)."""
    ct = ContentType.objects.get_for_model(obj)
    entries = Q(content_type=ct, object_pk=str(obj.pk))
    if parent_key:
        entries |= Q(**{f"additional_data__{parent_key}": obj.pk})
    entries = LogEntry.objects.filter(entries).exclude(
        content_type__in=[ContentType.objects.get_for_model(model) for model in hidden])
    entries = entries.select_related("actor", "content_type").order_by("-timestamp")
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
