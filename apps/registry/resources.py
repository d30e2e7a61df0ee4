"""Import and export of the reference lists. Each list declares its columns, the key that finds an
existing record (an import updates it), and the form that validates a row. Imports are
all-or-nothing: every row is validated first, and nothing is saved if any row has an error."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.lib.tabular import Table

from . import models as m
from .signals import kwalificaties_changed


def _regions_text(institution) -> str:
    return "; ".join(f"{r.kind}:{r.name}" for r in institution.regions.all())


class RegionsByKeyField(forms.Field):
    """Regions written as 'kind:name' separated by ';' (e.g. 'rmc:Amsterdam; gemeente:Amsterdam')."""

    def clean(self, value):
        regions = []
        for part in filter(None, (p.strip() for p in (value or "").split(";"))):
            kind, _sep, name = part.partition(":")
            region = m.Region.objects.filter(kind=kind.strip(), name=name.strip()).first()
            if region is None:
                raise forms.ValidationError(_("Onbekende regio '%(value)s' (schrijf soort:naam, bijv. rmc:Amsterdam).")
                                            % {"value": part})
            regions.append(region)
        return regions


def _form(model_, fields_, **extra):
    meta = type("Meta", (), {"model": model_, "fields": fields_})
    return type(f"{model_.__name__}ImportForm", (forms.ModelForm,), {"Meta": meta, **extra})


@dataclass
class Resource:
    slug: str
    title: str
    model: type
    columns: list[tuple[str, Callable]]            # header, value for export
    form: type
    key: Callable[[dict], dict]                    # row -> lookup of an existing record
    to_data: Callable[[dict], dict] = field(default=lambda row: row)

    def export_rows(self, queryset=None):
        qs = queryset if queryset is not None else self.model.objects.all()
        return [[get(obj) for _h, get in self.columns] for obj in qs]

    @property
    def headers(self):
        return [h for h, _g in self.columns]


@dataclass
class RowError:
    row: int
    column: str
    value: str
    message: str


def import_table(resource: Resource, table: Table) -> tuple[int, list[RowError]]:
    """Validate every row; save all of them, or none. Returns (saved count, errors)."""
    missing = [h for h in resource.headers if h not in table.headers]
    if missing:
        return 0, [RowError(1, h, "", _("Kolom ontbreekt in het bestand.")) for h in missing]
    forms_ok, errors, seen = [], [], {}
    for number, row in enumerate(table.rows, start=2):
        lookup = resource.key(row)
        key = tuple(lookup.values())
        if all(key) and key in seen:
            column = resource.headers[0]
            errors.append(RowError(number, column, row.get(column, ""),
                                   _("Staat ook al in rij %(row)d van dit bestand.") % {"row": seen[key]}))
            continue
        seen[key] = number
        instance = resource.model.objects.filter(**lookup).first() if all(lookup.values()) else None
        form = resource.form(resource.to_data(row), instance=instance)
        if form.is_valid():
            forms_ok.append(form)
            continue
        for name, messages in form.errors.items():
            column = name if name in row else next((h for h in resource.headers if h == name), name)
            for message in messages:
                errors.append(RowError(number, column, row.get(column, ""), message))
    if errors:
        return 0, errors
    with transaction.atomic():
        saved = [form.save() for form in forms_ok]
    if resource.model in (m.Kwalificatie, m.ProfielKwalificatie):
        ids = {getattr(r, "kwalificatie_id", None) or r.pk for r in saved}
        kwalificaties_changed.send(sender=resource.model, kwalificatie_ids=ids)
    return len(forms_ok), []


def _bool(value: str) -> bool:
    return str(value).strip().lower() in {"1", "ja", "j", "yes", "true", "waar", "x"}


RESOURCES = {r.slug: r for r in [
    Resource(
        "regions", gettext_lazy("Regio's"), m.Region,
        [("kind", lambda o: o.kind), ("code", lambda o: o.code), ("name", lambda o: o.name)],
        _form(m.Region, ["kind", "code", "name"]),
        key=lambda row: {"kind": row.get("kind"), "name": row.get("name")},
    ),
    Resource(
        "besturen", gettext_lazy("Besturen"), m.Bestuur,
        [("name", lambda o: o.name), ("bevoegd_gezag_nummer", lambda o: o.bevoegd_gezag_nummer)],
        _form(m.Bestuur, ["name", "bevoegd_gezag_nummer"]),
        key=lambda row: {"name": row.get("name")},
    ),
    Resource(
        "institutions", gettext_lazy("Instellingen"), m.Institution,
        [("brin", lambda o: o.brin), ("name", lambda o: o.name), ("sector", lambda o: o.sector),
         ("kind", lambda o: o.kind), ("bestuur", lambda o: o.bestuur.name), ("city", lambda o: o.city),
         ("regions", _regions_text)],
        _form(m.Institution, ["brin", "name", "sector", "kind", "bestuur", "city", "regions"],
              bestuur=forms.ModelChoiceField(m.Bestuur.objects.all(), to_field_name="name"),
              regions=RegionsByKeyField(required=False)),
        key=lambda row: {"brin": row.get("brin")},
    ),
    Resource(
        "locations", gettext_lazy("Vestigingen"), m.Location,
        [("brin", lambda o: o.institution.brin), ("code", lambda o: o.code), ("name", lambda o: o.name),
         ("city", lambda o: o.city)],
        _form(m.Location, ["institution", "code", "name", "city"],
              institution=forms.ModelChoiceField(m.Institution.objects.all(), to_field_name="brin")),
        key=lambda row: {"institution__brin": row.get("brin"), "code": row.get("code")},
        to_data=lambda row: {**row, "institution": row.get("brin")},
    ),
    Resource(
        "profielen", gettext_lazy("Profielen"), m.Profiel,
        [("code", lambda o: o.code), ("name", lambda o: o.name)],
        _form(m.Profiel, ["code", "name"]), key=lambda row: {"code": row.get("code")},
    ),
    Resource(
        "leerwegen", gettext_lazy("Leerwegen"), m.Leerweg,
        [("code", lambda o: o.code), ("name", lambda o: o.name), ("order", lambda o: o.order)],
        _form(m.Leerweg, ["code", "name", "order"]), key=lambda row: {"code": row.get("code")},
    ),
    Resource(
        "kwalificaties", gettext_lazy("Kwalificaties"), m.Kwalificatie,
        [("code", lambda o: o.code), ("name", lambda o: o.name), ("level", lambda o: o.level),
         ("dossier", lambda o: o.dossier), ("bol", lambda o: "ja" if o.bol else "nee"),
         ("bbl", lambda o: "ja" if o.bbl else "nee")],
        _form(m.Kwalificatie, ["code", "name", "level", "dossier", "bol", "bbl"]),
        key=lambda row: {"code": row.get("code")},
        to_data=lambda row: {**row, "bol": _bool(row.get("bol", "")), "bbl": _bool(row.get("bbl", ""))},
    ),
    Resource(
        "profiel-kwalificatie", gettext_lazy("Verwantschap profiel-kwalificatie (R-02)"), m.ProfielKwalificatie,
        [("profiel", lambda o: o.profiel.code), ("kwalificatie", lambda o: o.kwalificatie.code)],
        _form(m.ProfielKwalificatie, ["profiel", "kwalificatie"],
              profiel=forms.ModelChoiceField(m.Profiel.objects.all(), to_field_name="code"),
              kwalificatie=forms.ModelChoiceField(m.Kwalificatie.objects.all(), to_field_name="code")),
        key=lambda row: {"profiel__code": row.get("profiel"), "kwalificatie__code": row.get("kwalificatie")},
    ),
]}
